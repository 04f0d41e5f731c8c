"""The resource library: resources (pages), their files (a custom Wagtail document model
that keeps the text of each file for search), taxonomies, download counts, and the
referents' private toolbox."""

from django import forms
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.fields import StreamField
from wagtail.search import index

from access.rules import exclude_restricted
from home.attachments import AttachedDocument, attached_document_field
from home.blocks import BodyStreamBlock
from home.counters import MonthlyCounter, one_row_per_month
from home.models import Audience, BasePage, SectionIndexPage, Taxonomy, Theme
from home.relations import as_queryset
from home.widgets import CheckboxList
from importing.text import fold

from .feeds import AtomResourcesFeed, ResourcesFeed
from .listing import resource_listing_context
from .text_extraction import extract_text

LANGUAGES = [
    ("fr", "Français"),
    ("en", "Anglais"),
    ("nl", "Néerlandais"),
    ("ar", "Arabe"),
    ("es", "Espagnol"),
    ("mul", "Plusieurs langues"),
]


class ResourceType(Taxonomy):
    """Guide, fiche réflexe, étude/rapport, outil de repérage…"""

    class Meta(Taxonomy.Meta):
        verbose_name = "type de ressource"
        verbose_name_plural = "types de ressource"


class LibraryDocument(AbstractDocument):
    """Wagtail document that also keeps the text of the file, so that a search finds a
    resource by words that appear only inside its PDF, DOCX or ODT file."""

    language = models.CharField("langue", max_length=3, choices=LANGUAGES, default="fr")
    extracted_text = models.TextField("texte extrait", blank=True, editable=False)
    extraction_warning = models.CharField(
        "avertissement d'extraction", max_length=255, blank=True, editable=False
    )
    extracted_hash = models.CharField(max_length=40, blank=True, editable=False)

    admin_form_fields = WagtailDocument.admin_form_fields + ("language",)
    search_fields = AbstractDocument.search_fields + [index.SearchField("extracted_text")]

    class Meta(AbstractDocument.Meta):
        verbose_name = "document"
        verbose_name_plural = "documents"
        permissions = [("choose_document", "Can choose document")]

    def save(self, *args, **kwargs):
        if self.file and not self.file_hash:
            self._set_document_file_metadata()
        if self.file and self.file_hash != self.extracted_hash:
            self.refresh_extracted_text()
        super().save(*args, **kwargs)

    def refresh_extracted_text(self):
        """Extract the file's text; a broken or encrypted file keeps an empty text and a warning."""
        with self.open_file() as handle:
            result = extract_text(handle, self.file_extension)
        self.extracted_text = result.text
        self.extraction_warning = result.warning
        self.extracted_hash = self.file_hash

    @property
    def format_label(self):
        return self.file_extension.upper()


class ResourceListingPage(SectionIndexPage):
    """A page that lists its resources with facets (type, theme, audience, year)."""

    items_per_page = 20

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super(SectionIndexPage, self).get_context(request, *args, **kwargs)
        # Resources restricted on their own stay hidden, whoever asks (the counts are shared by
        # every visitor). In a restricted section (the toolbox) the visitor has already passed
        # the section's restriction: ``within`` does not apply it again to every child.
        resources = exclude_restricted(ResourcePage.objects.child_of(self).live(), within=self)
        context.update(resource_listing_context(self, request, resources))
        return context


class LibraryIndexPage(RoutablePageMixin, ResourceListingPage):
    """The public resource library (/ressources/), with its feeds (/ressources/flux/)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["library.ResourcePage"]
    max_count = 1

    class Meta:
        verbose_name = "Bibliothèque de ressources"
        verbose_name_plural = "Bibliothèques de ressources"

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.render(request)

    @path("flux/")
    def rss_feed(self, request):
        return ResourcesFeed(self, ResourcePage.objects.live())(request)

    @path("flux/atom/")
    def atom_feed(self, request):
        return AtomResourcesFeed(self, ResourcePage.objects.live())(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        themes = context["selected"]["theme"]
        context["feed_url"] = f"{self.url}flux/" + (f"?theme={themes[0]}" if len(themes) == 1 else "")
        return context


class ToolboxPage(ResourceListingPage):
    """The referents' toolbox (/boite-a-outils/): private to the "Référents VIF" group
    and the editorial staff through Wagtail's page privacy."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["library.ResourcePage", "home.ContentPage"]
    max_count = 1

    class Meta:
        verbose_name = "Boîte à outils des référents"
        verbose_name_plural = "Boîtes à outils des référents"


