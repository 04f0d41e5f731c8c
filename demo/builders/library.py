"""Demo content for the library and the referents' toolbox.

About forty public resources spread over every resource type, theme and audience, with
small real files (PDF, DOCX, ODT) generated here so that full-text search has something
to find inside them, and a private toolbox whose pages and files only the referents and
the editorial staff can see.

Idempotent like every demo builder: a resource that exists already is left as it is, and
its files are neither regenerated nor attached again."""

from dataclasses import dataclass, replace
from datetime import date

from django.core.files.base import ContentFile

from wagtail.models import Collection

from accounts.groups import restrict_collection_to_referents, restrict_to_referents
from demo.builders.common import (
    Terms,
    content,
    ensure_page,
    get_home_page,
    organisation,
    specs,
    stream,
)
from demo.builders.files import render
from home.models import ContentPage
from library.models import (
    LibraryDocument,
    LibraryIndexPage,
    ResourceFile,
    ResourcePage,
    ToolboxPage,
)

PUBLIC_COLLECTION = "Ressources"
TOOLBOX_COLLECTION = "Boîte à outils des référents"

# Words that appear only inside a resource's files (never in its title, intro or body):
# a search for one of them must find the resource through its files' text.
WORDS_ONLY_IN_FILES = {
    "violentomètre": "reglette-de-reperage-des-violences-dans-les-relations-amoureuses",
    "téléprotection": "fiche-reflexe-danger-immediat",
    "désistance": "responsabiliser-les-auteurs-de-violences",
    "amnésie": "inceste-synthese-des-travaux-de-la-ciivise",
    "transidentité": "accueillir-les-personnes-lgbt-victimes-de-violences",
    "gaslighting": "domestic-abuse-you-are-not-alone",
}

# A file whose name says PDF but whose bytes are not: editors see the extraction warning.
BROKEN_FILE_TITLE = "Violences pendant la grossesse - version numérisée de 2020"


@dataclass(frozen=True)
class File:
    name: str
    title: str
    text: tuple = ()
    label: str = ""
    language: str = "fr"
    broken: bool = False


@dataclass(frozen=True)
class Resource:
    slug: str
    title: str
    kind: str
    themes: tuple
    audiences: tuple
    organisation: str
    published_on: date
    intro: str
    body: tuple
    files: tuple = ()
    updated_on: date | None = None
    review_due: date | None = None
    external_url: str = ""
    related: tuple = ()


# The resources themselves, in French, are data: demo/content/library.yaml.
def resources(key):
    return [
        replace(resource, organisation=organisation(resource.organisation))
        for resource in specs(Resource, content("library")[key], files=File)
    ]


RESOURCES = resources("resources")
TOOLBOX_RESOURCES = resources("toolbox_resources")


# --- Files -----------------------------------------------------------------------------------------


def file_content(spec, resource):
    if spec.broken:
        # Named .pdf, but the scan was lost: an HTML error page saved in its place.
        return b"<html><body>Erreur 404 - document introuvable</body></html>\n"
    footer = f"{resource.organisation} - {resource.published_on.year}"
    extension = spec.name.rsplit(".", 1)[-1]
    return render(extension, spec.title, spec.text, footer)


def ensure_document(spec, resource, collection):
    document = LibraryDocument.objects.filter(title=spec.title).first()
    if document is None:
        document = LibraryDocument(
            title=spec.title,
            collection=collection,
            language=spec.language,
            file=ContentFile(file_content(spec, resource), name=spec.name),
        )
        document.save()
    return document


# --- Collections and privacy -----------------------------------------------------------------------


def ensure_collection(name):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    return collection or root.add_child(name=name)


# --- Pages -----------------------------------------------------------------------------------------


def ensure_resource(parent, resource, collection, terms, pages):
    """Return ``(page, created)``; files are generated only for a resource that is missing.
    Related resources that exist already (in ``pages``) are linked right away."""
    existing = parent.get_children().filter(slug=resource.slug).first()
    if existing is not None:
        return existing.specific, False
    files = [
        ResourceFile(document=ensure_document(spec, resource, collection), label=spec.label, sort_order=order)
        for order, spec in enumerate(resource.files)
    ]
    page = ensure_page(
        parent,
        ResourcePage,
        resource.slug,
        title=resource.title,
        intro=resource.intro,
        body=stream(*resource.body),
        resource_type=terms.types[resource.kind],
        themes=[terms.themes[slug] for slug in resource.themes],
        audiences=[terms.audiences[slug] for slug in resource.audiences],
        organisation=resource.organisation,
        published_on=resource.published_on,
        updated_on=resource.updated_on,
        review_due=resource.review_due,
        external_url=resource.external_url,
        files=files,
        related_resources=[pages[slug] for slug in resource.related if slug in pages],
    )
    return page, True


def link_related(resources, pages, created):
    """A resource can point at resources created after it: link those once every page
    exists, only on the pages this run created (an existing page is left as it is)."""
    for resource in resources:
        if resource.slug not in created:
            continue
        page = pages[resource.slug]
        wanted = [pages[slug] for slug in resource.related]
        if {related.pk for related in page.related_resources.all()} != {related.pk for related in wanted}:
            page.related_resources = wanted
            page.save_revision().publish()


def build():
    home = get_home_page()
    sections = content("library")["sections"]
    library = ensure_page(home, LibraryIndexPage, "ressources", **sections["library"])
    toolbox = ensure_page(home, ToolboxPage, "boite-a-outils", **sections["toolbox"])
    restrict_to_referents(toolbox)
    page = sections["toolbox_page"]
    ensure_page(
        toolbox,
        ContentPage,
        page["slug"],
        title=page["title"],
        intro=page["intro"],
        body=stream(*page["body"]),
    )

    public_files = ensure_collection(PUBLIC_COLLECTION)
    private_files = ensure_collection(TOOLBOX_COLLECTION)
    restrict_collection_to_referents(private_files)

    terms = Terms()
    pages, created = {}, set()
    for parent, resources, collection in (
        (library, RESOURCES, public_files),
        (toolbox, TOOLBOX_RESOURCES, private_files),
    ):
        for resource in resources:
            page, is_new = ensure_resource(parent, resource, collection, terms, pages)
            pages[resource.slug] = page
            if is_new:
                created.add(resource.slug)
    link_related([*RESOURCES, *TOOLBOX_RESOURCES], pages, created)
    return library, toolbox
