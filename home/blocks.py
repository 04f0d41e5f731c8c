"""The portal's shared StreamField vocabulary.

Every app builds its body fields from ``BodyStreamBlock`` (or extends it), so that
editors meet the same blocks everywhere and templates live in templates/blocks/.
"""

from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Titre", max_length=200)
    level = blocks.ChoiceBlock(
        label="Niveau",
        choices=[("h2", "Titre de section (h2)"), ("h3", "Sous-titre (h3)"), ("h4", "Intertitre (h4)")],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = "Titre"
        group = "Texte"
        template = "blocks/heading_block.html"
        description = "Un titre de section, pour structurer la page."
        preview_value = {"text": "Repérer les violences", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Image")
    alt_text = blocks.CharBlock(
        label="Texte alternatif",
        required=False,
        max_length=250,
        help_text="Décrit l'image pour les personnes qui ne la voient pas. "
        "Laisser vide si l'image est purement décorative.",
    )
    caption = blocks.CharBlock(label="Légende", required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Image"
        group = "Médias"
        template = "blocks/image_block.html"
        description = "Une image avec son texte alternatif et une légende facultative."


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Document")
    title = blocks.CharBlock(
        label="Intitulé du lien",
        required=False,
        max_length=200,
        help_text="Par défaut, le titre du document.",
    )

    class Meta:
        icon = "doc-full"
        label = "Document à télécharger"
        group = "Médias"
        template = "blocks/document_link_block.html"
        description = "Un lien de téléchargement, avec le format et le poids du fichier."


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label="Type",
        choices=[("info", "Information"), ("warning", "Attention"), ("important", "Important")],
        default="info",
    )
    title = blocks.CharBlock(label="Titre", required=False, max_length=200)
    text = blocks.RichTextBlock(label="Texte", features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = "Encadré"
        group = "Texte"
        template = "blocks/callout_block.html"
        description = "Un encadré pour une information à ne pas manquer."
        preview_value = {
            "kind": "important",
            "title": "En cas de danger immédiat",
            "text": "<p>Appelez le 17 ou envoyez un SMS au 114.</p>",
        }


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Citation")
    source = blocks.CharBlock(label="Source", required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = "Citation"
        group = "Texte"
        template = "blocks/quote_block.html"
        preview_value = {
            "text": "Protéger les enfants victimes et leur garantir les meilleures conditions de développement.",
            "source": "Feuille de route VIF 2023-2026",
        }


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Question ou intitulé", max_length=250)
    body = blocks.RichTextBlock(label="Réponse ou contenu", features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = "Élément"


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre de la liste", required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), label="Éléments", min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Accordéon / FAQ"
        group = "Texte"
        template = "blocks/accordion_block.html"
        description = "Des questions-réponses ou des sections repliables."


class PortalTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = "Tableau"
        group = "Texte"
        template = "blocks/table_block.html"
        description = "Un tableau simple, avec une ligne d'en-tête."


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label="Texte",
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        group="Texte",
        template="blocks/paragraph_block.html",
    )
    callout = CalloutBlock()
    quote = QuoteBlock()
    accordion = AccordionBlock()
    table = PortalTableBlock(table_options={"startRows": 3, "startCols": 3, "colHeaders": True})
    image = ImageBlock()
    document = DocumentLinkBlock()

    class Meta:
        label = "Contenu"


class FeaturedLinkBlock(blocks.StructBlock):
    """A call-to-action tile on the home page (internal page or external URL)."""

    title = blocks.CharBlock(label="Titre", max_length=120)
    text = blocks.TextBlock(label="Texte", required=False, max_length=300)
    page = blocks.PageChooserBlock(label="Page", required=False)
    url = blocks.URLBlock(label="Ou adresse externe", required=False)

    class Meta:
        icon = "link"
        label = "Accès rapide"
        template = "blocks/featured_link_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                {"page": ValidationError("Choisissez une page ou indiquez une adresse.")}
            )
        return value
