"""The "Synonymes et sigles" snippet: the field's glossary seeded by migration 0007, the admin
where ODPE editors manage it (French validation, who may reach it), the synonyms the search
reads right after a change, and ``manage.py load_glossary``."""

import importlib
import io

import pytest

from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from search import glossary, synonyms
from search.models import Synonym
from search.synonyms import term_words
from tests.home.test_admin_french import ENGLISH, visible_text

pytestmark = pytest.mark.django_db

seed_migration = importlib.import_module("search.migrations.0007_seed_synonyms")

LIST_URL = "/admin/snippets/search/synonym/"


def url(action, synonym=None):
    args = [synonym.pk] if synonym is not None else []
    return reverse(f"wagtailsnippets_search_synonym:{action}", args=args)


def spellings(term):
    return [part.strip() for part in term.split(",") if part.strip()]


def expansions_of(key):
    """What the search reads for a folded spelling, or None."""
    entries = synonyms.by_key().get(key)
    return entries[0].expansions if entries else None


# --------------------------------------------------------------------------- the glossary


def test_the_seed_is_there_after_migrations():
    assert Synonym.objects.count() == len(seed_migration.GLOSSARY)
    assert expansions_of(("aemo",)) == ("action éducative en milieu ouvert",)
    assert expansions_of(("ip",)) == ("information préoccupante",)
    assert expansions_of(("op",)) == ("ordonnance de protection",)
    assert expansions_of(("du",)) == ("diplôme universitaire",)  # a stop word, kept as a sigle
    assert expansions_of(("cegidd",)) == ("centre gratuit d'information, de dépistage et de diagnostic",)
    assert expansions_of(("3919",))[0] == "Violences Femmes Info"
    assert "violences conjugales" in expansions_of(("mari", "violent"))
    assert expansions_of(("texto",)) == ("SMS",)
    assert expansions_of(("flyer",))[0] == "dépliant"
    assert Synonym.objects.get(term="AEMO").shown is True  # "Résultats pour … (AEMO)"
    assert Synonym.objects.get(term__startswith="texto").shown is False


@pytest.mark.parametrize(
    "entries",
    [
        pytest.param(lambda: [(s.term, s.expansion_list()) for s in Synonym.objects.all()], id="database"),
        pytest.param(
            lambda: [(term, expansions) for term, expansions, _ in glossary.GLOSSARY], id="glossary"
        ),
    ],
)
def test_no_spelling_twice_and_every_entry_says_something_else(entries):
    owner = {}
    for term, expansions in entries():
        assert len(term) <= Synonym._meta.get_field("term").max_length, term
        keys = {term_words(spelling) for spelling in spellings(term)}
        assert keys and all(keys), term
        for key in keys:
            assert owner.setdefault(key, term) == term, f"{key} in {term!r} and {owner[key]!r}"
        assert expansions, term
        for expansion in expansions:
            assert expansion.strip() == expansion and expansion, term
            assert term_words(expansion) not in keys, f"{term!r} expands to itself"


def test_the_migration_folds_spellings_as_the_search_does():
    for term, _expansions, _shown in glossary.GLOSSARY:
        for spelling in spellings(term):
            assert seed_migration.folded(spelling) == term_words(spelling), spelling
    assert seed_migration.folded("Aide à l’Enfance, A.S.E.") == term_words("Aide à l’Enfance, A.S.E.")


def test_the_seed_migration_leaves_editors_rows_alone():
    aemo = Synonym.objects.get(term="AEMO")
    aemo.term, aemo.expansions = "A.E.M.O., AEMO-R", "action éducative en milieu ouvert renforcée"
    aemo.save()
    Synonym.objects.filter(term="texto, textos").delete()
    count = Synonym.objects.count()

    seed_migration.seed(apps, None)

    assert Synonym.objects.count() == count + 1  # the deleted row comes back, nothing else
    assert Synonym.objects.filter(term="texto, textos").exists()
    aemo.refresh_from_db()
    assert (aemo.term, aemo.expansions) == ("A.E.M.O., AEMO-R", "action éducative en milieu ouvert renforcée")
    assert not Synonym.objects.filter(term="AEMO").exists()
    seed_migration.seed(apps, None)
    assert Synonym.objects.count() == count + 1


