from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Comptes"

    def ready(self):
        from home.reports import use_staff_check

        from .groups import is_editorial_staff

        use_staff_check(is_editorial_staff)
