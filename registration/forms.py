"""Admin forms: uploading a participant list; accepting an invitation."""

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.access import VenueScope
from accounts.models import User
from attendance.models import TrainingSession
from courses.models import CoursePage

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class ParticipantImportForm(forms.Form):
    file = forms.FileField(
        label=_("Participant list"),
        help_text=_("CSV (UTF-8 or GBK) or XLSX with the columns 姓名, 手机号, 邮箱, 单位, 职务, 分会场."),
    )
    session = forms.ModelChoiceField(
        label=_("Training session"),
        queryset=TrainingSession.objects.none(),
        required=False,
        help_text=_("Everyone on the list is expected at this session, at the sub-venue of their row."),
    )
    courses = forms.ModelMultipleChoiceField(
        label=_("Enrol in courses"),
        queryset=CoursePage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Enrolment covers every language version."),
    )
    language = forms.ChoiceField(
        label=_("Language of messages to new accounts"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE
    )
    send_invitations = forms.BooleanField(
        label=_("Send invitations"),
        required=False,
        initial=True,
        help_text=_("New accounts get a one-time link to set their password, by e-mail or else by SMS."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        venues = VenueScope.for_user(user).venues()
        self.fields["session"].queryset = (
            TrainingSession.objects.filter(session_venues__venue__in=venues, ends_at__gt=timezone.now())
            .distinct()
            .order_by("starts_at")
        )
        default_locale = CoursePage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
        self.fields["courses"].queryset = default_locale.order_by("path")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB; split it into smaller files."))
        if not upload.name.lower().endswith((".csv", ".txt", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        return upload


class AcceptInvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), help_text=_("You will sign in with this address."))
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Password (again)"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, user, needs_email, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not needs_email:
            del self.fields["email"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email=email).exclude(pk=self.user.pk).exists():
            raise forms.ValidationError(_("Another account uses this address; sign in with it instead."))
        return email

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            try:
                password_validation.validate_password(first, self.user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