# --------------------------------------------------------------------------- the admin


def form_data(term, expansions, shown=True):
    data = {"term": term, "expansions": expansions}
    if shown:
        data["shown"] = "on"
    return data


def test_an_editor_adds_edits_and_deletes_a_synonym_the_search_reads_at_once(client, demo_users):
    client.force_login(demo_users["editeur"])
    assert expansions_of(("pead",)) is None  # read (and cached) before the change

    response = client.post(url("add"), form_data(" PEAD ,  P.E.A.D. ", "placement éducatif à domicile\n\n"))
    assert response.status_code == 302
    synonym = Synonym.objects.get(term="PEAD, P.E.A.D.")
    assert synonym.expansions == "placement éducatif à domicile"
    assert expansions_of(("pead",)) == ("placement éducatif à domicile",)
    entry = synonyms.by_key()[("pead",)][0]
    assert (entry.label, entry.shown) == ("PEAD", True)

    response = client.post(
        url("edit", synonym),
        form_data("PEAD", "placement éducatif à domicile\nplacement à domicile", shown=False),
    )
    assert response.status_code == 302
    assert expansions_of(("pead",)) == ("placement éducatif à domicile", "placement à domicile")
    assert synonyms.by_key()[("pead",)][0].shown is False

    response = client.post(url("delete", synonym))
    assert response.status_code == 302
    assert not Synonym.objects.filter(pk=synonym.pk).exists()
    assert expansions_of(("pead",)) is None


