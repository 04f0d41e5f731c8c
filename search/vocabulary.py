"""The indexed content's words, for the query pipeline (``search.interpret``): which tokens
exist, which words complete a prefix, which known word a misspelt one was meant to be.

Built from the pages themselves (``rebuild``, run by ``manage.py update_index``) and grown
on each publication (``learn``), through the same analysis as the index
(``search.french``), so it is the same on every backend. Two views: the words of content
anyone may see (``public``, used for every visitor's search: a word seen only in the
referents' toolbox is never suggested), and all of them (``include_private``, for callers
that search as a referent).

Each process keeps the vocabulary in memory (a sorted list for prefixes, a dict of tokens,
words by first letter for corrections) until its version moves: ``rebuild``/``learn`` bump
it."""

import bisect
import logging
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection, transaction

from caching.content import bump_content_version

from .french import STOP_WORDS, stem, words

logger = logging.getLogger(__name__)

VERSION_KEY = "search:vocabulary-version"
VERSION_TTL = 2.0
MAX_WORD_LENGTH = 40
BATCH = 2000
# One statement for SQLite and PostgreSQL alike: a word seen again adds to its count.
UPSERT = (
    "INSERT INTO {table} (word, stem, frequency, public) VALUES (%s, %s, %s, %s) "
    "ON CONFLICT (word) DO UPDATE SET frequency = {table}.frequency + excluded.frequency, "
    "public = {table}.public OR excluded.public"
)


@dataclass
class Vocabulary:
    stems: dict = field(default_factory=dict)  # token → frequency
    sorted_words: list = field(default_factory=list)  # folded words, sorted
    word_info: dict = field(default_factory=dict)  # word → (token, frequency)
    by_first: dict = field(default_factory=dict)  # first letter → [words]

    def __bool__(self):
        return bool(self.stems)

    def knows(self, token):
        return token in self.stems

    def frequency(self, word):
        info = self.word_info.get(word)
        return info[1] if info else 0

    def completions(self, prefix, limit=8):
        """Words that start with ``prefix`` (not ``prefix`` itself), most frequent first."""
        start = bisect.bisect_left(self.sorted_words, prefix)
        found = []
        for word in self.sorted_words[start:]:
            if not word.startswith(prefix):
                break
            if word != prefix:
                found.append(word)
        found.sort(key=lambda word: (-self.word_info[word][1], word))
        return found[:limit]

    def corrections(self, word, limit=3):
        """Known words one or two edits away from ``word`` (insertion, deletion, substitution
        or two letters swapped), closest then most frequent first. Only words sharing its
        first letter are tried: first letters are rarely the ones mistyped, and it keeps the
        work small."""
        from rapidfuzz.distance import OSA
        from rapidfuzz.process import extract

        if len(word) < 4 or word.isdigit():
            return []
        allowed = 1 if len(word) < 8 else 2
        candidates = self.by_first.get(word[0], ())
        scored = extract(word, candidates, scorer=OSA.distance, score_cutoff=allowed, limit=50)
        scored = [(candidate, distance) for candidate, distance, _ in scored if candidate != word]
        scored.sort(key=lambda item: (item[1], -self.word_info[item[0]][1], item[0]))
        return [candidate for candidate, _ in scored[:limit]]


# --- Building ------------------------------------------------------------------------------


def _field_texts(obj, fields):
    from modelsearch.index import AutocompleteField, RelatedFields, SearchField

    for search_field in fields:
        if isinstance(search_field, (SearchField, AutocompleteField)):
            value = search_field.get_value(obj)
            yield from _flatten(value)
        elif isinstance(search_field, RelatedFields):
            related = search_field.get_value(obj)
            if related is None:
                continue
            if hasattr(related, "all"):
                related = related.all()
            elif callable(related):
                related = [related()]
            else:
                related = [related]
            for item in related:
                yield from _field_texts(item, search_field.fields)


