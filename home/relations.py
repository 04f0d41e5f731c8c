"""Page relations read the same way on a page loaded from the database and on the page
Wagtail builds in memory for the editor's preview, "voir le brouillon" and a revision's
preview. There, modelcluster holds the ``ParentalKey`` and ``ParentalManyToManyField``
relations as ``FakeQuerySet`` lists, which have no queryset methods of their own
(``.live()``, ``.with_counts()``…): asking them gives a 500 to the editor and the moderator."""

from django.db import models


def in_memory(relation):
    """True when Wagtail holds this relation of the page in memory (preview, revision)."""
    return not isinstance(relation.all(), models.QuerySet)


def as_queryset(relation):
    """The objects of a many-to-many relation of the page (related pages, themes…) as a
    database queryset, whatever holds them: the relation itself on a saved page, the
    objects the editor chose (not saved yet) in a preview or a revision."""
    objects = relation.all()
    if isinstance(objects, models.QuerySet):
        return objects
    return relation.model._default_manager.filter(pk__in=[obj.pk for obj in objects if obj.pk is not None])
