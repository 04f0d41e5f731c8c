import re

import pytest

from demo.builders.common import rich, stream

pytestmark = pytest.mark.django_db


def test_home_page_title_names_the_site_once(client, site_skeleton):
    html = client.get("/").content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title == "Portail VIF Nord"


def test_other_pages_keep_the_site_name_after_their_title(client, site_skeleton):
    html = client.get("/mentions-legales/").content.decode()
    assert "<title>Mentions légales — Portail VIF Nord</title>" in html


def headings(html):
    return [
        (int(level), re.sub(r"<[^>]+>", "", text).strip())
        for level, text in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", html, re.S)
    ]


def test_training_programme_subheadings_sit_under_programme(client):
    from demo.builders.common import ensure_page, get_home_page
    from tests.trainings.conftest import make_training
    from trainings.models import TrainingCatalogPage

    catalog = ensure_page(get_home_page(), TrainingCatalogPage, "formations", title="Formations")
    page = make_training(
        catalog,
        title="Emprise",
        programme=stream(
            ("accordion", {"title": "Déroulé", "items": [{"title": "Jour 1", "body": rich("Cycle.")}]}),
            ("heading", {"text": "Modalités", "level": "h2"}),
            ("heading", {"text": "Détail", "level": "h3"}),
        ),
    )
    outline = headings(client.get(page.url).content.decode())
    start = outline.index((2, "Programme"))
    assert outline[start + 1 : start + 4] == [(3, "Déroulé"), (3, "Modalités"), (4, "Détail")]
