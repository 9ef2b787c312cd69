"""Platforma settings, read from the environment with safe defaults for local use.

Environment variables (all optional):

- ``DATABASE_URL``: ``sqlite:///path`` or ``postgresql://user@host:port/name``;
  default: an SQLite file ``var/platforma.sqlite3`` in WAL mode.
- ``DJANGO_SECRET_KEY``: default: a key generated once into ``var/secret_key``.
- ``DJANGO_DEBUG``: ``1`` to turn on debug pages (``make run`` does); default off.
- ``DJANGO_ALLOWED_HOSTS``: comma-separated; default ``localhost,127.0.0.1``.
- ``PLATFORMA_VAR_DIR``: where local state lives (database, secret, uploads); default: ``var/``.
- ``EMAIL_HOST``, ``EMAIL_PORT``, ``EMAIL_HOST_USER``, ``EMAIL_HOST_PASSWORD``,
  ``EMAIL_USE_TLS``: SMTP; when ``EMAIL_HOST`` is unset, mail goes to the console.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from platforma.core.fallbacks import PlatformFallbacks

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("PLATFORMA_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _local_secret_key() -> str:
    """A secret generated on first run and kept in var/, so none is ever committed."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        # Created readable by the owner only from the first byte (no window for others).
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or _local_secret_key()
DEBUG = env_bool("DJANGO_DEBUG")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its admin integration applies.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Accounts that hold (issue 13): login throttling, second factors, the CSP header,
    # and the task queue that sends every e-mail outside the request.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "platforma.core",
    "platforma.documents",
    "platforma.members",
    "platforma.workinggroups",
    "platforma.governance",
    "platforma.meetings",
    "platforma.elections",
    "platforma.activities",
    "platforma.publications",
    "platforma.outreach",
    "platforma.notifications",
    "platforma.reports",
    "platforma.forum",
    "platforma.website",
    "platforma.accounts",
    "platforma.privacy",
    "platforma.api",
    "ninja",  # its Swagger UI files, served from here (no CDN)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "platforma.core.middleware.RequestSizeLimit",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "platforma.api.middleware.ApiLanguage",  # the API's ?lang=
    "platforma.core.middleware.PlatformLanguage",  # content falls back to the platform's language
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Session limits (12 hours; 30 minutes idle for back-office roles) and the second factor
    # that back-office pages require: after OTPMiddleware and the messages.
    "platforma.accounts.middleware.AccountsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout into its answer.
    "axes.middleware.AxesMiddleware",
]

