from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "registration"
    verbose_name = _("Participant registration")

    def ready(self):
        from . import signals  # noqa: F401
