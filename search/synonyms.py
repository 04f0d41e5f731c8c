"""Editors' synonyms and abbreviations (``search.models.Synonym``), as the query pipeline
reads them: every spelling of a term as a tuple of folded words, with what it expands to.

Read at query time and cached until a synonym changes (``caching.content.watch``): a new
synonym applies to the next search, on every backend, without reindexing."""

from dataclasses import dataclass

from caching.content import cached


@dataclass(frozen=True)
class SynonymEntry:
    keys: tuple  # tuples of folded words: (("aemo",), ("a", "e", "m", "o"))
    expansions: tuple  # what the documents say, as editors wrote it
    label: str  # the term as editors wrote it ("AEMO"), for "Résultats pour … (AEMO)"
    shown: bool


def term_words(text):
    """The folded words of a term, stop words kept ("du" is the DU, a diploma); dots inside
    an acronym dropped ("A.E.M.O." = "AEMO")."""
    from .french import fold_accents, words

    return tuple(fold_accents(word) for word in words(str(text).replace(".", "")))


def _load():
    from .models import Synonym

    entries = []
    for synonym in Synonym.objects.all():
        keys = tuple(key for key in (term_words(variant) for variant in synonym.variants()) if key)
        expansions = tuple(synonym.expansion_list())
        if keys and expansions:
            entries.append(SynonymEntry(keys, expansions, synonym.variants()[0], synonym.shown))
    return entries


def entries():
    return cached("search:synonyms", _load)


def by_key():
    """{folded words tuple: [entries]}; the longest key wins when the pipeline matches."""
    table = {}
    for entry in entries():
        for key in entry.keys:
            table.setdefault(key, []).append(entry)
    return table
