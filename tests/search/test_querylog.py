"""The search log without personal data, the "Recherches récentes" report, promoted
results and the log's retention."""

import datetime

import pytest

from django.core.management import call_command
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search import querylog
from search.models import QueryDailyStat
from tests.library.conftest import make_resource

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/rapports/recherche/recentes/"


def today():
    return timezone.localdate()


def days_ago(days):
    return today() - datetime.timedelta(days=days)


# --------------------------------------------------------------------------- record


def test_record_creates_then_increments():
    assert querylog.record("violences conjugales", 12) is True
    assert querylog.record("violences conjugales", 9) is True
    stat = QueryDailyStat.objects.get()
    assert (stat.query, stat.day, stat.hits, stat.last_result_count) == (
        "violences conjugales",
        today(),
        2,
        9,
    )


def test_record_normalises_the_query():
    querylog.record("  Repérage   des VIOLENCES\t", 3)
    querylog.record("repérage des violences", 1)
    stat = QueryDailyStat.objects.get()
    assert stat.query == "repérage des violences"  # accents kept, case and spaces folded
    assert stat.hits == 2


def test_record_truncates_to_200_characters():
    querylog.record("é" * 500, 0)
    assert QueryDailyStat.objects.get().query == "é" * 200


def test_one_row_per_query_and_day():
    QueryDailyStat.objects.create(query="emprise", day=days_ago(1), hits=4, last_result_count=2)
    querylog.record("emprise", 3)
    querylog.record("autre chose", 0)
    assert QueryDailyStat.objects.filter(query="emprise").count() == 2
    assert QueryDailyStat.objects.get(query="emprise", day=today()).hits == 1
    assert QueryDailyStat.objects.get(query="emprise", day=days_ago(1)).hits == 4


@pytest.mark.parametrize("query", ["", "   ", None, "\t\n"])
def test_empty_queries_are_ignored(query):
    assert querylog.record(query, 5) is False
    assert not QueryDailyStat.objects.exists()


@pytest.mark.parametrize(
    "query",
    [
        "jean.dupont@example.org",
        "contacter marie@exemple.fr",
        "06 12 34 56 78",
        "0612345678",
        "+33 6 12 34 56 78",
        "2 84 05 59 350 123 45",
    ],
)
def test_queries_that_look_like_contact_details_are_not_kept(query):
    assert querylog.record(query, 0) is False
    assert not QueryDailyStat.objects.exists()


@pytest.mark.parametrize("query", ["3919", "119", "loi du 30 juillet 2020", "59000 lille"])
def test_numbers_that_are_not_personal_are_kept(query):
    assert querylog.record(query, 1) is True


def test_bad_result_counts_do_not_break_it():
    querylog.record("a", None)
    querylog.record("b", -3)
    querylog.record("c", "beaucoup")
    assert set(QueryDailyStat.objects.values_list("last_result_count", flat=True)) == {0}


