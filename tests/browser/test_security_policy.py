"""The Content-Security-Policy in a real browser: the public pages (home, library, a resource,
a webinar playing with captions and its transcript, an external player loaded on request,
trainings with a registration, search with suggestions, account pages) run without a single
CSP violation under the strict policy; the Wagtail admin works under its own policy."""

import pytest
from playwright.sync_api import expect

from demo.builders.common import ensure_page, get_home_page
from library.models import LibraryIndexPage
from tests.helpers import log_in
from tests.library.conftest import make_resource
from tests.trainings.conftest import make_session, make_training
from tests.webinars.conftest import make_webinar
from trainings.models import TrainingCatalogPage
from webinars.models import WebinarIndexPage

# Collected in the page (the event carries the blocked directive and address), and kept
# across navigations by reading it before leaving each page.
LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""
VIDEO = "document.querySelector('video')"


@pytest.fixture
def site(live_site):
    home = get_home_page()
    resource = make_resource(LibraryIndexPage.objects.get(), title="Repérage des violences conjugales en PMI")
    webinars = ensure_page(home, WebinarIndexPage, "webinaires", title="Webinaires")
    recording = make_webinar(
        webinars,
        title="Repérer les violences pendant la grossesse",
        transcript="<p><b>Karim Benali :</b> Bonjour et bienvenue à ce webinaire de l'Observatoire.</p>",
    )
    external = make_webinar(
        webinars,
        title="Responsabiliser les auteurs",
        video=None,
        external_video_url="https://peertube.exemple.fr/w/9c9de5e8-0a1b-4a7c-8f4e-1d2c3b4a5f60",
    )
    catalog = ensure_page(home, TrainingCatalogPage, "formations", title="Formations")
    training = make_training(catalog, title="Accueillir une révélation de violences")
    make_session(training, days=12, capacity=5, place="Maison du Département")
    return {"resource": resource, "recording": recording, "external": external, "training": training}


@pytest.fixture
def csp_page(browser_page):
    page = browser_page
    page.context.add_init_script(LISTEN)
    console = []
    page.on(
        "console",
        lambda message: console.append(message.text) if "Content Security Policy" in message.text else None,
    )
    violations = []

    def collect():
        violations.extend(page.evaluate("window.__csp || []"))
        return violations + console

    page.csp_violations = collect
    return page


def visit(page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")


def test_public_pages_raise_no_csp_violation(site, csp_page):
    page = csp_page
    header = page.request.get("/").headers["content-security-policy"]
    assert "script-src 'self';" in header + ";" and "unsafe-inline" not in header

    for url in ("/", "/ressources/", site["resource"].url, "/formations/", site["training"].url):
        visit(page, url)
        page.csp_violations()

    # A webinar: the video plays with its captions, the transcript opens.
    visit(page, site["recording"].url)
    page.wait_for_function(f"() => {VIDEO} && {VIDEO}.readyState >= 1", timeout=10_000)
    page.wait_for_function(
        f"() => {VIDEO}.textTracks.length === 1 && {VIDEO}.textTracks[0].cues"
        f" && {VIDEO}.textTracks[0].cues.length > 0",
        timeout=10_000,
    )
    page.evaluate(f"{VIDEO}.muted = true; {VIDEO}.play()")
    page.wait_for_function(f"() => {VIDEO}.currentTime > 0.3", timeout=10_000)
    page.get_by_text("Lire la transcription intégrale").click()
    expect(page.get_by_text("Bonjour et bienvenue à ce webinaire de l'Observatoire.")).to_be_visible()
    page.csp_violations()

    # An external player: framed only on request, its origin allowed on that page only.
    visit(page, site["external"].url)
    page.get_by_role("button", name="Charger le lecteur PeerTube (peertube.exemple.fr)").click()
    expect(page.locator("iframe")).to_have_count(1)
    page.wait_for_timeout(300)
    page.csp_violations()
    assert any("peertube.exemple.fr" in url for url in page.external_requests)
    page.external_requests.clear()  # the browser harness blocks it; the CSP did not

    # Search with its suggestions.
    visit(page, "/")
    box = page.get_by_role("combobox", name="Rechercher sur le portail")
    box.click()
    box.press_sequentially("reper", delay=30)
    expect(page.get_by_role("listbox", name="Suggestions de recherche")).to_be_visible()
    page.csp_violations()
    visit(page, "/recherche/?q=violences")
    page.csp_violations()

    # Account pages, then a registration as a logged-in professional.
    for url in ("/compte/connexion/", "/compte/inscription/", "/compte/mot-de-passe/oubli/"):
        visit(page, url)
        page.csp_violations()
    log_in(page, "professionnel@exemple.fr")
    for url in ("/compte/profil/", "/compte/mot-de-passe/"):
        page.goto(url)
        page.csp_violations()
    visit(page, site["training"].url)
    page.get_by_role("button", name="S'inscrire").click()
    page.wait_for_load_state()
    page.csp_violations()

    assert page.csp_violations() == []
    assert not page.js_errors


def test_admin_works_under_its_own_policy(site, csp_page):
    """An editor opens the dashboard, the page explorer and a page editor: no violation under
    the admin policy, and the editor's userbar on the public site raises none either."""
    page = csp_page
    log_in(page, "editeur@exemple.fr")
    visit(page, "/")
    page.csp_violations()
    visit(page, "/admin/")
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    visit(page, f"/admin/pages/{site['resource'].pk}/edit/")
    expect(page.locator("form#page-edit-form")).to_be_visible()
    page.csp_violations()
    visit(page, f"/admin/pages/{get_home_page().pk}/")
    assert page.csp_violations() == []
    assert not page.js_errors