def _flatten(value):
    if value is None:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _flatten(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _flatten(item)
    else:
        yield str(value)


def page_words(page):
    """Counter of the folded words of a page's searchable text (stop words left out)."""
    counter = Counter()
    for text in _field_texts(page, page.get_search_fields()):
        counter.update(
            word for word in words(text) if word not in STOP_WORDS and len(word) <= MAX_WORD_LENGTH
        )
    return counter


def _public_page_ids(page_ids):
    from wagtail.models import Page

    from access.rules import exclude_restricted

    return set(exclude_restricted(Page.objects.live().filter(pk__in=page_ids)).values_list("pk", flat=True))


def _collect():
    """{word: [frequency, public]} over every live page, as their specific class."""
    from wagtail.models import Page

    found = {}
    live = Page.objects.live().exclude(depth=1)
    public_ids = _public_page_ids(live.values_list("pk", flat=True))
    for page in live.specific().iterator(chunk_size=500):
        public = page.pk in public_ids
        for word, count in page_words(page).items():
            entry = found.setdefault(word, [0, False])
            entry[0] += count
            entry[1] = entry[1] or public
    return found


def rebuild():
    """Recompute the vocabulary from every live page (``manage.py update_index`` runs it)."""
    from .models import SearchTerm

    started = time.monotonic()
    found = _collect()
    with transaction.atomic():
        SearchTerm.objects.all().delete()
        rows = [
            SearchTerm(word=word, stem=stem(word), frequency=frequency, public=public)
            for word, (frequency, public) in found.items()
        ]
        SearchTerm.objects.bulk_create(rows, batch_size=BATCH)
    bump_version()
    # Searches cached before the rebuild were read with the old vocabulary.
    bump_content_version()
    logger.info("Search vocabulary: %d words in %.1f s", len(found), time.monotonic() - started)
    return len(found)


def learn(page):
    """Add a published page's words (its later edits only add: words gone from it stay until
    the next ``rebuild``, where they would at worst suggest a word that now finds less)."""
    from .models import SearchTerm

    counter = page_words(page)
    if not counter:
        return
    public = page.pk in _public_page_ids([page.pk])
    rows = [(word, stem(word), count, public) for word, count in counter.items()]
    # The table name is the model's own; every value is a parameter.
    sql = UPSERT.format(table=SearchTerm._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
    bump_version()


# --- Reading --------------------------------------------------------------------------------

_memory = {"version": None, "checked": 0.0, "public": None, "all": None}


def forget():
    """Drop this process's copy (the next read loads the vocabulary again)."""
    _memory.update(version=None, checked=0.0, public=None, all=None)


def bump_version():
    cache.set(VERSION_KEY, time.time_ns(), None)
    _memory.update(version=None, checked=0.0)


def _current_version():
    now = time.monotonic()
    if _memory["version"] is not None and now - _memory["checked"] < VERSION_TTL:
        return _memory["version"]
    version = cache.get(VERSION_KEY)
    if version is None:
        # An emptied cache says nothing changed: keep this process's copy (a new version only
        # if it has none), rather than reload the whole vocabulary.
        cache.add(VERSION_KEY, _memory["version"] or time.time_ns(), None)
        version = cache.get(VERSION_KEY, 0)
    if version != _memory["version"]:
        _memory.update(public=None, all=None, version=version)
    _memory["checked"] = now
    return version


def _load(include_private):
    from .models import SearchTerm

    rows = SearchTerm.objects.all()
    if not include_private:
        rows = rows.filter(public=True)
    vocabulary = Vocabulary()
    by_first = defaultdict(list)
    for word, token, frequency in rows.values_list("word", "stem", "frequency").iterator(chunk_size=5000):
        vocabulary.word_info[word] = (token, frequency)
        vocabulary.stems[token] = vocabulary.stems.get(token, 0) + frequency
        by_first[word[0]].append(word)
    vocabulary.sorted_words = sorted(vocabulary.word_info)
    vocabulary.by_first = dict(by_first)
    return vocabulary


def get(include_private=False):
    """The vocabulary (public words only unless ``include_private``), from this process's
    memory while its version holds."""
    _current_version()
    key = "all" if include_private else "public"
    if _memory[key] is None:
        _memory[key] = _load(include_private)
    return _memory[key]
