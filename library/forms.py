from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    """Shows the editor why a file's text is not searchable (broken or encrypted file)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        warning = getattr(self.instance, "extraction_warning", "")
        if warning and "file" in self.fields:
            self.fields["file"].help_text = f"Attention : {warning}"
