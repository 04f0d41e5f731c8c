from django.apps import AppConfig


class TrainingsConfig(AppConfig):
    name = "trainings"
    verbose_name = "Formations et séminaires"

    def ready(self):
        from accounts.personal_data import register_eraser, register_exporter

        from .personal_data import erase_user_registrations, export_registrations

        register_exporter("inscriptions", export_registrations)
        register_eraser(erase_user_registrations)
