"""Backup and restore, tried for real: scripts/backup.sh dumps the (PostgreSQL) database,
scripts/restore.sh loads the dump into a fresh database, and the content is there."""

import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest

from django.db import connection

from demo.builders.common import ensure_page, get_home_page
from home.models import ContentPage

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def pg_bin():
    on_path = shutil.which("pg_dump")
    if on_path:
        return str(Path(on_path).parent)
    return "/usr/lib/postgresql/15/bin"


def url(settings_dict, name):
    password = f":{quote(settings_dict['PASSWORD'], safe='')}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "localhost"
    port = settings_dict.get("PORT") or "5432"
    return f"postgres://{settings_dict['USER']}{password}@{host}:{port}/{name}"


def run(script, *args, database_url):
    env = {**os.environ, "DATABASE_URL": database_url, "PG_BIN": pg_bin()}
    return subprocess.run(
        [str(ROOT / "scripts" / script), *args], env=env, capture_output=True, text=True, timeout=60
    )


def test_backup_then_restore_into_a_fresh_database(require_postgres, tmp_path):
    ensure_page(get_home_page(), ContentPage, "charte-sauvegarde", title="Charte de la sauvegarde")
    source = url(connection.settings_dict, connection.settings_dict["NAME"])

    backup = run("backup.sh", str(tmp_path), database_url=source)
    assert backup.returncode == 0, backup.stderr
    dump = Path(backup.stdout.strip())
    assert dump.is_file() and dump.stat().st_size > 10_000
    assert oct(dump.stat().st_mode & 0o777) == "0o600", "a dump holds personal data"

    fresh = f"{connection.settings_dict['NAME']}_restore"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{fresh}"')
        cursor.execute(f'CREATE DATABASE "{fresh}"')
    try:
        target = url(connection.settings_dict, fresh)
        dry = run("restore.sh", str(dump), database_url=target)
        assert dry.returncode == 1 and "rien n'a été modifié" in dry.stderr

        restore = run("restore.sh", str(dump), "--yes", database_url=target)
        assert restore.returncode == 0, restore.stderr
        check = subprocess.run(
            [
                f"{pg_bin()}/psql",
                target,
                "-tAc",
                "SELECT title FROM wagtailcore_page WHERE slug = 'charte-sauvegarde'",
            ],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert check.stdout.strip() == "Charte de la sauvegarde", check.stderr
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{fresh}"')
