from home.models import SectionIndexPage


class LibraryIndexPage(SectionIndexPage):
    """The public resource library (/ressources/)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []  # the section's own page types arrive with its issue
    max_count = 1

    class Meta:
        verbose_name = "Bibliothèque de ressources"
        verbose_name_plural = "Bibliothèques de ressources"


class ToolboxPage(SectionIndexPage):
    """The referents' toolbox (/boite-a-outils/): private to the "Référents VIF" group
    and the editorial staff through Wagtail's page privacy."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ContentPage"]
    max_count = 1

    class Meta:
        verbose_name = "Boîte à outils des référents"
        verbose_name_plural = "Boîtes à outils des référents"
