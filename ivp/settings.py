"""Settings of IVP Regie.

This is the only module that reads the environment. Every variable has a safe default and is
listed in docs/configuration.md. Without any variable set, the application runs on an embedded
SQLite database with background tasks executed in-process and e-mail printed to the console.
"""

from pathlib import Path

import environ
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# Debug pages and static serving by Django itself; only for development (`make run` sets it).
DEBUG = env.bool("DJANGO_DEBUG", default=False)
# Secret used for sessions and CSRF; a development value is only accepted with DEBUG on.
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG and not env.bool("DJANGO_ALLOW_INSECURE_KEY", default=False):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            "Zet DJANGO_SECRET_KEY (of DJANGO_DEBUG=1 voor lokale ontwikkeling)."
        )
    SECRET_KEY = "django-insecure-alleen-voor-ontwikkeling-en-tests"
# Host names this instance answers to, comma separated.
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
# Origins trusted for CSRF behind a proxy, e.g. https://ivp.gemeente.nl.
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "django_htmx",
    "simple_history",
    "ivp",
    "veiligheidsvelden",
    "stappen",
    "werkgroep",
    "uitvoering",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Headers (issue 15, finding 10; settings in the "Issue 15 (afscherming)" block below).
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "ivp.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "ivp.urls"
WSGI_APPLICATION = "ivp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            "builtins": ["django.templatetags.static"],
        },
    },
]

# Database: PostgreSQL in production (postgres://user:pass@host:5432/name); SQLite by default.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "ivp.Gebruiker"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%d-%m-%Y", "%Y-%m-%d"]

STATIC_URL = "static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
# NL Design System CSS comes from the npm registry (`npm ci`, see package.json) and is served
# from node_modules under its own prefix; nothing is loaded from a CDN.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/utrecht", BASE_DIR / "node_modules/@utrecht/component-library-css/dist"),
    (
        "vendor/voorbeeld-tokens",
        BASE_DIR / "node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist",
    ),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Private files (rendered PDFs); never served directly by the web server.
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")

# E-mail: printed to the console unless an SMTP host is given.
EMAIL_SMTP_HOST = env.str("EMAIL_HOST", default="")
if EMAIL_SMTP_HOST:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": EMAIL_SMTP_HOST,
                "port": env.int("EMAIL_PORT", default=587),  # SMTP port
                "username": env.str("EMAIL_USER", default=""),  # SMTP login
                "password": env.str("EMAIL_PASSWORD", default=""),  # SMTP password
                "use_tls": env.bool("EMAIL_USE_TLS", default=True),  # STARTTLS
                "timeout": 30,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
# Sender of reminders and notifications.
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="IVP Regie <noreply@ivp-regie.local>")
# The address of this instance, for links in e-mails (no trailing slash).
IVP_BASIS_URL = env.str("IVP_BASIS_URL", default="http://127.0.0.1:8000").rstrip("/")

# Celery: with no broker URL, tasks run eagerly in-process (the embedded default).
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 120
CELERY_TASK_TIME_LIMIT = 180
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

# Security headers; HTTPS settings are on whenever DEBUG is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    # Set to 0 when TLS is terminated by a proxy that also redirects to HTTPS.
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # One year of HSTS; lower it while first trying HTTPS on a new domain.
    SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# --- Issue 15 (afscherming): headers (CSP, Permissions-Policy) and calendar link expiry ------
# Only our own files: no inline script or style anywhere (no 'unsafe-inline'), no frames, no
# plugins, forms post only to us. SVG and icons may be data: URLs. docs/frontend.md explains it.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Browser features no page of ours uses, switched off for every page (ivp.middleware).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
# A private calendar link (werkgroep agenda feed) stops working after this many days; its
# owner makes a new one on the agenda page.
IVP_AGENDAFEED_GELDIG_DAGEN = env.int("IVP_AGENDAFEED_GELDIG_DAGEN", default=180)
# --- end of the issue 15 (afscherming) block -----------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
}

# Forms render through our templates (NL Design System classes, errors linked to fields).
FORM_RENDERER = "ivp.forms.IvpFormRenderer"
