"""Integers from the query string, the one way every view reads them.

``str.isdigit()`` accepts "²" or "٣" that ``int()`` refuses or reads differently, and a
20-digit id overflows every database: a parameter is an integer here only when it is
written in ASCII digits and lies within the bounds the caller allows (by default, what any
database integer column holds)."""

import re

# The largest value of a 32-bit signed column: ids and years stay far below it, and it
# fits every backend (SQLite and PostgreSQL integers, OpenSearch longs).
MAX_DATABASE_INT = 2**31 - 1

_ASCII_INTEGER = re.compile(r"[0-9]{1,10}")


def parse_int(value, minimum=0, maximum=MAX_DATABASE_INT):
    """The integer ``value`` spells in ASCII digits, if within ``[minimum, maximum]``;
    otherwise None (not a string, signs, spaces, other scripts' digits, out of range)."""
    if not isinstance(value, str) or not _ASCII_INTEGER.fullmatch(value):
        return None
    number = int(value)
    return number if minimum <= number <= maximum else None


def parse_ints(values, minimum=0, maximum=MAX_DATABASE_INT):
    """``(integers, refused)`` from a list of values (``request.GET.getlist(name)``): the
    valid ones once each in the order given, and the non-empty ones refused, as typed."""
    numbers, refused = [], []
    for value in values:
        number = parse_int(value, minimum, maximum)
        if number is None:
            if value:
                refused.append(value)
        elif number not in numbers:
            numbers.append(number)
    return numbers, refused


def parse_year(value):
    """A four-digit year a content date can have, or None."""
    return parse_int(value, minimum=1901, maximum=2199)


def parse_years(values):
    return parse_ints(values, minimum=1901, maximum=2199)


def year_options(year_counts, selected):
    """A listing's "Année" facet from ``(year, count)`` pairs, newest first. A selected year
    stays offered (count 0) when the other filters leave nothing in it: without its
    checkbox, the next "Appliquer" would drop it while its chip still shows."""
    counts = {year: count for year, count in year_counts if year}
    counts.update({year: 0 for year in selected if year not in counts})
    return [
        {"value": str(year), "label": str(year), "count": count, "selected": year in selected}
        for year, count in sorted(counts.items(), reverse=True)
    ]
