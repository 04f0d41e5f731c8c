"""Shared page foundations: the abstract base page, the home page, generic content pages
and the site-wide settings editors can change without a deployment."""

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import models
from django.utils.text import slugify

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from access.rules import exclude_restricted
from caching.content import cached
from importing.text import fold

from .blocks import RICH_TEXT_FEATURES, BodyStreamBlock, FeaturedLinkBlock
from .contact import contact_form_view


class BasePage(Page):
    """What every page of the portal shares: a short introduction that lists and
    search results reuse, and the search fields that go with it."""

    intro = models.TextField(
        "Chapô",
        blank=True,
        max_length=600,
        help_text="Deux ou trois phrases qui résument la page ; reprises dans les listes et la recherche.",
    )

    search_fields = Page.search_fields + [index.SearchField("intro", boost=1.5)]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.intro

    def route(self, request, path_components):
        """Wagtail's routing, one query per level instead of two: the child's id and type
        are cached (caching.content), then the specific page is read in one query."""
        if not path_components:
            return super().route(request, path_components)
        slug, remaining = path_components[0], path_components[1:]
        found = cached(
            f"route:{self.pk}:{slug}",
            lambda: list(self.get_children().filter(slug=slug).values_list("pk", "content_type_id")[:1]),
        )
        model = ContentType.objects.get_for_id(found[0][1]).model_class() if found else None
        if model is None:
            return super().route(request, path_components)
        subpage = model.objects.filter(pk=found[0][0]).first()
        if subpage is None:
            return super().route(request, path_components)
        subpage._cached_parent_obj = self  # as Wagtail does: get_parent() without a query
        return subpage.route(request, remaining)

    def get_view_restrictions(self):
        # Checked by Wagtail's serve hook, the portal's own hook and some templates: one
        # query per request rather than two per check.
        if "_view_restrictions" not in self.__dict__:
            self.__dict__["_view_restrictions"] = super().get_view_restrictions().prefetch_related("groups")
        return self.__dict__["_view_restrictions"]


class HomePage(BasePage):
    featured = StreamField(
        [("link", FeaturedLinkBlock())],
        verbose_name="Accès rapides",
        blank=True,
        help_text="Les tuiles mises en avant sous l'introduction.",
    )
    body = StreamField(BodyStreamBlock(), verbose_name="Contenu", blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("featured"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ContentPage",
        "library.LibraryIndexPage",
        "library.ToolboxPage",
        "trainings.TrainingCatalogPage",
        "trainings.SeminarIndexPage",
        "webinars.WebinarIndexPage",
        "home.ContactPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "Page d'accueil"
        verbose_name_plural = "Pages d'accueil"


class ContentPage(BasePage):
    """Legal pages, "À propos", the roadmap presentation: free content from the shared blocks."""

    body = StreamField(BodyStreamBlock(), verbose_name="Contenu", blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage", "library.ToolboxPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = "Page de contenu"
        verbose_name_plural = "Pages de contenu"


class ContactPage(RoutablePageMixin, BasePage):
    """The contact form ("Nous contacter"): its introduction and texts are edited here, the
    address that receives the messages in "Réglages du portail". The messages are sent by
    e-mail through the task worker (home/tasks.py), never stored by the portal."""

    body = StreamField(
        BodyStreamBlock(),
        verbose_name="Contenu",
        blank=True,
        help_text="Affiché avant le formulaire : délais de réponse, autres moyens de contact…",
    )
    notice = RichTextField(
        "Mention d'information",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Affichée sous le formulaire : qui reçoit le message, pourquoi, combien de temps "
        "il est conservé, vos droits. Laissée vide, la mention par défaut s'affiche.",
    )
    confirmation = RichTextField(
        "Message de confirmation",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Affiché après l'envoi. Laissé vide, le message par défaut s'affiche.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("body"),
        FieldPanel("notice"),
        FieldPanel("confirmation"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "Page de contact"
        verbose_name_plural = "Pages de contact"

    @path("")
    def contact_form(self, request, *args, **kwargs):
        return contact_form_view(self, request, recipient=lambda: site_contact()["email"])

    @path("envoye/", name="contact_sent")
    def contact_sent(self, request, *args, **kwargs):
        return self.render(request, template="home/contact_sent.html")


class Taxonomy(models.Model):
    """A term editors manage (theme, audience, resource type): named, with a stable slug
    used in shareable filter URLs."""

    name = models.CharField("nom", max_length=120, unique=True)
    slug = models.SlugField(
        "identifiant dans les adresses", max_length=120, unique=True, blank=True, allow_unicode=False
    )
    description = models.TextField("description", blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:120]
        super().save(*args, **kwargs)

    @classmethod
    def match(cls, label):
        """The term whose name or slug matches ``label``, ignoring case and accents."""
        key = fold(label)
        for term in cls.objects.all():
            if key in (fold(term.name), fold(term.slug)):
                return term
        return None


class Theme(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = "thème"
        verbose_name_plural = "thèmes"


class Audience(Taxonomy):
    """Services and professions a content is meant for."""

    class Meta(Taxonomy.Meta):
        verbose_name = "public"
        verbose_name_plural = "publics"


@register_setting(icon="cog")
class PortalSettings(BaseSiteSetting):
    contact_email = models.EmailField(
        "Adresse de contact",
        blank=True,
        help_text="Reçoit les messages du formulaire de contact ; affichée en pied de page, sur "
        "les pages d'erreur et les pages légales.",
    )
    footer_note = models.CharField(
        "Mention de pied de page",
        max_length=250,
        blank=True,
        default="Département du Nord — Observatoire départemental de la protection de l'enfance (ODPE)",
    )

    panels = [MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("footer_note")], "Contact")]

    class Meta:
        verbose_name = "Réglages du portail"


class SectionIndexPage(BasePage):
    """Abstract landing page of a section (library, trainings, webinars…): an introduction,
    optional content, then the section's published children, paginated."""

    body = StreamField(BodyStreamBlock(), verbose_name="Contenu", blank=True)
    items_per_page = 12

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    class Meta:
        abstract = True

    def get_listing_queryset(self, request):
        return exclude_restricted(self.get_children().live()).specific().order_by("-first_published_at")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.get_listing_queryset(request), self.items_per_page)
        context["page_obj"] = paginator.get_page(request.GET.get("page"))
        return context


def site_contact():
    """{"url": the contact page's address or "", "email": the contact address or ""} of the
    default site, cached until the content or the settings change (caching.content)."""
    return cached("site-contact", _read_site_contact)


def _read_site_contact():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return {"url": "", "email": ""}
    page = (
        exclude_restricted(ContactPage.objects.live()).descendant_of(site.root_page, inclusive=True).first()
    )
    return {
        "url": page.get_url() if page is not None else "",
        "email": PortalSettings.for_site(site).contact_email,
    }
