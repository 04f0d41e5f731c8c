from home.models import SectionIndexPage


class TrainingCatalogPage(SectionIndexPage):
    """The training catalogue (/formations/)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []  # the section's own page types arrive with its issue
    max_count = 1

    class Meta:
        verbose_name = "Catalogue des formations"
        verbose_name_plural = "Catalogues des formations"


class SeminarIndexPage(SectionIndexPage):
    """The seminars and study days (/seminaires/)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []  # the section's own page types arrive with its issue
    max_count = 1

    class Meta:
        verbose_name = "Liste des séminaires"
        verbose_name_plural = "Listes des séminaires"
