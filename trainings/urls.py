from django.urls import path

from . import views

urlpatterns = [
    path("session/<int:session_id>/", views.register, name="register"),
    path("session/<int:session_id>.ics", views.session_ics, name="session_ics"),
    path("<int:registration_id>/annuler/", views.cancel, name="cancel_registration"),
]
