"""Measure the portal's search relevance on the query set of issue 14.

    DATABASE_URL=... python scripts/search_eval.py [--backend db|node] [--queries PATH]

Runs every query of ``tests/search/relevance_queries.yaml`` through the portal's own search
(``search.query.search``, on the pages an anonymous visitor may see, or the demo referent for
the entries marked ``private``) against the database named by ``DATABASE_URL``, which must
hold the demo content (``manage.py load_demo_content``) and its index (``manage.py
update_index``). Prints hit@5, the mean reciprocal rank (MRR, rank within the top 5) and the
zero-result rate, overall and per kind of query, then the misses.

``--backend db`` (default) searches with the configured backend (the database's own unless
``SEARCH_URL`` says otherwise); ``--backend node`` indexes the same database into fresh
indices of the node named by ``SEARCH_TEST_URL`` (see tests/search/node.py), searches there,
and drops them.

A measuring tool, not a test: it never fails on low figures (exit status 2 only when the
query set does not match the content). See docs/search-relevance.md."""

import argparse
import contextlib
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_QUERIES = ROOT / "tests" / "search" / "relevance_queries.yaml"
TOP = 5
KINDS = (
    "plain",
    "no_accents",
    "abbreviation",
    "synonym",
    "prefix",
    "typo",
    "extra_word",
    "phrase",
    "derived_form",
)
# The demo account of the "Référents VIF" group (demo/content/accounts.yaml).
REFERENT = "referent@exemple.fr"


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()


def load_queries(path):
    import yaml

    entries = yaml.safe_load(Path(path).read_text(encoding="utf-8"))["queries"]
    for entry in entries:
        unknown = set(entry) - {"query", "expected", "kind", "private"}
        if unknown or entry.get("kind") not in KINDS or not entry.get("query") or not entry.get("expected"):
            raise SystemExit(f"Malformed entry in {path}: {entry!r}")
        entry["private"] = bool(entry.get("private"))
    return entries


def referent_request():
    from django.contrib.auth import get_user_model
    from django.test import RequestFactory

    user = get_user_model().objects.filter(email__iexact=REFERENT).first()
    if user is None:
        raise SystemExit(
            f"No {REFERENT!r} account: load the demo content first (manage.py load_demo_content)."
        )
    request = RequestFactory().get("/recherche/")
    request.user = user
    request.session = {}
    return request


def visible_pages(request=None):
    """Live pages that ``request`` (None: an anonymous visitor) may see, as the search page
    and the API restrict them (access.rules)."""
    from wagtail.models import Page

    from access.rules import exclude_restricted

    pages = exclude_restricted(Page.objects.live(), request)
    if request is None:
        return pages
    # A logged-in visitor's restriction is a subquery, which search backends do not take as
    # a filter: the same pages by their ids.
    return Page.objects.live().filter(pk__in=list(pages.values_list("pk", flat=True)))


def check_set(entries, public_slugs, all_slugs):
    """Every expected slug matches a live page, visible to whom the entry says."""
    problems = []
    for entry in entries:
        slugs = all_slugs if entry["private"] else public_slugs
        if not any(slug.startswith(entry["expected"]) for slug in slugs):
            where = "live page" if entry["private"] else "page visible to an anonymous visitor"
            problems.append(f"{entry['query']!r}: no {where} with a slug starting with {entry['expected']!r}")
        elif entry["private"] and any(slug.startswith(entry["expected"]) for slug in public_slugs):
            problems.append(f"{entry['query']!r}: marked private but {entry['expected']!r} is public")
    return problems


def shown_ids(pages, query, include_private=False):
    """The ids of the pages the search page lists for ``query``, in its order: the query
    pipeline (``search.query.ranked_ids``), then content before listing pages
    (``search.results.search_listing``)."""
    from django.http import QueryDict

    from search.query import ranked_ids
    from search.results import MAX_RESULTS, search_listing

    ids, _ = ranked_ids(pages, query, MAX_RESULTS, include_private=include_private)
    return search_listing(ids, QueryDict(), query).filtered()


def rank_of(pages, query, expected, include_private=False):
    """(rank of the expected page in the top 5 or None, the top 5 slugs)."""
    from wagtail.models import Page

    top = shown_ids(pages, query, include_private)[:TOP]
    slugs = dict(Page.objects.filter(pk__in=top).values_list("pk", "slug"))
    found = [slugs[pk] for pk in top]
    for rank, slug in enumerate(found, start=1):
        if slug.startswith(expected):
            return rank, found
    return None, found


def figures(rows):
    total = len(rows)
    hits = [row["rank"] for row in rows if row["rank"]]
    return {
        "n": total,
        "hit": len(hits) / total if total else 0.0,
        "mrr": sum(1 / rank for rank in hits) / total if total else 0.0,
        "zero": sum(1 for row in rows if not row["found"]) / total if total else 0.0,
    }


def report(rows, label, out=sys.stdout):
    overall = figures(rows)
    print(f"\nSearch relevance, backend={label}, {overall['n']} queries (top {TOP})", file=out)
    print(f"{'kind':<14} {'n':>4} {'hit@5':>7} {'MRR':>6} {'zero':>6}", file=out)
    by_kind = defaultdict(list)
    for row in rows:
        by_kind[row["kind"]].append(row)
    for kind in KINDS:
        if by_kind[kind]:
            f = figures(by_kind[kind])
            print(f"{kind:<14} {f['n']:>4} {f['hit']:>7.1%} {f['mrr']:>6.3f} {f['zero']:>6.1%}", file=out)
    print(
        f"{'ALL':<14} {overall['n']:>4} {overall['hit']:>7.1%} {overall['mrr']:>6.3f} {overall['zero']:>6.1%}",
        file=out,
    )
    misses = [row for row in rows if not row["rank"]]
    print(f"\nMisses ({len(misses)}):", file=out)
    for row in misses:
        who = " [referent]" if row["private"] else ""
        got = ", ".join(row["found"][:3]) or "no result"
        print(f"- [{row['kind']}] {row['query']!r}{who} -> expected {row['expected']}; got: {got}", file=out)
    return overall


@contextlib.contextmanager
def backend_context(backend):
    from django.db import connection

    if backend == "db":
        yield connection.vendor
        return
    from tests.search import node

    if not node.SEARCH_TEST_URL:
        raise SystemExit(node.MISSING)
    with node.indexed("search_eval") as label:
        yield label


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("db", "node"), default="db")
    parser.add_argument("--queries", default=str(DEFAULT_QUERIES))
    args = parser.parse_args(argv)

    setup_django()
    entries = load_queries(args.queries)
    anonymous = visible_pages()
    referent = visible_pages(referent_request())
    problems = check_set(
        entries,
        public_slugs=list(anonymous.values_list("slug", flat=True)),
        all_slugs=list(referent.values_list("slug", flat=True)),
    )
    if problems:
        print("The query set does not match the content:", *problems, sep="\n- ", file=sys.stderr)
        return 2

    with backend_context(args.backend) as label:
        rows = []
        for entry in entries:
            rank, found = rank_of(
                referent if entry["private"] else anonymous,
                entry["query"],
                entry["expected"],
                include_private=entry["private"],
            )
            rows.append({**entry, "rank": rank, "found": found})
        report(rows, label)
    return 0


if __name__ == "__main__":
    sys.exit(main())
