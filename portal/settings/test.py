"""Test settings: the same as production in behaviour, fast where it does not matter."""

import os

os.environ.setdefault("SECURE_COOKIES", "false")
os.environ.setdefault("READ_DOTENV", "false")

from .base import *  # noqa: E402, F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# One media directory per pytest-xdist worker: a test that empties it never touches another's.
MEDIA_ROOT = VAR_DIR / f"test-media{os.environ.get('PYTEST_XDIST_WORKER', '')}"  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# The tests' local OpenID provider, standing in for ProConnect (tests/accounts/proconnect_idp.py):
# django-allauth's own provider, its tables in the test database, its URLs only under the
# test URLconf tests/accounts/proconnect_urls.py.
TEST_ONLY_APPS = ["allauth.idp.oidc"]
INSTALLED_APPS = [*INSTALLED_APPS, *TEST_ONLY_APPS]  # noqa: F405
