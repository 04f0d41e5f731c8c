from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks

from home import admin_creation

# One create form, one page, whatever the autosave did (home/admin_creation.py).
hooks.register("before_create_page", admin_creation.guard_page_creation)
hooks.register("after_create_page", admin_creation.record_created_page)


@hooks.register("insert_global_admin_css")
def portal_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("insert_editor_js")
def portal_editor_js():
    return format_html('<script src="{}" defer></script>', static("js/admin.js"))
