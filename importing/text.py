"""Small text helpers shared by the apps."""

import unicodedata

# What word processors and spreadsheets type instead of the plain characters.
TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u202f": " ", "–": "-", "—": "-"})


def fold(text):
    """Lower-case, strip accents and typographic variants: "Protection de l’Enfance" and
    "protection de l'enfance" compare equal, as do "Repérage" and "reperage"."""
    decomposed = unicodedata.normalize("NFKD", str(text or "").translate(TYPOGRAPHIC).strip().lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