# The bench scripts (bench/) set PLATFORMA_BENCH=1: their server also serves the reference views.
ROOT_URLCONF = "config.urls_bench" if env_bool("PLATFORMA_BENCH") else "config.urls"

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
                "platforma.website.context_processors.languages",
            ],
        },
    },
    {
        # Plain-text e-mails: what people typed goes out as they typed it, never HTML-escaped.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "NAME": "text",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# --- Database -------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'platforma.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one writer writes; IMMEDIATE transactions take the write
    # lock up front so concurrent writers wait (busy timeout) instead of failing mid-transaction.
    # Connections persist: opening one (and the WAL checkpoint when the last one closes) costs
    # more than a whole page (measured: 14 ms a page kept open, 39 ms reconnecting each time).
    # Writers queue on a file lock rather than SQLite's sleep-and-retry (platforma.core.db.sqlite);
    # PLATFORMA_SQLITE_WRITER_QUEUE=0 leaves it to Django's own backend, for comparison
    # (bench/bench_sqlite_writers.py measures both in one run).
    if env_bool("PLATFORMA_SQLITE_WRITER_QUEUE", True):
        DATABASES["default"]["ENGINE"] = "platforma.core.db.sqlite"
    # Tests run on an in-memory database, as Django does for its own SQLite backend (pytest-django
    # recognises that backend by name only, so it is said here).
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
    DATABASES["default"]["CONN_MAX_AGE"] = None
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
FORMS_URLFIELD_ASSUME_HTTPS = True  # the Django 6 default, chosen now

# --- Authentication ---------------------------------------------------------------------------
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes first: it refuses a locked-out user name or address before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling (django-axes): after PLATFORMA_LOGIN_FAILURES failures in
# PLATFORMA_LOGIN_COOLOFF_MINUTES, the user name and, separately, the address are locked
# until the cool-off ends or the secretariat unlocks them.
AXES_FAILURE_LIMIT = int(os.environ.get("PLATFORMA_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("PLATFORMA_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# The lockout page: translated, saying until when (platforma/accounts/views.py).
AXES_LOCKOUT_CALLABLE = "platforma.accounts.views.lockout_response"
# Two factors (django-otp): the name authenticator apps show beside the code.
OTP_TOTP_ISSUER = os.environ.get("PLATFORMA_OTP_ISSUER", "Platforma")
# Sessions: at most 12 hours from the login; back-office roles (superuser, secretariat, tellers)
# are logged out after PLATFORMA_IDLE_MINUTES without a request (platforma/accounts/middleware.py).
SESSION_COOKIE_AGE = int(os.environ.get("PLATFORMA_SESSION_HOURS", "12")) * 3600
PLATFORMA_IDLE_MINUTES = int(os.environ.get("PLATFORMA_IDLE_MINUTES", "30"))
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "account-home"  # the user's own office, or the site's front page

# --- Languages --------------------------------------------------------------------------------
# Adding a language = adding it here and a catalogue under locale/ (see docs/translations.md).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("az", _("Azerbaijani")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# An empty translation falls back to the main language of the platform shown, then to any
# language that is filled (platforma/core/fallbacks.py; docs/translations.md).
MODELTRANSLATION_FALLBACK_LANGUAGES = PlatformFallbacks(code for code, _name in LANGUAGES)

# --- Static and uploaded files ------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("PLATFORMA_MANIFEST_STATIC", False)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Production sets PLATFORMA_MANIFEST_STATIC=1 and runs collectstatic (hashed, compressed files);
# locally and in tests WhiteNoise serves straight from the source folders.
WHITENOISE_USE_FINDERS = not env_bool("PLATFORMA_MANIFEST_STATIC", False)
# Uploads are private by default: stored outside the web root and served only through views
# that check permissions.
MEDIA_ROOT = VAR_DIR / "media"
# A request body above this is refused (413) before it is read; each file has its own 10 MB limit.
PLATFORMA_MAX_REQUEST_BYTES = int(os.environ.get("PLATFORMA_MAX_REQUEST_BYTES", 32 * 1024 * 1024))
# Registrations of events that ended longer ago are pseudonymised (docs/privacy.md).
PLATFORMA_REGISTRATION_RETENTION_DAYS = int(
    os.environ.get("PLATFORMA_REGISTRATION_RETENTION_DAYS", "730")
)
# How many minutes before its start a meeting's sitting may be opened (check-in starts then).
PLATFORMA_SITTING_OPENS_BEFORE_MINUTES = int(
    os.environ.get("PLATFORMA_SITTING_OPENS_BEFORE_MINUTES", 60)
)

# --- E-mail -----------------------------------------------------------------------------------
# Links in e-mails (application status, recommendations, invitations) start with this.
PLATFORMA_BASE_URL = os.environ.get("PLATFORMA_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Platforma <noreply@localhost>")
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# An SMTP server that accepts and never answers must not hold a worker for ever.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
# Mailings (platforma/outreach, docs/mailings.md): the worker writes PLATFORMA_MAILING_BATCH
# messages at a time, at most PLATFORMA_MAILING_RATE a minute (0: no pause between batches);
# a mailing's attachments may weigh PLATFORMA_MAILING_MAX_ATTACHMENT_MB per message.
PLATFORMA_MAILING_RATE = int(os.environ.get("PLATFORMA_MAILING_RATE", "600"))
PLATFORMA_MAILING_BATCH = int(os.environ.get("PLATFORMA_MAILING_BATCH", "50"))
PLATFORMA_MAILING_MAX_ATTACHMENT_MB = int(
    os.environ.get("PLATFORMA_MAILING_MAX_ATTACHMENT_MB", "10")
)

# The REST API (platforma/api, docs/api.md): calls a minute per signed-in user (token or
# session) and per anonymous client address; past them a 429. Empty: no limit.
PLATFORMA_API_RATE = os.environ.get("PLATFORMA_API_RATE", "600/min")
PLATFORMA_API_ANONYMOUS_RATE = os.environ.get("PLATFORMA_API_ANONYMOUS_RATE", "120/min")
NINJA_PAGINATION_CLASS = "platforma.api.pagination.Pages"
# The client's address is REMOTE_ADDR, as for every other limit here: X-Forwarded-For is the
# client's to write, so reading it would let anyone pick a fresh address for each call.
NINJA_NUM_PROXIES = 0

# --- Background work ----------------------------------------------------------------------------
# Every e-mail (and every slow PDF) is a task: stored in the database on commit and run by
# `manage.py db_worker`, which `make run` starts beside the web server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Security -----------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG and env_bool("DJANGO_SECURE", False):
    # Behind TLS in production: `manage.py check --deploy` is clean with DJANGO_SECURE=1.
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    # Preloading binds the domain and every sub-domain to HTTPS for years: only when asked.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
    # Off by choice, not by oversight: Django's deploy check would warn about each (W005, W021)
    # and `check --deploy` is to stay clean; turned on, the warning has nothing to say.
    SILENCED_SYSTEM_CHECKS = [
        *(["security.W005"] if not SECURE_HSTS_INCLUDE_SUBDOMAINS else []),
        *(["security.W021"] if not SECURE_HSTS_PRELOAD else []),
    ]

# Content-Security-Policy (django-csp): nothing inline, nothing from elsewhere.
# PLATFORMA_CSP_REPORT_ONLY=1 sends it as Content-Security-Policy-Report-Only instead.
_CSP_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# Where browsers send their reports of what the policy refused (an address that collects them,
# e.g. a report-collecting service); none by default: the browser's console shows them anyway.
if os.environ.get("PLATFORMA_CSP_REPORT_URI"):
    _CSP_POLICY["DIRECTIVES"]["report-uri"] = [os.environ["PLATFORMA_CSP_REPORT_URI"]]
if env_bool("PLATFORMA_CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP_POLICY
else:
    CONTENT_SECURITY_POLICY = _CSP_POLICY

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
