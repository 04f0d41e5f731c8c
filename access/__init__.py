"""Who may see what, in one place (see ``access.rules`` and ``access.documents``).

- ``access.rules``: a page (``page_is_viewable``, ``refusal``, ``forbidden``) and listings
  (``exclude_restricted``);
- ``access.documents``: a document, decided by the pages that hold it
  (``register_document_holder``, ``document_refusal``), served through the single
  ``before_serve_document`` hook of ``access.wagtail_hooks``.

This app imports Django and Wagtail only: the portal's apps connect to it (their
``AppConfig.ready`` registers the pages holding their files), never the reverse."""
