from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.forms import SingleLineField

from . import codes
from .models import Status
from .sheet_import import SheetError, read_sheet


class CodeCheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Code on the screen"),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "autofocus": True,
                "class": "code-input",
                "placeholder": "000000",
            }
        ),
    )
    device_time = forms.CharField(required=False, widget=forms.HiddenInput(attrs={"data-device-time": ""}))

    def clean_code(self):
        code = codes.normalise_code(self.cleaned_data["code"])
        if len(code) != codes.CODE_DIGITS:
            raise forms.ValidationError(
                _("Enter the %(digits)s-digit code shown on the screen."), params={"digits": codes.CODE_DIGITS}
            )
        return code


class MarkForm(forms.Form):
    status = forms.ChoiceField(choices=Status.choices)
    users = forms.TypedMultipleChoiceField(coerce=int, choices=())
    note = forms.CharField(label=pgettext_lazy("attendance", "Note"), max_length=300, required=False)

    def __init__(self, *args, roster_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["users"].choices = [(i, i) for i in roster_ids]
        self.fields["users"].error_messages["required"] = _("Tick at least one person.")


class HeadCountForm(forms.Form):
    head_count = forms.IntegerField(label=_("Head count"), min_value=0, max_value=100000)


class WalkInSearchForm(forms.Form):
    """An exact phone number, or an exact name together with the organisation."""

    phone = SingleLineField(label=_("Phone number"), max_length=20, required=False)
    real_name = SingleLineField(label=_("Real name"), max_length=50, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=None, required=False, widget=forms.Select(attrs={"data-filterable": "true"})
    )

    def __init__(self, *args, **kwargs):
        from accounts.models import Organisation, User

        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name").only("id", "name")
        self.fields["phone"].validators = User._meta.get_field("phone").validators

    def clean(self):
        data = super().clean()
        if not data.get("phone") and not (data.get("real_name") and data.get("organisation")):
            raise forms.ValidationError(_("Enter the full phone number, or the full name and the organisation."))
        return data


class NewWalkInForm(forms.Form):
    real_name = SingleLineField(label=_("Real name"), max_length=50)
    phone = SingleLineField(label=_("Phone (optional)"), max_length=20, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Organisation (optional)"),
        queryset=None,
        required=False,
        widget=forms.Select(attrs={"data-filterable": "true"}),
    )

    def __init__(self, *args, **kwargs):
        from accounts.models import Organisation, User

        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name").only("id", "name")
        self.fields["phone"].validators = User._meta.get_field("phone").validators


class SheetUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Filled sign-in sheet (CSV or XLSX)"),
        help_text=_("Headings in Chinese or English, e.g. 姓名/Name, 单位/Organisation, 手机/Phone, 签名/Signature."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".txt", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        # A file that cannot be read as a sheet is refused now, so nothing is stored for it.
        try:
            read_sheet(upload.read(), upload.name)
        except SheetError as error:
            raise forms.ValidationError(error.message) from error
        finally:
            upload.seek(0)
        return upload
