"""A small, strict WebVTT reader: enough of https://www.w3.org/TR/webvtt1/ to accept what
captioning tools and video platforms export, and to refuse a broken file with a French
message that names the line to fix (an editor opens the file in a text editor and goes
to that line).

Also turns the cues into a readable transcript (paragraphs, speakers from ``<v>`` tags)."""

import html
import re
from dataclasses import dataclass

# hh:mm:ss.ttt or mm:ss.ttt; hours have at least two digits when present.
TIMESTAMP = re.compile(r"^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$")
TIMING_LINE = re.compile(r"^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+(.*))?$")
LOOKS_LIKE_TIMING = re.compile(r"^\s*\d+:\d+[:.,\d]*\s*(?:-+>|-|–|to)\s*\d")
TAG = re.compile(r"<[^>]*>")
VOICE = re.compile(r"^<v(?:\.[^ \t>]*)?[ \t]+([^>]+)>")
SENTENCE_END = (".", "!", "?", "…", "»")


class WebVTTError(ValueError):
    """A malformed file: ``line`` (1-based) and a French message for editors."""

    def __init__(self, line, message):
        self.line = line
        self.reason = message
        super().__init__(f"Ligne {line} : {message}" if line else message)


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str  # the payload, markup included
    identifier: str = ""
    line: int = 0

    @property
    def voice(self):
        match = VOICE.match(self.text)
        return match.group(1).strip() if match else ""

    @property
    def plain_text(self):
        """The words only: no markup, entities decoded, lines joined."""
        words = " ".join(part.strip() for part in TAG.sub("", self.text).splitlines() if part.strip())
        return html.unescape(words)


def parse_timestamp(value):
    """Seconds (float) of a WebVTT timestamp, or None when it is not one."""
    match = TIMESTAMP.match(value)
    if not match:
        return None
    hours, minutes, seconds, millis = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def format_timestamp(seconds):
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def _quote(line, limit=60):
    line = line.strip()
    return line if len(line) <= limit else line[: limit - 1] + "…"


def decode(data):
    """Text of an uploaded file: UTF-8 (with or without BOM), else a clear refusal."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise WebVTTError(
            line,
            "caractère illisible : le fichier doit être enregistré en UTF-8 "
            "(dans votre éditeur : « Enregistrer sous… », encodage UTF-8).",
        ) from error


def parse(data):
    """The cues of a WebVTT file (``bytes`` or ``str``); raise WebVTTError otherwise."""
    text = decode(data)
    if "\x00" in text:
        raise WebVTTError(
            text[: text.index("\x00")].count("\n") + 1, "caractère nul : ce n'est pas un fichier texte."
        )
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    signature = lines[0]
    if not (signature == "WEBVTT" or signature.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise WebVTTError(
            1,
            f"le fichier doit commencer par « WEBVTT » (trouvé : « {_quote(signature) or 'ligne vide'} »). "
            "Est-ce bien un fichier de sous-titres WebVTT (.vtt) ?",
        )

    number = 1
    # Header: anything up to the first blank line.
    while number < len(lines) and lines[number].strip():
        if "-->" in lines[number]:
            raise WebVTTError(
                number + 1, "une ligne vide est attendue entre « WEBVTT » et le premier sous-titre."
            )
        number += 1

    cues = []
    previous_start = 0.0
    while number < len(lines):
        if not lines[number].strip():
            number += 1
            continue
        block_start = number
        block = []
        while number < len(lines) and lines[number].strip():
            block.append(lines[number])
            number += 1
        first = block[0]
        if first.split(maxsplit=1)[0] in ("NOTE", "STYLE", "REGION") and "-->" not in first:
            continue  # comments and styling blocks carry no caption
        if "-->" in first:
            identifier, timing_index = "", 0
        elif LOOKS_LIKE_TIMING.match(first) and (len(block) < 2 or "-->" not in block[1]):
            raise WebVTTError(
                block_start + 1,
                f"horodatage invalide « {_quote(first)} » : le début et la fin se séparent par "
                "« --> », par exemple « 00:01:02.500 --> 00:01:05.000 ».",
            )
        else:
            identifier, timing_index = first.strip(), 1
            if len(block) < 2 or "-->" not in block[1]:
                raise WebVTTError(
                    block_start + 2 if len(block) > 1 else block_start + 1,
                    "ligne de temps attendue, par exemple « 00:00:01.000 --> 00:00:04.000 »"
                    + (f" (trouvé : « {_quote(block[1])} »)." if len(block) > 1 else "."),
                )
        timing_line_number = block_start + timing_index + 1
        timing = block[timing_index]
        match = TIMING_LINE.match(timing.strip())
        start = end = None
        if match:
            start, end = parse_timestamp(match.group(1)), parse_timestamp(match.group(2))
        if start is None or end is None:
            raise WebVTTError(
                timing_line_number,
                f"horodatage invalide « {_quote(timing)} » : le format attendu est "
                "« hh:mm:ss.ttt --> hh:mm:ss.ttt » (heures facultatives), par exemple "
                "« 00:01:02.500 --> 00:01:05.000 ».",
            )
        if end <= start:
            raise WebVTTError(
                timing_line_number,
                f"la fin du sous-titre ({match.group(2)}) doit être après son début ({match.group(1)}).",
            )
        if start < previous_start:
            raise WebVTTError(
                timing_line_number,
                f"les sous-titres doivent se suivre dans l'ordre chronologique : celui-ci commence à "
                f"{match.group(1)}, avant le précédent ({format_timestamp(previous_start)}).",
            )
        payload = block[timing_index + 1 :]
        for offset, line in enumerate(payload):
            if "-->" in line:
                raise WebVTTError(
                    timing_line_number + 1 + offset,
                    "ligne vide manquante : chaque sous-titre doit être séparé du suivant par une ligne vide.",
                )
        cues.append(Cue(start, end, "\n".join(payload), identifier, timing_line_number))
        previous_start = start

    if not cues:
        raise WebVTTError(0, "Le fichier WebVTT ne contient aucun sous-titre.")
    return cues


def validate(text):
    """Django validator for a WebVTT text field (empty is allowed)."""
    from django.core.exceptions import ValidationError

    if not text or not text.strip():
        return
    try:
        parse(text)
    except WebVTTError as error:
        raise ValidationError(str(error), code="invalid_webvtt") from error


def transcript_html(cues, sentences_per_paragraph=4):
    """Rich text (Wagtail's HTML) of the cues: one paragraph per speaker turn, long turns cut
    every few sentences, speakers' names in bold."""
    paragraphs = []
    state = {"voice": None, "words": [], "sentences": 0, "label": True}

    def flush():
        if state["words"]:
            body = html.escape(" ".join(state["words"]), quote=False)
            voice = state["voice"]
            label = f"<b>{html.escape(voice, quote=False)} :</b> " if voice and state["label"] else ""
            paragraphs.append(f"<p>{label}{body}</p>")

    for cue in cues:
        text = cue.plain_text
        if not text:
            continue
        voice = cue.voice or state["voice"]
        if voice != state["voice"]:
            flush()
            state.update(voice=voice, words=[], sentences=0, label=True)
        elif state["sentences"] >= sentences_per_paragraph:
            flush()
            state.update(words=[], sentences=0, label=False)
        state["words"].append(text)
        if text.endswith(SENTENCE_END):
            state["sentences"] += 1
    flush()
    return "".join(paragraphs)


def plain_text(cues):
    return " ".join(cue.plain_text for cue in cues)
