"""The "Synonymes et sigles" admin form: what editors type is checked against what the query
pipeline reads (``search.synonyms.term_words``), so that a spelling never belongs to two
entries and an entry always says something the term does not."""

from django.core.exceptions import ValidationError

from wagtail.admin.forms import WagtailAdminModelForm

from .synonyms import term_words


def split_term(term):
    """The spellings of a term as editors typed them, spaces tidied."""
    return [" ".join(part.split()) for part in str(term or "").split(",") if part.strip()]


def split_expansions(expansions):
    """The expansions, one per non-empty line, spaces tidied."""
    return [" ".join(line.split()) for line in str(expansions or "").splitlines() if line.strip()]


class SynonymForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "term" in self.fields:
            self.fields["term"].error_messages["required"] = (
                "Indiquez le sigle ou l'expression que les personnes tapent (par exemple « AEMO »)."
            )
        if "expansions" in self.fields:
            self.fields["expansions"].error_messages["required"] = (
                "Indiquez au moins un équivalent, un par ligne "
                "(par exemple « action éducative en milieu ouvert »)."
            )

    def clean_term(self):
        spellings = split_term(self.cleaned_data.get("term"))
        if not spellings:
            raise ValidationError(self.fields["term"].error_messages["required"], code="required")
        for spelling in spellings:
            if not term_words(spelling):
                raise ValidationError(
                    f"« {spelling} » ne contient ni lettre ni chiffre : retirez-le.", code="no_words"
                )
        taken = self.spellings_of_other_entries()
        for spelling in spellings:
            other = taken.get(term_words(spelling))
            if other is not None:
                raise ValidationError(
                    f"« {spelling} » figure déjà dans l'entrée « {other} » (majuscules, accents et "
                    "points ne comptent pas) : une graphie n'appartient qu'à une entrée, complétez plutôt "
                    "celle-ci.",
                    code="duplicate",
                )
        return ", ".join(spellings)

    def clean_expansions(self):
        expansions = split_expansions(self.cleaned_data.get("expansions"))
        if not expansions:
            raise ValidationError(self.fields["expansions"].error_messages["required"], code="required")
        for expansion in expansions:
            if not term_words(expansion):
                raise ValidationError(
                    f"« {expansion} » ne contient ni lettre ni chiffre : retirez cette ligne.",
                    code="no_words",
                )
        return "\n".join(expansions)

    def clean(self):
        cleaned_data = super().clean()
        term, expansions = cleaned_data.get("term"), cleaned_data.get("expansions")
        if term and expansions:
            keys = {term_words(spelling) for spelling in split_term(term)}
            for expansion in split_expansions(expansions):
                if term_words(expansion) in keys:
                    self.add_error(
                        "expansions",
                        ValidationError(
                            f"« {expansion} » répète le terme : indiquez ce que disent les documents "
                            "(pour « AEMO » : « action éducative en milieu ouvert »).",
                            code="same_as_term",
                        ),
                    )
        return cleaned_data

    def spellings_of_other_entries(self):
        """{folded spelling: term} of every other entry, read from the database (not the
        pipeline's cache, which leaves out entries without expansions)."""
        others = type(self.instance)._default_manager.all()
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        taken = {}
        for term in others.values_list("term", flat=True):
            for spelling in split_term(term):
                taken.setdefault(term_words(spelling), term)
        return taken
