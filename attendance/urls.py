from django.urls import path

import accounts.converters  # noqa: F401 (registers <id:...>)

from .views import checkin, roster, screen, sheets, watch

app_name = "attendance"
urlpatterns = [
    # Trainees
    path("c/<id:session_id>/<id:venue_id>/<str:code>/", checkin.scan, name="scan"),
    path("check-in/", checkin.code_entry, name="checkin_code"),
    path("check-in/t/<str:ticket>/", checkin.confirm, name="checkin_ticket"),
    path("records/<id:record_id>/", roster.record_history, name="record_history"),
    path("sessions/<id:session_id>/", watch.session_page, name="session"),
    path("sessions/<id:session_id>/heartbeat/", watch.heartbeat, name="heartbeat"),
    # Coordinators (their own venues) and organisers (all venues)
    path("roster/", roster.roster_home, name="roster_home"),
    path("roster/<id:session_id>/expected/", roster.add_expected, name="add_expected"),
    path("roster/<id:session_id>/<id:venue_id>/", roster.roster, name="roster"),
    path("roster/<id:session_id>/<id:venue_id>/mark/", roster.mark, name="mark"),
    path("roster/<id:session_id>/<id:venue_id>/head-count/", roster.head_count, name="head_count"),
    path("roster/<id:session_id>/<id:venue_id>/walk-in/", roster.walk_in, name="walk_in"),
    path("roster/<id:session_id>/<id:venue_id>/sheet.pdf", sheets.sheet_pdf, name="sheet_pdf"),
    path("roster/<id:session_id>/<id:venue_id>/import/", sheets.import_upload, name="import_upload"),
    path(
        "roster/<id:session_id>/<id:venue_id>/import/<id:import_id>/",
        sheets.import_preview,
        name="import_preview",
    ),
    path(
        "roster/<id:session_id>/<id:venue_id>/import/<id:import_id>/file/",
        sheets.import_file,
        name="import_file",
    ),
    path("screen/<id:session_id>/<id:venue_id>/", screen.venue_screen, name="screen"),
    path("screen/<id:session_id>/<id:venue_id>/state/", screen.venue_screen_state, name="screen_state"),
]
