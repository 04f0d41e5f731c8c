"""Settings come from the environment; production refuses unsafe defaults."""

import ast
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from portal.settings.base import search_backends_from_url

ROOT = Path(__file__).resolve().parents[2]


def run_django(settings_module, env, code="import django; django.setup(); print('ok')"):
    clean_env = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}
    }
    clean_env.update({"DJANGO_SETTINGS_MODULE": settings_module, **env})
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean_env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_required_settings(missing, tmp_path):
    env = {
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "vif.lenord.fr",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    env.pop(missing)
    result = run_django("portal.settings.production", env)
    assert result.returncode != 0
    assert f"{missing} est obligatoire" in result.stderr


def test_production_starts_when_configured(tmp_path):
    result = run_django(
        "portal.settings.production",
        {
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "vif.lenord.fr",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        },
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT)",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False True True"


def test_sqlite_default_is_configured_for_concurrent_requests(tmp_path):
    """The embedded default (a file under var/) uses WAL, IMMEDIATE transactions and a busy timeout."""
    code = (
        "import django; django.setup(); from django.db import connection; from django.conf import settings; "
        "c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0]); "
        "print(settings.DATABASES['default']['OPTIONS']['transaction_mode'], settings.DATABASES['default']['OPTIONS']['timeout'])"
    )
    result = run_django("portal.settings.dev", {"VAR_DIR": str(tmp_path)}, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wal", "IMMEDIATE", "3.0"]
    assert (tmp_path / "portal.sqlite3").exists()


def test_language_and_time_zone():
    assert settings.LANGUAGE_CODE == "fr"
    assert settings.TIME_ZONE == "Europe/Paris"


def test_admin_speaks_french(client, demo_users):
    client.post("/compte/connexion/", {"login": "editeur@exemple.fr", "password": "demo-vif-2026"})
    html = client.get("/admin/").content.decode()
    assert "Tableau de bord" in html
    assert 'lang="fr"' in html


@pytest.mark.parametrize(
    ("url", "backend", "engine", "urls"),
    [
        ("", "search.backends.database", None, None),
        (
            "opensearch2+http://127.0.0.1:9250",
            "search.backends.node",
            "opensearch3",
            ["http://127.0.0.1:9250"],
        ),
        (
            "elasticsearch8+https://es.example:9200/vif",
            "search.backends.node",
            "elasticsearch8",
            ["https://es.example:9200"],
        ),
    ],
)
def test_search_url_selects_the_backend(url, backend, engine, urls):
    config = search_backends_from_url(url)["default"]
    assert config["BACKEND"] == backend
    assert config.get("ENGINE") == engine
    assert config.get("URLS") == urls


def test_bad_search_url_is_refused():
    with pytest.raises(ImproperlyConfigured):
        search_backends_from_url("solr+http://localhost:8983")


@pytest.mark.django_db
def test_ci_runs_the_suite_on_postgresql():
    """The CI must exercise PostgreSQL, not silently fall back to SQLite."""
    if os.environ.get("CI", "").lower() != "true":
        pytest.skip("hors CI : la suite tourne sur la base locale (" + connection.vendor + ")")
    assert connection.vendor == "postgresql"


PRODUCTION_ENV = {
    "SECRET_KEY": "k7#Vq2!mZ9x$Lp4@Rt8&Wn3^Hs6*Jd1(Fb5)Gc0-Ye2+Ua7=Oi9_Ek4",
    "ALLOWED_HOSTS": "vif.lenord.fr",
    "CSRF_TRUSTED_ORIGINS": "https://vif.lenord.fr",
    "SITE_URL": "https://vif.lenord.fr",
}


def test_check_deploy_has_nothing_to_say(tmp_path):
    """`manage.py check --deploy` with the variables of docs/deployment.md: no warning at all."""
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    clean_env = {
        k: v
        for k, v in os.environ.items()
        # DJANGO_ALLOW_ASYNC_UNSAFE: set by the browser tests (Playwright) in this process.
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    clean_env.update(env)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**clean_env, "DJANGO_SETTINGS_MODULE": "portal.settings.production"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


def test_production_keeps_no_state_on_the_app_server(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND']); print(s.SESSION_ENGINE); "
        "print(s.TASKS['default']['BACKEND']); print(s.STORAGES['staticfiles']['BACKEND'])"
    )
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    result = run_django("portal.settings.production", env, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "caching.backends.LocallyMemoizedDatabaseCache",
        "django.contrib.sessions.backends.db",
        "django_tasks_db.DatabaseBackend",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
    ]
    redis = run_django(
        "portal.settings.production",
        {**env, "CACHE_URL": "redis://cache.interne:6379/1"},
        "import django; django.setup(); from django.conf import settings as s; print(s.CACHES['default']['BACKEND'])",
    )
    assert redis.stdout.strip() == "django.core.cache.backends.redis.RedisCache"


def test_production_logs_are_json_lines_with_the_request_id(tmp_path):
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "LOG_LEVEL": "INFO"}
    code = (
        "import django, logging; django.setup(); "
        "from operations.logging import request_id_var; request_id_var.set('abc123'); "
        "logging.getLogger('trainings').warning('Inscription enregistrée')"
    )
    result = run_django("portal.settings.production", env, code)
    assert result.returncode == 0, result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.strip()]
    record = json.loads(line)
    assert record["level"] == "WARNING"
    assert record["logger"] == "trainings"
    assert record["message"] == "Inscription enregistrée"
    assert record["request_id"] == "abc123"
    assert "time" in record


def test_request_id_comes_from_nginx_or_is_made_up(client, db):
    assert client.get("/robots.txt", HTTP_X_REQUEST_ID="f00dcafe")["X-Request-ID"] == "f00dcafe"
    made_up = client.get("/robots.txt", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert len(made_up) == 32 and made_up.isalnum()


def test_production_sends_hsts_and_redirects_to_https_except_the_health_check(tmp_path):
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path),
    }
    code = (
        "import django; django.setup(); from django.test import Client; c = Client(HTTP_HOST='vif.lenord.fr'); "
        "s = c.get('/healthz', secure=True); print(s['Strict-Transport-Security']); "
        "print('script-src' in s['Content-Security-Policy']); "
        "print(c.get('/robots.txt').status_code, c.get('/healthz').status_code != 301)"
    )
    result = run_django("portal.settings.production", env, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["max-age=31536000; includeSubDomains", "True", "301 True"]


def test_a_dotenv_file_fills_in_what_the_environment_does_not_set(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("SITE_URL=https://depuis-le-fichier.example\nSEARCH_INDEX=index_du_fichier\n")
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.SITE_URL, settings.WAGTAILSEARCH_BACKENDS['default'].get('INDEX_PREFIX', '-'))"
    )
    env = {
        "ENV_FILE": str(env_file),
        "READ_DOTENV": "true",
        "SEARCH_URL": "opensearch2+http://127.0.0.1:9200",
    }
    clean = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "SEARCH_INDEX"}}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["https://depuis-le-fichier.example", "index_du_fichier_"]

    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            **env,
            "SITE_URL": "https://env.example",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "https://env.example", "the environment wins over the file"


