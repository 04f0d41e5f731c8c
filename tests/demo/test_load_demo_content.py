import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from wagtail.models import Page, PageViewRestriction, Revision

from accounts.models import User

pytestmark = pytest.mark.django_db

DEMO_ACCOUNTS = ["admin", "editeur", "moderateur", "referent", "professionnel"]


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("url_path", "title", "live")),
        "revisions": Revision.objects.count(),
        "users": sorted(User.objects.values_list("email", "password")),
        "emails": EmailAddress.objects.count(),
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "restrictions": PageViewRestriction.objects.count(),
    }


def test_refuses_to_run_without_debug_unless_forced(settings, db):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo_content", verbosity=0)
    assert not User.objects.exists()


def test_runs_when_debug_is_on(settings, db):
    settings.DEBUG = True
    call_command("load_demo_content", verbosity=0)
    assert User.objects.count() == len(DEMO_ACCOUNTS) + 12  # plus a dozen referents


def test_is_idempotent(demo_content):
    first = snapshot()
    call_command("load_demo_content", force=True, verbosity=0)
    assert snapshot() == first


def test_builds_the_site_tree(demo_content):
    paths = set(Page.objects.live().values_list("url_path", flat=True))
    for slug in [
        "ressources",
        "webinaires",
        "formations",
        "seminaires",
        "boite-a-outils",
        "mentions-legales",
        "accessibilite",
        "donnees-personnelles",
        "a-propos",
        "feuille-de-route",
    ]:
        assert f"/accueil/{slug}/" in paths


@pytest.mark.parametrize("name", DEMO_ACCOUNTS)
def test_demo_accounts_log_in_on_the_public_site_with_their_email(client, demo_users, name):
    response = client.post("/compte/connexion/", {"login": f"{name}@exemple.fr", "password": "demo-vif-2026"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert client.get("/compte/profil/").status_code == 200


@pytest.mark.parametrize("name", ["admin", "editeur", "moderateur"])
def test_staff_demo_accounts_log_in_to_the_admin(client, demo_users, name):
    response = client.post(
        "/compte/connexion/?next=/admin/", {"login": f"{name}@exemple.fr", "password": "demo-vif-2026"}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
