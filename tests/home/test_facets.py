"""The faceted-listing engine on its own (home/facets.py), over a plain list: what every
listing relies on (the library, webinars, catalogue and search tests cover each page)."""

from collections import Counter

from django.test import RequestFactory

from home.facets import Facet, FacetedListing
from home.params import parse_years

ITEMS = [
    {"id": 1, "colour": "rouge", "year": 2024},
    {"id": 2, "colour": "bleu", "year": 2024},
    {"id": 3, "colour": "bleu", "year": 2025},
]


def listing(query):
    facets = [
        Facet(
            "colour",
            "Couleur",
            choices=[("rouge", "Rouge"), ("bleu", "Bleu"), ("vert", "Vert")],
            filter=lambda items, values: [item for item in items if item["colour"] in values],
            count=lambda items: Counter(item["colour"] for item in items),
        ),
        Facet(
            "year",
            "Année",
            parse=parse_years,
            filter=lambda items, values: [item for item in items if item["year"] in values],
            count=lambda items: Counter(item["year"] for item in items),
        ),
    ]
    return FacetedListing(ITEMS, RequestFactory().get("/", query), facets)


def options(result, name):
    facet = next(facet for facet in result.facets() if facet["name"] == name)
    return {option["value"]: (option["count"], option["selected"]) for option in facet["options"]}


def test_filters_combine_and_each_facet_counts_without_its_own_filter():
    result = listing({"colour": "bleu", "year": "2025"})
    assert [item["id"] for item in result.filtered()] == [3]
    assert options(result, "colour") == {"bleu": (1, True)}  # "rouge" has no 2025 item
    assert options(result, "year") == {"2025": (1, True), "2024": (1, False)}


def test_unknown_and_hostile_values_are_ignored_and_listed():
    result = listing({"colour": ["jaune", "bleu", ""], "year": ["²", "99999999999", "2024"]})
    assert result.selected == {"colour": ["bleu"], "year": [2024]}
    assert result.ignored == ["jaune", "²", "99999999999"]
    assert [item["id"] for item in result.filtered()] == [2]


def test_a_selected_value_emptied_by_the_other_filters_stays_offered():
    result = listing({"colour": "rouge", "year": "2025"})
    assert result.filtered() == []
    assert options(result, "colour") == {"bleu": (1, False), "rouge": (0, True)}
    assert options(result, "year") == {"2024": (1, False), "2025": (0, True)}


def test_active_filters_link_to_the_listing_without_them():
    result = listing({"colour": ["bleu", "rouge"], "page": "2"})
    assert [(active["label"], active["remove_url"]) for active in result.active_filters()] == [
        ("Bleu", "?colour=rouge"),
        ("Rouge", "?colour=bleu"),
    ]
