"""Who may download a document: files follow the privacy of what holds them.

Each app declares which of its pages hold documents, in its ``AppConfig.ready``::

    register_document_holder(ResourcePage, "files__document", order=10)
    register_document_holder(WebinarPage, "documents__document", editors_may_view=True, order=20)

and the single ``before_serve_document`` hook (``access.wagtail_hooks``) asks
``document_refusal``:

1. the document's collection: a logged-in user outside a restricted collection's groups
   gets the 403 page (Wagtail's own check would send them to the log-in page again, a
   loop); anyone else refused by the collection is left to Wagtail's own hook (log-in
   redirect or password form);
2. the pages holding it, by holder in ``order``: the first holder with pages holding the
   document decides. The document is served when the visitor may see one of those pages
   (or edit one, for holders registered with ``editors_may_view``: editors checking a
   draft); otherwise refused (log-in page, or 403 for a logged-in visitor). Guessing the
   address of a private file must not reveal it, whatever collection it was uploaded to.
   A document no page holds follows its collection only."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction, Page

from .rules import exclude_restricted, forbidden, page_is_viewable, refuse


@dataclass(frozen=True)
class DocumentHolder:
    model: type
    lookup: str  # from the page model to the document, e.g. "files__document"
    editors_may_view: bool = False
    order: int = 0

    def pages(self, document):
        return list(self.model.objects.filter(**{self.lookup: document}).distinct())

    def lets_see(self, page, request):
        if page_is_viewable(page, request):
            return True
        user = request.user
        return self.editors_may_view and user.is_authenticated and page.permissions_for_user(user).can_edit()


_holders = {}


def register_document_holder(model, lookup, *, editors_may_view=False, order=0):
    """Declare that pages of ``model`` hold documents through ``lookup``."""
    _holders[(model._meta.label_lower, lookup)] = DocumentHolder(model, lookup, editors_may_view, order)


def document_holders():
    return sorted(_holders.values(), key=lambda holder: holder.order)


def document_refusal(document, request):
    """The response refusing ``document`` to ``request``, or None to let Wagtail go on
    (serve it, or apply its own collection check)."""
    for restriction in document.collection.get_view_restrictions():
        if not restriction.accept_request(request):
            if restriction.restriction_type == BaseViewRestriction.GROUPS and request.user.is_authenticated:
                return forbidden(request, document.title)
            return None  # Wagtail's own hook answers (log-in redirect or password form)

    for holder in document_holders():
        pages = holder.pages(document)
        if not pages:
            continue
        if any(holder.lets_see(page, request) for page in pages):
            return None
        return refuse(request, document.title)
    return None


# --- What anyone may download (request-independent: the partners' API) -----------------------


def restricted_collection_ids():
    """Collections under a view restriction, with their descendants."""
    paths = set(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
    if not paths:
        return set()
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return set(Collection.objects.filter(condition).values_list("id", flat=True))


def exclude_restricted_documents(documents):
    """``documents`` an anonymous visitor may download, by the rules of ``document_refusal``:
    outside restricted collections, and held by no page, or else the first holder (in
    ``order``) holding the document has a live page anyone may see."""
    public_ids = exclude_restricted(Page.objects.live()).values("pk")
    allowed = Q()  # held by none of the holders
    for holder in reversed(document_holders()):
        held = holder.model.objects.filter(**{holder.lookup: OuterRef("pk")})
        allowed = (Exists(held) & Exists(held.filter(pk__in=public_ids))) | (~Exists(held) & allowed)
    return documents.exclude(collection__in=restricted_collection_ids()).filter(allowed)