# base.py read from top to bottom: each setting assigned once, the app and middleware lists
# written out in one statement each, and no comment naming a file or command that is gone.
BASE_PY = ROOT / "portal" / "settings" / "base.py"
# production.py is read the same way: it overrides base.py's values whole, once each.
PRODUCTION_PY = ROOT / "portal" / "settings" / "production.py"


def _is_setting(name):
    return name.isupper()


def _assigned_names(target):
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, ast.Tuple | ast.List):
        for element in target.elts:
            yield from _assigned_names(element)


def _assignment_counts(statements):
    """How many times each UPPERCASE name is assigned by these module-level statements. The
    branches of an ``if``/``else`` are alternatives: a name set in both counts once."""
    counts = Counter()
    for statement in statements:
        if isinstance(statement, ast.Assign):
            for target in statement.targets:
                counts.update(name for name in _assigned_names(target) if _is_setting(name))
        elif isinstance(statement, ast.AnnAssign | ast.AugAssign):
            counts.update(name for name in _assigned_names(statement.target) if _is_setting(name))
        elif isinstance(statement, ast.If):
            counts.update(_assignment_counts(statement.body) | _assignment_counts(statement.orelse))
        elif isinstance(statement, ast.For | ast.While | ast.With | ast.Try):
            for block in ("body", "orelse", "finalbody"):
                counts.update(_assignment_counts(getattr(statement, block, [])))
            for handler in getattr(statement, "handlers", []):
                counts.update(_assignment_counts(handler.body))
    return counts


def _later_changes(tree):
    """Statements that change a setting after it was assigned: ``X += …``, ``X[…] = …``,
    ``X.insert/append/extend/update/setdefault(…)``, ``del X[…]``, at module level (functions
    are not settings)."""
    mutators = {"insert", "append", "extend", "update", "setdefault", "pop", "remove", "clear"}

    def root_name(node):
        while isinstance(node, ast.Subscript | ast.Attribute):
            node = node.value
        return node.id if isinstance(node, ast.Name) else None

    changes = []
    module_nodes = [
        node
        for statement in tree.body
        if not isinstance(statement, ast.FunctionDef | ast.ClassDef)
        for node in ast.walk(statement)
    ]
    for node in module_nodes:
        if isinstance(node, ast.AugAssign) and _is_setting(root_name(node.target) or ""):
            changes.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.Assign | ast.Delete):
            for target in node.targets:
                if isinstance(target, ast.Subscript) and _is_setting(root_name(target) or ""):
                    changes.append((node.lineno, ast.unparse(node)))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in mutators
            and _is_setting(root_name(node.func.value) or "")
        ):
            changes.append((node.lineno, ast.unparse(node)))
    return changes


