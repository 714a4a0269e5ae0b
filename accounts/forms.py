from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Organisation, User, Venue
from .spreadsheet import strip_control_characters


class SingleLineField(forms.CharField):
    """A one-line text field that drops control characters (NUL, BEL, tabs, line breaks…) as typed."""

    def to_python(self, value):
        return super().to_python(strip_control_characters(value) if isinstance(value, str) else value)


class OrganisationSelect(forms.Select):
    """A plain <select> that site.js enhances with a type-to-filter box (hundreds of entries).

    Each option carries ``data-search``: its names and place in both languages, so "Jinan" or a
    credit code finds an organisation whose name is Chinese.
    """

    def __init__(self, attrs=None):
        super().__init__(attrs={"data-filterable": "true", **(attrs or {})})

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None and hasattr(instance, "search_text"):
            option["attrs"]["data-search"] = instance.search_text
        return option


class DivisionChoiceField(forms.ModelChoiceField):
    """Cities and counties by name in the reader's language, counties with their city."""

    def label_from_instance(self, obj):
        return obj.full_name


class ProfileFieldsMixin(forms.Form):
    real_name = SingleLineField(label=_("Real name"), max_length=50)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name").select_related("city", "county"),
        widget=OrganisationSelect,
        help_text=_("Type part of the name to find your organisation."),
    )
    job_title = SingleLineField(label=_("Job title"), max_length=100)
    default_venue = forms.ModelChoiceField(
        label=_("Sub-venue"),
        queryset=Venue.objects.filter(is_active=True).order_by("name").select_related("city", "county"),
        required=False,
        widget=OrganisationSelect,
        help_text=_("Where you usually attend the broadcast lectures."),
    )
    phone = SingleLineField(
        label=_("Phone (optional)"),
        max_length=20,
        required=False,
        validators=User._meta.get_field("phone").validators,
    )


class TraineeSignupForm(ProfileFieldsMixin):
    """Extra fields allauth adds to its sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that my data is processed for this training."),
        required=True,
        error_messages={"required": _("Please accept the privacy notice to register.")},
    )

    def signup(self, request, user):
        from django.utils import timezone

        from . import services

        profile = {name: self.cleaned_data[name] for name in ProfileFieldsMixin.base_fields}
        services.complete_trainee_profile(user, consented_at=timezone.now(), **profile)


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account will be closed and my personal details removed."), required=True
    )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["real_name", "phone", "organisation", "job_title", "default_venue"]
        widgets = {"organisation": OrganisationSelect, "default_venue": OrganisationSelect}
        field_classes = {"real_name": SingleLineField, "phone": SingleLineField, "job_title": SingleLineField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["real_name"].required = True
        self.fields["organisation"].queryset = Organisation.objects.order_by("name").select_related("city", "county")
        self.fields["default_venue"].queryset = Venue.objects.filter(is_active=True).select_related("city", "county")
