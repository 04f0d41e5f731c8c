import logging

from django.apps import AppConfig

logger = logging.getLogger(__name__)


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Recherche"

    def ready(self):
        from wagtail.signals import page_published

        from caching import content

        from .models import Synonym

        content.watch(Synonym)
        page_published.connect(learn_published_words, dispatch_uid="search_vocabulary_learn")


def learn_published_words(sender, instance, **kwargs):
    """A published page's words join the search vocabulary (``search.vocabulary``) at once:
    corrections and completions know them before the next ``update_index``. Best effort: a
    failure is logged, never blocks the publication."""
    from . import vocabulary

    try:
        vocabulary.learn(instance.specific)
    except Exception:
        logger.exception("Search vocabulary: could not learn the words of page %s", instance.pk)