def test_the_duplicate_counter_sees_duplicates():
    """The check below is not vacuous: it finds the kinds of repetition base.py used to have."""
    tree = ast.parse(
        "LOGIN_URL = 'a'\nif X:\n    MAIL = 1\nelse:\n    MAIL = 2\nLOGIN_URL = 'b'\n"
        "INSTALLED_APPS = []\nINSTALLED_APPS += ['csp']\nMIDDLEWARE = []\nMIDDLEWARE.insert(0, 'm')\n"
        "LOGGING = {}\nLOGGING['filters'] = {}\n"
    )
    counts = _assignment_counts(tree.body)
    assert {name for name, count in counts.items() if count > 1} == {"LOGIN_URL", "INSTALLED_APPS"}
    assert [line for line, _ in _later_changes(tree)] == [8, 10, 12]


def test_each_setting_is_assigned_once_in_base():
    tree = ast.parse(BASE_PY.read_text(encoding="utf-8"))
    twice = {name: count for name, count in _assignment_counts(tree.body).items() if count > 1}
    assert twice == {}, f"settings assigned more than once in base.py: {twice}"


def test_each_setting_is_assigned_once_in_production():
    tree = ast.parse(PRODUCTION_PY.read_text(encoding="utf-8"))
    twice = {name: count for name, count in _assignment_counts(tree.body).items() if count > 1}
    assert twice == {}, f"settings assigned more than once in production.py: {twice}"


def test_production_does_not_patch_the_settings_of_base_in_place():
    """WhiteNoise's middleware, the static files storage and the JSON logs are whole new
    values in production.py, not an ``insert`` or a ``[…] =`` into base.py's objects."""
    tree = ast.parse(PRODUCTION_PY.read_text(encoding="utf-8"))
    assert _later_changes(tree) == []


def test_production_puts_whitenoise_right_after_the_security_middleware(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "i = s.MIDDLEWARE.index('django.middleware.security.SecurityMiddleware'); "
        "print(s.MIDDLEWARE[i + 1]); print(len(s.MIDDLEWARE)); print(s.SILENCED_SYSTEM_CHECKS)"
    )
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    result = run_django("portal.settings.production", env, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "whitenoise.middleware.WhiteNoiseMiddleware",
        str(len(settings.MIDDLEWARE) + 1),
        "['security.W021']",
    ]
    preload = run_django("portal.settings.production", {**env, "SECURE_HSTS_PRELOAD": "true"}, code)
    assert preload.stdout.splitlines()[2] == "[]", preload.stderr


def test_settings_are_not_patched_after_they_are_assigned_in_base():
    """INSTALLED_APPS and MIDDLEWARE are each one list in their final order, LOGGING and
    STORAGES one dict: read where they are written, nothing appended further down."""
    tree = ast.parse(BASE_PY.read_text(encoding="utf-8"))
    assert _later_changes(tree) == []


def test_installed_apps_and_middleware_are_one_statement_each():
    tree = ast.parse(BASE_PY.read_text(encoding="utf-8"))
    for name in ("INSTALLED_APPS", "MIDDLEWARE"):
        [statement] = [
            node
            for node in tree.body
            if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets)
        ]
        assert isinstance(statement.value, ast.List), f"{name} is a literal list"
        assert all(isinstance(item, ast.Constant) for item in statement.value.elts)
        # test.py may add apps the tests alone need (TEST_ONLY_APPS: the local OpenID provider).
        extra = list(getattr(settings, "TEST_ONLY_APPS", [])) if name == "INSTALLED_APPS" else []
        assert [item.value for item in statement.value.elts] + extra == list(getattr(settings, name)), (
            f"settings.{name} is exactly the list written in base.py"
        )


def test_base_names_only_files_and_commands_that_exist():
    """A comment in base.py that points at a file (home/storage.py, docs/cache.md…) or at a
    ``manage.py`` command points at something that exists."""
    from django.core.management import get_commands

    text = BASE_PY.read_text(encoding="utf-8")
    paths = set(re.findall(r"\b[a-z_]+(?:/[\w.-]+)+\.(?:py|md|conf)\b", text))
    assert paths, "the pattern still finds the files base.py names"
    missing = sorted(path for path in paths if not (ROOT / path).exists())
    assert missing == [], f"base.py names files that do not exist: {missing}"
    # Commands: `manage.py name …` or a bare `name` between backquotes.
    commands = set(re.findall(r"(?<!`)`(?:manage\.py )?([a-z][a-z0-9_]+)(?: [^`]*)?`(?!`)", text))
    assert {"db_worker", "update_index", "purge_registrations"} <= commands
    unknown = sorted(commands - set(get_commands()))
    assert unknown == [], f"base.py names manage.py commands that do not exist: {unknown}"
