"""Uploaded video files: what they really are (by their first bytes, not their name), and
how they are served to browsers, which seek in a video with HTTP Range requests.

Range support is small on purpose (RFC 9110 §14): one range per request (``bytes=a-b``,
``bytes=a-``, ``bytes=-n``); a request for several ranges, or a malformed header, gets the
whole file with 200, which the RFC allows; a range past the end gets 416."""

import mimetypes
import os
import re

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header, http_date

CHUNK_SIZE = 64 * 1024

# Containers browsers play, by extension, with the first bytes that prove them.
VIDEO_FORMATS = {
    "webm": "webm",
    "mp4": "mp4",
    "m4v": "mp4",
    "mov": "mp4",
    "ogv": "ogg",
}
AUDIO_FORMATS = {"mp3": "mp3", "m4a": "mp4", "ogg": "ogg", "oga": "ogg", "wav": "wav"}
MIME_TYPES = {
    "webm": "video/webm",
    "mp4": "video/mp4",
    "m4v": "video/mp4",
    "mov": "video/quicktime",
    "ogv": "video/ogg",
}


def sniff_container(head):
    """The container family of a file from its first bytes: webm, mp4, ogg, mp3, wav or None."""
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm"  # EBML: WebM and Matroska
    if len(head) >= 12 and head[4:8] in (b"ftyp", b"moov", b"mdat", b"wide", b"free"):
        return "mp4"  # ISO base media: MP4, M4V, M4A, QuickTime
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "wav"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "mp3"
    return None


def read_head(uploaded, size=64):
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    head = uploaded.read(size)
    uploaded.seek(position)
    return head


def human_size(size):
    """French file size: « 1,5 Go », « 12 Mo », « 800 ko »."""
    for unit, factor in (("Go", 1024**3), ("Mo", 1024**2), ("ko", 1024)):
        if size >= factor:
            value = size / factor
            text = f"{value:.1f}".rstrip("0").rstrip(".") if value < 10 else f"{value:.0f}"
            return f"{text.replace('.', ',')} {unit}"
    return f"{size} octets"


def content_type_for(name):
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    return MIME_TYPES.get(extension) or mimetypes.guess_type(name)[0] or "application/octet-stream"


# --------------------------------------------------------------------------- Range serving


class RangeNotSatisfiable(Exception):
    pass


RANGE_SPEC = re.compile(r"^\s*(\d*)\s*-\s*(\d*)\s*$")


def parse_range(header, size):
    """``(start, end)`` inclusive for a satisfiable single range, None to serve the whole
    file, RangeNotSatisfiable for a range that starts past the end."""
    if not header:
        return None
    unit, _, spec = header.strip().partition("=")
    if unit.strip().lower() != "bytes" or "," in spec:
        return None
    match = RANGE_SPEC.match(spec)
    if not match or match.group(1) == match.group(2) == "":
        return None
    first, last = match.groups()
    if first == "":
        length = int(last)
        if length == 0 or size == 0:
            raise RangeNotSatisfiable
        return max(size - length, 0), size - 1
    start = int(first)
    if last and int(last) < start:
        return None  # invalid range: ignored, as the RFC says
    if start >= size:
        raise RangeNotSatisfiable
    end = int(last) if last else size - 1
    return start, min(end, size - 1)


def _read_slice(handle, start, length):
    try:
        handle.seek(start)
        remaining = length
        while remaining > 0:
            chunk = handle.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        handle.close()


def ranged_file_response(request, field_file, filename, cache_control, as_attachment=False):
    """Serve a stored file with Range support (200, 206 or 416), for GET and HEAD."""
    storage = field_file.storage
    size = field_file.size
    content_type = content_type_for(field_file.name)
    try:
        modified = storage.get_modified_time(field_file.name).timestamp()
    except (NotImplementedError, OSError):
        modified = None
    etag = f'"{size:x}-{int(modified or 0):x}"'

    range_header = request.headers.get("Range")
    if_range = request.headers.get("If-Range")
    if if_range and if_range.strip() != etag:
        range_header = None  # the file changed since the client's first request: whole file

    def headers(response):
        response["Accept-Ranges"] = "bytes"
        response["ETag"] = etag
        if modified:
            response["Last-Modified"] = http_date(modified)
        response["Cache-Control"] = cache_control
        response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
        return response

    try:
        byte_range = parse_range(range_header, size)
    except RangeNotSatisfiable:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return headers(response)

    if request.method == "HEAD":
        response = HttpResponse(content_type=content_type)
        if byte_range:
            start, end = byte_range
            response.status_code = 206
            response["Content-Range"] = f"bytes {start}-{end}/{size}"
            response["Content-Length"] = str(end - start + 1)
        else:
            response["Content-Length"] = str(size)
        return headers(response)

    handle = storage.open(field_file.name, "rb")
    if byte_range is None:
        response = FileResponse(handle, content_type=content_type)
        response["Content-Length"] = str(size)
        return headers(response)
    start, end = byte_range
    response = StreamingHttpResponse(
        _read_slice(handle, start, end - start + 1), status=206, content_type=content_type
    )
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Content-Length"] = str(end - start + 1)
    return headers(response)


def is_local(field_file):
    """Files on a local disk are streamed by Django; a remote storage (S3) answers Range
    requests itself, through a short-lived signed address."""
    try:
        field_file.storage.path(field_file.name)
    except NotImplementedError:
        return False
    return True
