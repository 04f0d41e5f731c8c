"""A large, realistic library for benchmarks (``generate_bench_data``): thousands of
resources with themes, audiences and documents whose text is indexed."""

import datetime
import random

from django.db import transaction

from wagtail.models import Collection

from demo.builders.common import ensure_page, get_home_page, organisation
from home.models import Audience, Theme
from library.models import LibraryDocument, LibraryIndexPage, ResourceFile, ResourcePage, ResourceType

WORDS = [
    "violences",
    "conjugales",
    "enfants",
    "co-victimes",
    "repérage",
    "emprise",
    "protection",
    "accompagnement",
    "parcours",
    "sortie",
    "auteurs",
    "prévention",
    "signalement",
    "évaluation",
    "danger",
    "hébergement",
    "ordonnance",
    "plainte",
    "écoute",
    "orientation",
    "partenaires",
    "territoire",
    "PMI",
    "CSS",
    "SSP",
    "CeGIDD",
    "grossesse",
    "périnatalité",
    "santé",
    "sexuelle",
    "consentement",
    "inceste",
    "handicap",
    "personnes",
    "âgées",
    "psychotraumatisme",
    "mise",
    "à",
    "l'abri",
    "victimes",
]


def sentence(rng, length):
    return " ".join(rng.choice(WORDS) for _ in range(length)).capitalize() + "."


def build(count=10_000, seed=2026, batch=500, parent=None, slug_prefix="ressource-bench"):
    """Create ``count`` resources under ``parent`` (the library by default), skipped if it
    already has them."""
    rng = random.Random(seed)  # noqa: S311 - reproducible fake data, not security
    library = parent or ensure_page(get_home_page(), LibraryIndexPage, "ressources", title="Ressources")
    existing = ResourcePage.objects.child_of(library).count()
    if existing >= count:
        return existing
    types = list(ResourceType.objects.all())
    themes = list(Theme.objects.all())
    audiences = list(Audience.objects.all())
    collection = Collection.get_first_root_node()
    start = datetime.date(2018, 1, 1)
    for first in range(existing, count, batch):
        with transaction.atomic():
            for number in range(first, min(first + batch, count)):
                page = ResourcePage(
                    title=f"{sentence(rng, 5)[:-1]} ({number})",
                    slug=f"{slug_prefix}-{number}",
                    intro=" ".join(sentence(rng, 12) for _ in range(2)),
                    resource_type=rng.choice(types),
                    organisation=rng.choice(
                        [organisation("odpe"), "CIDFF du Nord", "SOLFA", "Planning familial 59"]
                    ),
                    published_on=start + datetime.timedelta(days=rng.randrange(0, 3200)),
                    live=True,
                    has_unpublished_changes=False,
                )
                page.themes.set(rng.sample(themes, 2))
                page.audiences.set(rng.sample(audiences, 2))
                library.add_child(instance=page)  # saves the parental M2M too, without a revision
                if number % 3 == 0:
                    document = LibraryDocument(
                        title=f"Document {number}",
                        file=f"documents/bench-{number}.pdf",
                        collection=collection,
                        file_size=120_000 + number,
                        file_hash=f"bench{number}",
                        extracted_hash=f"bench{number}",
                        extracted_text=" ".join(sentence(rng, 20) for _ in range(20)),
                    )
                    document.save()
                    ResourceFile.objects.create(page=page, document=document, sort_order=0)
    return count
