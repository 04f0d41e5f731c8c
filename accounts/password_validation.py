"""Django's password validators with messages that say what to do instead of what is wrong
("Saisissez un mot de passe d'au moins 10 caractères" rather than "Ce mot de passe est trop
court"). The checks, codes and parameters are Django's own; only the French texts change.
AUTH_PASSWORD_VALIDATORS (portal/settings/base.py) names these classes."""

from django.contrib.auth import password_validation as django_validation


class MinimumLengthValidator(django_validation.MinimumLengthValidator):
    def get_error_message(self):
        return f"Saisissez un mot de passe d'au moins {self.min_length} caractères."

    def get_help_text(self):
        return f"Au moins {self.min_length} caractères ; une phrase de plusieurs mots est facile à retenir."


class UserAttributeSimilarityValidator(django_validation.UserAttributeSimilarityValidator):
    def get_error_message(self):
        return (
            "Ce mot de passe ressemble trop à votre %(verbose_name)s : "
            "choisissez un mot de passe sans rapport avec vos informations personnelles."
        )

    def get_help_text(self):
        return "Sans rapport avec votre nom ou votre adresse e-mail."


class CommonPasswordValidator(django_validation.CommonPasswordValidator):
    def get_error_message(self):
        return (
            "Ce mot de passe fait partie des plus utilisés, donc faciles à deviner : "
            "choisissez-en un autre, par exemple une phrase de plusieurs mots."
        )

    def get_help_text(self):
        return "Pas un mot de passe courant (comme « motdepasse123 »)."


class NumericPasswordValidator(django_validation.NumericPasswordValidator):
    def get_error_message(self):
        return "Ce mot de passe ne contient que des chiffres : ajoutez des lettres."

    def get_help_text(self):
        return "Pas uniquement des chiffres."


def minimum_length():
    """The length the configured validators require (the one figure the messages quote)."""
    lengths = [
        validator.min_length
        for validator in django_validation.get_default_password_validators()
        if isinstance(validator, django_validation.MinimumLengthValidator)
    ]
    return max(lengths, default=1)
