"""A benchmark of the portal's pages on a synthetic catalogue: see run.py and
docs/performance.md."""

import gc
import os

import django


def setup_django(database_url):
    """Django with bench.settings (DEBUG off) on the database at `database_url`."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DJANGO_DEBUG="false",
        SECRET_KEY="bench-only-not-a-secret",
        DATABASE_URL=database_url,
    )
    django.setup()
    gc.freeze()  # as portal.wsgi does once the portal is loaded
