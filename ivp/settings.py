"""Settings of IVP Regie.

This is the only module that reads the environment. Every variable has a safe default and is
listed in docs/configuration.md. Without any variable set, the application runs on an embedded
SQLite database with background tasks executed in-process and e-mail printed to the console.
"""

from pathlib import Path
from typing import Any

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
    "regio",
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
                # The header's link to the region for regional coordinators (no query).
                "regio.context_processors.regio_navigatie",
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
# AUTH_PASSWORD_VALIDATORS: in the block 'Inloggen en beveiliging' below.
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
    # The PDF's font (docs/pdf.md), from the npm package, embedded in every PDF.
    ("vendor/source-sans-3", BASE_DIR / "node_modules/@fontsource/source-sans-3/files"),
    (
        "vendor/voorbeeld-tokens",
        BASE_DIR / "node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist",
    ),
]
STORAGES: dict[str, dict[str, Any]] = {
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
# The rendered PDFs (docs/pdf.md): only the download view, which checks the permission,
# reads them.
PRIVATE_ROOT = env.path("DJANGO_PRIVATE_ROOT", default=BASE_DIR / "prive")
STORAGES["prive"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(PRIVATE_ROOT), "base_url": "/niet-openbaar/"},
}

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
# Whether the server may fetch a gemeente's meeting calendar (iCalendar feed of the RIS) from
# outside; without it, coordinators upload the .ics file instead.
IVP_VERGADERFEED = env.bool("IVP_VERGADERFEED", default=True)
# Whether it may fetch one from an internal address (a RIS on the gemeente's own network);
# off, so a feed address cannot make the server read its own network.
IVP_VERGADERFEED_INTERN = env.bool("IVP_VERGADERFEED_INTERN", default=False)
# Whether `manage.py demo` renders the PDFs of the stukken it adopts (a few seconds each): on,
# so the griffie's page is full at the first `make run`; the test suite switches it off except
# where a test needs the demo's PDFs.
IVP_DEMO_PDF = env.bool("IVP_DEMO_PDF", default=True)

# The cache (docs/configuration.md): Redis when CACHE_URL names it, shared by all workers;
# without it each process keeps its own in memory (Django's locmem). Only results that cannot
# go stale are cached (a comparison of two frozen versions, the OIDC discovery document).
CACHE_URL = env.str("CACHE_URL", default="")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "ivp",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

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
# Days a file made in the background (an export, ivp.Download) is kept; the nightly clean-up
# removes older ones with their files.
IVP_DOWNLOADS_BEWAAR_DAGEN = env.int("IVP_DOWNLOADS_BEWAAR_DAGEN", default=7)
# --- end of the issue 15 (afscherming) block -----------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    # The loggers are set with the security log below.
}

# Forms render through our templates (NL Design System classes, errors linked to fields).
FORM_RENDERER = "ivp.forms.IvpFormRenderer"

# === Inloggen en beveiliging (issue 15, findings 5–9; docs/beveiliging.md) ====================
# One block, so that it merges apart from the other security settings (headers, CSP).
import datetime as _dt  # noqa: E402

INSTALLED_APPS += [
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "mozilla_django_oidc",
]
# After authentication and messages (a session that ends says so in a message).
_NA = MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1
MIDDLEWARE[_NA:_NA] = [
    "django_otp.middleware.OTPMiddleware",
    "ivp.inlog.middleware.SessieduurMiddleware",
    "ivp.inlog.middleware.TweestapsMiddleware",
    "ivp.inlog.middleware.WeigeringenMiddleware",
]
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # last: turns a lockout into its page

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked account or address
    "ivp.inlog.backends.WachtwoordBackend",  # password, unless the gemeente switched it off
    "ivp.inlog.oidc.OidcBackend",  # OpenID Connect, only when OIDC_ISSUER is set
]

