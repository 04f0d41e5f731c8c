"""Demo content for the training catalogue and the seminars."""

from home.demo import ensure_page, get_home_page

from .models import SeminarIndexPage, TrainingCatalogPage


def build():
    home = get_home_page()
    catalog = ensure_page(
        home,
        TrainingCatalogPage,
        "formations",
        title="Formations",
        intro="Les formations sur les violences intrafamiliales ouvertes aux professionnels du "
        "Département : DU Violences conjugales, SOLFA, CIDFF, Planning familial 59, colloques.",
    )
    seminars = ensure_page(
        home,
        SeminarIndexPage,
        "seminaires",
        title="Séminaires",
        intro="Le séminaire annuel du réseau des référents VIF et les journées d'étude : "
        "programmes, intervenants, supports et replays.",
    )
    return catalog, seminars
