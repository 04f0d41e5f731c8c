"""Helpers shared by several test modules: the account flows (a valid sign-up, the link of
an e-mail, a page's text) and a harness that fires requests at the same instant, each on
its own thread and database connection."""

import html
import re
import reprlib
import threading

from django.db import connection

PASSWORD = "Vif-nord-2026!x"


def signup_data(email="anne.durand@exemple.fr", first_name="Anne", **changes):
    """What the sign-up form needs to create an account; ``changes`` overrides fields."""
    return {
        "first_name": first_name,
        "last_name": "Durand",
        "email": email,
        "service": "pmi",
        "territory": "douaisis",
        "job_title": "Sage-femme de PMI",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "consent": "on",
        **changes,
    }


def link_in(message, path_prefix):
    """The path of the first link to ``path_prefix`` in an e-mail's text."""
    match = re.search(rf"http://testserver({path_prefix}\S+)", message.body)
    assert match, message.body
    return match.group(1)


def login_code_in(message):
    """The one-time log-in code of a "Votre code de connexion" e-mail."""
    match = re.search(r"^\s*([A-Z0-9][A-Z0-9-]{3,12})\s*$", message.body, re.MULTILINE)
    assert match, message.body
    return match.group(1)


def page_text(response):
    """A response's text as a visitor reads it: tags removed, entities decoded, spaces collapsed."""
    page = response.content.decode()
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def run_simultaneously(count, action, timeout=30):
    """Run ``action(index)`` for ``index`` in ``range(count)``, each on its own thread, all
    released at the same instant by a barrier. Returns the results in index order; an
    exception is recorded as its ``repr`` so that the caller's assertion shows it. Each
    thread closes its database connection (one connection per thread, as on a server)."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(index):
        try:
            barrier.wait(timeout=timeout)
            results[index] = action(index)
        except Exception as error:  # noqa: BLE001 - recorded, asserted by the caller
            results[index] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=4 * timeout)
    return results


# The hostile values every listing, the search page and the API must survive (issue 12,
# items 15-21): each one found a 500 somewhere or is the classic attempt of a scanner.
HOSTILE_VALUES = [
    "²",  # str.isdigit() says yes, int() refuses it
    "٢٠٢٥",  # Arabic-Indic digits: isdigit() and int() accept them, no database id is spelt so
    "²²²²-²²",  # a month (AAAA-MM) in superscripts
    "9223372036854775808",  # one more than PostgreSQL's bigint
    "9" * 30,  # more than any database integer
    "-1",
    "0",
    "1e3",
    " 12 ",
    "0x1F",
    "abc",
    "",
    "inconnu",  # an unknown slug
    'violence "de"',  # a quoted phrase of stop words next to a word (the SQLite phrase builder)
    '"de" "la"',  # stop words only
    '"',
    "<script>alert(1)</script>",
    "' OR '1'='1",
    "1; DROP TABLE wagtailcore_page; --",
    "{{ request }}{% debug %}",
    "../../etc/passwd",
    "\x00",  # NUL: PostgreSQL refuses it in any string
    "violence\x00",
    "%00",
    "\u202e\ufeff",
    "🙂" * 50,
    "x" * 2000,
]

# Headers a scanner sends with them: a forged client address (item 15) and junk elsewhere.
HOSTILE_HEADERS = {
    "HTTP_X_FORWARDED_FOR": "<script>, 127.0.0.1, ::1",
    "HTTP_ACCEPT_LANGUAGE": "'; DROP TABLE --,*;q=²",
    "HTTP_REFERER": "javascript:alert(1)",
}


def hostile_queries(names):
    """The query strings (dicts for the test client) a listing whose parameters are ``names``
    must survive: each hostile value alone in each parameter, the parameter repeated with a
    valid-looking and a hostile value, and every parameter given every hostile value at once."""
    queries = [{name: value} for name in names for value in HOSTILE_VALUES]
    queries += [{name: ["1", value, value]} for name in names for value in ("²", "9" * 30, "")]
    queries.append(dict.fromkeys(names, HOSTILE_VALUES))
    return queries


def hostile_failures(client, path, names, allowed=(200,), base=None):
    """Send ``path`` every hostile query (with the hostile headers) and return what went
    wrong, as ``(query, problem)`` pairs: a status outside ``allowed``, an exception raised
    by the view, or the script value echoed unescaped in a page. ``base`` holds parameters every
    request keeps (e.g. the search page's ``q``). An empty list is a pass."""
    failures = []
    for query in hostile_queries(names):
        data = {**(base or {}), **query}
        try:
            response = client.get(path, data, **HOSTILE_HEADERS)
        except Exception as error:  # noqa: BLE001 - reported by the caller's assertion
            failures.append((_short(query), repr(error)[:300]))
            continue
        if response.status_code not in allowed:
            failures.append((_short(query), response.status_code))
        elif (
            response.get("Content-Type", "").startswith("text/html")
            and b"<script>alert(1)" in response.content
        ):
            failures.append((_short(query), "script echoed unescaped"))
    return failures


_repr = reprlib.Repr()
_repr.maxstring, _repr.maxlist, _repr.maxdict, _repr.maxlevel = 40, 4, 8, 3
_short = _repr.repr


DEMO_PASSWORD = "demo-vif-2026"  # noqa: S105 - every demo account's (demo/builders/accounts.py)


def log_in(page, who, password=DEMO_PASSWORD):
    """Log in through the form in a Playwright page: ``who`` is an e-mail or a demo account's name (``referent``)."""
    email = who if "@" in who else f"{who}@exemple.fr"
    page.goto("/compte/connexion/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()


def write_csv(path, rows, header, delimiter=",", encoding="utf-8"):
    """Write ``rows`` (dicts; keys outside ``header`` ignored) as a CSV file; returns its path."""
    import csv

    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, delimiter=delimiter, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def run_command(name, *args):
    """Run the management command ``name``; returns (stdout, stderr, CommandError or None)."""
    import io

    from django.core.management import call_command
    from django.core.management.base import CommandError

    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(name, *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None
