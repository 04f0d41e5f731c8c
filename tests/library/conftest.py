"""Small factories for library tests: a library index, the private toolbox, resources, documents."""

import datetime
import itertools

import pytest

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.models import Collection, CollectionViewRestriction

from accounts.groups import restrict_to_referents
from demo.builders.common import ensure_page, get_home_page
from home.models import Audience, Theme
from library.models import (
    LibraryDocument,
    LibraryIndexPage,
    ResourceFile,
    ResourcePage,
    ResourceType,
    ToolboxPage,
)

_counter = itertools.count(1)


def make_pdf(text):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def make_document(text="Texte du document.", title=None, collection=None, extension="pdf", content=None):
    number = next(_counter)
    data = content if content is not None else make_pdf(text)
    document = LibraryDocument(
        title=title or f"Document {number}",
        file=ContentFile(data, name=f"document-{number}.{extension}"),
        collection=collection or Collection.get_first_root_node(),
    )
    document.save()
    return document


@pytest.fixture
def library_index(db):
    return ensure_page(get_home_page(), LibraryIndexPage, "ressources", title="Ressources")


@pytest.fixture
def toolbox(db):
    page = ensure_page(get_home_page(), ToolboxPage, "boite-a-outils", title="Boîte à outils des référents")
    restrict_to_referents(page)
    return page


@pytest.fixture
def private_collection(db):
    collection = Collection.get_first_root_node().add_child(name="Boîte à outils (test)")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set(
        Group.objects.filter(name__in=["Référents VIF", "Éditeurs ODPE", "Modérateurs ODPE"])
    )
    return collection


def make_resource(
    parent,
    title=None,
    resource_type="guide",
    themes=(),
    audiences=(),
    published_on=datetime.date(2025, 3, 1),
    documents=(),
    **fields,
):
    number = next(_counter)
    page = ResourcePage(
        title=title or f"Ressource {number}",
        slug=f"ressource-{number}",
        resource_type=ResourceType.objects.get(slug=resource_type),
        published_on=published_on,
        **fields,
    )
    page.themes.set(Theme.objects.filter(slug__in=themes))
    page.audiences.set(Audience.objects.filter(slug__in=audiences))
    for order, document in enumerate(documents):
        page.files.add(ResourceFile(document=document, sort_order=order))
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def resource_factory(library_index):
    def factory(parent=None, **kwargs):
        return make_resource(parent or library_index, **kwargs)

    return factory
