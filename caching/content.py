"""Costly read-only query results (the library's facet counts…) kept in Django's cache until
the public content changes.

Every cached value's key carries a content version, bumped whenever a page is saved,
published, unpublished, moved or deleted, a view restriction changes, a taxonomy term or
the portal's settings (its contact address) change: the next request recomputes, and
stale entries expire on their own. With a shared cache (production), every app server sees
the same version."""

import time

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

VERSION_KEY = "portal:content-version"
TIMEOUT = 60 * 60
# How long a process trusts the version it last read: with a database or Redis cache, one
# round trip per second per process rather than one per cached value; another app server's
# change shows within that delay.
VERSION_TTL = 1.0

# Values already read, by versioned key, in this process: a key names one version of the
# content, so a copy never goes stale (it is just no longer asked for once the version moves).
_local = {}
_version = {"value": None, "read_at": 0.0}


def clear_local():
    _local.clear()
    _version.update(value=None, read_at=0.0)


def content_version():
    now = time.monotonic()
    if _version["value"] is not None and now - _version["read_at"] < VERSION_TTL:
        return _version["value"]
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), None)
        version = cache.get(VERSION_KEY, 0)
    if version != _version["value"]:
        _local.clear()
    _version.update(value=version, read_at=now)
    return version


def bump_content_version(**kwargs):
    version = time.time_ns()
    cache.set(VERSION_KEY, version, None)
    _local.clear()
    _version.update(value=version, read_at=time.monotonic())


def cached(key, compute, timeout=TIMEOUT):
    """``compute()``, or its value cached for this content version."""
    full_key = f"portal:{content_version()}:{key}"
    if full_key in _local:
        value, expires = _local[full_key]
        if time.monotonic() < expires:
            return value
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout)
    if len(_local) > 5000:
        _local.clear()
    _local[full_key] = (value, time.monotonic() + timeout)
    return value


# Models of the portal's apps whose change shows on public pages (taxonomies, the site
# settings): each app declares its own with ``watch()`` (home: HomeConfig.ready), so that
# this module imports none of them.
_watched = set()


def watch(*models):
    """Bump the content version whenever an instance of one of ``models`` is saved or deleted."""
    _watched.update(models)


def _on_model_change(sender, instance, **kwargs):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import Page, PageViewRestriction

    is_setting = isinstance(instance, (BaseSiteSetting, BaseGenericSetting))
    if is_setting and kwargs.get("created") and _has_defaults(instance):
        # Wagtail creates a site's settings row on first read, with the field defaults: what
        # the pages show does not change (and the first request must not void the cache).
        return
    if isinstance(instance, (Page, PageViewRestriction, *_watched)):
        bump_content_version()


def _has_defaults(instance):
    return all(
        getattr(instance, field.attname) == field.get_default()
        for field in instance._meta.concrete_fields
        if not (field.primary_key or field.is_relation)
    )


def connect():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_content_version, dispatch_uid=f"content_cache_{id(signal)}")
    post_save.connect(_on_model_change, dispatch_uid="content_cache_save")
    post_delete.connect(_on_model_change, dispatch_uid="content_cache_delete")


def terms(model):
    """A taxonomy's terms by slug, in their order, cached (a term's change bumps the version)."""
    return {
        term.slug: term
        for term in cached(f"terms:{model._meta.label_lower}", lambda: list(model.objects.all()))
    }
