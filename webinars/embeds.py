"""External video addresses (PeerTube, YouTube, Vimeo, Dailymotion): recognised here, turned
into the provider's privacy-friendlier player address, loaded only when the visitor clicks.

Nothing is fetched from the provider by the server (no oEmbed lookup, no thumbnail), so a
page works the same when the provider is unreachable."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
VIMEO_ID = re.compile(r"^\d{4,12}$")
DAILYMOTION_ID = re.compile(r"^[A-Za-z0-9]{5,12}$")
PEERTUBE_ID = re.compile(r"^[A-Za-z0-9-]{8,40}$")

YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
DAILYMOTION_HOSTS = {"dailymotion.com", "www.dailymotion.com"}

UNSUPPORTED_MESSAGE = (
    "Adresse de vidéo non reconnue : indiquez le lien d'une vidéo PeerTube "
    "(https://…/w/…), YouTube, Vimeo ou Dailymotion."
)


@dataclass(frozen=True)
class ExternalVideo:
    provider: str  # shown to visitors: "YouTube", "PeerTube (video.exemple.fr)"…
    url: str  # the address the editor gave (the link shown without JavaScript)
    embed_url: str  # the player loaded after the click
    kind: str  # youtube, vimeo, dailymotion, peertube

    def url_at(self, seconds):
        """The provider's own page, opened at ``seconds`` (chapters of an external video)."""
        seconds = int(seconds)
        if self.kind == "youtube":
            return _with_query(self.url, t=f"{seconds}s")
        if self.kind == "vimeo":
            return f"{self.url.split('#')[0]}#t={seconds}s"
        if self.kind == "dailymotion":
            return _with_query(self.url, start=seconds)
        return _with_query(self.url, start=f"{seconds}s")


def _with_query(url, **params):
    parts = urlsplit(url)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    query.update(params)
    return parts._replace(query=urlencode(query), fragment="").geturl()


def parse_external_video(url):
    """An ExternalVideo for a supported address, or None."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    segments = [segment for segment in parts.path.split("/") if segment]
    query = parse_qs(parts.query)

    if host in YOUTUBE_HOSTS or host == "youtu.be":
        video_id = None
        if host == "youtu.be" and segments:
            video_id = segments[0]
        elif segments[:1] == ["watch"]:
            video_id = (query.get("v") or [None])[0]
        elif len(segments) >= 2 and segments[0] in ("embed", "shorts", "live", "v"):
            video_id = segments[1]
        if video_id and YOUTUBE_ID.match(video_id):
            return ExternalVideo(
                "YouTube", url.strip(), f"https://www.youtube-nocookie.com/embed/{video_id}", "youtube"
            )
        return None

    if host in VIMEO_HOSTS:
        numeric = [segment for segment in segments if VIMEO_ID.match(segment)]
        if numeric:
            return ExternalVideo(
                "Vimeo", url.strip(), f"https://player.vimeo.com/video/{numeric[0]}?dnt=1", "vimeo"
            )
        return None

    if host in DAILYMOTION_HOSTS or host == "dai.ly":
        video_id = None
        if host == "dai.ly" and segments:
            video_id = segments[0]
        elif len(segments) >= 2 and segments[0] == "video":
            video_id = segments[1].split("_")[0]
        elif len(segments) >= 3 and segments[:2] == ["embed", "video"]:
            video_id = segments[2]
        if video_id and DAILYMOTION_ID.match(video_id):
            return ExternalVideo(
                "Dailymotion",
                url.strip(),
                f"https://www.dailymotion.com/embed/video/{video_id}",
                "dailymotion",
            )
        return None

    # PeerTube: any instance, recognised by its URL scheme (/w/<id> or /videos/watch/<uuid>).
    video_id = None
    if len(segments) == 2 and segments[0] == "w":
        video_id = segments[1]
    elif len(segments) == 3 and segments[:2] in (["videos", "watch"], ["videos", "embed"]):
        video_id = segments[2]
    if video_id and PEERTUBE_ID.match(video_id) and parts.scheme == "https":
        origin = f"https://{parts.netloc}"
        return ExternalVideo(
            f"PeerTube ({host})", url.strip(), f"{origin}/videos/embed/{video_id}", "peertube"
        )
    return None


def validate_external_video_url(url):
    from django.core.exceptions import ValidationError

    if url and parse_external_video(url) is None:
        raise ValidationError(UNSUPPORTED_MESSAGE, code="unsupported_video_url")