def test_a_database_failure_is_logged_not_raised(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr("django.db.models.query.QuerySet.update", broken)
    assert querylog.record("violences", 1) is False
    assert "could not record" in caplog.text


def test_the_model_holds_no_personal_data():
    fields = {field.name for field in QueryDailyStat._meta.get_fields()}
    assert fields == {"id", "query", "day", "hits", "last_result_count"}
    assert not any(field.is_relation for field in QueryDailyStat._meta.get_fields())


def test_record_needs_no_request():
    """The signature itself keeps people out: no request, user, IP or session to pass."""
    import inspect

    assert list(inspect.signature(querylog.record).parameters) == ["query_string", "result_count"]


# --------------------------------------------------------------------------- report


@pytest.fixture
def log():
    QueryDailyStat.objects.create(query="violences", day=today(), hits=3, last_result_count=12)
    QueryDailyStat.objects.create(query="violences", day=days_ago(3), hits=2, last_result_count=0)
    QueryDailyStat.objects.create(query="xyzzy introuvable", day=days_ago(1), hits=1, last_result_count=0)
    QueryDailyStat.objects.create(query="recherche ancienne", day=days_ago(45), hits=9, last_result_count=0)


@pytest.mark.parametrize(
    ("account", "allowed"),
    [("editeur", True), ("moderateur", True), ("admin", True), ("referent", False), ("professionnel", False)],
)
def test_report_access(client, demo_users, log, account, allowed):
    client.force_login(demo_users[account])
    response = client.get(REPORT_URL)
    if not allowed:
        assert response.status_code in (302, 403)
        assert client.get(REPORT_URL, {"export": "csv"}).status_code in (302, 403)
        return
    assert response.status_code == 200
    html = response.content.decode()
    assert "Recherches récentes" in html
    assert "xyzzy introuvable" in html


def test_report_anonymous_is_sent_to_log_in(client, log):
    response = client.get(REPORT_URL)
    assert response.status_code == 302


def test_report_groups_the_last_30_days_by_query(client, demo_users, log):
    client.force_login(demo_users["editeur"])
    rows = list(client.get(REPORT_URL).context["object_list"])
    assert [(row["query"], row["hits"], row["last_result_count"]) for row in rows] == [
        ("violences", 5, 12),  # 3 + 2 searches; 12 results the last time
        ("xyzzy introuvable", 1, 0),
    ]
    assert rows[0]["last_day"] == today()


def test_report_filter_without_results(client, demo_users, log):
    client.force_login(demo_users["editeur"])
    zero = client.get(REPORT_URL, {"sans_resultat": "true"})
    assert [row["query"] for row in zero.context["object_list"]] == ["xyzzy introuvable"]
    some = client.get(REPORT_URL, {"sans_resultat": "false"})
    assert [row["query"] for row in some.context["object_list"]] == ["violences"]
    results_only = client.get(reverse("search_reports:recent_results"), {"sans_resultat": "true"})
    assert results_only.status_code == 200
    assert "xyzzy introuvable" in results_only.content.decode()
    assert "violences" not in results_only.content.decode()


def test_report_csv_export(client, demo_users, log):
    client.force_login(demo_users["moderateur"])
    export = client.get(REPORT_URL, {"export": "csv", "sans_resultat": "true"})
    assert export.status_code == 200
    content = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    lines = content.strip().splitlines()
    assert lines[0] == "Recherche,Recherches (30 jours),Résultats (dernière recherche),Dernière recherche"
    assert lines[1:] == [f"xyzzy introuvable,1,0,{days_ago(1).isoformat()}"]
    assert "recherches-recentes-" in export["Content-Disposition"]


def test_report_is_in_the_reports_menu_for_editorial_staff(client, demo_users):
    client.force_login(demo_users["editeur"])
    assert REPORT_URL in client.get("/admin/").content.decode()


# ----------------------------------------------------------------------- promotions


def promote(query_string, page, sort_order, description=""):
    return SearchPromotion.objects.create(
        query=Query.get(query_string), page=page, sort_order=sort_order, description=description
    )


def test_promotions_for_returns_live_public_pages_in_order(library_index, toolbox):
    first = make_resource(library_index, title="Le 3919")
    second = make_resource(library_index, title="Guide de l'ordonnance de protection")
    private = make_resource(toolbox, title="Trame réservée")
    draft = make_resource(library_index, title="Brouillon")
    draft.unpublish()
    promote("numéro d'urgence", second, 2, description="Mise à l'abri")
    promote("numéro d'urgence", private, 0)
    promote("numéro d'urgence", first, 1)
    promote("numéro d'urgence", draft, 3)
    promote("autre chose", first, 0)
    SearchPromotion.objects.create(
        query=Query.get("numéro d'urgence"),
        external_link_url="https://arretonslesviolences.gouv.fr/",
        external_link_text="Arrêtons les violences",
        sort_order=4,
    )

    promoted = querylog.promotions_for("  Numéro   d'URGENCE ")
    assert [page.title for page in promoted] == ["Le 3919", "Guide de l'ordonnance de protection"]
    assert type(promoted[0]).__name__ == "ResourcePage"  # specific pages
    assert promoted[1].promotion_description == "Mise à l'abri"


def test_promotions_need_the_exact_query(library_index):
    page = make_resource(library_index, title="Le 3919")
    promote("numéro d'urgence", page, 0)
    assert querylog.promotions_for("numéro") == []
    assert querylog.promotions_for("numero d'urgence") == []  # accents are part of the query
    assert querylog.promotions_for("") == []
    assert querylog.promotions_for(None) == []


def test_promotions_template(rf, library_index):
    from django.template.loader import render_to_string

    page = make_resource(library_index, title="Le 3919")
    promote("urgence", page, 0, description="Numéro national, gratuit et anonyme.")
    html = render_to_string(
        "search/includes/promotions.html",
        {"promotions": querylog.promotions_for("urgence"), "request": rf.get("/recherche/")},
    )
    assert "Résultats mis en avant" in html
    assert f'href="{page.url}"' in html
    assert "Numéro national, gratuit et anonyme." in html
    assert render_to_string("search/includes/promotions.html", {"promotions": []}).strip() == ""


@pytest.mark.parametrize("account", ["editeur", "moderateur"])
def test_editorial_staff_manage_promotions(client, demo_users, account):
    user = demo_users[account]
    for action in ("add", "change", "delete"):
        assert user.has_perm(f"wagtailsearchpromotions.{action}_searchpromotion")
    client.force_login(user)
    assert client.get(reverse("wagtailsearchpromotions:index")).status_code == 200
    assert client.get(reverse("wagtailsearchpromotions:add")).status_code == 200


@pytest.mark.parametrize("account", ["referent", "professionnel"])
def test_others_do_not_manage_promotions(demo_users, account):
    assert not demo_users[account].has_perm("wagtailsearchpromotions.add_searchpromotion")


# ------------------------------------------------------------------------ retention


def test_purge_command_keeps_a_year_by_default():
    QueryDailyStat.objects.create(query="récent", day=days_ago(10), hits=1)
    QueryDailyStat.objects.create(query="limite", day=days_ago(365), hits=1)
    QueryDailyStat.objects.create(query="ancien", day=days_ago(366), hits=1)
    call_command("purge_search_log", verbosity=0)
    assert set(QueryDailyStat.objects.values_list("query", flat=True)) == {"récent", "limite"}


def test_purge_command_days_and_dry_run(capsys):
    QueryDailyStat.objects.create(query="récent", day=days_ago(10), hits=1)
    QueryDailyStat.objects.create(query="ancien", day=days_ago(40), hits=1)
    call_command("purge_search_log", days=30, dry_run=True)
    assert "1 ligne(s) du journal de recherche seraient supprimée(s)" in capsys.readouterr().out
    assert QueryDailyStat.objects.count() == 2
    call_command("purge_search_log", days=30)
    assert list(QueryDailyStat.objects.values_list("query", flat=True)) == ["récent"]


def test_purge_command_refuses_zero_days():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("purge_search_log", days=0)


# --------------------------------------------------------------------------- popular searches


def logged(query, hits, found=5, day=None):
    QueryDailyStat.objects.create(query=query, day=day or today(), hits=hits, last_result_count=found)


def test_popular_searches_come_from_the_log_most_searched_first():
    logged("emprise", 4)
    logged("violentometre", 9)
    logged("violentometre", 2, day=days_ago(3))
    logged("grossesse", 3)
    assert querylog.popular(limit=3) == ["violentometre", "emprise", "grossesse"]


def test_popular_searches_leave_out_rare_empty_and_old_queries():
    logged("jean dupont", 1)  # typed once: perhaps a name, never shown to others
    logged("zzz introuvable", 40, found=0)  # finds nothing
    logged("ancienne recherche", 50, day=days_ago(45))  # older than 30 days
    suggestions = querylog.popular(limit=6)
    assert not {"jean dupont", "zzz introuvable", "ancienne recherche"} & set(suggestions)
    assert suggestions == querylog.DEFAULT_POPULAR  # a young log falls back on the defaults


def test_popular_searches_are_completed_by_defaults_without_repeats():
    logged("repérage", 5)  # the most searched spelling wins over "reperage" and the default
    logged("reperage", 4)
    logged("emprise", 3)
    suggestions = querylog.popular(limit=6)
    assert suggestions[:2] == ["repérage", "emprise"]  # one spelling, the most searched
    assert suggestions[2:] == [
        "violences conjugales",
        "enfants co-victimes",
        "ordonnance de protection",
        "évaluation du danger",
    ]


def test_empty_search_page_suggests_popular_searches(client):
    logged("violentometre", 7)
    response = client.get("/recherche/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Recherches fréquentes" in html
    assert 'href="/recherche/?q=violentometre"' in html
