"""The webinars' index and the webinar page (see views.py for its routes' bodies)."""

from urllib.parse import urlsplit

from wagtailmedia.edit_handlers import MediaChooserPanel

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from access.rules import exclude_restricted
from home.blocks import RICH_TEXT_FEATURES
from home.models import Audience, BasePage, SectionIndexPage, Theme
from home.relations import as_queryset
from home.widgets import CheckboxList
from trainings.models import EventPage

from .. import views, vtt
from ..embeds import parse_external_video, validate_external_video_url
from ..forms import WebinarPageForm
from ..listing import webinar_listing_context


class WebinarIndexPage(SectionIndexPage):
    """The webinars (/webinaires/): upcoming live webinars, then the recordings with filters."""

    items_per_page = 12

    parent_page_types = ["home.HomePage"]
    subpage_types = ["webinars.WebinarPage"]
    max_count = 1

    class Meta:
        verbose_name = "Liste des webinaires"
        verbose_name_plural = "Listes des webinaires"

    def get_context(self, request, *args, **kwargs):
        context = super(SectionIndexPage, self).get_context(request, *args, **kwargs)
        webinars = WebinarPage.objects.child_of(self).live()
        context.update(
            webinar_listing_context(
                self, request, exclude_restricted(webinars, request, within=self), webinars
            )
        )
        return context


