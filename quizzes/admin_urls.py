from django.urls import path

from .views import admin

app_name = "quizzes_admin"
urlpatterns = [
    path("", admin.quiz_index, name="index"),
    path("<int:quiz_id>/", admin.results, name="results"),
    path("<int:quiz_id>/analysis/", admin.analysis, name="analysis"),
    path("<int:quiz_id>/regrade/", admin.regrade, name="regrade"),
    path("question/<int:question_id>/regrade/", admin.regrade_one_question, name="regrade_question"),
    path("bank/", admin.bank_import, name="bank_import"),
    path("bank/export/", admin.bank_export, name="bank_export"),
]
