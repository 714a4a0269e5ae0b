from django.urls import path

from .views import checkin, roster, screen, sheets

app_name = "attendance"
urlpatterns = [
    # Trainees
    path("c/<int:session_id>/<int:venue_id>/<str:code>/", checkin.scan, name="scan"),
    path("check-in/", checkin.code_entry, name="checkin_code"),
    path("check-in/t/<str:ticket>/", checkin.confirm, name="checkin_ticket"),
    path("records/<int:record_id>/", roster.record_history, name="record_history"),
    # Coordinators (their own venues) and organisers (all venues)
    path("roster/", roster.roster_home, name="roster_home"),
    path("roster/<int:session_id>/expected/", roster.add_expected, name="add_expected"),
    path("roster/<int:session_id>/<int:venue_id>/", roster.roster, name="roster"),
    path("roster/<int:session_id>/<int:venue_id>/mark/", roster.mark, name="mark"),
    path("roster/<int:session_id>/<int:venue_id>/head-count/", roster.head_count, name="head_count"),
    path("roster/<int:session_id>/<int:venue_id>/walk-in/", roster.walk_in, name="walk_in"),
    path("roster/<int:session_id>/<int:venue_id>/sheet.pdf", sheets.sheet_pdf, name="sheet_pdf"),
    path("roster/<int:session_id>/<int:venue_id>/import/", sheets.import_upload, name="import_upload"),
    path(
        "roster/<int:session_id>/<int:venue_id>/import/<int:import_id>/",
        sheets.import_preview,
        name="import_preview",
    ),
    path("screen/<int:session_id>/<int:venue_id>/", screen.venue_screen, name="screen"),
    path("screen/<int:session_id>/<int:venue_id>/state/", screen.venue_screen_state, name="screen_state"),
]
