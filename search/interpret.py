"""From what a person typed to what the engines are asked: the query pipeline.

What professionals type is not what documents say: abbreviations ("aemo"), everyday words
("mari violent"), half-typed words ("accomp"), a letter wrong ("signalment"), an extra word
that no document holds ("… pdf"). Each word of the query becomes a **group** of
alternatives, any of which may match:

1. **synonyms and abbreviations** editors manage (``search.synonyms``): the longest known
   term at each position adds its expansions ("aemo" → "action éducative en milieu
   ouvert"); an acronym that is also a stop word ("du", "op") counts only when typed in
   capitals or first;
2. the word's own **token** (``search.french.stem``), if the indexed content holds it
   (``search.vocabulary``, the same words on every backend);
3. **prefixes**: the last word, and any word of three letters or more that the content does
   not hold, also stand for the known words they begin ("accomp" → "accompagnement");
4. **typos**: a word still matching nothing is replaced by the closest known word, one or two
   edits away ("accompagnemnt" → "accompagnement"), and the page says so;
5. a word that matches nothing at all is left out (and the page says so).

Quoted phrases stay exact. ``ranked_ids`` then asks the engine for pages holding every group
(AND) and, when that finds fewer than a page of results, for pages holding any of them,
ranked by how many groups they hold (coordination), then by the engine's relevance.

All of this happens before the backend, with the same vocabulary and analysis, so SQLite,
PostgreSQL and OpenSearch get the same query. Synonyms are read at query time: a new one
applies to the next search without reindexing."""

import re
import unicodedata
from dataclasses import dataclass, field

from modelsearch.query import And, Or

from . import synonyms as synonym_table
from . import vocabulary as vocabulary_module
from .french import ELISION, LIGATURES, STOP_WORDS, TYPOGRAPHIC, analyze, stem
from .tokens import TokenPhrase, Tokens

MAX_WORDS = 12  # groups beyond this are dropped: nobody types more, bounded work per query
MAX_SYNONYM_WORDS = 6
COMPLETIONS = 8
PHRASE = re.compile(r'"([^"]*)"')
CASED_WORD = re.compile(r"[A-Za-z0-9]+")


@dataclass
class Group:
    """One word (or term, or phrase) of the query and the token sets that can stand for it."""

    typed: str
    alternatives: list = field(default_factory=list)  # tuples of tokens (all of them must match)
    phrase: bool = False

    def query(self):
        parts = []
        for tokens in self.alternatives:
            if self.phrase and len(tokens) > 1:
                parts.append(TokenPhrase(" ".join(tokens)))
            else:
                parts.append(Tokens(" ".join(tokens), operator="and"))
        return parts[0] if len(parts) == 1 else Or(parts)


@dataclass
class Interpretation:
    typed: str
    groups: list = field(default_factory=list)
    searched: list = field(default_factory=list)  # the query as searched, word by word
    corrections: list = field(default_factory=list)  # (typed, corrected)
    expansions: list = field(default_factory=list)  # (label, expansion) shown to the visitor
    ignored: list = field(default_factory=list)  # words that match nothing
    suggestion: tuple = ()  # (typed, likelier): "Vouliez-vous dire …" when results exist
    all_words: bool = True  # False when the results hold only some of the groups

    def query(self, operator="and"):
        if not self.groups:
            return None
        parts = [group.query() for group in self.groups]
        if len(parts) == 1:
            return parts[0]
        return And(parts) if operator == "and" else Or(parts)

    @property
    def corrected_query(self):
        """The query as searched, when a correction changed it ("" otherwise)."""
        return " ".join(self.searched) if self.corrections else ""


def _cased_words(text):
    """(cased, folded) pairs of ``text``'s words, accents and elisions removed as
    ``search.french.words`` does: the case tells "DU" (the diploma) from "du"."""
    decomposed = unicodedata.normalize("NFKD", str(text).translate(TYPOGRAPHIC).translate(LIGATURES))
    text = "".join(char for char in decomposed if not unicodedata.combining(char))
    text = _CASED_ELISION.sub(" ", text)
    return [(word, word.lower()) for word in CASED_WORD.findall(text)]


_CASED_ELISION = re.compile(ELISION.pattern, re.IGNORECASE)


def _split(raw):
    """[(is_phrase, text)] in the order typed."""
    parts = []
    position = 0
    for match in PHRASE.finditer(raw):
        if match.start() > position:
            parts.append((False, raw[position : match.start()]))
        parts.append((True, match.group(1)))
        position = match.end()
    if position < len(raw):
        parts.append((False, raw[position:]))
    return [(is_phrase, text) for is_phrase, text in parts if text.strip()]


