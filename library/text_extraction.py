"""Text of PDF, DOCX and ODT files, for full-text search.

Pure-Python libraries only (pypdf, python-docx, odfpy). Never raises: a broken,
encrypted or unsupported file gives empty text and a French warning for the editor."""

import io
import logging
import zipfile
from dataclasses import dataclass

logger = logging.getLogger(__name__)

# Enough for any guide; keeps a pathological file from bloating the search index.
MAX_TEXT_LENGTH = 500_000


@dataclass(frozen=True)
class Extraction:
    text: str = ""
    warning: str = ""


def extract_text(fileobj, extension):
    extension = (extension or "").lower().lstrip(".")
    extractor = EXTRACTORS.get(extension)
    if extractor is None:
        return Extraction()
    try:
        data = fileobj.read()
        text = extractor(data)
    except EncryptedFileError:
        return Extraction(
            warning="Fichier protégé par un mot de passe : son texte n'est pas indexé pour la recherche."
        )
    except Exception as error:  # noqa: BLE001 - any parser failure must only produce a warning
        logger.warning("Text extraction failed (%s): %s", extension, error)
        return Extraction(
            warning=f"Fichier {extension.upper()} illisible ou endommagé : son texte n'est pas indexé pour la recherche."
        )
    text = " ".join(text.split())[:MAX_TEXT_LENGTH]
    if not text and extension == "pdf":
        return Extraction(
            warning="Aucun texte trouvé dans ce PDF (document scanné ?) : il n'est pas indexé pour la recherche."
        )
    return Extraction(text=text)


class EncryptedFileError(Exception):
    pass


def _pdf(data):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        # Some PDFs are "encrypted" with an empty user password: readable, so try it.
        try:
            if not reader.decrypt(""):
                raise EncryptedFileError
        except EncryptedFileError:
            raise
        except Exception as error:
            raise EncryptedFileError from error
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx(data):
    from docx import Document

    document = Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _odf(data):
    from odf import teletype
    from odf.opendocument import load
    from odf.text import H, P

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ValueError("not an OpenDocument archive")
    document = load(io.BytesIO(data))
    return "\n".join(
        teletype.extractText(node) for kind in (H, P) for node in document.getElementsByType(kind)
    )


def _txt(data):
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="ignore")


EXTRACTORS = {"pdf": _pdf, "docx": _docx, "odt": _odf, "odp": _odf, "txt": _txt}