class WebinarPage(RoutablePageMixin, EventPage):
    date = models.DateTimeField("date et heure", help_text="Début du webinaire (en direct).")
    duration_minutes = models.PositiveIntegerField(
        "durée (minutes)", null=True, blank=True, validators=[MaxValueValidator(24 * 60)]
    )
    speakers = ParentalManyToManyField(
        "trainings.Speaker", verbose_name="intervenants", blank=True, related_name="webinars"
    )
    themes = ParentalManyToManyField(Theme, verbose_name="thèmes", blank=True, related_name="webinars")
    audiences = ParentalManyToManyField(Audience, verbose_name="publics", blank=True, related_name="webinars")
    video = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name="vidéo déposée",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Lue par le lecteur du navigateur, avec les sous-titres. Formats : MP4 ou WebM.",
    )
    external_video_url = models.URLField(
        "ou adresse d'une vidéo externe",
        blank=True,
        validators=[validate_external_video_url],
        help_text="PeerTube, YouTube, Vimeo ou Dailymotion. Le lecteur externe ne se charge "
        "qu'après un clic du visiteur (aucun cookie tiers avant).",
    )
    captions = models.TextField(
        "sous-titres (WebVTT)",
        blank=True,
        validators=[vtt.validate],
        help_text="Le contenu du fichier WebVTT, modifiable ici pour corriger une coquille.",
    )
    transcript = RichTextField(
        "transcription",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Le texte intégral du webinaire, affiché sous la vidéo (obligatoire au sens du RGAA "
        "pour une vidéo enregistrée).",
    )
    related_resources = ParentalManyToManyField(
        "library.ResourcePage", verbose_name="ressources liées", blank=True, related_name="related_webinars"
    )
    related_trainings = ParentalManyToManyField(
        "trainings.TrainingPage", verbose_name="formations liées", blank=True, related_name="related_webinars"
    )

    base_form_class = WebinarPageForm

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("duration_minutes")]),
                FieldPanel("speakers", widget=CheckboxList),
            ],
            heading="Date et intervenants",
        ),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
    ]
    recording_panels = [
        MultiFieldPanel(
            [MediaChooserPanel("video", media_type="video"), FieldPanel("external_video_url")],
            heading="Vidéo",
        ),
        MultiFieldPanel(
            [
                FieldPanel("captions_file"),
                FieldPanel("captions", widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"})),
            ],
            heading="Sous-titres",
        ),
        MultiFieldPanel(
            [FieldPanel("generate_transcript"), FieldPanel("transcript")], heading="Transcription"
        ),
        InlinePanel("chapters", heading="Chapitres", label="Chapitre"),
    ]
    links_panels = [
        InlinePanel("documents", heading="Diaporamas et documents", label="Document"),
        FieldPanel("related_resources", widget=CheckboxList),
        FieldPanel("related_trainings", widget=CheckboxList),
    ]
    live_panels = [
        InlinePanel("sessions", heading="Sessions en direct", label="Session"),
        FieldPanel("registration_notes"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Contenu"),
            ObjectList(recording_panels, heading="Enregistrement"),
            ObjectList(links_panels, heading="Documents et liens"),
            ObjectList(live_panels, heading="Direct et inscriptions"),
            ObjectList(BasePage.promote_panels, heading="Promotion"),
            ObjectList(BasePage.settings_panels, heading="Paramètres"),
        ]
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("transcript"),
        index.SearchField("captions_text"),
        index.RelatedFields("chapters", [index.SearchField("title")]),
        index.RelatedFields("speakers", [index.SearchField("name"), index.SearchField("organisation")]),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    parent_page_types = ["webinars.WebinarIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Webinaire"
        verbose_name_plural = "Webinaires"

    # --- Validation -------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.video_id and self.external_video_url:
            errors["external_video_url"] = (
                "Choisissez une vidéo déposée ou une adresse externe, pas les deux."
            )
        if self.video_id and self.video.type != "video":
            errors["video"] = "Ce média est un fichier audio : choisissez une vidéo."
        if errors:
            raise ValidationError(errors)

    # --- Recording --------------------------------------------------------------------------

    @property
    def is_upcoming(self):
        return self.date >= timezone.now()

    @cached_property
    def external_video(self):
        return None if self.video_id else parse_external_video(self.external_video_url)

    @cached_property
    def cues(self):
        try:
            return vtt.parse(self.captions) if self.captions.strip() else []
        except vtt.WebVTTError:
            return []

    def captions_text(self):
        """The captions' words, for the search index (found even before a transcript is written)."""
        return vtt.plain_text(self.cues)

    def sorted_chapters(self):
        chapters = [chapter for chapter in self.chapters.all() if chapter.start_seconds is not None]
        return sorted(chapters, key=lambda chapter: (chapter.start_seconds, chapter.sort_order or 0))

    # --- Routes -----------------------------------------------------------------------------
    # The video, captions and play counter are routes of the page, so that they follow its
    # privacy; their bodies are in views.py.

    @path("video/")
    def serve_video(self, request):
        return views.video(request, self)

    @path("sous-titres/")
    def serve_captions(self, request):
        return views.captions(request, self)

    @path("lecture/")
    def count_play(self, request):
        return views.count_play(request, self)

    # --- Rendering --------------------------------------------------------------------------

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        external = self.external_video
        if external is not None:
            # The Content-Security-Policy lets this page frame its own external player, and
            # only that one (loaded when the visitor asks for it).
            parts = urlsplit(external.embed_url)
            response._csp_update = {"frame-src": [f"{parts.scheme}://{parts.netloc}"]}
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        external = self.external_video
        chapters = self.sorted_chapters()
        for chapter in chapters:
            chapter.link = external.url_at(chapter.start_seconds) if external else f"#t={chapter.timecode}"
        context["chapters"] = chapters
        context["documents"] = list(self.documents.select_related("document"))
        context["speakers"] = list(self.speakers.all())
        context["themes"] = list(self.themes.all())
        context["audiences"] = list(self.audiences.all())
        context["related_resources"] = list(
            exclude_restricted(as_queryset(self.related_resources).live())
            .select_related("resource_type")
            .order_by("title")
        )
        context["related_trainings"] = list(
            exclude_restricted(as_queryset(self.related_trainings).live()).order_by("title")
        )
        context["external_video"] = external
        context.update(self._video_file_context())
        context["has_captions"] = bool(self.cues)
        context["restriction"] = next(iter(self.get_view_restrictions()), None)
        context["counts_plays"] = bool(context["has_video_file"] or external) and self.live
        return context

    def _video_file_context(self):
        from operations.storage import STORAGE_ERRORS

        from ..files import content_type_for

        media = self.video if self.video_id else None
        if media is None or not media.file:
            return {"has_video_file": False}
        try:
            size = media.file.size
        except STORAGE_ERRORS:  # the file is missing from the storage: the page still shows the rest
            return {"has_video_file": False}
        content_type = content_type_for(media.file.name)
        return {
            "has_video_file": True,
            "video_type": content_type,
            "video_format": media.file.name.rsplit(".", 1)[-1].upper(),
            "video_size": size,
            "video_width": media.width,
            "video_height": media.height,
        }