def interpret(raw, include_private=False, exact=False, pages=True):
    """The ``Interpretation`` of ``raw`` (already cleaned by ``search.query.clean_query_string``).

    ``include_private``: use the words of restricted content too (a referent's search);
    ``exact``: no spelling correction (the visitor asked for their own spelling);
    ``pages=False``: a search of other things than pages (the documents' API), whose words
    the vocabulary does not hold: synonyms only, every word kept as typed."""
    result = Interpretation(typed=raw)
    vocabulary = vocabulary_module.get(include_private) if pages else vocabulary_module.Vocabulary()
    table = synonym_table.by_key()
    parts = _split(raw)
    free_positions = [index for index, (is_phrase, _) in enumerate(parts) if not is_phrase]
    last_free = free_positions[-1] if free_positions else None
    first_word = True
    for index, (is_phrase, text) in enumerate(parts):
        if is_phrase:
            tokens = tuple(analyze(text))
            if tokens:
                result.groups.append(Group(typed=f'"{text}"', alternatives=[tokens], phrase=True))
                result.searched.append(f'"{text}"')
            first_word = False
            continue
        words = _cased_words(text)
        position = 0
        while position < len(words):
            matched = _match_synonym(words, position, table, first_word)
            if matched:
                length, entries = matched
                span = words[position : position + length]
                _add_synonym_group(result, span, entries)
                position += length
                first_word = False
                continue
            cased, word = words[position]
            position += 1
            if word in STOP_WORDS:
                result.searched.append(word)
                first_word = False
                continue
            first_word = False
            is_last = index == last_free and position == len(words)
            _add_word_group(result, cased, word, vocabulary, is_last, exact)
    result.groups = result.groups[:MAX_WORDS]
    return result


def _match_synonym(words, position, table, first_word):
    if not table:
        return None
    for length in range(min(MAX_SYNONYM_WORDS, len(words) - position), 0, -1):
        span = words[position : position + length]
        key = tuple(word for _, word in span)
        entries = table.get(key)
        if not entries:
            continue
        if all(word in STOP_WORDS for word in key):
            # "du", "op"…: the diploma only when typed "DU", or first ("du violences conjugales").
            typed_in_capitals = all(cased.isupper() and len(cased) > 1 for cased, _ in span)
            if not (typed_in_capitals or (first_word and position == 0)):
                continue
        return length, entries
    return None


def _add_synonym_group(result, span, entries):
    typed = " ".join(cased for cased, _ in span)
    own = tuple(stem(word) for _, word in span if word not in STOP_WORDS)
    group = Group(typed=typed)
    if own:
        group.alternatives.append(own)
    for entry in entries:
        for expansion in entry.expansions:
            tokens = tuple(analyze(expansion))
            if tokens and tokens not in group.alternatives:
                group.alternatives.append(tokens)
        if entry.shown:
            result.expansions.append((entry.label, entry.expansions[0]))
    if group.alternatives:
        result.groups.append(group)
        result.searched.append(typed)


def _add_word_group(result, cased, word, vocabulary, is_last, exact):
    token = stem(word)
    group = Group(typed=cased)
    if not vocabulary:
        # No vocabulary yet (update_index never ran): the word as it is.
        group.alternatives.append((token,))
        result.groups.append(group)
        result.searched.append(word)
        return
    known = vocabulary.knows(token)
    if known:
        group.alternatives.append((token,))
    if (is_last or not known) and len(word) >= 3 and not word.isdigit():
        for completion in vocabulary.completions(word, limit=COMPLETIONS):
            completed = (vocabulary.word_info[completion][0],)
            if completed not in group.alternatives:
                group.alternatives.append(completed)
    searched = word
    if not group.alternatives and not exact:
        corrections = vocabulary.corrections(word, limit=1)
        if corrections:
            searched = corrections[0]
            group.alternatives.append((vocabulary.word_info[searched][0],))
            result.corrections.append((word, searched))
    elif known and not exact and not result.suggestion:
        _maybe_suggest(result, word, vocabulary)
    if not group.alternatives:
        result.ignored.append(cased)
        return
    result.groups.append(group)
    result.searched.append(searched)


def _maybe_suggest(result, word, vocabulary):
    """A known but rare word (a typo that some document shares) next to a far more common
    one: results are shown as typed, and "Vouliez-vous dire …" offers the other."""
    frequency = vocabulary.frequency(word)
    if frequency > 2:
        return
    for candidate in vocabulary.corrections(word, limit=1):
        if vocabulary.frequency(candidate) >= max(10, 20 * frequency):
            result.suggestion = (word, candidate)
        break
