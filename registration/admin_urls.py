from django.urls import path

import accounts.converters  # noqa: F401 (registers <id:...>)

from .views import admin

urlpatterns = [
    path("", admin.upload, name="registration_import"),
    path("<id:import_id>/", admin.preview, name="registration_import_preview"),
    path("<id:import_id>/apply/", admin.apply, name="registration_import_apply"),
    path("<id:import_id>/apply/batch/", admin.apply_batch, name="registration_import_apply_batch"),
    path("template.xlsx", admin.template_file, {"file_format": "xlsx"}, name="registration_template_xlsx"),
    path("template.csv", admin.template_file, {"file_format": "csv"}, name="registration_template_csv"),
    path("invitations/", admin.invitation_list, name="registration_invitations"),
    path("invitations/<id:invitation_id>/resend/", admin.invitation_resend, name="registration_invitation_resend"),
]
