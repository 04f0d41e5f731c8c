"""HTTP Range support of the video route (browsers seek with it): 206 with the right bytes,
416 past the end, the whole file for what the RFC lets a server ignore, HEAD, If-Range."""

import pytest

from webinars.files import RangeNotSatisfiable, parse_range, sniff_container

from .conftest import video_bytes

SIZE = 1000


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("", None),
        ("bytes=0-99", (0, 99)),
        ("bytes=100-", (100, 999)),
        ("bytes=-100", (900, 999)),
        ("bytes=-5000", (0, 999)),
        ("bytes=990-5000", (990, 999)),
        ("bytes=999-999", (999, 999)),
        ("bytes = 5 - 9", (5, 9)),
        ("BYTES=0-0", (0, 0)),
        ("bytes=0-1,5-9", None),  # several ranges: whole file
        ("bytes=9-5", None),  # invalid: ignored
        ("bytes=-", None),
        ("bytes=abc", None),
        ("items=0-5", None),
    ],
)
def test_parse_range(header, expected):
    assert parse_range(header, SIZE) == expected


@pytest.mark.parametrize("header", ["bytes=1000-", "bytes=5000-6000", "bytes=-0"])
def test_unsatisfiable_ranges(header):
    with pytest.raises(RangeNotSatisfiable):
        parse_range(header, SIZE)


def test_sniff_container():
    assert sniff_container(video_bytes()[:64]) == "webm"
    assert sniff_container(b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00") == "mp4"
    assert sniff_container(b"OggS\x00\x02") == "ogg"
    assert sniff_container(b"%PDF-1.7") is None
    assert sniff_container(b"") is None


@pytest.mark.django_db
class TestVideoRoute:
    @pytest.fixture(autouse=True)
    def _webinar(self, webinar_factory):
        self.webinar = webinar_factory()
        self.url = self.webinar.url + "video/"
        self.data = video_bytes()

    def test_whole_file(self, client):
        response = client.get(self.url)
        assert response.status_code == 200
        assert response["Accept-Ranges"] == "bytes"
        assert int(response["Content-Length"]) == len(self.data)
        assert b"".join(response.streaming_content) == self.data

    def test_first_bytes(self, client):
        response = client.get(self.url, HTTP_RANGE="bytes=0-99")
        assert response.status_code == 206
        assert response["Content-Range"] == f"bytes 0-99/{len(self.data)}"
        assert response["Content-Length"] == "100"
        assert b"".join(response.streaming_content) == self.data[:100]

    def test_middle_and_open_ended_and_suffix(self, client):
        size = len(self.data)
        response = client.get(self.url, HTTP_RANGE="bytes=1000-1999")
        assert b"".join(response.streaming_content) == self.data[1000:2000]
        response = client.get(self.url, HTTP_RANGE=f"bytes={size - 10}-")
        assert response["Content-Range"] == f"bytes {size - 10}-{size - 1}/{size}"
        assert b"".join(response.streaming_content) == self.data[-10:]
        response = client.get(self.url, HTTP_RANGE="bytes=-64")
        assert b"".join(response.streaming_content) == self.data[-64:]

    def test_past_the_end_is_416(self, client):
        response = client.get(self.url, HTTP_RANGE=f"bytes={len(self.data)}-")
        assert response.status_code == 416
        assert response["Content-Range"] == f"bytes */{len(self.data)}"

    def test_several_ranges_get_the_whole_file(self, client):
        response = client.get(self.url, HTTP_RANGE="bytes=0-1,10-20")
        assert response.status_code == 200
        assert int(response["Content-Length"]) == len(self.data)

    def test_head(self, client):
        response = client.head(self.url, HTTP_RANGE="bytes=0-9")
        assert response.status_code == 206
        assert response["Content-Length"] == "10"
        assert response.content == b""
        response = client.head(self.url)
        assert response.status_code == 200
        assert int(response["Content-Length"]) == len(self.data)

    def test_if_range(self, client):
        etag = client.head(self.url)["ETag"]
        assert client.get(self.url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE=etag).status_code == 206
        stale = client.get(self.url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"autre"')
        assert stale.status_code == 200

    def test_remote_storage_redirects_after_the_privacy_check(self, client, monkeypatch):
        from webinars import files

        monkeypatch.setattr(files, "is_local", lambda field_file: False)
        response = client.get(self.url)
        assert response.status_code == 302
        assert response["Location"] == self.webinar.video.file.url
        assert response["Cache-Control"] == "private, no-store"
