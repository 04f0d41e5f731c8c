"""Helpers shared by several test modules: the account flows (a valid sign-up, the link of
an e-mail, a page's text) and a harness that fires requests at the same instant, each on
its own thread and database connection."""

import html
import re
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
