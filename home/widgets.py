"""Admin widgets shared by the content apps' panels."""

from django import forms


class CheckboxList(forms.CheckboxSelectMultiple):
    """Checkboxes for a many-to-many choice among many items (related resources, trainings):
    no Ctrl-click as in a multiple <select>; the list scrolls and, with JavaScript, a search
    field filters it (static/js/admin.js), the checked items staying in view."""

    template_name = "home/widgets/checkbox_list.html"
