"""Queries made of the analysis' tokens, which every backend matches as they are.

The portal's query pipeline (``search.interpret``) analyzes what was typed once
(``search.french``) and hands the backends ``Tokens`` and ``TokenPhrase``; a plain
``PlainText``/``Phrase`` (Wagtail's admin search, the autocomplete) is analyzed by the
backend's compiler with the same function (``tokens_of``). Either way the engine only
compares tokens: the index holds tokens too."""

from modelsearch.query import Phrase, PlainText

from .french import analyze


class Tokens(PlainText):
    """Space-separated tokens of ``search.french.analyze``."""


class TokenPhrase(Phrase):
    """Tokens that must follow each other (stop words are not indexed, so "cycle de la
    violence" is the two adjacent tokens ``cycl violenc``)."""


def tokens_of(query):
    """The tokens a PlainText or Phrase stands for."""
    if isinstance(query, (Tokens, TokenPhrase)):
        return query.query_string.split()
    return analyze(query.query_string)


def as_tokens(query):
    """The same query with its text analyzed (``Tokens``/``TokenPhrase``); None if nothing
    is left to look for."""
    if isinstance(query, (Tokens, TokenPhrase)):
        return query
    tokens = analyze(query.query_string)
    if not tokens:
        return None
    if isinstance(query, Phrase):
        return TokenPhrase(" ".join(tokens))
    return Tokens(" ".join(tokens), operator=query.operator)
