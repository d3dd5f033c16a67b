"""Solidarity settings: one file, read from the environment.

Every variable is documented in docs/configuration.md. Two modes:

* development (the default): secrets are generated once and kept under var/,
  outgoing mail is written to var/mail/, SQLite under var/.
* production (``SOLIDARITY_MODE=production``): every secret must come from the
  environment (or a ``*_FILE``), HTTPS is enforced and ``check --deploy`` is clean.
"""

from __future__ import annotations

import os
import secrets
import zoneinfo
from collections.abc import Callable
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from solidarity.core.private_files import private_directory, private_file, private_value

BASE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = BASE_DIR / "solidarity"
VAR_DIR = Path(os.environ.get("SOLIDARITY_VAR_DIR", BASE_DIR / "var"))


def env(name: str, default: str = "") -> str:
    """A string from the environment, or from the file named by ``NAME_FILE``."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    value = env(name, "").strip().lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def envint(name: str, default: int) -> int:
    value = env(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from error


def envlist(name: str, default: list[str]) -> list[str]:
    value = env(name, "")
    if not value.strip():
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def local_secret(file_name: str, make: Callable[[], str]) -> str:
    """A development secret kept in var/ (mode 0600) so that it survives restarts."""
    return private_value(VAR_DIR / file_name, make)


MODE = env("SOLIDARITY_MODE", "development").strip().lower()
if MODE not in {"development", "production"}:
    raise ImproperlyConfigured("SOLIDARITY_MODE must be 'development' or 'production'.")
PRODUCTION = MODE == "production"

DEBUG = envbool("DEBUG", False)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY is required in production (see docs/configuration.md).")
    SECRET_KEY = local_secret("secret_key", lambda: secrets.token_urlsafe(50))

# Personal-data encryption keys (see solidarity/core/crypto.py). In development a key
# is generated under var/; in production a missing key means personal data cannot be written.
SOLIDARITY_DATA_KEY = env("SOLIDARITY_DATA_KEY")
if not SOLIDARITY_DATA_KEY and not PRODUCTION:
    from cryptography.fernet import Fernet

    SOLIDARITY_DATA_KEY = local_secret("data_key", lambda: Fernet.generate_key().decode())
# The key of the keyed hashes that find personal data (emails) without decrypting it. It is
# separate from the data keys so that rotating those never changes a lookup hash.
SOLIDARITY_LOOKUP_KEY = env("SOLIDARITY_LOOKUP_KEY")
if not SOLIDARITY_LOOKUP_KEY and not PRODUCTION:
    SOLIDARITY_LOOKUP_KEY = local_secret("lookup_key", lambda: secrets.token_urlsafe(32))

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "solidarity.core",
    "solidarity.home",
    "solidarity.stories",
    "solidarity.campaigns",
    "solidarity.calls",
    "solidarity.discussion",
    "solidarity.newsletter",
    "solidarity.staff",
    "solidarity.demo",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.sites",
    "solidarity.staff.apps.StaffUsersConfig",  # wagtail.users, with the roles and countries of staff
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "solidarity.core.middleware.SecurityHeadersMiddleware",
    "solidarity.core.middleware.SolidarityCSPMiddleware",
    # Static files are answered here, with every security header above.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # gzip for the pages that carry no secret (anonymous, cacheable ones), after the cookies and headers of every
    # middleware below are set: they tell which pages those are (docs/deploy.md, "Compression").
    "solidarity.core.middleware.PublicPageCompressionMiddleware",
    "solidarity.core.middleware.DatabaseUnavailableMiddleware",
    "solidarity.core.responsive_images.SaveDataMiddleware",  # Vary: Save-Data on every page
    "django.contrib.sessions.middleware.SessionMiddleware",
    "solidarity.core.locale.ReadyLanguageLocaleMiddleware",
    "solidarity.core.middleware.AddressTooLongMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff (docs/security.md): django-otp tells whether the login was confirmed with a code; solidarity.staff
    # ends idle or logged-out-everywhere sessions and holds the admin until the code is given; then a country
    # coordinator is refused the admin addresses of other countries' records (core/access.py).
    "django_otp.middleware.OTPMiddleware",
    "solidarity.staff.middleware.StaffAccountMiddleware",
    "solidarity.core.middleware.CountryScopeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a refused login into the lockout page (staff/lockout.py)
]

ROOT_URLCONF = "solidarity.urls"
WSGI_APPLICATION = "solidarity.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "solidarity.core.context_processors.site",
                "solidarity.home.context_processors.navigation",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60), conn_health_checks=True
        )
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # A database host that stops answering must not hang every request (and /healthz) for minutes.
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
            "connect_timeout", envint("DATABASE_CONNECT_TIMEOUT", 5)
        )
else:
    # var/ is 0700 and the database 0600 (its -wal and -shm files follow): personal data, readable by the site alone.
    private_directory(VAR_DIR)
    DATABASES = {
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(private_file(VAR_DIR / "solidarity.sqlite3"))}
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default, Redis when CACHE_URL or REDIS_URL names one.
CACHE_URL = env("CACHE_URL") or env("REDIS_URL")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
elif CACHE_URL in {"", "locmem://"}:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
elif CACHE_URL == "dummy://":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
else:
    raise ImproperlyConfigured("CACHE_URL must be redis://…, rediss://…, unix://…, locmem:// or dummy://.")

# Background work: django-tasks with its database backend; `manage.py db_worker` runs it.
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: every public URL starts with one of these.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("ru", "Русский"),
    ("uk", "Українська"),
    ("be", "Беларуская"),
    ("de", "Deutsch"),
    ("fr", "Français"),
]
# Languages whose interface is translated (all of them; tests/core/test_translations.py keeps the
# catalogues complete): a visitor arriving without a language in the address is sent to the first
# of these their browser accepts. A new language stays out of this list until it is translated.
SOLIDARITY_READY_LANGUAGES = envlist("READY_LANGUAGES", [code for code, _name in LANGUAGES])
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if envbool("STATIC_MANIFEST", True)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: SMTP in production; in development each message becomes one file in var/mail/.
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Solidarity <noreply@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
if PRODUCTION or env("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env("EMAIL_HOST", "localhost")
    EMAIL_PORT = envint("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
    # Seconds before a silent mail server counts as a failed send (tried again later, core/outbox.py).
    EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 20)
else:
    EMAIL_BACKEND = "solidarity.core.mail.OneFilePerMessageBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"

# Outgoing email (core/outbox.py): sent ones are deleted after this many days, given-up ones after that many.
OUTBOX_KEEP_SENT_DAYS = envint("OUTBOX_KEEP_SENT_DAYS", 30)
OUTBOX_KEEP_FAILED_DAYS = envint("OUTBOX_KEEP_FAILED_DAYS", 90)

# Wagtail.
WAGTAIL_SITE_NAME = env("SITE_NAME", "Solidarity")
WAGTAILADMIN_BASE_URL = env("BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS: dict[str, dict[str, object]] = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # Cyrillic titles get transliterated, shareable addresses
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
# The document forms show editors the metadata a PDF publishes (author, software, dates).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "solidarity.core.documents.DocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Public pages ask for AVIF, WebP and JPEG renditions by name (core/responsive_images.py): qualities at which
# photos stay clean at phone sizes. A spec without a format keeps a WebP upload WebP (Wagtail would make PNG).
WAGTAILIMAGES_AVIF_QUALITY = 55
WAGTAILIMAGES_WEBP_QUALITY = 75
WAGTAILIMAGES_JPEG_QUALITY = 78
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"webp": "webp", "bmp": "png"}
SOLIDARITY_AVIF_SPEED = 8  # libavif's speed (0 slowest…10): 8 encodes about five times faster than 6, a few % larger
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # the admin would embed gravatar.com images named by a hash of each email
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Staff choose their admin language among the site's (Belarusian included), not Wagtail's forty.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Time zones as browsers know them (Area/City): "localtime", "EST5EDT" or "Etc/GMT+3" break the account page.
WAGTAIL_USER_TIME_ZONES = sorted(
    zone
    for zone in zoneinfo.available_timezones()
    if "/" in zone and not zone.startswith(("Etc/", "SystemV/", "posix/", "right/", "US/", "Canada/", "Mexico/"))
)
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"
LOGIN_URL = "wagtailadmin_login"

# --- Staff accounts: two-factor login, idle sessions, "log out everywhere" (solidarity/staff/) -------------
# Every staff member confirms each login with a code from an authenticator app (django-otp), before the
# admin opens. STAFF_TWO_FACTOR=false switches that off for local development only: production refuses it.
SOLIDARITY_STAFF_TWO_FACTOR = envbool("STAFF_TWO_FACTOR", True)
if PRODUCTION and not SOLIDARITY_STAFF_TWO_FACTOR:
    raise ImproperlyConfigured(
        "STAFF_TWO_FACTOR=false is for local development only: in production every staff login needs its code."
    )
# A staff session unused for this long is logged out.
STAFF_SESSION_IDLE_MINUTES = envint("STAFF_SESSION_IDLE_MINUTES", 60)
if STAFF_SESSION_IDLE_MINUTES < 1:
    raise ImproperlyConfigured("STAFF_SESSION_IDLE_MINUTES must be at least 1.")
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME  # the name authenticator apps show next to the code
OTP_TOTP_THROTTLE_FACTOR = 1  # after n wrong codes in a row, no code is accepted for 2**(n-1) seconds
OTP_STATIC_THROTTLE_FACTOR = 1
# --- end of staff accounts -----------------------------------------------------------------------------

# Security headers. The Content Security Policy lives in solidarity/core/middleware.py.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# A site reached only as a Tor onion service has no HTTPS to redirect to (Tor encrypts the connection):
# SOLIDARITY_ONION_ONLY=true says so explicitly. Django's warning about SECURE_SSL_REDIRECT (W008)
# is then replaced by solidarity.E008, which holds the site to onion addresses (core/checks.py).
SOLIDARITY_ONION_ONLY = envbool("SOLIDARITY_ONION_ONLY", False)
SILENCED_SYSTEM_CHECKS: list[str] = []
if PRODUCTION:
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not SOLIDARITY_ONION_ONLY)
    if SOLIDARITY_ONION_ONLY:
        SILENCED_SYSTEM_CHECKS.append("security.W008")
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if envbool("BEHIND_PROXY", True) else None
    SECURE_HSTS_SECONDS = envint("HSTS_SECONDS", 63_072_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("HSTS_INCLUDE_SUBDOMAINS", True)
    # Preloading binds every subdomain to HTTPS for years and takes months to undo: only on request.
    SECURE_HSTS_PRELOAD = envbool("HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS.append("security.W021")  # "cannot be submitted to the preload list": by choice
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # The spam guard's proof of work runs in a worker from our static files (core/spam.py).
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
    },
}
# Which sites may show the embeddable pages (a public call's counter and form) in a frame: every site by default,
# or origins separated by spaces, such as "https://partner.example.org" (solidarity/core/frames.py).
EMBED_FRAME_ANCESTORS = env("EMBED_FRAME_ANCESTORS", "*").split()
# The Wagtail and Django admin need inline styles and scripts; they get their own policy.
ADMIN_URL_PREFIXES = ("/admin/",)
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'self'"],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), browsing-topics=()"
)

# Logs name no visitor (solidarity/core/logs.py). A bad Host header or another suspicious request
# (django.security.*) is one line, never a traceback that anyone could make the site write at will.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "without_traceback": {"()": "solidarity.core.logs.WithoutTraceback"},
        # A private link's token (core/tokens.py) never reaches a log: "Internal Server Error: /en/campaigns/…".
        "private_links": {"()": "solidarity.core.logs.PrivateLinks"},
    },
    "formatters": {"one_line": {"format": "%(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["private_links"]},
        "security": {
            "class": "logging.StreamHandler",
            "filters": ["without_traceback", "private_links"],
            "formatter": "one_line",
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.security": {"handlers": ["security"], "level": "INFO", "propagate": False},
    },
}

# Countries the network works in come first in every country list editors choose from.
COUNTRIES_FIRST = envlist("COUNTRIES_FIRST", ["RU", "BY", "UA", "GE", "AZ", "AM", "MD", "KZ", "KG", "TJ", "TM", "UZ"])
# Names as the network's members write them.
COUNTRIES_OVERRIDE = {"KG": _("Kyrgyzstan")}

# Site text that templates use.
SOLIDARITY_SITE_NAME = WAGTAIL_SITE_NAME
# The page type that lists the member organisations: bylines and country pages link to it.
SOLIDARITY_MEMBERS_PAGE_MODEL = "home.MembersPage"
SOLIDARITY_TAGLINE = _("A network of human-rights organisations across the OSCE region")
STORIES_PER_PAGE = envint("STORIES_PER_PAGE", 12)
SEARCH_QUERY_MAX_LENGTH = 200  # also the search fields' maxlength
# The longest address (path and query, in bytes) the site reads; longer ones get its 414 page. Below
# the request line gunicorn accepts (scripts/serve.py, docs/deploy.md) so that the site answers them.
MAX_URL_LENGTH = 4096

# ---------------------------------------------------------------------------------------------
# The public forms' spam guard (solidarity/core/spam.py, docs/security.md). Sendings of one form are counted
# per source (a keyed hash of the client's address, in the cache, forgotten after the window); beyond the
# soft limit a sending needs the altcha proof of work, beyond the hard limit a known address is refused.
SPAM_MIN_FILL_SECONDS = envint("SPAM_MIN_FILL_SECONDS", 3)
SPAM_RATE_WINDOW_MINUTES = envint("SPAM_RATE_WINDOW_MINUTES", 10)
SPAM_SOFT_LIMIT = envint("SPAM_SOFT_LIMIT", 5)
SPAM_HARD_LIMIT = envint("SPAM_HARD_LIMIT", 30)
SPAM_ALTCHA_COST = envint("SPAM_ALTCHA_COST", 5000)  # PBKDF2 iterations per try; about 256 tries on average
SPAM_CHALLENGE_MINUTES = envint("SPAM_CHALLENGE_MINUTES", 10)
if not 0 < SPAM_SOFT_LIMIT <= SPAM_HARD_LIMIT or SPAM_RATE_WINDOW_MINUTES < 1 or SPAM_CHALLENGE_MINUTES < 1:
    raise ImproperlyConfigured(
        "The spam guard needs 0 < SPAM_SOFT_LIMIT <= SPAM_HARD_LIMIT, and a window and challenge of a minute or more."
    )

# ---------------------------------------------------------------------------------------------
# Staff login lockout (django-axes; solidarity/staff/lockout.py, docs/security.md). Failed logins
# are counted by username and, separately, by a keyed hash of the client's address (never the
# address itself); either reaching the limit refuses logins for STAFF_LOCKOUT_MINUTES.
STAFF_LOGIN_FAILURE_LIMIT = envint("STAFF_LOGIN_FAILURE_LIMIT", 5)
STAFF_LOCKOUT_MINUTES = envint("STAFF_LOCKOUT_MINUTES", 30)
# The reverse proxy on this machine (127.0.0.1) names the client in X-Forwarded-For.
BEHIND_PROXY = envbool("BEHIND_PROXY", True)
# How many reverse proxies stand in front of the site (the first on this machine): the client is the Nth
# address from the right of X-Forwarded-For (core/clients.py). Unset: 1 with BEHIND_PROXY, else 0.
TRUSTED_PROXIES: int | None = envint("TRUSTED_PROXIES", 0) if env("TRUSTED_PROXIES").strip() else None
if TRUSTED_PROXIES is not None and TRUSTED_PROXIES < 0:
    raise ImproperlyConfigured("TRUSTED_PROXIES must be 0 or more.")
AUTHENTICATION_BACKENDS = [
    "solidarity.staff.lockout.LockoutBackend",  # first: refuses a locked login before any password is hashed
    "django.contrib.auth.backends.ModelBackend",
]
# Read from the two settings above at each login (so a test or a settings override changes them).
AXES_FAILURE_LIMIT = "solidarity.staff.lockout_rules.failure_limit"
AXES_COOLOFF_TIME = "solidarity.staff.lockout_rules.cool_off"
AXES_LOCKOUT_PARAMETERS = "solidarity.staff.lockout.lockout_parameters"  # username, or address: either locks
AXES_CLIENT_IP_CALLABLE = "solidarity.staff.lockout.address_key"  # the keyed hash, as an fd00::/8 address
AXES_LOCKOUT_CALLABLE = "solidarity.staff.lockout.lockout_response"
AXES_HANDLER = "solidarity.staff.lockout.LockoutHandler"  # axes' database handler without user agents
AXES_RESET_ON_SUCCESS = True  # a successful login clears that account's and address's failures
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # a lock lasts its time from the last counted failure
AXES_DISABLE_ACCESS_LOG = True  # logins are in the audit log (staff/audit.py); axes' log would keep agents
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
