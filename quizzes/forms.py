"""Forms: the question editor's cross-field rules, result filters, bank upload."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.models import Division, Organisation, Venue

from .services.bank import OptionSpec, question_errors
from .services.results import ResultFilters


class QuestionAdminForm(WagtailAdminModelForm):
    """Applies the bank's per-type rules (options, answers) to the editor, options formset included.

    The category list offers the categories in the question's language.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = getattr(self.instance, "locale_id", None)
        field = self.fields.get("category")
        if locale_id and field is not None:
            field.queryset = field.queryset.filter(Q(locale_id=locale_id) | Q(pk=self.instance.category_id or 0))

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if not kind:
            return cleaned
        options = []
        formset = self.formsets.get("options")
        if formset is not None and formset.is_valid():  # ClusterForm cleans formsets after the form
            for form in formset.forms:
                data = getattr(form, "cleaned_data", None) or {}
                if data and not data.get("DELETE") and data.get("text"):
                    options.append(OptionSpec(data["text"], bool(data.get("is_correct"))))
        errors = question_errors(
            kind,
            options,
            correct_boolean=cleaned.get("correct_boolean"),
            numeric_answer=cleaned.get("numeric_answer"),
            tolerance=cleaned.get("tolerance"),
            accepted_answers=cleaned.get("accepted_answers", ""),
        )
        for field, message in errors.items():
            self.add_error(None if field == "options" else field, message)
        return cleaned


class ResultFilterForm(forms.Form):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(), required=False, label=_("Organisation"))
    venue = forms.ModelChoiceField(queryset=Venue.objects.none(), required=False, label=_("Sub-venue"))
    city = forms.ModelChoiceField(queryset=Division.objects.none(), required=False, label=_("City"))

    def __init__(self, data, quiz):
        super().__init__(data)
        key = quiz.translation_key
        # Only what occurs among this quiz's trainees, so the lists stay short.
        self.fields["organisation"].queryset = Organisation.objects.filter(
            members__quiz_attempts__quiz_key=key
        ).distinct()
        self.fields["venue"].queryset = Venue.objects.filter(default_for__quiz_attempts__quiz_key=key).distinct()
        self.fields["city"].queryset = Division.objects.filter(level=Division.Level.CITY)

    def filters(self) -> ResultFilters:
        if not self.is_valid():
            return ResultFilters()
        data = self.cleaned_data
        return ResultFilters(
            organisation_id=data["organisation"].pk if data["organisation"] else None,
            venue_id=data["venue"].pk if data["venue"] else None,
            city_adcode=data["city"].pk if data["city"] else None,
        )


class BankImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"), help_text=_("One question per row; see the column list below."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload
