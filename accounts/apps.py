from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .language import remember_on_sign_in
        from .spreadsheet import protect_wagtail_exports

        protect_wagtail_exports()
        user_logged_in.connect(remember_on_sign_in, dispatch_uid="accounts.remember_language")
