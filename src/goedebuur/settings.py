# SPDX-License-Identifier: EUPL-1.2
"""Django settings. Every setting that can be changed is read from an environment variable,
documented in README.md ("Configuratie / Configuration"); a test fails when one is undocumented."""

import os
import secrets
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


# Where the SQLite database, the generated secret key and collected static files live.
DATA_DIR = Path(env("GOEDEBUUR_DATA_DIR", str(Path.cwd() / "var"))).resolve()


def _secret_key():
    """SECRET_KEY from the environment, else one generated once and kept in DATA_DIR."""
    if env("SECRET_KEY"):
        return env("SECRET_KEY")
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # First, so that its ready() gives every form text field the control-character check before any
    # other app (the admin's autodiscovery included) builds a form (goedebuur.common.text).
    "goedebuur.common",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "goedebuur.accounts",
    "goedebuur.history",
    "goedebuur.municipalities",
    "goedebuur.gemma",
    "goedebuur.cooperations",
    "goedebuur.matrix",
    "goedebuur.maps",
    "goedebuur.partners",
    "goedebuur.clusters",
    "goedebuur.profiles",
    "goedebuur.procurement",
    "goedebuur.businesscases",
    "goedebuur.trajectories",
    "goedebuur.experiences",
    "goedebuur.fallback",
    "goedebuur.ledger",
    "goedebuur.pages",
    "goedebuur.ops",
    "goedebuur.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "goedebuur.ops.security.SecurityHeadersMiddleware",
    # Static files, pre-compressed by collectstatic (goedebuur.ops.static), then the gzip compression of
    # every other text answer (goedebuur.ops.compression): it sees each answer after the middleware below.
    "goedebuur.ops.static.StaticFilesMiddleware",
    "goedebuur.ops.compression.CompressionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "goedebuur.pages.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "goedebuur.accounts.middleware.StaffSecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "goedebuur.api.middleware.ApiVersionHeaderMiddleware",
    "goedebuur.ops.logs.AccessLogMiddleware",
    "goedebuur.ops.limits.UrlLengthMiddleware",
    "goedebuur.ops.outage.DatabaseOutageMiddleware",
    # Last, so that its 400 still gets the headers and the access line of the middleware above.
    "goedebuur.ops.requests.ControlCharacterMiddleware",
]

ROOT_URLCONF = "goedebuur.urls"
WSGI_APPLICATION = "goedebuur.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{DATA_DIR / 'goedebuur.sqlite3'}"),
        conn_max_age=int(env("CONN_MAX_AGE", "60")),
        # Check a kept connection before reuse, so a restarted database costs no failed request.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Concurrent writers on SQLite (several gunicorn workers): write-ahead logging lets readers go on while
    # one writes; BEGIN IMMEDIATE takes the write lock when a transaction starts, so a writer waits for the
    # busy timeout instead of failing with "database is locked" when a read transaction cannot be upgraded
    # (SQLite does not wait in that case); the busy timeout is how long a writer waits for the lock.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def _cache(url: str) -> dict:
    """CACHES["default"] from GOEDEBUUR_CACHE_URL (goedebuur.common.cache; docs/deploy.md, "Cache"):
    `db` (default: a table in the database, shared by every worker and process, created by `migrate`),
    `db://<table>`, `file:///<folder>`, `redis://[:password@]host:port/db` or `rediss://...` (Django's
    RedisCache; install the `redis` extra), `locmem://` (one process only) or `dummy://` (no cache)."""
    scheme, _sep, rest = url.partition("://")
    scheme = scheme.lower()
    options = {"MAX_ENTRIES": int(env("GOEDEBUUR_CACHE_MAX_ENTRIES", "5000"))}
    if scheme in ("", "db"):
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": rest or "goedebuur_cache",
            "OPTIONS": options,
        }
    if scheme == "file":
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": rest,
            "OPTIONS": options,
        }
    if scheme in ("redis", "rediss"):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": options}
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ValueError(f"GOEDEBUUR_CACHE_URL: unknown cache {url!r} (db, file, redis, rediss, locmem or dummy)")


# The shared cache of heavy results and anonymous pages (goedebuur.common.cache).
CACHES = {"default": _cache(env("GOEDEBUUR_CACHE_URL", "db"))}

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "pages:dashboard"  # /mijn-overzicht (issue 20)
LOGOUT_REDIRECT_URL = "pages:home"
# Login throttling (accounts/throttle.py): a user name is locked, an address slowed down; TRUSTED_PROXIES: how many reverse proxies add X-Forwarded-For.
LOGIN_MAX_FAILURES = int(env("LOGIN_MAX_FAILURES", "5"))
LOGIN_SLOWDOWN_PER_IP = int(env("LOGIN_SLOWDOWN_PER_IP", "10"))
LOGIN_LOCKOUT_MINUTES = int(env("LOGIN_LOCKOUT_MINUTES", "15"))
TRUSTED_PROXIES = int(env("TRUSTED_PROXIES", "0"))
# Heavy computations anyone may ask for (clusters, achtervang pairs): requests per client address
# without login (goedebuur/common/ratelimit.py), as DRF writes a rate: `20/min`, `300/hour`.
ANONYMOUS_HEAVY_RATE = env("ANONYMOUS_HEAVY_RATE", "20/min")
# Platform administrators must set up two-step verification before they can use anything else.
TOTP_REQUIRED_FOR_STAFF = env_bool("TOTP_REQUIRED_FOR_STAFF", False)
# The second factor is django-otp's TOTPDevice (accounts/second_factor.py). Wrong codes are counted by
# the login throttle above, not by django-otp's own back-off (which would refuse the right code for a
# second after a typo); the accepted window stays one step either side of the server's clock (no drift
# learning); the admin never shows a secret.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_TOTP_SYNC = False
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", str(DATA_DIR / "static")))
# Uploaded files (attachments) are never served directly: views check permissions and stream them.
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # collectstatic writes a gzipped copy next to every file it makes smaller; WhiteNoise serves it.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Also serve from the source folders what was not collected or changed since (goedebuur.ops.static).
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_AGE = int(env("SESSION_COOKIE_AGE", str(60 * 60 * 8)))
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", SECURE_SSL_REDIRECT)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", SECURE_HSTS_SECONDS > 0)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", SECURE_HSTS_SECONDS > 0)
if env("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (env("SECURE_PROXY_SSL_HEADER"), "https")

# Mail (invitations, digests). The demo writes mails to the console (the server's log); set
# EMAIL_BACKEND to Django's SMTP backend and EMAIL_HOST & co. to deliver them (docs/deploy.md).
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "20"))
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(DATA_DIR / "outbox"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Goede Buur <noreply@goedebuur.invalid>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Whether a mail handed to the backend is really delivered: only then does the platform say
# "verstuurd" (the console and file backends only write it down). Default: on for the SMTP backend.
GOEDEBUUR_EMAIL_DELIVERS = env_bool("GOEDEBUUR_EMAIL_DELIVERS", EMAIL_BACKEND.endswith("smtp.EmailBackend"))
# The public address of the installation, for absolute links in mails (no trailing slash needed).
GOEDEBUUR_BASE_URL = env("GOEDEBUUR_BASE_URL", "http://127.0.0.1:8000")
# How many days the link of an invitation by e-mail works.
GOEDEBUUR_INVITATION_DAYS = int(env("GOEDEBUUR_INVITATION_DAYS", "14"))

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "goedebuur.api.authentication.ApiTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["goedebuur.api.permissions.ReadAnyoneWriteAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "goedebuur.api.pagination.PageNumberPagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["goedebuur.api.parsers.JSONParser"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "goedebuur.api.negotiation.ContentNegotiation",
    "EXCEPTION_HANDLER": "goedebuur.api.problems.problem_exception_handler",
    "URL_FORMAT_OVERRIDE": "format",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Goede Buur API",
    "DESCRIPTION": (
        "Open API of Goede Buur: municipalities, region divisions, the register of ICT cooperations "
        "and the municipality x ICT-domain matrix. Follows the NL API Design Rules (ADR 2.x)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Paths are relative to the one server, whose URL carries the major version (NL API Design Rules
    # API-20, /core/uri-version): `/api/v1` on the host that serves the description.
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVERS": [{"url": "/api/v1", "description": "This installation (relative to the description's host)."}],
    "CONTACT": {
        "name": env("API_CONTACT_NAME", "Goede Buur maintainers"),
        "email": env("API_CONTACT_EMAIL", "api@goedebuur.invalid"),
        "url": env("API_CONTACT_URL", "https://github.com/goedebuur/goedebuur/issues"),
    },
    "LICENSE": {"name": "EUPL-1.2", "url": "https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12"},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "goedebuur.api.schema.shared_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "PrecisieEnum": "goedebuur.cooperations.api.serializers.PRECISION_CHOICES",
        "DeelnemerStatusEnum": "goedebuur.cooperations.api.serializers.MEMBER_STATUSES",
        "StatusEnum": "goedebuur.cooperations.api.serializers.COOPERATION_STATUSES",
        "PartnerCriteriumEnum": "goedebuur.core.partners.scoring.CRITERIA",
        "ZichtbaarheidEnum": ["openbaar", "gemeenten", "leden"],  # experiences (lessons, questions)
        "ResultatenZichtbaarheidEnum": "goedebuur.ledger.api.serializers.VISIBILITIES",
        "ResultatenPositieEnum": "goedebuur.ledger.api.serializers.POSITIONS",
    },
}
API_VERSION = "1.0.0"
# `goedebuur serve` (gunicorn): worker processes and threads per worker; unset or 0 = chosen from the cores
# this process may use (goedebuur.pages.server; docs/deploy.md, "Server model").
WEB_CONCURRENCY = int(env("WEB_CONCURRENCY", "0") or 0)
WEB_THREADS = int(env("WEB_THREADS", "0") or 0)
# Longer URLs (path and query string, as sent) are refused with 414 by goedebuur.ops.limits, below the
# request-line limits of gunicorn (8190 bytes as `goedebuur serve` sets it) and nginx (8 KB).
MAX_URL_LENGTH = 4000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "goedebuur.ops.logs.JsonFormatter"},
        "text": {
            "()": "goedebuur.ops.logs.TextFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": env("LOG_FORMAT", "json")}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Access lines are off unless ACCESS_LOG is set: gunicorn's own access log may already cover them.
        "goedebuur.access": {"level": "INFO" if env_bool("ACCESS_LOG", False) else "WARNING"},
    },
}
