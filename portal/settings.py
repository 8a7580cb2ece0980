"""Settings for the portal, read from environment variables.

With nothing set, the portal runs in development mode: DEBUG on, SQLite in the
project folder and e-mail printed to the console. See docs/configuration.md.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent


def database_from_url(url):
    """A DATABASES entry for a postgres:// URL, or SQLite: in the project folder without a
    URL, else at the path of a sqlite:/// URL (sqlite:///x.sqlite3 relative to the project
    folder, sqlite:////tmp/x.sqlite3 absolute)."""
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / unquote(parts.path[1:])}
    if parts.scheme not in {"postgres", "postgresql"}:
        raise ImproperlyConfigured(
            f"DATABASE_URL must start with postgres:// or sqlite:///, not {parts.scheme}://"
        )
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parts.path.lstrip("/")),
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": parts.port or "",
        "CONN_MAX_AGE": 60,
        # Index reads cost little more than sequential ones on SSDs: without this the
        # planner scans the whole table for a common search word instead of its GIN index.
        # A database that does not answer is given up after a few seconds (the health
        # check says so) rather than holding every request.
        "OPTIONS": {"options": "-c random_page_cost=1.1", "connect_timeout": 5},
    }


# DJANGO_ENV=production: the settings a public deployment needs, or a refusal to start.
PRODUCTION = env_choice("DJANGO_ENV", "development", ["development", "production"]) == "production"
REQUIRED_IN_PRODUCTION = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "EMAIL_HOST")
if PRODUCTION and (missing := [name for name in REQUIRED_IN_PRODUCTION if not env_str(name)]):
    raise ImproperlyConfigured(
        f"DJANGO_ENV=production needs {', '.join(missing)} (or the same name with _FILE, "
        "naming a file that holds it). See docs/deployment.md."
    )
DEBUG = env_bool("DJANGO_DEBUG", not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG must be off when DJANGO_ENV=production.")
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY (or SECRET_KEY_FILE) when DJANGO_DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])

