"""The WebVTT reader: what captioning tools export is accepted; a broken file is refused with
the line to fix, in French; cues become a readable transcript."""

import pytest

from webinars import vtt


def error_of(text):
    with pytest.raises(vtt.WebVTTError) as info:
        vtt.parse(text)
    return info.value


def test_a_typical_file():
    text = (
        "\ufeffWEBVTT - Webinaire ODPE\r\n"
        "Kind: captions\r\n"
        "Language: fr\r\n"
        "\r\n"
        "NOTE exporté par l'outil de sous-titrage\r\n"
        "sur deux lignes\r\n"
        "\r\n"
        "STYLE\r\n"
        "::cue { color: yellow }\r\n"
        "\r\n"
        "intro\r\n"
        "00:00.000 --> 00:02.500 align:start line:90%\r\n"
        "<v Karim Benali>Bonjour <i>à tous</i> &amp; bienvenue.\r\n"
        "\r\n"
        "01:00:02.500 --> 01:00:05.000\r\n"
        "Deuxième ligne,\r\n"
        "sur deux lignes.\r\n"
    )
    cues = vtt.parse(text)
    assert len(cues) == 2
    first, second = cues
    assert (first.start, first.end, first.identifier, first.voice) == (0.0, 2.5, "intro", "Karim Benali")
    assert first.plain_text == "Bonjour à tous & bienvenue."
    assert (second.start, second.end) == (3602.5, 3605.0)
    assert second.plain_text == "Deuxième ligne, sur deux lignes."
    assert second.line == 15


def test_bytes_in_utf8_are_accepted():
    assert vtt.parse("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nÉté\n".encode())[0].plain_text == "Été"


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("", 1, "doit commencer par « WEBVTT »"),
        ("WEBVTTX\n", 1, "doit commencer par « WEBVTT »"),
        ("1\n00:00:01,000 --> 00:00:02,000\nSRT\n", 1, "Est-ce bien un fichier de sous-titres WebVTT"),
        (
            "WEBVTT\n\n1\n00:00:00.000 --> 00:00:03.000\nBonjour.\n\n00:01:xx.000 --> 00:01:05.000\nx\n",
            7,
            "horodatage invalide « 00:01:xx.000 --> 00:01:05.000 »",
        ),
        ("WEBVTT\n\n00:00:01 --> 00:00:02.000\nx\n", 3, "horodatage invalide"),
        ("WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nx\n", 3, "se séparent par « --> »"),
        ("WEBVTT\n\n00:00:61.000 --> 00:01:02.000\nx\n", 3, "horodatage invalide"),
        ("WEBVTT\n\n00:00:05.000 --> 00:00:05.000\nx\n", 3, "doit être après son début"),
        (
            "WEBVTT\n\n00:00:05.000 --> 00:00:06.000\na\n\n00:00:01.000 --> 00:00:02.000\nb\n",
            6,
            "ordre chronologique",
        ),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na\n00:00:02.000 --> 00:00:03.000\nb\n",
            5,
            "ligne vide manquante",
        ),
        ("WEBVTT\n00:00:01.000 --> 00:00:02.000\na\n", 2, "ligne vide est attendue"),
        ("WEBVTT\n\nidentifiant\n", 3, "ligne de temps attendue"),
        ("WEBVTT\n\ncue\nnot a timing\n", 4, "trouvé : « not a timing »"),
        (b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\xe9t\xe9\n", 4, "UTF-8"),
    ],
)
def test_malformed_files_name_the_line(text, line, fragment):
    error = error_of(text)
    assert error.line == line
    assert str(error).startswith(f"Ligne {line} : ")
    assert fragment in str(error)


def test_a_file_without_cues():
    error = error_of("WEBVTT\n\nNOTE rien\n")
    assert str(error) == "Le fichier WebVTT ne contient aucun sous-titre."


def test_validator_accepts_empty_and_refuses_broken():
    from django.core.exceptions import ValidationError

    vtt.validate("")
    vtt.validate("WEBVTT\n\n00:01.000 --> 00:02.000\nOui\n")
    with pytest.raises(ValidationError, match="Ligne 1"):
        vtt.validate("SRT")


def test_transcript_groups_speaker_turns():
    cues = vtt.parse(
        "WEBVTT\n\n"
        "00:00.000 --> 00:01.000\n<v Karim Benali>Bonjour.\n\n"
        "00:01.000 --> 00:02.000\nBienvenue <b>à tous</b>.\n\n"
        "00:02.000 --> 00:03.000\n<v.loud Claire Delattre>Merci <3 Karim.\n\n"
        "00:03.000 --> 00:04.000\nSans voix, la suite.\n"
    )
    html = vtt.transcript_html(cues)
    assert html == (
        "<p><b>Karim Benali :</b> Bonjour. Bienvenue à tous.</p>"
        "<p><b>Claire Delattre :</b> Merci &lt;3 Karim. Sans voix, la suite.</p>"
    )


def test_long_turns_are_cut_into_paragraphs():
    body = "".join(f"00:{n:02d}.000 --> 00:{n + 1:02d}.000\nPhrase numéro {n}.\n\n" for n in range(10))
    html = vtt.transcript_html(vtt.parse("WEBVTT\n\n" + body), sentences_per_paragraph=4)
    assert html.count("<p>") == 3
    assert "<b>" not in html


def test_timestamps_round_trip():
    assert vtt.parse_timestamp("01:02:03.004") == pytest.approx(3723.004)
    assert vtt.parse_timestamp("02:03.500") == pytest.approx(123.5)
    assert vtt.parse_timestamp("1:02:03.004") is None
    assert vtt.format_timestamp(3723.004) == "01:02:03.004"
