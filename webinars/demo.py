"""Demo content for the webinar recordings."""

from home.demo import ensure_page, get_home_page

from .models import WebinarIndexPage


def build():
    home = get_home_page()
    return ensure_page(
        home,
        WebinarIndexPage,
        "webinaires",
        title="Webinaires",
        intro="Les webinaires de l'Observatoire départemental de la protection de l'enfance, "
        "enregistrés, sous-titrés et transcrits.",
    )
