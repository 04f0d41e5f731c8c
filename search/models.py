"""What visitors look for, without who they are: one row per normalised query and per day."""

from django.db import models

MAX_LOGGED_QUERY_LENGTH = 200


class QueryDailyStat(models.Model):
    """How many times a query was searched on a day, and how many results it last found.

    No user, no IP address, no session, no time of day: nothing here points to a person
    (see ``search.querylog.record``, which also refuses queries that look like an e-mail
    address or a phone number). Purged after a year by ``manage.py purge_search_log``."""

    query = models.CharField("recherche", max_length=MAX_LOGGED_QUERY_LENGTH)
    day = models.DateField("jour")
    hits = models.PositiveIntegerField("nombre de recherches", default=0)
    last_result_count = models.PositiveIntegerField("nombre de résultats (dernière recherche)", default=0)

    class Meta:
        verbose_name = "recherche"
        verbose_name_plural = "recherches"
        constraints = [
            models.UniqueConstraint(fields=["query", "day"], name="search_querydailystat_query_day")
        ]
        indexes = [models.Index(fields=["day"], name="search_querydailystat_day")]
        ordering = ["-day", "-hits"]

    def __str__(self):
        return f"{self.query} — {self.day:%d/%m/%Y} : {self.hits}"


class Synonym(models.Model):
    """An abbreviation or everyday expression and what the portal's documents say instead.

    Applied when a search is made (``search.synonyms``), on every backend: adding one needs no
    reindexing. ``term`` holds what people type (several spellings separated by commas:
    "AEMO, A.E.M.O."); ``expansions`` what the documents say, one per line ("action
    éducative en milieu ouvert"). A term is never dropped as a stop word ("DU", "OP")."""

    term = models.CharField(
        "sigle ou expression",
        max_length=120,
        help_text="Ce que les personnes tapent : « AEMO », « mari violent ». Plusieurs graphies "
        "séparées par des virgules.",
    )
    expansions = models.TextField(
        "équivalents",
        help_text="Ce que disent les documents, un par ligne : « action éducative en milieu ouvert ».",
    )
    shown = models.BooleanField(
        "annoncer aux visiteurs",
        default=True,
        help_text="Afficher « Résultats pour … » au-dessus des résultats quand ce sigle est développé.",
    )

    class Meta:
        verbose_name = "synonyme ou sigle"
        verbose_name_plural = "synonymes et sigles"
        ordering = ["term"]

    def __str__(self):
        return self.term

    def expansion_list(self):
        return [line.strip() for line in self.expansions.splitlines() if line.strip()]

    def variants(self):
        return [part.strip() for part in self.term.split(",") if part.strip()]


class SearchTerm(models.Model):
    """One word of the indexed content, as the search pipeline corrects and completes words
    (``search.vocabulary``): the folded word, its token (``search.french.stem``), how often it
    was seen, and whether it appears in content anyone may see.

    Built by ``manage.py update_index`` (whatever the backend) and grown on each publication,
    so corrections and completions come from the same words on SQLite, PostgreSQL and
    OpenSearch. Only ``public`` words are ever shown to visitors or used for their searches:
    a word seen only in the referents' toolbox never appears in a suggestion."""

    word = models.CharField("mot", max_length=64, unique=True)
    stem = models.CharField("racine", max_length=64, db_index=True)
    frequency = models.PositiveIntegerField("occurrences", default=0)
    public = models.BooleanField("dans un contenu public", default=False)

    class Meta:
        verbose_name = "mot indexé"
        verbose_name_plural = "mots indexés"

    def __str__(self):
        return self.word
