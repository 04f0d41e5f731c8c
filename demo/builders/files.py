"""The small real files of the demo, generated rather than stored: the library's PDF, DOCX
and ODT documents (with text, so that full-text search finds words inside them) and the
webinars' slides (a landscape PDF)."""

import io
from dataclasses import dataclass

# The PDF core fonts are latin-1: typographic characters outside it get a close equivalent.
LATIN1 = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "œ": "oe", "Œ": "OE", "—": "-", "–": "-", "…": "..."}
)


@dataclass(frozen=True)
class PdfLayout:
    orientation: str
    title_size: int  # points; line heights in mm
    title_line: int
    title_gap: int
    text_size: int
    text_line: int
    text_gap: int


DOCUMENT = PdfLayout("portrait", 16, 8, 4, 11, 6, 3)
SLIDE = PdfLayout("landscape", 20, 12, 6, 14, 9, 2)


def pdf_bytes(title, paragraphs, footer="", layout=DOCUMENT):
    """A one-page A4 PDF: the title, the paragraphs, then the footer (in small italics)."""
    from fpdf import FPDF

    def clean(text):
        return text.translate(LATIN1).encode("latin-1", "replace").decode("latin-1")

    def write(text, line):
        pdf.multi_cell(0, line, clean(text), new_x="LMARGIN", new_y="NEXT")

    pdf = FPDF(orientation=layout.orientation, format="A4")
    pdf.set_title(clean(title))
    if footer:
        pdf.set_author(clean(footer))
    pdf.add_page()
    pdf.set_font("Helvetica", "B", layout.title_size)
    write(title, layout.title_line)
    pdf.ln(layout.title_gap)
    pdf.set_font("Helvetica", "", layout.text_size)
    for paragraph in paragraphs:
        write(paragraph, layout.text_line)
        pdf.ln(layout.text_gap)
    if footer:
        pdf.set_font("Helvetica", "I", 9)
        write(footer, 5)
    return bytes(pdf.output())


def slides_pdf(lines):
    """A one-slide deck (landscape): the first line as its title, the others below."""
    return pdf_bytes(lines[0], lines[1:], layout=SLIDE)


DOCX_STYLES = {
    "Normal",
    "Title",
    "TitleChar",
    "Heading1",
    "Heading1Char",
    "DefaultParagraphFont",
    "TableNormal",
    "NoList",
}
DOCX_OPTIONAL_PARTS = ("stylesWithEffects", "customXml", "thumbnail", "webSettings")


def docx_bytes(title, paragraphs, footer):
    """A DOCX from python-docx's template, trimmed of the parts and styles it does not use
    (the template alone weighs 36 KB)."""
    from docx import Document

    document = Document()
    for rels in (document.part.rels, document.part.package.rels):
        for rel_id, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in DOCX_OPTIONAL_PARTS:
                rels.pop(rel_id)
    styles = document.styles.element
    for element in list(styles):
        tag = element.tag.rsplit("}", 1)[-1]
        style_id = element.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}styleId")
        if tag == "latentStyles" or (tag == "style" and style_id not in DOCX_STYLES):
            styles.remove(element)
    document.core_properties.title = title
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.add_paragraph(footer)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def odt_bytes(title, paragraphs, footer):
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=title))
    for paragraph in [*paragraphs, footer]:
        document.text.addElement(P(text=paragraph))
    output = io.BytesIO()
    document.write(output)
    return output.getvalue()


RENDERERS = {"pdf": pdf_bytes, "docx": docx_bytes, "odt": odt_bytes}


def render(extension, title, paragraphs, footer):
    """The bytes of a file of type ``extension`` ("pdf", "docx" or "odt")."""
    return RENDERERS[extension](title, paragraphs, footer)
