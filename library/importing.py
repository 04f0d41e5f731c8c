"""Bulk import of resources (``manage.py import_resources``): ``ResourceImporter`` turns a
row into a published ``ResourcePage`` under the library index, matched by title so that a
second run updates instead of duplicating. This module holds the columns and how a row
becomes a resource; reading the file, matching by title and creating pages are
``importing.rows``'.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path

from django.core.files import File

from wagtail.models import Collection

from home.models import Audience, Theme
from importing.rows import (
    Column,
    Outcome,
    PagesByTitleMixin,
    RowImporter,
    clean_date,
    clean_file_path,
    clean_length,
    clean_required_text,
    clean_url,
    match_term,
    match_terms,
    title_key,
)

from .models import LibraryDocument, LibraryIndexPage, ResourceFile, ResourcePage, ResourceType


@dataclass
class ResourceData:
    title: str
    summary: str
    resource_type: ResourceType | None
    themes: list
    audiences: list
    organisation: str
    published_on: datetime.date | None
    url: str
    file: Path | None


class ResourceImporter(PagesByTitleMixin, RowImporter):
    """Rows → published ``ResourcePage`` children of the library index.

    Same title (trimmed, case-insensitive) = same resource: its fields, themes and audiences
    are replaced by the row's (an empty cell clears them). The ``file`` column is the
    resource's main file, i.e. its first file: an empty cell leaves the files alone; a file
    whose content is already in the document library reuses that document; a different
    file replaces the document of the first file (the old document stays in the library).
    A resource that the row leaves identical gets no new revision."""

    columns = (
        Column("title", required=True, aliases=("titre",)),
        Column("summary", aliases=("résumé", "chapô", "chapeau", "intro")),
        Column("resource_type", required=True, aliases=("type", "type de ressource")),
        Column("themes", aliases=("theme", "thèmes", "thématiques")),
        Column("audiences", aliases=("audience", "publics", "public")),
        Column("organisation", aliases=("organization", "auteur", "auteur ou organisation")),
        Column("published", required=True, aliases=("published_on", "date de publication", "publication")),
        Column("url", aliases=("lien", "lien externe", "external_url")),
        Column("file", aliases=("fichier",)),
    )
    summary_template = (
        "{created} ressource(s) créée(s), {updated} mise(s) à jour, {errors} ligne(s) en erreur."
    )

    page_model = ResourcePage
    parent_model = LibraryIndexPage
    slug_fallback = "ressource"

    # -- cleaning ----------------------------------------------------------------------
    def clean(self, row, errors):
        title = clean_required_text(row, "title", errors, "titre manquant", 255, "titre")
        summary = clean_length(row.text("summary"), errors, 600, "résumé")
        resource_type = None
        type_label = row.text("resource_type")
        if not type_label:
            errors.add("type de ressource manquant")
        else:
            resource_type = match_term(ResourceType, type_label, errors, "type de ressource inconnu")
        themes = match_terms(Theme, row.get("themes"), errors, "thème inconnu")
        audiences = match_terms(Audience, row.get("audiences"), errors, "public inconnu")
        organisation = clean_length(row.text("organisation"), errors, 200, "nom d'organisation")
        published_on = clean_date(row.get("published"), errors, "date de publication")
        url = clean_url(row.text("url"), errors)
        file = clean_file_path(row.text("file"), self.base_dir, errors)
        data = ResourceData(
            title=" ".join(title.split()),
            summary=summary,
            resource_type=resource_type,
            themes=themes,
            audiences=audiences,
            organisation=organisation,
            published_on=published_on,
            url=url,
            file=file,
        )
        if title and not errors:
            matches = self.existing().get(title_key(title), [])
            if len(matches) > 1:
                errors.add(
                    f"plusieurs ressources de la bibliothèque portent déjà le titre « {data.title} » "
                    f"(pages {', '.join(str(pk) for pk in matches)}) : renommez-les avant d'importer"
                )
        return data

    def key(self, data):
        return title_key(data.title)

    def label(self, data):
        return data.title

    # -- saving ------------------------------------------------------------------------
    def preview(self, data):
        page = self.find_page(data)
        if page is None:
            return Outcome.CREATED
        document = self.find_document(data.file) if data.file else None
        if data.file and document is None:
            return Outcome.UPDATED
        return Outcome.UPDATED if self.has_changes(page, data, document) else Outcome.UNCHANGED

    def save(self, data):
        page = self.find_page(data)
        document = self.get_or_create_document(data) if data.file else None
        if page is None:
            page = self.create_page(data, document)
            self.remember(data, page.pk)
            return Outcome.CREATED
        if not self.has_changes(page, data, document):
            return Outcome.UNCHANGED
        self.apply(page, data, document)
        page.save_revision().publish()
        return Outcome.UPDATED

    def apply(self, page, data, document):
        page.title = data.title
        page.intro = data.summary
        page.resource_type = data.resource_type
        page.organisation = data.organisation
        page.published_on = data.published_on
        page.external_url = data.url
        page.themes.set(data.themes)
        page.audiences.set(data.audiences)
        if document is not None:
            files = list(page.files.all())
            if not any(item.document_id == document.pk for item in files):
                if files:
                    files[0].document = document
                    files[0].label = ""
                else:
                    files = [ResourceFile(document=document, sort_order=0)]
                page.files.set(files)

    def has_changes(self, page, data, document):
        current = (
            page.title,
            page.intro,
            page.resource_type_id,
            page.organisation,
            page.published_on,
            page.external_url,
            set(page.themes.values_list("pk", flat=True)),
            set(page.audiences.values_list("pk", flat=True)),
        )
        wanted = (
            data.title,
            data.summary,
            data.resource_type.pk,
            data.organisation,
            data.published_on,
            data.url,
            {term.pk for term in data.themes},
            {term.pk for term in data.audiences},
        )
        if current != wanted or not page.live or page.has_unpublished_changes:
            return True
        if document is None:
            return False
        return not page.files.filter(document=document).exists()

    # -- documents ---------------------------------------------------------------------
    @staticmethod
    def file_hash(path):
        from wagtail.utils.file import hash_filelike

        with path.open("rb") as handle:
            return hash_filelike(handle)

    def find_document(self, path):
        return LibraryDocument.objects.filter(file_hash=self.file_hash(path)).order_by("pk").first()

    def get_or_create_document(self, data):
        """The library document with the same content as ``data.file``, or a new one."""
        document = self.find_document(data.file)
        if document is not None:
            return document
        with data.file.open("rb") as handle:
            document = LibraryDocument(
                title=data.title,
                file=File(handle, name=data.file.name),
                collection=Collection.get_first_root_node(),
            )
            document.save()
        storage, name = document.file.storage, document.file.name
        self.on_rollback(lambda: storage.delete(name))
        return document
