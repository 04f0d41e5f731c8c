"""Webinars in the browser: the recording plays with its captions, chapters move the player,
a shared #t= address seeks, the transcript expands, the external video loads nothing from
its provider before a click. Zero axe violations on the index and a webinar page."""

import pytest
from playwright.sync_api import expect

from demo.builders.common import ensure_page, get_home_page
from tests.webinars.conftest import make_webinar, online_session
from webinars.models import PlayCount, WebinarIndexPage


@pytest.fixture
def webinars(live_accounts):
    index = ensure_page(
        get_home_page(), WebinarIndexPage, "webinaires", title="Webinaires", intro="Les webinaires de l'ODPE."
    )
    recording = make_webinar(
        index,
        title="Repérer les violences pendant la grossesse",
        intro="Poser la question en consultation de PMI.",
        themes=["reperage"],
        transcript="<p><b>Karim Benali :</b> Bonjour et bienvenue à ce webinaire de l'Observatoire.</p>",
    )
    external = make_webinar(
        index,
        title="Responsabiliser les auteurs",
        days=-60,
        video=None,
        external_video_url="https://peertube.exemple.fr/w/9c9de5e8-0a1b-4a7c-8f4e-1d2c3b4a5f60",
    )
    make_webinar(
        index,
        title="Webinaire en direct",
        days=9,
        video=None,
        captions="",
        chapters=(),
        sessions=[online_session(days=9)],
    )
    return {"recording": recording, "external": external}


VIDEO = "document.querySelector('video')"


def wait_for_metadata(page):
    page.wait_for_function(f"() => {VIDEO} && {VIDEO}.readyState >= 1", timeout=10_000)


def test_index_is_accessible(webinars, browser_page, axe):
    browser_page.goto("/webinaires/")
    expect(browser_page.get_by_role("heading", level=1)).to_have_text("Webinaires")
    expect(browser_page.get_by_role("link", name="Webinaire en direct")).to_be_visible()
    expect(browser_page.get_by_role("status")).to_contain_text("2 enregistrements")
    axe.assert_no_violations(browser_page)
    browser_page.get_by_label("Repérage").check()
    browser_page.get_by_role("button", name="Appliquer les filtres").click()
    browser_page.wait_for_url("**/webinaires/?*theme=reperage*")
    expect(browser_page.get_by_role("status")).to_contain_text("1 enregistrement")
    axe.assert_no_violations(browser_page)


def test_plays_the_recording_with_captions(webinars, browser_page, axe):
    page = browser_page
    webinar = webinars["recording"]
    page.goto(webinar.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(webinar.title)
    axe.assert_no_violations(page)
    wait_for_metadata(page)

    # Captions: the French track is the default one and its cues are loaded.
    page.wait_for_function(
        f"() => {VIDEO}.textTracks.length === 1 && {VIDEO}.textTracks[0].cues && {VIDEO}.textTracks[0].cues.length === 3",
        timeout=10_000,
    )
    track = page.evaluate(
        f"({{kind: {VIDEO}.textTracks[0].kind, language: {VIDEO}.textTracks[0].language,"
        f" label: {VIDEO}.textTracks[0].label, mode: {VIDEO}.textTracks[0].mode}})"
    )
    assert track == {"kind": "captions", "language": "fr", "label": "Français", "mode": "showing"}

    # Keyboard: the player is reachable and plays.
    page.evaluate(f"window.__played = false; {VIDEO}.addEventListener('play', () => window.__played = true)")
    page.evaluate(f"{VIDEO}.muted = true; {VIDEO}.play()")
    page.wait_for_function("() => window.__played === true", timeout=10_000)
    page.wait_for_function(f"() => {VIDEO}.currentTime > 0.5", timeout=10_000)
    page.evaluate(f"{VIDEO}.pause()")
    # The first play is counted once (no personal data).
    page.wait_for_function("() => document.querySelector('[data-play-counted]') !== null")
    for _ in range(50):
        if PlayCount.objects.filter(webinar=webinar).exists():
            break
        page.wait_for_timeout(100)
    assert PlayCount.objects.get(webinar=webinar).count == 1
    assert not page.js_errors


def test_chapters_seek_and_are_shareable(webinars, browser_page):
    page = browser_page
    webinar = webinars["recording"]
    page.goto(webinar.url)
    wait_for_metadata(page)
    page.evaluate(f"{VIDEO}.muted = true")
    page.get_by_role("link", name="00:06 La protection").click()
    page.wait_for_function(f"() => {VIDEO}.currentTime >= 5.9", timeout=10_000)
    assert page.url.endswith("#t=00:06")
    expect(page.get_by_role("link", name="00:06 La protection")).to_have_attribute("aria-current", "true")
    page.evaluate(f"{VIDEO}.pause()")

    # Opening a shared address seeks the video.
    page.goto(webinar.url + "#t=00:03")
    wait_for_metadata(page)
    page.wait_for_function(f"() => Math.abs({VIDEO}.currentTime - 3) < 0.5", timeout=10_000)
    # The video is served with Range support: the browser seeks within it.
    assert page.evaluate(f"{VIDEO}.seekable.length") == 1
    assert not page.js_errors


def test_transcript_expands(webinars, browser_page):
    page = browser_page
    page.goto(webinars["recording"].url)
    transcript = page.get_by_text("Bonjour et bienvenue à ce webinaire de l'Observatoire.")
    expect(transcript).to_be_hidden()
    page.get_by_text("Lire la transcription intégrale").click()
    expect(transcript).to_be_visible()
    assert page.evaluate("document.querySelector('details.webinar-transcript').open")


def test_external_video_loads_nothing_before_the_click(webinars, browser_page, axe):
    page = browser_page
    page.goto(webinars["external"].url)
    placeholder = page.locator("[data-video-embed]")
    expect(placeholder).to_contain_text("hébergée par PeerTube (peertube.exemple.fr)")
    expect(
        page.get_by_role("button", name="Charger le lecteur PeerTube (peertube.exemple.fr)")
    ).to_be_visible()
    expect(
        page.get_by_role("link", name="Regarder la vidéo sur PeerTube (peertube.exemple.fr)")
    ).to_have_attribute("href", "https://peertube.exemple.fr/w/9c9de5e8-0a1b-4a7c-8f4e-1d2c3b4a5f60")
    expect(page.locator("iframe")).to_have_count(0)
    # Chapters and the transcript do not depend on the provider.
    expect(page.get_by_role("heading", name="Chapitres")).to_be_visible()
    axe.assert_no_violations(page)
    page.wait_for_load_state("networkidle")
    assert page.external_requests == []
