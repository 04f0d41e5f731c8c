from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Comptes"

    def ready(self):
        from allauth.account.signals import user_logged_in

        from home.reports import use_staff_check

        from .groups import is_editorial_staff
        from .proconnect.views import remember_id_token

        use_staff_check(is_editorial_staff)
        user_logged_in.connect(remember_id_token, dispatch_uid="proconnect_id_token")
