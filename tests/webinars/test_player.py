"""The player's help says how to reach the captions in the browsers people use: Chromium
keeps them in the player's "⋮" menu, Firefox shows a captions button in the control bar."""

import re
from html import unescape


def player_help(client, webinar):
    html = client.get(webinar.url).content.decode()
    match = re.search(r'<p class="meta" id="aide-lecteur">(.*?)</p>', html, re.S)
    assert match, "aide du lecteur absente"
    return unescape(match.group(1))


def test_the_captions_help_is_true_in_chromium_and_firefox(client, webinar_factory):
    text = player_help(client, webinar_factory())
    assert "bouton « Sous-titres »" not in text  # Chromium has no such button in its bar
    assert "s'affichent d'office" in text  # the track is the default one
    assert "menu « ⋮ »" in text and "Chrome" in text
    assert "Firefox" in text and "CC" in text


def test_no_captions_help_without_captions(client, webinar_factory):
    text = player_help(client, webinar_factory(captions=""))
    assert "sous-titres" not in text.lower()
    assert "clavier" in text
