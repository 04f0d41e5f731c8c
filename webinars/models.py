from home.models import SectionIndexPage


class WebinarIndexPage(SectionIndexPage):
    """The webinar recordings (/webinaires/)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []  # the section's own page types arrive with its issue
    max_count = 1

    class Meta:
        verbose_name = "Liste des webinaires"
        verbose_name_plural = "Listes des webinaires"
