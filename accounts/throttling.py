"""Throttled account forms answer HTTP 429.

allauth refuses a throttled login (too many failed attempts for that account, or too many
logins from one address) with a form error on a 200 page. The page and its message stay as they
are; this middleware only gives that response the status clients and monitoring expect.
allauth's own rate-limited actions (password reset and the like) already answer 429 with
``429.html``.
"""

from django.forms.forms import NON_FIELD_ERRORS

# allauth's error codes for a throttled form (allauth.account.adapter.DefaultAccountAdapter.error_messages).
THROTTLED_FORM_ERRORS = ("too_many_login_attempts", "rate_limited")
RETRY_AFTER_SECONDS = 300  # the per-account failed-login window (ACCOUNT_RATE_LIMITS["login_failed"])


class ThrottledFormStatusMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_template_response(self, request, response):
        form = (response.context_data or {}).get("form") if response.status_code == 200 else None
        if form is not None and form.is_bound and is_throttled(form):
            response.status_code = 429
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response


def is_throttled(form) -> bool:
    return any(form.has_error(NON_FIELD_ERRORS, code) for code in THROTTLED_FORM_ERRORS)
