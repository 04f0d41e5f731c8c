"""French text analysis for the embedded search backend (SQLite FTS5).

The same function runs at index time and at query time, so that singular and plural,
masculine and feminine forms meet (violence/violences, conjugal/conjugaux), accents are
optional (repérage = reperage), elisions are handled (l'enfant = enfant) and case is ignored.
Snowball's French stemmer (the one Lucene and PostgreSQL use) does the stemming."""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from importing.text import TYPOGRAPHIC

# Lucene's French elision articles.
ELISION = re.compile(r"\b(?:l|m|t|qu|n|s|j|d|c|jusqu|quoiqu|lorsqu|puisqu)'", re.IGNORECASE)
WORD = re.compile(r"[^\W_]+", re.UNICODE)

# Snowball's French stop-word list (short form), folded.
STOP_WORDS = frozenset(
    [
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "dans",
        "de",
        "des",
        "du",
        "elle",
        "en",
        "et",
        "eux",
        "il",
        "je",
        "la",
        "le",
        "leur",
        "lui",
        "ma",
        "mais",
        "me",
        "meme",
        "mes",
        "moi",
        "mon",
        "ne",
        "nos",
        "notre",
        "nous",
        "on",
        "ou",
        "par",
        "pas",
        "pour",
        "qu",
        "que",
        "qui",
        "sa",
        "se",
        "ses",
        "son",
        "sur",
        "ta",
        "te",
        "tes",
        "toi",
        "ton",
        "tu",
        "un",
        "une",
        "vos",
        "votre",
        "vous",
        "c",
        "d",
        "j",
        "l",
        "a",
        "m",
        "n",
        "s",
        "t",
        "y",
        "ete",
        "etee",
        "etees",
        "etes",
        "etant",
        "suis",
        "es",
        "est",
        "sommes",
        "etes",
        "sont",
        "serai",
        "seras",
        "sera",
        "serons",
        "serez",
        "seront",
        "serais",
        "serait",
        "serions",
        "seriez",
        "seraient",
        "etais",
        "etait",
        "etions",
        "etiez",
        "etaient",
        "fus",
        "fut",
        "fumes",
        "futes",
        "furent",
        "sois",
        "soit",
        "soyons",
        "soyez",
        "soient",
        "fusse",
        "fusses",
        "fut",
        "fussions",
        "fussiez",
        "fussent",
        "ayant",
        "eu",
        "eue",
        "eues",
        "eus",
        "ai",
        "as",
        "avons",
        "avez",
        "ont",
        "aurai",
        "auras",
        "aura",
        "aurons",
        "aurez",
        "auront",
        "aurais",
        "aurait",
        "aurions",
        "auriez",
        "auraient",
        "avais",
        "avait",
        "avions",
        "aviez",
        "avaient",
        "eut",
        "eumes",
        "eutes",
        "eurent",
        "aie",
        "aies",
        "ait",
        "ayons",
        "ayez",
        "aient",
        "eusse",
        "eusses",
        "eussions",
        "eussiez",
        "eussent",
        "ceci",
        "cela",
        "celà",
        "cet",
        "cette",
        "ici",
        "ils",
        "les",
        "leurs",
        "quel",
        "quels",
        "quelle",
        "quelles",
        "sans",
        "soi",
    ]
)

_stemmer = snowballstemmer.stemmer("french")


def fold_accents(word):
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=65536)
def stem(word):
    """One lower-cased word → its folded stem ("évaluations" → "evalu")."""
    return fold_accents(_stemmer.stemWord(word))


def words(text):
    text = ELISION.sub(" ", str(text or "").translate(TYPOGRAPHIC).lower())
    return WORD.findall(text)


def analyze(text, drop_stop_words=True):
    """The list of folded stems of ``text``."""
    tokens = []
    for word in words(text):
        if drop_stop_words and fold_accents(word) in STOP_WORDS:
            continue
        tokens.append(stem(word))
    return tokens


def analyze_to_text(text):
    return " ".join(analyze(text))
