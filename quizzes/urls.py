from django.urls import path

import accounts.converters  # noqa: F401 (registers <id:...>)

from .views import trainee

app_name = "quizzes"
urlpatterns = [
    path("", trainee.history, name="history"),
    path("<id:quiz_id>/start/", trainee.start, name="start"),
    path("attempt/<uuid:public_id>/", trainee.take, name="attempt"),
    path("attempt/<uuid:public_id>/answer/", trainee.autosave, name="autosave"),
    path("attempt/<uuid:public_id>/submit/", trainee.submit, name="submit"),
    path("attempt/<uuid:public_id>/review/", trainee.review, name="review"),
]
