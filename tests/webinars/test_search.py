"""Search reaches what is said in a webinar: its transcript, its captions, its chapter titles,
its speakers (database backend, through ``Page.objects.search``)."""

import pytest

from wagtail.models import Page

from .conftest import CAPTIONS

pytestmark = pytest.mark.django_db


@pytest.fixture
def webinar(webinar_factory, speakers):
    return webinar_factory(
        title="Webinaire sur la protection",
        captions=CAPTIONS.replace("questionnaire de repérage", "psychotraumatologie périnatale"),
        transcript="<p>Nous avons évoqué la <b>sororité</b> entre victimes.</p>",
        chapters=(("00:00", "Introduction"), ("00:04", "Cartographie des hébergements")),
        speakers=["Hélène Vasseur"],
    )


def found(query):
    return [page.title for page in Page.objects.live().search(query)]


def test_the_search_backend_is_the_database(settings):
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"].endswith("backends.database")


@pytest.mark.parametrize(
    "query",
    [
        "sororité",  # only in the transcript
        "psychotraumatologie",  # only in the captions
        "cartographie",  # only in a chapter title
        "Vasseur",  # a speaker's name
    ],
)
def test_words_said_in_the_webinar_find_it(webinar, query):
    assert found(query) == ["Webinaire sur la protection"]


def test_a_draft_webinar_is_not_found(webinar_factory):
    webinar_factory(title="Brouillon", transcript="<p>Mot introuvable : zythologie.</p>", publish=False)
    assert found("zythologie") == []


def test_the_index_follows_an_edit(webinar):
    from webinars.models import WebinarChapter

    webinar.transcript = "<p>Désormais il est question de médiation animale.</p>"
    webinar.chapters.add(WebinarChapter(start="00:08", title="Questions sur la kinésiologie"))
    webinar.save_revision().publish()
    assert found("kinésiologie") == ["Webinaire sur la protection"]
    assert found("médiation animale") == ["Webinaire sur la protection"]
    assert found("sororité") == []
