"""The home app's demo: legal pages, the contact page and the home page (demo/content/home.yaml).

Idempotent means: a page, user or object that exists already is left as it is, so running
``load_demo_content`` twice changes nothing."""

from wagtail.models import Site

from demo.builders.common import content, ensure_page, get_home_page, stream
from home.models import ContactPage, ContentPage, PortalSettings

HOME = content("home")

# The demo's contact address: replace it in "Réglages du portail" on a real site.
DEMO_CONTACT_EMAIL = HOME["contact_email"]
ACCESSIBILITY_STATEMENT_DATE = HOME["accessibility_statement_date"]


def build():
    home = get_home_page()
    for page in HOME["legal_pages"]:
        ensure_page(
            home,
            ContentPage,
            page["slug"],
            title=page["title"],
            intro=page["intro"],
            body=stream(*page["body"]),
        )
    build_contact(home)
    return home


def build_contact(home):
    """The contact page, and the address its messages go to (if none is set yet)."""
    portal_settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    if not portal_settings.contact_email:
        portal_settings.contact_email = DEMO_CONTACT_EMAIL
        portal_settings.save()
    return ensure_page(
        home,
        ContactPage,
        "contact",
        title=HOME["contact_page"]["title"],
        intro=HOME["contact_page"]["intro"],
    )


def build_home_page():
    """Fill the home page once every section exists, so its tiles point at real pages."""
    home = get_home_page()
    if home.featured:
        return home
    sections = {page.slug: page for page in home.get_children()}
    home.intro = HOME["home_page"]["intro"]
    home.search_description = HOME["home_page"]["search_description"]
    home.featured = stream(
        *[
            (
                "link",
                {
                    "title": tile["title"],
                    "text": tile["text"],
                    "page": sections[tile["section"]].pk,
                    "url": "",
                },
            )
            for tile in HOME["featured"]
            if tile["section"] in sections
        ]
    )
    home.body = stream(*HOME["home_page"]["body"])
    home.save_revision().publish()
    return home
