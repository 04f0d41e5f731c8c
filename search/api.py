"""Read-only API v2 for partners (/api/v2/): pages, documents and images.

What partners get is what an anonymous visitor may see, whoever asks: the API ignores
sessions and passwords (no authentication class), so a logged-in referent or editor gets
the same answers as anyone else.

- pages: live pages outside any private section (``access.rules.exclude_restricted``);
- documents: documents outside restricted collections whose download a visitor may make
  (the rules of ``access.documents.document_refusal``);
- images: images outside restricted collections.

``?search=`` answers like the search page (``search.query``): quotes make phrases, stop words
alone find nothing, the backend handles French stems and accents. Bad input is a 400 with a
JSON message, never a 500."""

from rest_framework import serializers
from rest_framework.fields import Field
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from django.core.exceptions import FieldError, ValidationError
from django.db import DataError

from wagtail.api import APIField
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, get_full_url, get_object_detail_url
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from access.documents import exclude_restricted_documents, restricted_collection_ids
from access.rules import exclude_restricted
from home.models import BasePage
from home.params import parse_int
from library.models import LibraryDocument, ResourcePage
from trainings.models import EventPage, SeminarPage, TrainingPage
from webinars.models import WebinarPage

from .query import (
    MAX_QUERY_LENGTH,
    SearchUnavailable,
    has_search_terms,
)
from .query import search as portal_search

SEARCH_OPERATORS = ("and", "or")
MAX_OFFSET = 100_000


# --- Who may see what (request-independent: the API has no privileged callers) --------------


def public_pages():
    return exclude_restricted(Page.objects.live())


def downloadable_documents():
    """Documents an anonymous visitor may download (``access.documents``)."""
    return exclude_restricted_documents(LibraryDocument.objects.all()).values("pk")


# --- Search -----------------------------------------------------------------------------------


class PortalSearchFilter(SearchFilter):
    """``?search=`` through the portal's French search (``search.query``).

    ``search_operator`` is ``and`` (default, like the search page: every word must match)
    or ``or``. Too long a query, an unbalanced quote or a null character is a 400: an API
    client should know its query was not run as sent."""

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator", "and")
        if operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator : valeur attendue « and » ou « or ».")
        if "search" not in request.GET:
            return queryset
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("La recherche ne peut pas se combiner avec un filtre par mot-clé (tags).")

        raw = request.GET["search"]
        if len(raw) > MAX_QUERY_LENGTH:
            raise BadRequestError(f"La recherche est limitée à {MAX_QUERY_LENGTH} caractères.")
        if "\x00" in raw:
            raise BadRequestError("La recherche contient un caractère nul.")
        if raw.count('"') % 2:
            raise BadRequestError(
                "La recherche contient un guillemet non fermé : "
                "mettez la phrase exacte entre deux guillemets ou retirez le guillemet."
            )
        if "random" in request.GET.get("order", "").split(","):
            raise BadRequestError("Le tri aléatoire ne se combine pas avec une recherche.")
        if not has_search_terms(raw):
            return queryset.none()  # nothing to look for (empty, or only stop words)

        try:
            # The search page's query pipeline (synonyms, prefixes, corrections, unknown
            # words left out; every word, or, if no page holds them all, any of them).
            return portal_search(
                queryset, raw, operator=operator, order_by_relevance="order" not in request.GET
            )
        except FilterFieldError as error:
            raise BadRequestError(
                f"Impossible de filtrer sur « {error.field_name} » pendant une recherche."
            ) from error
        except OrderByFieldError as error:
            raise BadRequestError(
                f"Impossible de trier par « {error.field_name} » pendant une recherche."
            ) from error


def with_portal_search(filter_backends):
    return [PortalSearchFilter if backend is SearchFilter else backend for backend in filter_backends]


# --- Serializer fields --------------------------------------------------------------------------


class ResourceFilesField(Field):
    """The files of a resource a visitor may download: title, format, size, URLs."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        request = self.context["request"]
        router = self.context["router"]
        if "_restricted_collections" not in self.context:
            self.context["_restricted_collections"] = restricted_collection_ids()
        restricted = self.context["_restricted_collections"]
        files = []
        for item in page.files.select_related("document"):
            document = item.document
            if document.collection_id in restricted:
                continue
            files.append(
                {
                    "id": document.pk,
                    "title": item.label or document.title,
                    "format": document.format_label,
                    "size": document.file_size,
                    "language": document.language,
                    "download_url": get_full_url(request, document.url),
                    "detail_url": get_object_detail_url(router, request, LibraryDocument, document.pk),
                }
            )
        return files


class SessionDatesField(Field):
    """The dates of an event's sessions; never the join link nor the registrations."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return [
            {
                "starts_at": serializers.DateTimeField().to_representation(session.starts_at),
                "ends_at": serializers.DateTimeField().to_representation(session.ends_at),
                "online": session.online,
                "registration_open": session.is_open_for_registration,
            }
            for session in page.sessions.order_by("starts_at")
        ]


def names_field():
    return serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")


