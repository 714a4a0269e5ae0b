"""The invitation link: set a password, get signed in, land on the course."""

from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from notifications import services as notifications

from .. import invitations
from ..forms import AcceptInvitationForm

STATUS_FOR_PROBLEM = {
    invitations.InvitationProblem.INVALID: 404,
    invitations.InvitationProblem.EXPIRED: 410,
    invitations.InvitationProblem.USED: 410,
}


@require_http_methods(["GET", "POST"])
def accept(request, token: str):
    invitation, problem = invitations.find(token)
    if problem:
        return render(request, "registration/accept.html", {"problem": problem}, status=STATUS_FOR_PROBLEM[problem])
    user = invitation.user
    needs_email = not notifications.deliverable_email(user)  # phone-only and walk-in accounts
    form = AcceptInvitationForm(request.POST or None, user=user, needs_email=needs_email)
    if request.method == "POST" and form.is_valid():
        invitations.accept(
            invitation, password=form.cleaned_data["password1"], email=form.cleaned_data.get("email", "")
        )
        notifications.set_language(user, get_language())
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        course = invitation.course.localized if invitation.course else None
        return redirect(course.url if course and course.live else "courses:my_learning")
    status = 400 if form.errors else 200
    return render(request, "registration/accept.html", {"form": form, "invited": user}, status=status)
