"""The foundation's pages in a real browser: zero axe violations, keyboard-only navigation."""

import pytest


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/feuille-de-route/",
        "/a-propos/",
        "/donnees-personnelles/",
        "/ressources/",
        "/recherche/?q=violences",
        "/page-inconnue/",
    ],
)
def test_page_has_no_accessibility_violations(live_site, browser_page, axe, url):
    browser_page.goto(url)
    assert browser_page.evaluate("document.documentElement.lang") == "fr"
    axe.assert_no_violations(browser_page)


def test_mobile_layout_has_no_violations_and_menu_toggles(live_site, browser_page, axe):
    browser_page.set_viewport_size({"width": 375, "height": 800})
    browser_page.goto("/")
    axe.assert_no_violations(browser_page)
    # WCAG 1.4.10 reflow: nothing wider than the viewport.
    assert browser_page.evaluate("document.documentElement.scrollWidth") <= 375
    menu_button = browser_page.get_by_role("button", name="Menu")
    assert menu_button.get_attribute("aria-expanded") == "false"
    menu_button.click()
    assert menu_button.get_attribute("aria-expanded") == "true"
    assert (
        browser_page.get_by_role("navigation", name="Menu principal")
        .get_by_role("link", name="Ressources")
        .is_visible()
    )


def active_element(page):
    return page.evaluate(
        "({text: document.activeElement.textContent.trim(), id: document.activeElement.id,"
        " tag: document.activeElement.tagName})"
    )


def test_skip_link_is_first_and_moves_focus_to_the_main_content(live_site, browser_page):
    browser_page.goto("/")
    browser_page.keyboard.press("Tab")
    focused = active_element(browser_page)
    assert focused["text"] == "Aller au contenu"
    assert browser_page.get_by_role("link", name="Aller au contenu").is_visible(), "visible when focused"
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_function("() => document.activeElement.id === 'contenu'")
    assert active_element(browser_page)["tag"] == "MAIN"


def test_main_navigation_works_with_the_keyboard_only(live_site, browser_page):
    browser_page.goto("/")
    for _ in range(40):
        browser_page.keyboard.press("Tab")
        if active_element(browser_page)["text"] == "Formations":
            break
    else:
        pytest.fail("the 'Formations' link of the main navigation is not reachable with Tab")
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")
    assert browser_page.url.endswith("/formations/")
    nav_link = browser_page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Formations"
    )
    assert nav_link.get_attribute("aria-current") == "page"
    assert browser_page.get_by_role("heading", level=1).inner_text() == "Formations"
