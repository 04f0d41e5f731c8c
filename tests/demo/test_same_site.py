"""``load_demo_content`` builds the same site as the one pinned in ``expected_site.json``
(pages per type, titles, content digests, documents, snippets, sessions, accounts), and a
second run changes nothing."""

import json
import os

import pytest

from django.core.management import call_command

from tests.demo.site_snapshot import EXPECTED, dump, snapshot

pytestmark = pytest.mark.django_db


def test_load_demo_content_builds_the_expected_site(demo_content):
    site = json.loads(dump(snapshot()))  # through JSON, as the file holds it (tuples → lists)
    if os.environ.get("DEMO_SNAPSHOT_WRITE"):
        EXPECTED.write_text(dump(site), encoding="utf-8")
        pytest.fail(f"{EXPECTED.name} rewritten: review its diff and commit it")
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    for key in expected:
        assert site[key] == expected[key], key
    assert site.keys() == expected.keys()


def test_a_second_run_gives_the_same_site(demo_content):
    first = snapshot()
    call_command("load_demo_content", force=True, verbosity=0)
    assert snapshot() == first
