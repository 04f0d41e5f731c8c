"""Relevance check: queries as professionals type them (no accents, singular, partial
words, a few typos), each with the page that must appear in the top 5 on the demo content.
Prints the hit rate and the mean reciprocal rank (MRR) per backend: the database backend in
use (SQLite locally, PostgreSQL in CI) and the search node named by ``SEARCH_TEST_URL``
(``tests.search.node``: OpenSearch 2.19 in ``make test``, Elasticsearch 7.10 in
``make test-es7``; skipped locally without it, fails under ``CI=true``)."""

import pytest

from wagtail.models import Page

from search.query import search

pytestmark = pytest.mark.django_db

QUERIES = [
    ("reperage violence conjugale pmi", "reperer-les-violences-conjugales-en-pmi"),
    ("femme handicap violence", "accompagner-les-femmes-en-situation-de-handicap"),
    ("lgbt couple", "accueillir-les-personnes-lgbt-victimes-de-violences"),
    ("auteur responsabilisation", "responsabiliser-les-auteurs-de-violences"),
    ("plainte main courante", "demarches-juridiques-des-victimes"),
    ("hebergement victime", "hebergement-et-logement-des-victimes"),
    ("consentement adolescent", "animer-une-seance-sur-le-consentement"),
    ("competence psychosociale", "competences-psychosociales-et-prevention"),
    ("danger immediat que faire", "fiche-reflexe-danger-immediat"),
    ("personne agee couple", "violences-dans-le-couple-chez-les-personnes-agees"),
    ("inceste parole enfant", "reveler-l-inceste-accueillir-la-parole-de-l-enfant"),
    ("droits victime", "informer-une-victime-sur-ses-droits"),
    ("insertion professionnelle", "violences-et-insertion-professionnelle"),
    ("cyberviolence", "cyberviolences-dans-le-couple"),
    ("ciivise", "inceste-synthese-des-travaux-de-la-ciivise"),
    ("sexisme rapport", "rapport-sur-l-etat-du-sexisme"),
    ("grossesse violence", "violences-pendant-la-grossesse-revue-de-litterature"),
    ("enfant expose", "enfants-exposes-etat-des-connaissances"),
    ("violentometre", "reglette-de-reperage-des-violences-dans-les-relations-amoure"),
    ("questionnaire reperage systematique", "questionnaire-de-reperage-systematique"),
    ("evaluation du danger", "evaluer-le-danger-reperes"),
    ("grille observation enfant", "enfant-expose-grille-d-observation"),
    ("affiche", "affiche-violences-conjugales-parlons-en"),
    ("numeros utiles", "depliant-numeros-utiles"),
    ("exposition itinerante", "exposition-itinerante-de-prevention"),
    ("kit communication", "kit-de-communication-de-la-campagne-vif"),
    ("anglais victime", "domestic-abuse-you-are-not-alone"),
    ("feuille de route", "feuille-de-route-vif-2023-2026"),
    ("recommandation has", "recommandation-has-reperage-des-femmes-victimes"),
    ("cycle violence", "comprendre-le-cycle-de-la-violence"),
    ("emprise", "emprise-et-mecanismes-des-violences-conjugales"),
    ("ordonnance protection", "l-ordonnance-de-protection"),
    ("diplome universitaire", "du-violences-conjugales"),
    ("seminaire referents 2026", "seminaire-annuel-des-referents-vif-2026"),
    ("119 enfance danger", "allo-119-enfance-en-danger"),
    ("solidarite femmes 3919", "federation-nationale-solidarite-femmes"),
]


def rank_of(query, slug):
    pages = Page.objects.live().public()
    slugs = [page.slug for page in search(pages, query)[:5]]
    for rank, found in enumerate(slugs, start=1):
        if found.startswith(slug):
            return rank
    return None


def test_relevance_on_demo_content(backend, capsys):
    ranks = {query: rank_of(query, slug) for query, slug in QUERIES}
    hits = [rank for rank in ranks.values() if rank]
    hit_rate = len(hits) / len(QUERIES)
    mrr = sum(1 / rank for rank in hits) / len(QUERIES)
    with capsys.disabled():
        print(f"\n[relevance] backend={backend} queries={len(QUERIES)} hit@5={hit_rate:.0%} MRR={mrr:.2f}")
        for query, rank in ranks.items():
            if not rank:
                print(f"[relevance] missed: {query!r}")
    assert len(QUERIES) >= 30
    assert hit_rate >= 0.9, {q: r for q, r in ranks.items() if not r}
