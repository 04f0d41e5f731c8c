"""The library's demo content: enough realistic resources and real files to exercise the
listing, the facets, full-text search inside files and the private toolbox."""

import json

import pytest

from django.core.management import call_command

from wagtail.models import Collection, CollectionViewRestriction, Page, Revision

from accounts.models import EDITORS_GROUP, MODERATORS_GROUP, REFERENTS_GROUP
from demo.builders.library import BROKEN_FILE_TITLE, TOOLBOX_COLLECTION, WORDS_ONLY_IN_FILES
from home.models import Theme
from library.models import LibraryDocument, ResourceFile, ResourcePage, ResourceType

pytestmark = pytest.mark.django_db


def public_resources():
    return ResourcePage.objects.live().public().filter(url_path__startswith="/accueil/ressources/")


def toolbox_resources():
    return ResourcePage.objects.filter(url_path__startswith="/accueil/boite-a-outils/")


def page_text(page):
    return " ".join(
        [page.title, page.intro, json.dumps(list(page.body.raw_data), ensure_ascii=False)]
    ).lower()


def test_library_has_realistic_public_resources(demo_content):
    resources = public_resources()
    assert resources.count() >= 35
    used_types = set(resources.values_list("resource_type__slug", flat=True))
    assert used_types == set(ResourceType.objects.values_list("slug", flat=True))
    used_themes = set(Theme.objects.filter(resources__in=resources).values_list("slug", flat=True))
    assert len(used_themes) >= 8
    assert all(len(page.intro) <= 600 for page in resources)
    assert {page.published_on.year for page in resources} >= {2019, 2026}
    assert resources.filter(review_due__isnull=False).exists()
    assert resources.exclude(external_url="").count() >= 3
    assert ResourcePage.related_resources.through.objects.exists()


def test_files_are_real_and_searchable(demo_content):
    assert LibraryDocument.objects.exclude(extracted_text="").count() >= 30
    assert ResourceFile.objects.filter(page__in=public_resources()).count() >= 30
    assert LibraryDocument.objects.filter(language="en").exists()
    assert {document.file_extension for document in LibraryDocument.objects.all()} >= {"pdf", "docx", "odt"}
    assert all(document.file.size < 20_000 for document in LibraryDocument.objects.all())

    for word, slug in WORDS_ONLY_IN_FILES.items():
        page = ResourcePage.objects.get(slug=slug)
        assert word in page.files_text().lower(), word
        assert word not in page_text(page), f"{word} must appear only in the files of {slug}"

    broken = LibraryDocument.objects.get(title=BROKEN_FILE_TITLE)
    assert broken.extracted_text == ""
    assert broken.extraction_warning
    assert broken.resource_files.exists()


def test_toolbox_resources_and_files_are_private(demo_content):
    toolbox = toolbox_resources()
    assert toolbox.count() >= 5
    assert not toolbox.filter(pk__in=ResourcePage.objects.public().values("pk")).exists()

    collection = Collection.objects.get(name=TOOLBOX_COLLECTION)
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert set(restriction.groups.values_list("name", flat=True)) == {
        REFERENTS_GROUP,
        EDITORS_GROUP,
        MODERATORS_GROUP,
    }
    toolbox_files = ResourceFile.objects.filter(page__in=toolbox).select_related("document")
    assert toolbox_files.count() >= 5
    assert all(item.document.collection_id == collection.pk for item in toolbox_files)
    public_files = ResourceFile.objects.filter(page__in=public_resources()).select_related("document")
    assert not any(item.document.collection_id == collection.pk for item in public_files)


def test_rerunning_the_command_changes_nothing(demo_content):
    def snapshot():
        return {
            "pages": Page.objects.count(),
            "revisions": Revision.objects.count(),
            "documents": sorted(LibraryDocument.objects.values_list("pk", "file")),
            "collections": Collection.objects.count(),
            "files": ResourceFile.objects.count(),
            "related": ResourcePage.related_resources.through.objects.count(),
            "restrictions": CollectionViewRestriction.objects.count(),
        }

    before = snapshot()
    call_command("load_demo_content", force=True, verbosity=0)
    assert snapshot() == before
