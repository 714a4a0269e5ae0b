from django.urls import path

import accounts.converters  # noqa: F401 (registers <id:...>)

from .views import admin

app_name = "quizzes_admin"
urlpatterns = [
    path("", admin.quiz_index, name="index"),
    path("<id:quiz_id>/", admin.results, name="results"),
    path("<id:quiz_id>/analysis/", admin.analysis, name="analysis"),
    path("<id:quiz_id>/regrade/", admin.regrade, name="regrade"),
    path("question/<id:question_id>/regrade/", admin.regrade_one_question, name="regrade_question"),
    path("bank/", admin.bank_import, name="bank_import"),
    path("bank/export/", admin.bank_export, name="bank_export"),
]
