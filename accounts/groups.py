"""The portal's groups as access rules: who the referents' network is, and how a page or a
collection is reserved to it (the toolbox, referent-only webinars, their files)."""

from django.contrib.auth.models import Group

from wagtail.models import CollectionViewRestriction, PageViewRestriction

from .models import EDITORS_GROUP, MODERATORS_GROUP, REFERENTS_GROUP

# The referents' network and the ODPE staff who run it.
TOOLBOX_GROUPS = [REFERENTS_GROUP, EDITORS_GROUP, MODERATORS_GROUP]


def toolbox_groups():
    return Group.objects.filter(name__in=TOOLBOX_GROUPS)


def restrict_to_referents(page):
    """Toolbox privacy: the referents' group and the editorial staff."""
    restriction = PageViewRestriction.objects.filter(page=page).first()
    if restriction is None:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(toolbox_groups())
    return restriction


def restrict_collection_to_referents(collection):
    """The toolbox's files are private too: same groups as the toolbox page."""
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(toolbox_groups())
    return restriction


def is_editorial_staff(user):
    """ODPE editors and moderators (and superusers), active: the admin reports' audience."""
    return user.is_active and getattr(user, "is_editorial_staff", False)
