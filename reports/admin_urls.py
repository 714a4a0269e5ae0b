"""The reports dashboard inside the Wagtail admin (/admin/reports/), registered by wagtail_hooks."""

from django.urls import path

from .views.attendance import AttendanceView, OrganisationsView
from .views.exports import ExportIndexView, ExportView
from .views.learning import CoverageView, LearningView
from .views.overview import OverviewView

app_name = "reports_admin"
urlpatterns = [
    path("", OverviewView.as_view(), name="overview"),
    path("attendance/", AttendanceView.as_view(), name="attendance"),
    path("organisations/", OrganisationsView.as_view(), name="organisations"),
    path("learning/", LearningView.as_view(), name="learning"),
    path("coverage/", CoverageView.as_view(), name="coverage"),
    path("exports/", ExportIndexView.as_view(), name="exports"),
    path("exports/<slug:identifier>/", ExportView.as_view(), name="export"),
]
