"""Local development: DEBUG, console e-mail, cookies over plain HTTP."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("SECURE_COOKIES", "false")

from .base import *  # noqa: E402, F403
from .base import getenv_bool  # noqa: E402

DEBUG = getenv_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-portail-vif-nord"  # noqa: F405
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
