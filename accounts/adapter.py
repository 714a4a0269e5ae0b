"""allauth, keeping the reader's language: redirects stay in the language being read, mails are
written in the recipient's remembered language (accounts.language)."""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from .language import in_current_language, in_language, user_language


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        return in_current_language(super().get_login_redirect_url(request))

    def get_signup_redirect_url(self, request):
        return in_current_language(super().get_signup_redirect_url(request))

    def get_logout_redirect_url(self, request):
        return in_current_language(super().get_logout_redirect_url(request))

    def send_password_reset_mail(self, user, email, context):
        language = user_language(user)
        context = {**context, "password_reset_url": in_language(context["password_reset_url"], language)}
        super().send_password_reset_mail(user, email, context)

    def send_mail(self, template_prefix, email, context):
        user = context.get("user")
        if user is None or not getattr(user, "pk", None):
            return super().send_mail(template_prefix, email, context)
        with translation.override(user_language(user)):
            return super().send_mail(template_prefix, email, context)
