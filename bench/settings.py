"""The portal's settings (DEBUG off, see bench.setup_django), plus a page that runs no
query and the `generate_practices` and `share_drafts` commands (bench/management/)."""

import warnings

from portal.settings import *  # noqa: F403
from portal.settings import BASE_DIR, INSTALLED_APPS, STORAGES, TEMPLATES

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]
# Without collectstatic there is no manifest: static URLs are built without it.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
warnings.filterwarnings("ignore", "No directory at", UserWarning)