# Extra fields per page model, without editing the models (no ``api_fields`` on them).
PAGE_FIELDS = [
    (BasePage, [APIField("intro")]),
    (
        ResourcePage,
        [
            APIField("published_on"),
            APIField("updated_on"),
            APIField("organisation"),
            APIField(
                "resource_type", serializer=serializers.CharField(source="resource_type.name", read_only=True)
            ),
            APIField("themes", serializer=names_field()),
            APIField("audiences", serializer=names_field()),
            APIField("external_url"),
            APIField("files", serializer=ResourceFilesField(read_only=True)),
        ],
    ),
    (EventPage, [APIField("dates", serializer=SessionDatesField(read_only=True))]),
    (
        WebinarPage,
        [APIField("date"), APIField("duration_minutes"), APIField("themes", serializer=names_field())],
    ),
    (
        TrainingPage,
        [
            APIField("format"),
            APIField("duration_hours"),
            APIField("duration_days"),
            APIField("themes", serializer=names_field()),
        ],
    ),
    (SeminarPage, [APIField("date"), APIField("end_date"), APIField("venue")]),
]


# --- Endpoints ------------------------------------------------------------------------------------


class PartnerPagination(WagtailPagination):
    """Wagtail's ``limit``/``offset`` (limit up to WAGTAILAPI_LIMIT_MAX, 20 by default), with an
    upper bound on ``offset``: a 25-digit offset would overflow the database."""

    def paginate_queryset(self, queryset, request, view=None):
        for name, maximum in (("offset", MAX_OFFSET), ("limit", None)):
            if name in request.GET and parse_int(request.GET[name]) is None:
                raise BadRequestError(f"{name} doit être un entier positif (chiffres 0 à 9).")
            if maximum is not None and parse_int(request.GET.get(name, "0"), maximum=maximum) is None:
                raise BadRequestError(f"{name} ne peut pas dépasser {maximum}.")
        return super().paginate_queryset(queryset, request, view)


class PartnerAPIMixin:
    """Anonymous for everyone, GET only, input errors as 400."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    pagination_class = PartnerPagination

    def find_object(self, queryset, request):
        if "id" in request.GET and parse_int(request.GET["id"], minimum=1) is None:
            raise BadRequestError("id doit être un entier positif.")
        return super().find_object(queryset, request)

    def filter_queryset(self, queryset):
        try:
            return super().filter_queryset(queryset)
        except (ValidationError, ValueError, TypeError, FieldError) as error:
            # e.g. ?published_on=abc or ?themes=abc: Django refuses the value while filtering.
            raise BadRequestError("Valeur de filtre invalide.") from error

    def handle_exception(self, exc):
        if isinstance(exc, SearchUnavailable):
            return Response({"message": "Service de recherche temporairement indisponible."}, status=503)
        if isinstance(exc, ValidationError):
            exc = BadRequestError("Paramètre invalide.")
        elif isinstance(exc, (OverflowError, DataError)):
            # A filter value the database cannot hold (?themes=99999999999999999999999).
            exc = BadRequestError("Valeur hors limites.")
        return super().handle_exception(exc)


class PartnerPagesAPIViewSet(PartnerAPIMixin, PagesAPIViewSet):
    filter_backends = with_portal_search(PagesAPIViewSet.filter_backends)

    def get_base_queryset(self):
        # Wagtail's base honours the caller's session (a referent would see the toolbox).
        return exclude_restricted(super().get_base_queryset())

    def get_queryset(self):
        return exclude_restricted(super().get_queryset())

    @classmethod
    def get_body_fields(cls, model):
        fields = {field.name: field for field in super().get_body_fields(model)}
        for base, extra in PAGE_FIELDS:
            if issubclass(model, base):
                fields.update({field.name: field for field in extra})
        return list(fields.values())

    @classmethod
    def get_listing_default_fields(cls, model):
        fields = super().get_listing_default_fields(model)
        if issubclass(model, BasePage):
            fields.append("intro")
        return fields


class PartnerDocumentsAPIViewSet(PartnerAPIMixin, DocumentsAPIViewSet):
    filter_backends = with_portal_search(DocumentsAPIViewSet.filter_backends)
    body_fields = DocumentsAPIViewSet.body_fields + ["language", "created_at"]
    meta_fields = DocumentsAPIViewSet.meta_fields + ["file_extension", "file_size"]

    def get_queryset(self):
        # Not Wagtail's get_restricted_collection_ids(request): it honours the session.
        return LibraryDocument.objects.filter(pk__in=downloadable_documents()).order_by("id")


class PartnerImagesAPIViewSet(PartnerAPIMixin, ImagesAPIViewSet):
    filter_backends = with_portal_search(ImagesAPIViewSet.filter_backends)

    def get_queryset(self):
        return self.model.objects.exclude(collection__in=restricted_collection_ids()).order_by("id")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PartnerPagesAPIViewSet)
api_router.register_endpoint("documents", PartnerDocumentsAPIViewSet)
api_router.register_endpoint("images", PartnerImagesAPIViewSet)