# Lockout (django-axes): per username and, separately, per IP address.
AXES_FAILURE_LIMIT = env.int("IVP_INLOG_MAX_POGINGEN", default=5)  # wrong passwords before lock
# Minutes an account or address stays locked after the last failure.
AXES_COOLOFF_TIME = _dt.timedelta(minutes=env.int("IVP_INLOG_BLOKKADE_MINUTEN", default=15))
# What is locked: `username`, `ip_address`, or both (each counted on its own).
AXES_LOCKOUT_PARAMETERS = env.list("IVP_INLOG_BLOKKEER_OP", default=["username", "ip_address"])
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "ivp.inlog.views.geblokkeerd"
AXES_VERBOSE = False  # the security log (ivp.inlog.log) says it once, as JSON
# Number of reverse proxies in front of the app whose X-Forwarded-For is trusted (0: none).
AXES_IPWARE_PROXY_COUNT = env.int("IVP_PROXY_AANTAL", default=0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if AXES_IPWARE_PROXY_COUNT else ("REMOTE_ADDR",)
)

# Second factor (django-otp, TOTP with recovery codes). Required for coordinators and for
# /beheer/ unless switched off; `make run` (DJANGO_DEBUG=1) switches it off for the demo.
IVP_TWEESTAPS_VERPLICHT = env.bool("IVP_TWEESTAPS_VERPLICHT", default=not DEBUG)
OTP_TOTP_ISSUER = "IVP Regie"
OTP_TOTP_THROTTLE_FACTOR = 1  # seconds, doubling after each wrong code

# Single sign-on (OpenID Connect). Off unless OIDC_ISSUER and OIDC_CLIENT_ID are set.
OIDC_ISSUER = env.str("OIDC_ISSUER", default="").rstrip("/")  # e.g. Entra ID or Keycloak realm
OIDC_RP_CLIENT_ID = env.str("OIDC_CLIENT_ID", default="")  # the client registered for IVP Regie
OIDC_RP_CLIENT_SECRET = env.str("OIDC_CLIENT_SECRET", default="")  # its secret
OIDC_EMAIL_CLAIM = env.str("OIDC_EMAIL_CLAIM", default="email")  # claim with the e-mail address
OIDC_NAAM = env.str("OIDC_NAAM", default="uw organisatie")  # shown on the login button
# The provider's own MFA (Entra conditional access, Keycloak OTP) counts as the second factor.
OIDC_TWEESTAPS_BIJ_PROVIDER = env.bool("OIDC_TWEESTAPS_BIJ_PROVIDER", default=True)
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = "openid email profile"
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False  # never: a person needs an account and a role from the coordinator
OIDC_TIMEOUT = 10
LOGIN_REDIRECT_URL_FAILURE = "login"
OIDC_AUTHENTICATE_CLASS = "ivp.inlog.oidc.OidcStartView"
OIDC_CALLBACK_CLASS = "ivp.inlog.oidc.OidcTerugView"

# Passwords: at least 12 characters, not a common password.
AUTH_PASSWORD_VALIDATORS: list[dict[str, object]] = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "ivp.inlog.wachtwoord.MinimaleLengte",  # Django's, with a Dutch message
        "OPTIONS": {"min_length": env.int("IVP_WACHTWOORD_MIN_LENGTE", default=12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60  # a reset link works for one hour

# Sessions: end after this many minutes without a request, and after this many hours anyhow.
IVP_SESSIE_INACTIEF_MINUTEN = env.int("IVP_SESSIE_INACTIEF_MINUTEN", default=30)
IVP_SESSIE_MAX_UUR = env.int("IVP_SESSIE_MAX_UUR", default=12)
SESSION_COOKIE_AGE = IVP_SESSIE_MAX_UUR * 60 * 60

# The security log: one JSON line per event on standard output, for the platform to ship.
LOGGING["formatters"] = {"json": {"()": "ivp.inlog.log.JsonRegel"}}
LOGGING["handlers"] = {
    "console": {"class": "logging.StreamHandler"},
    "beveiliging": {
        "class": "logging.StreamHandler",
        "stream": "ext://sys.stdout",
        "formatter": "json",
    },
}
LOGGING["loggers"] = {
    "ivp.beveiliging": {"handlers": ["beveiliging"], "level": "INFO", "propagate": False},
    "axes": {"level": "ERROR"},  # its failures and lockouts are in the security log
    # WeasyPrint logs every layout step at INFO; only its warnings matter (docs/pdf.md).
    "weasyprint": {"level": "WARNING"},
    "fontTools": {"level": "WARNING"},
}
# === Einde inloggen en beveiliging ============================================================