INSTALLED_APPS = [
    "modeltranslation",
    "portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    "django_tasks_db",
    "portal",
    "practices",
    "trainings",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.BrowserPolicies",
    "portal.middleware.LeaveOutNul",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "portal.middleware.RememberLanguage",
    "portal.middleware.RefuseLargeBodies",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "portal.urls"
# Where editors log in: another address than admin/ keeps most robots away from it.
ADMIN_URL = env_str("ADMIN_URL", "admin/").strip("/") + "/"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": database_from_url(env_str("DATABASE_URL"))}
# A web request's query is stopped after this many seconds (portal.wsgi; PostgreSQL).
WEB_STATEMENT_TIMEOUT = env_int("WEB_STATEMENT_TIMEOUT", 30)

# The cache holds pages, facet counts and the rate limits' counters. Several app servers
# share them through Redis (REDIS_URL); one alone can keep them in its own memory.
REDIS_URL = env_str("REDIS_URL")
# A Redis that is down, hangs or refuses writes is a miss after at most half a second,
# and for a few seconds after that at once (portal.cache).
CACHES = {
    "default": {
        "BACKEND": "portal.cache.ForgivingRedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# Logs: one JSON object a line on standard output, for the service manager to collect.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "portal.logs.JsonFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stdout",
        }
    },
    "root": {
        "handlers": ["stdout"],
        "level": env_choice("LOG_LEVEL", "INFO", ["DEBUG", "INFO", "WARNING", "ERROR"]),
    },
    # Django's own loggers too, instead of its default console and mail handlers.
    "loggers": {"django": {"handlers": ["stdout"], "propagate": False}},
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source language of the interface; Dutch is the
# portal's default (it opens in Dutch when the browser states no preference).
LANGUAGE_CODE = "nl"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600  # the language last read, for the next visit to /
LANGUAGES = [
    ("nl", _("Dutch")),
    ("fr", _("French")),
    ("de", _("German")),
    ("en", _("English")),
    ("sv", _("Swedish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_THOUSAND_SEPARATOR = True  # 87,039 / 87.039 / 87 039, as each language writes it
USE_TZ = True
TIME_ZONE = "Europe/Brussels"

MODELTRANSLATION_DEFAULT_LANGUAGE = "nl"
MODELTRANSLATION_ENABLE_FALLBACKS = False
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# Static files are for the portal's own pages (as Cross-Origin-Resource-Policy says).
WHITENOISE_ALLOW_ALL_ORIGINS = False


# Security headers, on every response in every environment: nothing loaded but what a
# directive names, no inline script or style anywhere (the CSP), nothing framed, no
# referrer beyond this site, no browser features (see docs/deployment.md, "Headers").
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],  # the admin's autocomplete boxes ask for their options
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = LANGUAGE_COOKIE_SAMESITE = "Lax"
if PRODUCTION:
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Behind a proxy that ends TLS and says so in X-Forwarded-Proto (and strips it from
    # what clients send): then requests it forwards count as HTTPS.
    if env_bool("BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


def mailer():
    """The console by default (portal.console); with EMAIL_HOST set, SMTP with the
    EMAIL_* variables."""
    if not env_str("EMAIL_HOST"):
        backend = env_str("EMAIL_BACKEND", "portal.console.EmailBackend")
        return {"BACKEND": backend}
    return {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env_str("EMAIL_HOST"),
            "port": env_int("EMAIL_PORT", 587),
            "username": env_str("EMAIL_HOST_USER"),
            "password": env_str("EMAIL_HOST_PASSWORD"),
            "use_tls": env_bool("EMAIL_USE_TLS", True),
            # A mail server that accepts the connection and never answers is given up.
            "timeout": env_int("EMAIL_TIMEOUT", 10),
        },
    }


MAILERS = {"default": mailer()}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "portal@localhost")
# Where people write about their personal data (the privacy notice names it).
CONTACT_EMAIL = env_str("CONTACT_EMAIL", DEFAULT_FROM_EMAIL)

# Machine translation (portal.machine), offered only where one of these is set: a
# LibreTranslate-compatible server (with its API key, if it asks one), or a DeepL key.
MACHINE_TRANSLATION_URL = env_str("MACHINE_TRANSLATION_URL", "")
MACHINE_TRANSLATION_KEY = env_str("MACHINE_TRANSLATION_KEY", "")
DEEPL_API_KEY = env_str("DEEPL_API_KEY", "")
DEEPL_URL = env_str("DEEPL_URL", "")  # by default DeepL's free or paid API, by the key
MACHINE_TRANSLATION_TIMEOUT = env_int("MACHINE_TRANSLATION_TIMEOUT", 30)
# The portal's public address, for links in e-mails sent without a request (alerts).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# E-mail alerts (practices.alerts): how many one address may ask for in an hour, and how
# long an unconfirmed one waits for its confirmation.
ALERT_RATE_LIMIT = env_int("ALERT_RATE_LIMIT", 5)
ALERT_CONFIRM_DAYS = 7
# E-mails are tasks, kept in the database until the worker (manage.py db_worker) has sent
# them. One the mail server refuses is tried again after EMAIL_RETRY_FIRST seconds, then
# after twice as long each time (at most EMAIL_RETRY_LONGEST), for EMAIL_RETRY_FOR
# seconds; then editors see it in admin (portal.mail).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_RETRY_FIRST = env_int("EMAIL_RETRY_FIRST", 60)
EMAIL_RETRY_LONGEST = env_int("EMAIL_RETRY_LONGEST", 4 * 3600)
EMAIL_RETRY_FOR = env_int("EMAIL_RETRY_FOR", 26 * 3600)

PRACTICES_PER_PAGE = 20
# The largest request body taken (bytes): far above the largest share form, which holds at
# most some 60,000 characters. docs/deployment.md sets the same limit in nginx.
REQUEST_MAX_BYTES = env_int("REQUEST_MAX_BYTES", 1024 * 1024)
# A file attached to a practice (portal.files); editors send files to admin only, up to
# FILES_PER_REQUEST of them at once.
ATTACHMENT_MAX_BYTES = env_int("ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
FILES_PER_REQUEST = 5
# The files one initiative may have when it is shared (one at a time on the share form).
SHARE_MAX_FILES = env_int("SHARE_MAX_FILES", 5)
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# A published practice editors have not confirmed for this many days is due for a check.
CHECK_INTERVAL_DAYS = env_int("CHECK_INTERVAL_DAYS", 365)
# Initiatives one address may share in SHARE_RATE_WINDOW seconds (a spam brake).
SHARE_RATE_LIMIT = env_int("SHARE_RATE_LIMIT", 5)
SHARE_RATE_WINDOW = 3600
# Messages one address may send to contacts in WRITE_RATE_WINDOW seconds (portal.relay).
WRITE_RATE_LIMIT = env_int("WRITE_RATE_LIMIT", 5)
WRITE_RATE_WINDOW = 3600
# Failed admin logins from one address or for one account in ADMIN_LOGIN_WINDOW seconds.
ADMIN_LOGIN_ATTEMPTS = env_int("ADMIN_LOGIN_ATTEMPTS", 5)
ADMIN_LOGIN_WINDOW = 15 * 60
# Behind the portal's own proxy, every request comes from the proxy: the limits count the
# client's address the proxy writes last in X-Forwarded-For. Never set this without such
# a proxy, or anyone could claim any address.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", False)
# The facet counts' covering index (INCLUDE columns) is for PostgreSQL; SQLite, which has
# no such indexes, makes it a plain one, as it should.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
# Public pages and facet counts are cached, and made afresh whenever content readers see
# is saved; this bounds how long a change that saves nothing (a deletion, a new theme
# added in the shell) can leave them behind (portal.caching, portal.version).
CATALOGUE_CACHE_TIMEOUT = 600
