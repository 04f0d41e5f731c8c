"""The portal's French text analysis: one definition, used by every search backend.

The same steps run at index time and at query time, in this order:

1. **fold**: lower case, typographic apostrophes and ligatures (œ, æ) normalised, accents
   removed ("Sécurité" → "securite");
2. **elide**: French elisions dropped ("l'enfant" → "enfant", "qu'il" → "il");
3. **stop words** dropped (Snowball's French list, folded);
4. **stem**: Snowball's French stemmer on the folded word, then a light derivational step
   (``derive``) so that the usual derived forms of a noun meet it ("handicapées" and
   "handicap", "sécurité" and "sécuriser", "protectrice" and "protection", "repérage" and
   "repérer", "incestueuses" and "inceste", "sexiste" and "sexisme").

Every backend indexes the *output* of this analysis (``index_text``) and is asked for its
tokens: SQLite FTS5 (``search/backends/sqlite_french.py``), PostgreSQL (``simple``
configuration over the tokens, ``search/backends/postgres_french.py``) and
OpenSearch/Elasticsearch (a whitespace analyzer over the tokens, ``search/backends/node.py``).
So index-time and query-time analysis are the same function on every backend
(tests/search/test_analysis_contract.py). Tokens are ASCII letters and digits only."""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from importing.text import TYPOGRAPHIC

LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
# Lucene's French elision articles, on folded text.
ELISION = re.compile(r"\b(?:l|m|t|qu|n|s|j|d|c|jusqu|quoiqu|lorsqu|puisqu)'")
WORD = re.compile(r"[a-z0-9]+")

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

# Derivational endings left by Snowball on folded words, removed when enough of the word
# remains: (ending, what replaces it, shortest stem kept).
DERIVATIONS = (
    ("abilis", "abil", 5),  # responsabiliser → responsabil (responsabilité)
    ("ibilis", "ibil", 5),  # sensibiliser → sensibil
    ("alis", "al", 5),  # banaliser → banal
    ("ilit", "il", 5),  # responsabilit(é) → responsabil
    ("alit", "al", 4),  # parentalit(é), sexualit(é) → parental, sexual
    ("ivit", "iv", 4),  # activit(é) → activ
    ("urit", "ur", 4),  # securit(é) → secur
    ("osit", "os", 4),
    ("icit", "ic", 4),
    ("arit", "ar", 4),
    ("ric", "", 5),  # protectric(e), formatric(e) → protect, format
    ("eur", "", 6),  # agresseur, harceleur, formateur → agress, harcel, format
    ("ism", "", 3),  # sexisme → sex
    ("ist", "", 3),  # sexiste → sex
    ("ual", "", 3),  # sexual(ité) → sex
    ("uel", "", 3),  # sexuel → sex
    ("qu", "c", 4),  # éduqu(er) → educ
    ("ag", "", 5),  # repérag(e), témoignag(e) → reper, temoign
    ("u", "", 5),  # incestu(eux) → incest
    ("is", "", 5),  # securis(er) → secur
    ("e", "", 4),  # handicape(es), heberge(e) → handicap, heberg
)


def fold(text):
    """Lower case, no accents, straight apostrophes, ligatures spelled out."""
    text = str(text or "").translate(TYPOGRAPHIC).translate(LIGATURES).lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# The name older callers use.
fold_accents = fold


def words(text):
    """The folded words of ``text``, elisions removed, stop words kept."""
    return WORD.findall(ELISION.sub(" ", fold(text)))


def derive(stem):
    """``stem`` without its derivational ending, twice at most ("sexualit" → "sexual" → "sex")."""
    for _ in range(2):
        for ending, replacement, shortest in DERIVATIONS:
            if stem.endswith(ending) and len(stem) - len(ending) + len(replacement) >= shortest:
                stem = stem[: len(stem) - len(ending)] + replacement
                break
        else:
            break
    return stem


@lru_cache(maxsize=131072)
def stem(word):
    """One folded word → its token ("évaluations" → "evalu", "handicapées" → "handicap")."""
    word = fold(word)
    if word.isdigit() or len(word) <= 2:
        return word
    return derive(_stemmer.stemWord(word))


def analyze(text, drop_stop_words=True):
    """The tokens of ``text``: folded, elided, without stop words, stemmed."""
    return [stem(word) for word in words(text) if not (drop_stop_words and word in STOP_WORDS)]


def analyze_to_text(text):
    """What the backends index: the tokens of ``text`` separated by spaces."""
    return " ".join(analyze(text))


index_text = analyze_to_text
