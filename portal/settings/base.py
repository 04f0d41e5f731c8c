"""Settings shared by every environment, read from top to bottom.

Secure by default: everything that differs between a laptop and production
comes from the environment, and the defaults are the safe ones. dev.py, test.py and
production.py start from these and override a few names.

Each setting is assigned once (tests/portal/test_settings.py checks it), INSTALLED_APPS and
MIDDLEWARE are written out in full below, in their final order. Sections: environment,
applications and middleware, URLs and templates, database, accounts (Django auth and
allauth), language, files (static, uploads, S3), e-mail, contact form, security headers,
shared page cache, Wagtail, webinars, search, background tasks, logs.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import dj_email_url
from csp.constants import NONE, SELF

from django.core.exceptions import ImproperlyConfigured

# ---------------------------------------------------------------------------
# Environment
# ---------------------------------------------------------------------------
BASE_DIR = Path(__file__).resolve().parent.parent.parent

# A .env file at the root of the checkout (copied from .env.example), or ENV_FILE, fills
# in the variables the environment does not set: the environment always wins. Tests never
# read it (test.py sets READ_DOTENV=false), so a developer's .env cannot point them at a
# real database.
if os.environ.get("READ_DOTENV", "true").strip().lower() not in {"0", "false", "no", "off", "non"}:
    _env_file = Path(os.environ.get("ENV_FILE") or BASE_DIR / ".env")
    if _env_file.is_file():
        from dotenv import load_dotenv

        load_dotenv(_env_file, override=False)
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def getenv_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "oui"}


def getenv_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = getenv_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = getenv_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = getenv_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# ---------------------------------------------------------------------------
# Applications and middleware
# ---------------------------------------------------------------------------
INSTALLED_APPS = [
    # Project apps, from the bottom floor up (see ARCHITECTURE.md).
    "access",
    "caching",
    "operations",
    "home",
    "accounts",
    "library",
    "trainings",
    "webinars",
    "search",
    "demo",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail_modeladmin",
    "wagtailmedia",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Accounts: django-allauth (see "Accounts" below).
    "allauth",
    "allauth.account",
    # Log-in with ProConnect (accounts/proconnect/, on only when configured, see "Accounts").
    "allauth.socialaccount",
    # Content-Security-Policy (django-csp, see "Security" below).
    "csp",
    # Background tasks (see "Background tasks" below).
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # First of all: the request id (X-Request-ID from nginx, or a new one) for the logs.
    "operations.logging.RequestIdMiddleware",
    # Next, so that it sees the response after every other middleware: after the session,
    # CSRF and locale middlewares have added their cookies and Vary headers (see
    # caching/headers.py).
    "caching.headers.PageCacheHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # (production.py puts WhiteNoise here, right after SecurityMiddleware.)
    # Content-Security-Policy and Permissions-Policy headers (operations/security.py).
    "operations.security.PortalCSPMiddleware",
    "operations.security.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

# ---------------------------------------------------------------------------
# URLs and templates
# ---------------------------------------------------------------------------
ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.portal",
            ],
        },
    },
]

# ---------------------------------------------------------------------------
# Database: SQLite under var/ unless DATABASE_URL says otherwise.
# ---------------------------------------------------------------------------
# How long a request waits for a lock held by someone else (a long write, a backup, a
# migration) before giving up: the visitor then gets the French 503 page (operations/database.py)
# at once instead of a page that hangs for half a minute. Seconds; 0 = no limit.
DATABASE_LOCK_TIMEOUT = float(os.environ.get("DATABASE_LOCK_TIMEOUT", "3"))
# PostgreSQL only: the longest a single statement may run (seconds; 0 = no limit). Commands
# that legitimately run long statements can raise it: DATABASE_STATEMENT_TIMEOUT=0 manage.py …
DATABASE_STATEMENT_TIMEOUT = float(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "30"))
# The French 503 page's Retry-After (seconds), when the database refuses writes.
DATABASE_RETRY_AFTER = int(os.environ.get("DATABASE_RETRY_AFTER", "60"))

_database = dj_database_url.parse(
    os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'portal.sqlite3'}",
    conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    conn_health_checks=True,
)
if _database["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent requests: WAL lets readers run beside a writer, IMMEDIATE
    # takes the write lock at BEGIN (no upgrade deadlock) and the timeout makes
    # simultaneous writers wait (a few seconds at most) instead of failing at once
    # with "database is locked".
    _database["CONN_MAX_AGE"] = 0
    _database["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": DATABASE_LOCK_TIMEOUT,
        "init_command": ("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"),
    }
elif _database["ENGINE"] == "django.db.backends.postgresql":
    _pg_options = _database.setdefault("OPTIONS", {})
    _pg_options["options"] = " ".join(
        filter(
            None,
            [
                _pg_options.get("options", ""),
                f"-c lock_timeout={int(DATABASE_LOCK_TIMEOUT * 1000)}",
                f"-c statement_timeout={int(DATABASE_STATEMENT_TIMEOUT * 1000)}",
            ],
        )
    )
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ---------------------------------------------------------------------------
# Accounts: Django's auth with django-allauth, e-mail as the only identifier.
# ---------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Django's validators, with French messages that say what to do (accounts/password_validation.py).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "accounts.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "accounts.password_validation.CommonPasswordValidator"},
    {"NAME": "accounts.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
# One log-in page for everyone (allauth's, throttled): /compte/connexion/. The Wagtail admin's
# own form and private pages send visitors there too.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "/compte/connexion/"
WAGTAILADMIN_LOGIN_URL = "/compte/connexion/"
WAGTAIL_PASSWORD_RESET_ENABLED = False

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_FORMS = {
    "signup": "accounts.forms.SignupForm",
    "login": "accounts.forms.LoginForm",
    "request_login_code": "accounts.forms.RequestLoginCodeForm",
    "confirm_login_code": "accounts.forms.ConfirmLoginCodeForm",
    "reset_password": "accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "accounts.forms.ResetPasswordKeyForm",
    "change_password": "accounts.forms.ChangePasswordForm",
    "set_password": "accounts.forms.SetPasswordForm",
}
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_SESSION_REMEMBER = False
# Log-in throttling (django-allauth, through the cache): 5 failures per address within
# 5 minutes lock that address out for the rest of the window; 10 per minute per IP.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/300s/key"}
# The password lock-out must not let anyone lock a named colleague out: the log-in page
# offers a one-time code sent to the address (allauth's login by code), which the
# failed-password counter does not block. Codes have their own limits: 3 requests per
# minute per address, 3 wrong entries per code, valid 5 minutes.
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 5 * 60
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 3
# The client's address for every per-IP limit above (and allauth's sign-up, log-in and
# password-reset limits). TRUSTED_PROXY_COUNT = how many proxies of ours stand in front of
# the app server, each appending the address it saw to X-Forwarded-For (nginx:
# $proxy_add_x_forwarded_for, deploy/nginx/portal.conf). allauth then takes the entry that
# many places from the right: the one our proxy wrote, never what the client sent before
# it. 0 (the default here: runserver, tests, no proxy): X-Forwarded-For is ignored and
# REMOTE_ADDR is the client. production.py defaults to 1 (the documented nginx).
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Portail VIF Nord] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
# A logged-in user sent to the log-in page (e.g. a referent opening /admin/) sees it with
# an explanation instead of being bounced back, which would loop.
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False

# Log-in with ProConnect, the State's single sign-on for public agents (accounts/proconnect/,
# docs/deployment.md). Off unless the three variables are set: the discovery URL of the
# ProConnect environment (https://<PROCONNECT_DOMAIN>/api/v2/.well-known/openid-configuration)
# and the client id and secret ProConnect issued to the portal.
PROCONNECT_DISCOVERY_URL = os.environ.get("PROCONNECT_DISCOVERY_URL", "").strip()
PROCONNECT_CLIENT_ID = os.environ.get("PROCONNECT_CLIENT_ID", "").strip()
PROCONNECT_CLIENT_SECRET = os.environ.get("PROCONNECT_CLIENT_SECRET", "").strip()
_proconnect_set = [bool(PROCONNECT_DISCOVERY_URL), bool(PROCONNECT_CLIENT_ID), bool(PROCONNECT_CLIENT_SECRET)]
if any(_proconnect_set) and not all(_proconnect_set):
    raise ImproperlyConfigured(
        "ProConnect : PROCONNECT_DISCOVERY_URL, PROCONNECT_CLIENT_ID et PROCONNECT_CLIENT_SECRET "
        "vont ensemble ; renseignez les trois, ou aucun pour désactiver ProConnect."
    )
# What the portal asks ProConnect for (space-separated): identity, e-mail, the organisation's
# SIRET, and idp_id (which identity provider vouched for the agent).
PROCONNECT_SCOPES = os.environ.get(
    "PROCONNECT_SCOPES", "openid email given_name usual_name siret idp_id"
).split()
SOCIALACCOUNT_PROVIDERS = {
    "proconnect": {
        "APPS": [
            {
                "provider_id": "proconnect",
                "name": "ProConnect",
                "client_id": PROCONNECT_CLIENT_ID,
                "secret": PROCONNECT_CLIENT_SECRET,
                "settings": {
                    "server_url": PROCONNECT_DISCOVERY_URL,
                    "token_auth_method": "client_secret_post",
                },
            }
        ]
        if all(_proconnect_set)
        else [],
    }
}
SOCIALACCOUNT_ADAPTER = "accounts.proconnect.adapter.SocialAccountAdapter"
SOCIALACCOUNT_FORMS = {"signup": "accounts.forms.ProConnectSignupForm"}
# A first ProConnect log-in always shows the form that asks what the portal still needs.
SOCIALACCOUNT_AUTO_SIGNUP = False
# Existing accounts are found by their e-mail address (ProConnect's is verified) and linked.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
# Seconds the portal waits for ProConnect (discovery, token, keys, user info).
SOCIALACCOUNT_REQUESTS_TIMEOUT = int(os.environ.get("PROCONNECT_TIMEOUT", "5"))

# ---------------------------------------------------------------------------
# Language: the public site and the admin speak French.
# ---------------------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_I18N_ENABLED = False

# ---------------------------------------------------------------------------
# Files: static files, uploads, S3
# ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o644
# Local disk unless AWS_STORAGE_BUCKET_NAME is set: then S3 (django-storages), see
# operations/storage.py and docs/storage.md. Documents, videos and original images are private
# objects reached only through Django (permission check, then a redirect to a presigned URL
# valid AWS_QUERYSTRING_EXPIRE seconds); image renditions live under public/, readable by
# anyone through the bucket policy, so that their URLs never expire in cached pages.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME", "eu-west-3")
    AWS_S3_ADDRESSING_STYLE = os.environ.get("AWS_S3_ADDRESSING_STYLE", "path")
    # Keys: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from the environment (boto3 reads them,
    # or an instance role).
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = True
    AWS_QUERYSTRING_EXPIRE = int(os.environ.get("AWS_QUERYSTRING_EXPIRE", "300"))
    AWS_S3_FILE_OVERWRITE = False
    _public_domain = os.environ.get("AWS_S3_PUBLIC_DOMAIN", "")
    STORAGES = {
        "default": {"BACKEND": "operations.storage.PrivateS3Storage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        "renditions": {
            "BACKEND": "operations.storage.PublicS3Storage",
            "OPTIONS": {"custom_domain": _public_domain} if _public_domain else {},
        },
    }
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
else:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }

# ---------------------------------------------------------------------------
# E-mail: console in development, SMTP from EMAIL_URL elsewhere.
# ---------------------------------------------------------------------------
EMAIL_URL = os.environ.get("EMAIL_URL", "")
if EMAIL_URL:
    _email = dj_email_url.parse(EMAIL_URL)
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST = _email["EMAIL_HOST"]
    EMAIL_PORT = _email["EMAIL_PORT"]
    EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
    EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
    EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
    EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Portail VIF Nord <ne-pas-repondre@lenord.fr>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Contact form (home/forms.py): the spam guard's minimum time between showing and sending
# the form, and how long a shown form stays valid; at most 5 messages an hour per sender's
# address and 20 per client address (allauth's rate limiter, through the cache).
CONTACT_MIN_SECONDS = int(os.environ.get("CONTACT_MIN_SECONDS", "3"))
CONTACT_MAX_AGE_SECONDS = int(os.environ.get("CONTACT_MAX_AGE_SECONDS", str(24 * 60 * 60)))
CONTACT_RATE_LIMITS = os.environ.get("CONTACT_RATE_LIMITS", "20/h/ip,5/h/key")

# ---------------------------------------------------------------------------
# Security: safe defaults, relaxed only in dev.py (production.py adds HTTPS and HSTS).
# ---------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = getenv_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"


def media_origins():
    """Where uploaded files are read from when they live in an S3 bucket (videos and original
    images: presigned URLs on the bucket's endpoint; renditions: the endpoint or
    AWS_S3_PUBLIC_DOMAIN), plus CSP_EXTRA_MEDIA_ORIGINS."""
    origins = getenv_list("CSP_EXTRA_MEDIA_ORIGINS")
    if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
        public_domain = os.environ.get("AWS_S3_PUBLIC_DOMAIN", "")
        endpoint = os.environ.get("AWS_S3_ENDPOINT_URL", "")
        if public_domain:
            origins.append(f"https://{public_domain}")
        if endpoint:
            parts = urlsplit(endpoint)
            origins.append(f"{parts.scheme}://{parts.netloc}")
        else:
            origins.append("https://*.amazonaws.com")
    return origins


# Content-Security-Policy (django-csp 4): the public pages run only the portal's own scripts
# and styles (static/js, static/css: no inline <script>, no on*= handler, no style
# attribute), nothing is fetched from another origin, and no site may frame them. The
# Wagtail admin (/admin/) gets its own, relaxed policy from operations.security.PortalCSPMiddleware
# (see admin_policy there).
_MEDIA_ORIGINS = media_origins()
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *_MEDIA_ORIGINS],
        "media-src": [SELF, *_MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        # An external webinar player (YouTube, Vimeo, PeerTube…) is loaded only when the
        # visitor asks for it; WebinarPage.serve adds that one player's origin to frame-src.
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Browser features the portal never uses, switched off for every page (and any frame).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# ---------------------------------------------------------------------------
# Shared page cache (docs/cache.md)
# ---------------------------------------------------------------------------
# How long nginx (or a CDN) may keep a public page for anonymous visitors; 0 turns it off
# (every response then says "no-cache"). Publishing, unpublishing, moving or deleting
# content purges the cache through PAGE_CACHE_PURGE_URL (the nginx that caches, e.g.
# http://127.0.0.1:8080); unset, nothing is purged and pages age out after
# PAGE_CACHE_SECONDS.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_EXCLUDED_PATHS = [
    "/admin/",
    "/compte/",
    "/inscriptions/",
    "/documents/",  # downloads are counted and follow the collections' privacy
    "/api/",
    "/recherche/",
    "/boite-a-outils/",
    "/healthz",
]
# Besides pages, snippets, settings, documents, images and view restrictions: models whose
# changes show on public pages (caching/frontend_cache.py).
PAGE_CACHE_PURGE_MODELS = ["trainings.Registration", "wagtailmedia.Media"]
PAGE_CACHE_PURGE_URL = os.environ.get("PAGE_CACHE_PURGE_URL", "").rstrip("/")
if PAGE_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": "caching.frontend_cache.NginxPurgeBackend", "LOCATION": PAGE_CACHE_PURGE_URL},
    }

# ---------------------------------------------------------------------------
# Wagtail
# ---------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Portail VIF Nord"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILDOCS_DOCUMENT_MODEL = "library.LibraryDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "library.forms.DocumentForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "odp", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
# Local disk: Django streams the file after the permission checks (library/wagtail_hooks.py).
# S3: the same checks, then a redirect to a short-lived presigned URL (operations/storage.py).
WAGTAILDOCS_SERVE_METHOD = "redirect" if AWS_STORAGE_BUCKET_NAME else "serve_view"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILEMBEDS_FINDERS = []  # no third-party embed lookups at run time
# No avatar fetched from gravatar.com by the admin: nothing leaves for a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}

# ---------------------------------------------------------------------------
# Trainings and webinars
# ---------------------------------------------------------------------------
# Registrations are anonymised this many months after their session (trainings/personal_data.py),
# by the daily `manage.py purge_registrations`.
REGISTRATION_RETENTION_MONTHS = int(os.environ.get("REGISTRATION_RETENTION_MONTHS", "24"))
# Videos are uploaded through wagtailmedia; webinars.media_forms.MediaForm checks their size and
# that their bytes really are a video. Private webinars' files are served by the page's own
# routes (webinars/views.py), never by their media URL.
WAGTAILMEDIA = {
    "MEDIA_FORM_BASE": "webinars.media_forms.MediaForm",
    "VIDEO_EXTENSIONS": ["mp4", "m4v", "webm", "ogv", "mov"],
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "ogg", "oga", "wav"],
}
WEBINAR_VIDEO_MAX_UPLOAD_SIZE = int(os.environ.get("WEBINAR_VIDEO_MAX_UPLOAD_SIZE", str(500 * 1024 * 1024)))
WEBINAR_CAPTIONS_MAX_UPLOAD_SIZE = 2 * 1024 * 1024
# Webinar videos on S3: the presigned URL must outlive a long pause in the player, which
# keeps seeking with Range requests on the URL it was redirected to.
WEBINAR_VIDEO_URL_EXPIRE = int(os.environ.get("WEBINAR_VIDEO_URL_EXPIRE", str(3 * 3600)))


# ---------------------------------------------------------------------------
# Search: the database backend, or OpenSearch/Elasticsearch from SEARCH_URL
# ---------------------------------------------------------------------------
def search_timeout(engine):
    """Short timeouts, so that a hanging engine (connections accepted, never answered) holds a
    request about SEARCH_TIMEOUT seconds (read, default 2.5), SEARCH_CONNECT_TIMEOUT (default
    1) for an unreachable host. The OpenSearch client takes both (a urllib3 ``Timeout``); the
    Elasticsearch clients take one number, the read timeout bounding the whole request. Bulk
    indexing shares them: for a rebuild of a large index, ``SEARCH_TIMEOUT=30 manage.py
    update_index``. After repeated failures, ``search.breaker`` stops asking for a while."""
    read = float(os.environ.get("SEARCH_TIMEOUT", "2.5"))
    if not engine.startswith("opensearch"):
        return read
    import urllib3

    return urllib3.Timeout(connect=float(os.environ.get("SEARCH_CONNECT_TIMEOUT", "1")), read=read)


# Circuit breaker (search.breaker): after SEARCH_BREAKER_FAILURES engine failures within
# SEARCH_BREAKER_COOLDOWN seconds, searches answer 503 at once for SEARCH_BREAKER_COOLDOWN
# seconds, then one search tries the engine again.
SEARCH_BREAKER_FAILURES = int(os.environ.get("SEARCH_BREAKER_FAILURES", "3"))
SEARCH_BREAKER_COOLDOWN = float(os.environ.get("SEARCH_BREAKER_COOLDOWN", "30"))
# /healthz's own timeout for the search engine's ping (seconds).
HEALTHZ_SEARCH_TIMEOUT = float(os.environ.get("HEALTHZ_SEARCH_TIMEOUT", "1"))


def search_backends_from_url(url):
    """Turn SEARCH_URL into WAGTAILSEARCH_BACKENDS.

    Empty: the database backend (SQLite or PostgreSQL full text). Otherwise
    ``<engine>+<scheme>://host:port[/prefix]`` with engine one of opensearch2,
    opensearch3, elasticsearch7, elasticsearch8, elasticsearch9; the path, if any, prefixes
    the index names (default ``portail_vif``: ``portail_vif_wagtailcore_page``…).

    On OpenSearch/Elasticsearch the indices get the portal's French analysis (``INDEX_SETTINGS``
    below). If the engine is down, saving and publishing still work (modelsearch logs the failed
    index update and goes on) and searches answer 503 (``search.query.SearchUnavailable``);
    ``manage.py update_index`` afterwards puts back what was missed.
    """
    if not url:
        return {
            "default": {
                # The portal's French analysis on SQLite and PostgreSQL (search.backends).
                "BACKEND": "search.backends.database",
                "AUTO_UPDATE": True,
            }
        }
    engine, _, rest = url.partition("+")
    engines = {"opensearch2", "opensearch3", "elasticsearch7", "elasticsearch8", "elasticsearch9"}
    if engine not in engines or not rest:
        raise ImproperlyConfigured(
            f"SEARCH_URL must look like '<engine>+http://host:port', engine in {sorted(engines)}."
        )
    if engine == "elasticsearch7":
        import elasticsearch

        if elasticsearch.VERSION[0] != 7:
            raise ImproperlyConfigured(
                f"SEARCH_URL={url!r}: the elasticsearch7 backend needs the 7.x Python client, "
                f"{elasticsearch.__versionstr__} is installed (use elasticsearch8 with an 8.x server)."
            )
    # The engine names the server's major version. For OpenSearch 2 the backend class is
    # nevertheless opensearch3's: modelsearch's opensearch2 backend calls the client with
    # positional arguments (``indices.delete(name)``), which opensearch-py 3.x (installed)
    # refuses, and opensearch3's passes keyword arguments, which opensearch-py 2.x and 3.x
    # both accept; it speaks to a 2.x server just as well (tested against 2.19).
    backend = "opensearch3" if engine == "opensearch2" else engine
    parts = urlsplit(rest)
    index = parts.path.strip("/") or os.environ.get("SEARCH_INDEX", "portail_vif")

    # French analysis: the portal's own (search.french), done in Python at index time and at
    # query time (search.backends.node): documents carry its tokens, so the index only splits
    # them on spaces ("default" analyzer, which modelsearch's search fields and _all_text
    # get). Autocompletion keeps modelsearch's edge n-grams of the raw titles:
    # - "edgengram_analyzer": modelsearch's autocomplete analyzer, plus elisions and accents;
    # - "standard": modelsearch's *query* analyzer for those autocomplete fields, redefined in
    #   the portal's indices only (elisions, lowercase, accents; no stemming: a prefix is being
    #   typed), so that "l'enf" and "repé" find "L'enfant" and "Repérage".
    elision = ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"]
    index_settings = {
        "settings": {
            "analysis": {
                "filter": {
                    "french_elision": {"type": "elision", "articles_case": True, "articles": elision},
                },
                "analyzer": {
                    "default": {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]},
                    "edgengram_analyzer": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["french_elision", "lowercase", "asciifolding", "edgengram"],
                    },
                    "standard": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["french_elision", "lowercase", "asciifolding"],
                    },
                },
            }
        }
    }
    return {
        "default": {
            "BACKEND": "search.backends.node",
            "ENGINE": backend,
            "URLS": [f"{parts.scheme}://{parts.netloc}"],
            "INDEX_PREFIX": f"{index}_",
            "TIMEOUT": search_timeout(engine),
            # One retry at most: a refused or timed-out connection tried four times (the
            # client's default) would hold the request four times as long.
            "OPTIONS": {"max_retries": 1},
            "AUTO_UPDATE": True,
            "ATOMIC_REBUILD": True,
            "INDEX_SETTINGS": index_settings,
        }
    }


SEARCH_URL = os.environ.get("SEARCH_URL", "")
WAGTAILSEARCH_BACKENDS = search_backends_from_url(SEARCH_URL)

# ---------------------------------------------------------------------------
# Background tasks (django-tasks)
# ---------------------------------------------------------------------------
# Development and tests run them at once, in the request (ImmediateBackend); production.py
# switches to the database backend and a worker (`manage.py db_worker`). What runs as a
# task: the training e-mails (trainings.tasks), the search index updates that modelsearch
# and Wagtail already enqueue on save, and their retries (operations/search_sync.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# ---------------------------------------------------------------------------
# Logs
# ---------------------------------------------------------------------------
# LOG_FORMAT=plain (development default) or json (production default: one JSON object per
# line, with the request id nginx passes in X-Request-ID). No personal data is logged.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain")


def logging_settings(log_format):
    """The LOGGING dict, its console lines in ``log_format`` (production.py picks json)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            },
        },
        "filters": {"request_id": {"()": "operations.logging.RequestIdFilter"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json" if log_format == "json" else "plain",
                "filters": ["request_id"],
            },
            # A failed search index update (engine down) is caught here and retried later, with
            # a growing delay, as a background task; after the last attempt an error asks for
            # `manage.py update_index` (operations/search_sync.py).
            "search_index_failures": {
                "class": "operations.search_sync.IndexFailureHandler",
                "level": "ERROR",
            },
        },
        "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
        "loggers": {
            "django.request": {"level": "ERROR"},
            "django_tasks": {"level": "WARNING"},
            "wagtail": {"level": os.environ.get("LOG_LEVEL", "WARNING")},
            "modelsearch.index": {"handlers": ["search_index_failures"], "level": "ERROR"},
        },
    }


LOGGING = logging_settings(LOG_FORMAT)
