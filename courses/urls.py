from django.urls import path

import accounts.converters  # noqa: F401  (registers <id:...>)

from .views import certificates, learning

app_name = "courses"
urlpatterns = [
    path("", learning.my_learning, name="my_learning"),
    path("courses/<id:course_id>/enrol/", learning.enrol, name="enrol"),
    path("courses/<id:course_id>/certificate/", certificates.request_certificate, name="request_certificate"),
    path("lessons/<id:lesson_id>/complete/", learning.complete_lesson, name="complete_lesson"),
    path("calculator/", learning.calculator, name="calculator"),
    path("certificates/<str:code>.pdf", certificates.certificate_download, name="certificate_pdf"),
    path("verify/", certificates.verify, name="verify"),
    path("verify/<str:code>/", certificates.verify, name="verify_code"),
]
