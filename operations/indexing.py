"""Pausing the per-save search index updates during bulk work (demo content, benchmark
data), to index everything once at the end with ``update_index``."""

from contextlib import contextmanager

from django.apps import apps
from django.db.models.signals import post_delete, post_save


@contextmanager
def search_index_paused(also_reference_index=False):
    from modelsearch.signal_handlers import post_delete_signal_handler, post_save_signal_handler

    handlers = [(post_save, post_save_signal_handler), (post_delete, post_delete_signal_handler)]
    if also_reference_index:
        from wagtail.signal_handlers import update_reference_index_on_save

        handlers.append((post_save, update_reference_index_on_save))
    muted = [
        (signal, handler, model)
        for signal, handler in handlers
        for model in apps.get_models()
        if signal.disconnect(handler, sender=model)
    ]
    try:
        yield
    finally:
        for signal, handler, model in muted:
            signal.connect(handler, sender=model)