class ResourcePage(BasePage):
    body = StreamField(BodyStreamBlock(), verbose_name="Contenu", blank=True)
    resource_type = models.ForeignKey(
        ResourceType, verbose_name="type de ressource", on_delete=models.PROTECT, related_name="resources"
    )
    themes = ParentalManyToManyField(Theme, verbose_name="thèmes", blank=True, related_name="resources")
    audiences = ParentalManyToManyField(
        Audience, verbose_name="publics", blank=True, related_name="resources"
    )
    organisation = models.CharField("auteur ou organisation", max_length=200, blank=True)
    published_on = models.DateField("date de publication", default=timezone.localdate, db_index=True)
    updated_on = models.DateField("à jour au", null=True, blank=True)
    review_due = models.DateField(
        "à réexaminer avant le",
        null=True,
        blank=True,
        help_text="Apparaît dans le rapport « Ressources à réexaminer » une fois la date passée.",
    )
    external_url = models.URLField(
        "lien externe", blank=True, help_text="Site, vidéo ou page d'un partenaire."
    )
    related_resources = ParentalManyToManyField(
        "self", verbose_name="ressources liées", blank=True, symmetrical=False
    )
    # Accent- and case-folded title: "Étude" sorts with the E's on every database.
    sort_title = models.CharField(max_length=255, editable=False, db_index=True, default="")

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("organisation"),
                FieldRowPanel(
                    [FieldPanel("published_on"), FieldPanel("updated_on"), FieldPanel("review_due")]
                ),
            ],
            heading="Description",
        ),
        InlinePanel("files", heading="Fichiers à télécharger", label="Fichier"),
        FieldPanel("external_url"),
        FieldPanel("body"),
        FieldPanel("related_resources", widget=CheckboxList),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("organisation"),
        index.SearchField("files_text"),
        index.RelatedFields("resource_type", [index.SearchField("name")]),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("audiences", [index.SearchField("name")]),
        index.FilterField("resource_type"),
        index.FilterField("published_on"),
    ]

    parent_page_types = ["library.LibraryIndexPage", "library.ToolboxPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Ressource"
        verbose_name_plural = "Ressources"

    def save(self, *args, **kwargs):
        self.sort_title = fold(self.title)[:255]
        super().save(*args, **kwargs)

    def files_text(self):
        """The text of the attached files, for the search index."""
        return "\n".join(item.document.extracted_text for item in self.files.all() if item.document_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["files"] = self.files.select_related("document")
        context["related"] = (
            exclude_restricted(as_queryset(self.related_resources).live())
            .select_related("resource_type")
            .order_by("title")
        )
        return context


class ResourceFile(AttachedDocument):
    page = ParentalKey(ResourcePage, related_name="files", on_delete=models.CASCADE)
    document = attached_document_field("resource_files")

    class Meta(AttachedDocument.Meta):
        verbose_name = "fichier"
        verbose_name_plural = "fichiers"


class DownloadCount(MonthlyCounter):  # downloads per document and per month
    document = models.ForeignKey(LibraryDocument, on_delete=models.CASCADE, related_name="download_counts")
    count = models.PositiveIntegerField("téléchargements", default=0)

    class Meta(MonthlyCounter.Meta):
        verbose_name = "téléchargements du mois"
        verbose_name_plural = "téléchargements par mois"
        constraints = [one_row_per_month("document", "library_downloadcount_document_month")]
