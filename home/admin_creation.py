"""One create form, one page, whatever Wagtail's autosave did.

Wagtail 8 autosaves the create form in the background: the first valid autosave POSTs the
form to the create view, which creates the page, and the browser then points the form at the
new page's edit view. A submission that reaches the create view before that (the autosave
still running because of a slow upload, its answer not yet applied, a double click) would
create the page a second time: Wagtail answers "Le slug … est déjà utilisé" and the editor's
work looks lost.

Each rendered create form carries a token of its own (``templates/wagtailadmin/pages/
create.html``). The first POST of a token creates the page and records its id in the shared
cache; a later POST of the same token, by the same user, is handed to Wagtail's edit view of
that page, as the browser would have sent it had it known the page's address. A POST that
arrives while the first one is still running waits for it. Another form that takes an
existing slug still gets Wagtail's slug error: only the same form lands on its draft.
"""

import json
import re
import secrets
import time

from django.core.cache import cache
from django.http import JsonResponse
from django.urls import resolve, reverse

from wagtail.admin.utils import set_query_params

CREATION_TOKEN_FIELD = "portal_creation_token"  # noqa: S105 (a form field name)
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,64}")
PENDING = "pending"
# How long a creation may run (a large upload, text extraction) before a submission of the
# same form stops waiting for it and lets Wagtail answer as usual.
WAIT_SECONDS = 20
POLL_SECONDS = 0.2
PENDING_LIFETIME = 120
# How long a form left open in the browser keeps landing on the page it created.
CREATED_LIFETIME = 24 * 3600


def new_creation_token():
    return secrets.token_urlsafe(24)


def creation_key(user, token):
    return f"page-creation:{user.pk}:{token}"


def guard_page_creation(request, parent_page, page_class):
    """``before_create_page``: run the create view once per token, or edit what it created."""
    if request.method != "POST" or getattr(request, "_portal_creation_guarded", False):
        return None
    token = request.POST.get(CREATION_TOKEN_FIELD, "")
    if not TOKEN_PATTERN.fullmatch(token):
        return None
    key = creation_key(request.user, token)
    deadline = time.monotonic() + WAIT_SECONDS
    while not cache.add(key, PENDING, PENDING_LIFETIME):
        created_id = cache.get(key)
        if isinstance(created_id, int):
            page = page_class.objects.filter(pk=created_id).first()
            if page is not None:
                return edit_created_page(request, page)
            cache.delete(key)  # deleted since: create it again
        elif time.monotonic() >= deadline:
            return None
        else:
            time.sleep(POLL_SECONDS)

    # This request holds the token: run Wagtail's create view, then say what it created.
    request._portal_creation_guarded = True
    request._portal_created_page_id = None
    try:
        match = request.resolver_match
        response = match.func(request, *match.args, **match.kwargs)
    finally:
        if request._portal_created_page_id:
            cache.set(key, request._portal_created_page_id, CREATED_LIFETIME)
        else:
            cache.delete(key)
    return response


def record_created_page(request, page):
    """``after_create_page``: the page this request's token created."""
    if getattr(request, "_portal_creation_guarded", False):
        request._portal_created_page_id = page.pk


def edit_created_page(request, page):
    """Wagtail's edit view of ``page``, given the create form's data."""
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    match = resolve(edit_url)
    request.POST = data_for_existing_children(request, page)
    response = match.func(request, *match.args, **match.kwargs)
    if response.headers.get("Content-Type") == "application/json" and response.status_code == 200:
        # An autosave: tell the browser the page's address, as the create view does, so that
        # its next saves go to the edit view.
        payload = json.loads(response.content)
        payload["url"] = edit_url
        payload["hydrate_url"] = set_query_params(edit_url, {"_w_hydrate_create_view": "1"})
        response = JsonResponse(payload)
    return response


def data_for_existing_children(request, page):
    """The create form's data, made valid for the edit form of the page it created.

    The create form posted its inline rows (files, sessions, chapters…) as new rows; the
    page already has the rows the first POST created. Those are posted as deleted rows in
    front of the new ones, so that the page ends up with exactly the rows of this
    submission, never twice."""
    data = request.POST.copy()
    latest = page.get_latest_revision_as_object()
    form_class = type(page).get_edit_handler().get_form_class()
    for prefix, formset_class in form_class.formsets.items():
        if not formset_class.can_delete or f"{prefix}-TOTAL_FORMS" not in data:
            continue
        rows = formset_class(instance=latest, prefix=prefix).get_queryset()
        existing = [child.pk for child in rows if child.pk]
        if not existing or data.get(f"{prefix}-INITIAL_FORMS", "0") != "0":
            continue
        shift = len(existing)
        row = re.compile(rf"^{re.escape(prefix)}-(\d+)-(.+)$")
        shifted = data.__class__(mutable=True)
        for key, values in data.lists():
            match = row.match(key)
            if match:
                key = f"{prefix}-{int(match[1]) + shift}-{match[2]}"
            shifted.setlist(key, values)
        for index, pk in enumerate(existing):
            shifted[f"{prefix}-{index}-id"] = str(pk)
            shifted[f"{prefix}-{index}-DELETE"] = "1"
        shifted[f"{prefix}-INITIAL_FORMS"] = str(shift)
        shifted[f"{prefix}-TOTAL_FORMS"] = str(int(data.get(f"{prefix}-TOTAL_FORMS") or 0) + shift)
        data = shifted
    return data
