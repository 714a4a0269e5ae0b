"""Admin forms: revoking a certificate, enrolling a whole organisation or sub-venue."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.models import Organisation, Venue

from . import services
from .models import CoursePage


class RevokeCertificateForm(WagtailAdminModelForm):
    revoke = forms.BooleanField(label=_("Revoke this certificate"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.revoked_at:
            self.fields["revoke"].initial = True
            self.fields["revoke"].disabled = True
            self.fields["revoke_reason"].disabled = True

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("revoke") and not self.instance.revoked_at and not (cleaned.get("revoke_reason") or "").strip():
            self.add_error("revoke_reason", _("Say why the certificate is revoked."))
        return cleaned

    def save(self, commit=True):
        certificate = self.instance
        if self.cleaned_data.get("revoke") and not certificate.revoked_at:
            reason = self.cleaned_data["revoke_reason"]
            certificate.revoke_reason = ""  # let the service record reason, time and who, together
            return services.revoke_certificate(certificate, by=self.for_user, reason=reason)
        return certificate  # nothing else on a certificate is editable


class BulkEnrolForm(forms.Form):
    course = forms.ModelChoiceField(
        label=_("Course"), queryset=CoursePage.objects.none(), help_text=_("Enrolment covers every language version.")
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name"), required=False
    )
    venue = forms.ModelChoiceField(
        label=_("Sub-venue"),
        queryset=Venue.objects.filter(is_active=True),
        required=False,
        help_text=_("Everyone whose default sub-venue this is."),
    )

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        courses = CoursePage.objects.live().order_by("path")
        self.fields["course"].queryset = courses.filter(locale=locale) if locale else courses

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("organisation")) == bool(cleaned.get("venue")):
            raise forms.ValidationError(_("Choose either an organisation or a sub-venue."))
        return cleaned

    def enrol(self, by) -> int:
        course = self.cleaned_data["course"]
        if self.cleaned_data.get("organisation"):
            return services.enrol_organisation(self.cleaned_data["organisation"], course, enrolled_by=by)
        return services.enrol_venue(self.cleaned_data["venue"], course, enrolled_by=by)
