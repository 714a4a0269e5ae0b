"""The unsubscribe link in reminders: no sign-in needed, the signed link names the person."""

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from . import services


@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    user = services.user_for_unsubscribe_token(token[:300])
    if user is None:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        wanted = request.POST.get("reminders") == "on"
        services.set_reminders(user, wanted)
        return render(request, "notifications/unsubscribe.html", {"done": True, "wanted": wanted})
    return render(request, "notifications/unsubscribe.html", {"wanted": services.wants_reminders(user)})