def test_the_list_shows_and_searches_terms_and_expansions(client, demo_users):
    client.force_login(demo_users["moderateur"])
    response = client.get(url("list"), {"q": "milieu ouvert"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "AEMO" in html
    assert "action éducative en milieu ouvert" in html
    assert "PMI" not in html
    assert "Synonymes et sigles" in html


def test_the_admin_speaks_french(client, demo_users):
    client.force_login(demo_users["editeur"])
    synonym = Synonym.objects.get(term="AEMO")
    for page in (url("list"), url("add"), url("edit", synonym), url("delete", synonym)):
        text = visible_text(client.get(page))
        for english in ENGLISH:
            assert english not in text, f"{english!r} on {page}"
    assert "Équivalents" in visible_text(client.get(url("list")))


def test_the_menu_offers_it_to_editors(client, demo_users):
    client.force_login(demo_users["editeur"])
    assert LIST_URL in client.get("/admin/").content.decode()


@pytest.mark.parametrize(
    ("term", "expansions", "field", "message"),
    [
        ("a.e.m.o", "autre chose", "term", "« a.e.m.o » figure déjà dans l'entrée « AEMO »"),
        ("Nouveau, Aémo", "autre chose", "term", "« Aémo » figure déjà dans l'entrée « AEMO »"),
        ("MARI VIOLENT", "violences", "term", "figure déjà dans l'entrée « mari violent, conjoint violent"),
        ("PEAD", "", "expansions", "Indiquez au moins un équivalent"),
        ("PEAD", "  \n \n", "expansions", "Indiquez au moins un équivalent"),
        ("PEAD", "placement éducatif\n—", "expansions", "« — » ne contient ni lettre ni chiffre"),
        ("", "placement éducatif à domicile", "term", "Indiquez le sigle ou l'expression"),
        (" , ,", "placement éducatif à domicile", "term", "Indiquez le sigle ou l'expression"),
        ("PEAD, …", "placement éducatif à domicile", "term", "« … » ne contient ni lettre ni chiffre"),
        ("PEAD", "placement éducatif à domicile\nP.E.A.D.", "expansions", "« P.E.A.D. » répète le terme"),
    ],
)
def test_refused_with_a_french_message_and_nothing_saved(
    client, demo_users, term, expansions, field, message
):
    client.force_login(demo_users["editeur"])
    count = Synonym.objects.count()
    response = client.post(url("add"), form_data(term, expansions))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert any(message in error for error in errors[field]), errors
    assert message.replace("'", "&#x27;") in response.content.decode()
    assert Synonym.objects.count() == count


def test_an_entry_keeps_its_own_spellings_when_edited(client, demo_users):
    client.force_login(demo_users["editeur"])
    synonym = Synonym.objects.get(term="AEMO")
    response = client.post(
        url("edit", synonym), form_data("AEMO, A.E.M.O.", "action éducative en milieu ouvert")
    )
    assert response.status_code == 302
    synonym.refresh_from_db()
    assert synonym.term == "AEMO, A.E.M.O."
    # …but cannot take another entry's.
    response = client.post(url("edit", synonym), form_data("AEMO, ASE", "action éducative en milieu ouvert"))
    assert response.status_code == 200
    assert "« ASE » figure déjà dans l'entrée « ASE »" in response.context["form"].errors["term"][0]


# --------------------------------------------------------------------------- who may


VIEWS = ["list", "add", "edit", "delete"]


def view_url(view):
    return url(view, Synonym.objects.get(term="AEMO") if view in ("edit", "delete") else None)


@pytest.mark.parametrize("view", VIEWS)
def test_anonymous_visitors_are_sent_to_log_in(client, view):
    response = client.get(view_url(view))
    assert response.status_code == 302
    assert "login" in response["Location"] or "connexion" in response["Location"]


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("account", ["professionnel", "referent"])
def test_professionals_and_referents_cannot_reach_it(client, demo_users, account, view):
    user = demo_users[account]
    assert not any(user.has_perm(f"search.{action}_synonym") for action in ("add", "change", "delete"))
    client.force_login(user)
    response = client.get(view_url(view))
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response["Location"] != view_url(view)
    count = Synonym.objects.count()
    client.post(url("add"), form_data("PEAD", "placement éducatif à domicile"))
    client.post(url("delete", Synonym.objects.get(term="AEMO")))
    assert Synonym.objects.count() == count


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("account", ["editeur", "moderateur", "admin"])
def test_editors_moderators_and_admins_manage_it(client, demo_users, account, view):
    user = demo_users[account]
    assert all(user.has_perm(f"search.{action}_synonym") for action in ("add", "change", "delete"))
    client.force_login(user)
    assert client.get(view_url(view)).status_code == 200


# --------------------------------------------------------------------------- load_glossary


def load_glossary(*args):
    out = io.StringIO()
    call_command("load_glossary", *args, stdout=out)
    return out.getvalue()


def test_load_glossary_adds_only_what_is_missing():
    assert load_glossary().startswith("0 entrée(s) du glossaire ajoutée(s)")
    Synonym.objects.filter(term__in=["AEMO", "texto, textos"]).delete()
    Synonym.objects.filter(term="ASE").update(term="A.S.E., aide à l'enfance", expansions="aide sociale")
    count = Synonym.objects.count()

    assert load_glossary("--dry-run").startswith("2 entrée(s) du glossaire à ajouter")
    assert Synonym.objects.count() == count

    assert load_glossary().startswith("2 entrée(s) du glossaire ajoutée(s)")
    assert Synonym.objects.count() == count + 2
    assert expansions_of(("aemo",)) == ("action éducative en milieu ouvert",)
    assert Synonym.objects.get(term="A.S.E., aide à l'enfance").expansions == "aide sociale"
    assert not Synonym.objects.filter(term="ASE").exists()

    assert load_glossary().startswith("0 entrée(s) du glossaire ajoutée(s)")
    assert Synonym.objects.count() == count + 2


def test_load_glossary_fills_an_empty_table():
    Synonym.objects.all().delete()
    load_glossary()
    assert Synonym.objects.count() == len(glossary.GLOSSARY)
    assert load_glossary().startswith("0 entrée(s)")
