from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self):
        from .spreadsheet import protect_wagtail_exports

        protect_wagtail_exports()
