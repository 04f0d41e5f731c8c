"""External videos: recognised providers, their privacy-friendlier player, and the page shows
a link first (no third-party address loaded by the HTML itself)."""

import re

import pytest

from webinars.embeds import parse_external_video


@pytest.mark.parametrize(
    ("url", "provider", "embed"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42",
            "YouTube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://youtu.be/dQw4w9WgXcQ", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        (
            "https://www.youtube.com/live/dQw4w9WgXcQ",
            "YouTube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://vimeo.com/76979871", "Vimeo", "https://player.vimeo.com/video/76979871?dnt=1"),
        (
            "https://www.dailymotion.com/video/x8abcd1",
            "Dailymotion",
            "https://www.dailymotion.com/embed/video/x8abcd1",
        ),
        ("https://dai.ly/x8abcd1", "Dailymotion", "https://www.dailymotion.com/embed/video/x8abcd1"),
        (
            "https://peertube.exemple.fr/w/9c9de5e8-0a1b-4a7c-8f4e-1d2c3b4a5f60",
            "PeerTube (peertube.exemple.fr)",
            "https://peertube.exemple.fr/videos/embed/9c9de5e8-0a1b-4a7c-8f4e-1d2c3b4a5f60",
        ),
        (
            "https://video.exemple.org/videos/watch/kkGMgK9ZtnKfYAgnEtQxbv",
            "PeerTube (video.exemple.org)",
            "https://video.exemple.org/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv",
        ),
    ],
)
def test_supported_providers(url, provider, embed):
    video = parse_external_video(url)
    assert (video.provider, video.embed_url) == (provider, embed)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "https://exemple.fr/video.mp4",
        "https://www.youtube.com/channel/UC123",
        "https://vimeo.com/channels/staffpicks",
        "javascript:alert(1)",
        "http://peertube.exemple.fr/w/9c9de5e8-0a1b-4a7c-8f4e-1d2c3b4a5f60",  # PeerTube over plain HTTP
    ],
)
def test_unsupported_addresses(url):
    assert parse_external_video(url) is None


def test_chapter_links_open_the_provider_at_the_time():
    assert parse_external_video("https://www.youtube.com/watch?v=dQw4w9WgXcQ").url_at(90).endswith("t=90s")
    assert parse_external_video("https://vimeo.com/76979871").url_at(90) == "https://vimeo.com/76979871#t=90s"
    peertube = parse_external_video("https://peertube.exemple.fr/w/9c9de5e8-0a1b-4a7c-8f4e-1d2c3b4a5f60")
    assert (
        peertube.url_at(65) == "https://peertube.exemple.fr/w/9c9de5e8-0a1b-4a7c-8f4e-1d2c3b4a5f60?start=65s"
    )


@pytest.mark.django_db
def test_the_page_shows_a_link_first(client, webinar_factory):
    webinar = webinar_factory(
        video=None, external_video_url="https://peertube.exemple.fr/w/9c9de5e8-0a1b-4a7c-8f4e-1d2c3b4a5f60"
    )
    html = client.get(webinar.url).content.decode()
    assert "<iframe" not in html
    assert "<video" not in html
    assert 'data-embed-src="https://peertube.exemple.fr/videos/embed/' in html
    assert 'href="https://peertube.exemple.fr/w/9c9de5e8-0a1b-4a7c-8f4e-1d2c3b4a5f60"' in html
    # No element of the page loads anything from the provider by itself.
    assert not re.search(r'(?<![-\w])(src|srcset|poster|data)="https?://', html)
    # Chapters and the transcript are there even if the provider is unreachable.
    assert "Le repérage" in html
    assert "?start=3s" in html
    assert "Transcription" in html or webinar.transcript == ""
