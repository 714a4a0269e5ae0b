"""Role isolation: every report, export, roster, venue screen, sheet, record history, attempt,
certificate, admin results page and API URL × every role → the expected answer.

Columns (tests/security/world.py builds the data once per module):

    anon     not signed in
    trainee  trainee A (organisation 1, default sub-venue X): owns the attempts, the certificate
             and the check-in record at X
    other    trainee B of another organisation (sub-venue Y)
    coordY   coordinator of sub-venue Y only
    coordX   coordinator of sub-venue X ("this venue")
    instr    instructor
    org      organiser (provincial department)

Answers:

    200    the page (or file, or JSON)
    302    done, and sent on to another page (a form post)
    login  302 to the site's sign-in page with ?next=
    admin  302 to the Wagtail admin sign-in page (Wagtail's answer to anyone without admin access)
    deny   302 to the admin dashboard with "Sorry, you do not have permission" (Wagtail's answer to
           an admin user refused by a view)
    401    the API without a valid bearer token
    403    refused; 404 not found (another venue's pages and another trainee's attempts are simply
           not there, so ids cannot be probed)

Beyond the status: a refused request writes nothing, and a signed-in role never sees the other
side's names (another trainee's name; another venue's name and trainees) in any page, CSV or JSON.
"""

import json
from dataclasses import dataclass, field

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import APIToken

from attendance import codes
from attendance.models import AttendanceChange, AttendanceRecord, ExpectedParticipant, SessionVenue, SheetImport
from courses.models import Certificate, Enrolment
from quizzes.models import Attempt, AttemptAnswer

from .world import ROLES, TRAINEE_A_NAME, TRAINEE_B_NAME, VENUE_X_NAME, VENUE_Y_NAME

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Req:
    """A request to make. ``"@name"`` (or ``"@name.attr"``) refers to the data set: a model's pk, else the value."""

    method: str  # GET, POST, JSON (a POST with a JSON body), API (GET with the role's bearer token)
    target: str  # a URL name, or a path starting with "/"
    args: tuple = ()
    query: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)
    leak_check: bool = True

    def url(self, w) -> str:
        path = self.target if self.target.startswith("/") else reverse(self.target, args=[ref(w, a) for a in self.args])
        if not self.query:
            return path
        from urllib.parse import urlencode

        return f"{path}?{urlencode({k: ref(w, v) for k, v in self.query.items()})}"

    def payload(self, w):
        return {k: ref(w, v) for k, v in self.data.items()}

    def __str__(self):
        query = "&".join(f"{k}={v}" for k, v in self.query.items())
        return " ".join([self.method, self.target, *map(str, self.args), *([f"?{query}"] if query else [])])


def ref(w, value):
    if not (isinstance(value, str) and value.startswith("@")):
        return value
    obj = w
    for part in value[1:].split("."):
        obj = getattr(obj, part)
    return getattr(obj, "pk", obj)


def GET(target, *args, **query):
    return Req("GET", target, args, query)


def POST(target, *args, data=None):
    return Req("POST", target, args, data=data or {})


def JSON(target, *args, data=None):
    return Req("JSON", target, args, data=data or {})


def API(path, **query):
    return Req("API", f"/reports/api/{path}", query=query)


S, X, Y = "@session", "@venue_x", "@venue_y"
OPEN, DONE = "@open_attempt.public_id", "@submitted_attempt.public_id"

# fmt: off
MATRIX = [
    # request                                                            anon  trainee other coordY coordX instr org
    # --- coordinator pages: own venue yes, another venue's "not there", trainees and instructors 403
    (GET("attendance:roster_home"),                                      "login 403   403   200   200   403   200"),
    (GET("attendance:roster", S, X),                                     "login 403   403   404   200   403   200"),
    (GET("attendance:roster", S, Y),                                     "login 403   403   200   404   403   200"),
    (POST("attendance:mark", S, X, data={"status": "absent", "users": "@trainee"}),
                                                                         "login 403   403   404   302   403   302"),
    (POST("attendance:head_count", S, X, data={"head_count": 7}),        "login 403   403   404   302   403   302"),
    (GET("attendance:walk_in", S, X),                                    "login 403   403   404   200   403   200"),
    (POST("attendance:walk_in", S, X, data={"real_name": "临时参会者"}),  "login 403   403   404   302   403   302"),
    (POST("attendance:add_expected", S),                                 "login 403   403   404   404   403   302"),
    (GET("attendance:screen", S, X),                                     "login 403   403   404   200   403   200"),
    (GET("attendance:screen", S, Y),                                     "login 403   403   200   404   403   200"),
    (GET("attendance:screen_state", S, X),                               "login 403   403   404   200   403   200"),
    (GET("attendance:sheet_pdf", S, X),                                  "login 403   403   404   200   403   200"),
    (GET("attendance:sheet_pdf", S, Y),                                  "login 403   403   200   404   403   200"),
    (GET("attendance:import_upload", S, X),                              "login 403   403   404   200   403   200"),
    (GET("attendance:import_preview", S, X, "@sheet_import"),            "login 403   403   404   200   403   200"),
    (POST("attendance:import_preview", S, X, "@sheet_import"),           "login 403   403   404   302   403   302"),
    (GET("attendance:import_preview", S, Y, "@sheet_import"),            "login 403   403   404   404   403   404"),
    # --- attendance history: the trainee, their venue's coordinators, organisers
    (GET("attendance:record_history", "@record"),                        "login 200   404   404   200   404   200"),
    (GET("attendance:record_history", "@other_record"),                  "login 404   200   200   404   404   200"),
    # --- check-in: anyone signed in types a code; a scan ticket is only for the person who scanned (trainee A)
    (GET("attendance:checkin_code"),                                     "login 200   200   200   200   200   200"),
    (Req("GET", "attendance:checkin_ticket", ("@ticket",), leak_check=False),
                                                                         "login 200   403   403   403   403   403"),
    # --- quiz attempts: the owner only; anyone else's attempt is "not there"
    (GET("quizzes:attempt", OPEN),                                       "login 200   404   404   404   404   404"),
    (JSON("quizzes:autosave", OPEN, data={"position": 1, "value": "0"}), "login 200   404   404   404   404   404"),
    (POST("quizzes:submit", OPEN, data={"action": "save", "q-1": "0"}),  "login 302   404   404   404   404   404"),
    (POST("quizzes:submit", OPEN, data={"q-1": "0"}),                    "login 302   404   404   404   404   404"),
    (GET("quizzes:review", DONE),                                        "login 200   404   404   404   404   404"),
    (GET("quizzes:history"),                                             "login 200   200   200   200   200   200"),
    # --- certificates: the owner, and staff who revoke certificates in the admin
    (GET("courses:certificate_pdf", "@certificate.code"),                "login 200   403   403   403   200   200"),
    (GET("accounts:download_data"),                                      "login 200   200   200   200   200   200"),
    # --- quiz and course admin: instructors and organisers (Wagtail's answers for everyone else)
    (GET("quizzes_admin:index"),                                         "admin admin admin deny  deny  200   200"),
    (GET("quizzes_admin:results", "@quiz"),                              "admin admin admin deny  deny  200   200"),
    (GET("quizzes_admin:results", "@quiz", export="csv"),                "admin admin admin deny  deny  200   200"),
    (GET("quizzes_admin:results", "@quiz", export="xlsx"),               "admin admin admin deny  deny  200   200"),
    (GET("quizzes_admin:analysis", "@quiz"),                             "admin admin admin deny  deny  200   200"),
    (POST("quizzes_admin:regrade", "@quiz"),                             "admin admin admin deny  deny  302   deny"),
    (GET("quizzes_admin:bank_import"),                                   "admin admin admin deny  deny  200   deny"),
    (GET("quizzes_admin:bank_export"),                                   "admin admin admin deny  deny  200   200"),
    (GET("courses_bulk_enrol"),                                          "admin admin admin deny  deny  deny  200"),
    (GET("wagtailsnippets_courses_certificate:list"),                    "admin admin admin deny  deny  200   200"),
    (GET("wagtailsnippets_courses_certificate:list", export="csv"),      "admin admin admin deny  deny  200   200"),
    (GET("wagtailsnippets_courses_enrolment:list"),                      "admin admin admin deny  deny  200   200"),
    # --- attendance in the admin: records and imports are the organisers' (province-wide)
    (GET("wagtailsnippets_attendance_attendancerecord:list"),            "admin admin admin deny  deny  deny  200"),
    (GET("wagtailsnippets_attendance_attendancerecord:list", export="csv"), "admin admin admin deny  deny  deny  200"),
    (GET("wagtailsnippets_attendance_attendancerecord:inspect", "@record"), "admin admin admin deny  deny  deny  200"),
    (GET("wagtailsnippets_attendance_sheetimport:list"),                 "admin admin admin deny  deny  deny  200"),
    (GET("wagtailsnippets_attendance_trainingsession:list"),             "admin admin admin 200   200   deny  200"),
    (GET("wagtailsnippets_attendance_trainingsession:edit", S),          "admin admin admin deny  deny  deny  200"),
    # --- reports dashboard and exports: organisers province-wide, coordinators their own venues
    (GET("reports_admin:overview"),                                      "admin admin admin 200   200   deny  200"),
    (GET("reports_admin:attendance"),                                    "admin admin admin 200   200   deny  200"),
    (GET("reports_admin:attendance", city="370100", county="370102"),    "admin admin admin 200   200   deny  200"),
    (GET("reports_admin:attendance", session=S),                         "admin admin admin 200   200   deny  200"),
    (GET("reports_admin:attendance", venue=X),                           "admin admin admin 404   200   deny  200"),
    (GET("reports_admin:attendance", venue=Y),                           "admin admin admin 200   404   deny  200"),
    (GET("reports_admin:organisations"),                                 "admin admin admin 200   200   deny  200"),
    (GET("reports_admin:learning"),                                      "admin admin admin 200   200   deny  200"),
    (GET("reports_admin:coverage"),                                      "admin admin admin 200   200   deny  200"),
    (GET("reports_admin:exports"),                                       "admin admin admin 200   200   deny  200"),
    (GET("reports_admin:export", "attendance"),                          "admin admin admin 200   200   deny  200"),
    (GET("reports_admin:export", "rosters"),                             "admin admin admin 200   200   deny  200"),
    (GET("reports_admin:export", "coverage"),                            "admin admin admin 200   200   deny  200"),
    (GET("reports_admin:export", "quiz_results"),                        "admin admin admin 200   200   deny  200"),
    (GET("reports_admin:export", "course_completions"),                  "admin admin admin 200   200   deny  200"),
    (GET("reports_admin:export", "attendance", format="csv"),            "admin admin admin 200   200   deny  200"),
    (GET("reports_admin:export", "rosters", format="csv"),               "admin admin admin 200   200   deny  200"),
    (GET("reports_admin:export", "coverage", format="csv"),              "admin admin admin 200   200   deny  200"),
    (GET("reports_admin:export", "quiz_results", format="csv"),          "admin admin admin 200   200   deny  200"),
    (GET("reports_admin:export", "course_completions", format="csv"),    "admin admin admin 200   200   deny  200"),
    (GET("reports_admin:export", "attendance", format="xlsx"),           "admin admin admin 200   200   deny  200"),
    # --- the JSON API: bearer tokens only (a session cookie is not enough), scoped like the dashboard
    (API("sessions"),                                                    "401   403   403   200   200   403   200"),
    (API("attendance/venues"),                                           "401   403   403   200   200   403   200"),
    (API("attendance/venues", session=S),                                "401   403   403   200   200   403   200"),
    (API("attendance/cities"),                                           "401   403   403   200   200   403   200"),
    (API("coverage"),                                                    "401   403   403   200   200   403   200"),
    (API("certificates"),                                                "401   403   403   200   200   403   200"),
    (API("openapi.json"),                                                "200   200   200   200   200   200   200"),
    # --- API tokens: organisers
    (GET("wagtailusers_api_tokens:index"),                               "admin admin admin deny  deny  deny  200"),
    (GET("wagtailusers_api_tokens:edit", "@organiser_token"),            "admin admin admin deny  deny  deny  200"),
]
# fmt: on

# Names each role must never see anywhere: the other trainee, the other venue and its trainee.
MUST_NOT_SEE = {
    "trainee": [TRAINEE_B_NAME],
    "other_trainee": [TRAINEE_A_NAME],
    "coordinator_x": [VENUE_Y_NAME, TRAINEE_B_NAME],
    "coordinator_y": [VENUE_X_NAME, TRAINEE_A_NAME],
}


def cases() -> list:
    params = []
    for request, answers in MATRIX:
        expected = answers.split()
        assert len(expected) == len(ROLES), request
        params += [
            pytest.param(request, role, answer, id=f"{request} | {role}")
            for role, answer in zip(ROLES, expected, strict=True)
        ]
    return params


def client_for(w, role) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(getattr(w, role))
    return client


def send(w, role, request: Req):
    client = client_for(w, role)
    url = request.url(w)
    if request.method == "GET":
        return client.get(url)
    if request.method == "POST":
        return client.post(url, request.payload(w))
    if request.method == "JSON":
        return client.post(url, json.dumps(request.payload(w)), content_type="application/json")
    headers = {} if role == "anonymous" else {"HTTP_AUTHORIZATION": f"Bearer {w.tokens[role]}"}
    return Client().get(url, **headers)  # no session: the API reads only the token


def body_text(response) -> str:
    raw = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(json.loads(raw), ensure_ascii=False)
    if "spreadsheetml" in response.get("Content-Type", ""):
        return xlsx_text(raw)
    return raw.decode("utf-8-sig", errors="replace")


def xlsx_text(raw: bytes) -> str:
    import io

    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(raw), read_only=True)
    return "\n".join(" ".join(str(v) for v in row if v is not None) for ws in workbook for row in ws.values)


def fingerprint() -> tuple:
    """What a request could change: records, history, head counts, attempts and answers, imports, enrolments."""
    return (
        list(AttendanceRecord.objects.order_by("pk").values_list("pk", "status", "venue_id")),
        AttendanceChange.objects.count(),
        ExpectedParticipant.objects.count(),
        list(SessionVenue.objects.order_by("pk").values_list("pk", "head_count")),
        list(Attempt.objects.order_by("pk").values_list("pk", "status", "score")),
        list(AttemptAnswer.objects.order_by("pk").values_list("pk", "saved_at", "response_text")),
        list(SheetImport.objects.order_by("pk").values_list("pk", "imported_at")),
        Enrolment.objects.count(),
        list(Certificate.objects.order_by("pk").values_list("pk", "revoked_at")),
        list(APIToken.objects.order_by("pk").values_list("pk", "revoked_at")),
    )


@pytest.fixture
def matrix_world(w):
    w.ticket = codes.make_ticket(w.session.pk, w.venue_x.pk, w.trainee.pk)
    w.organiser_token = APIToken.objects.get(user=w.organiser)
    return w


@pytest.mark.parametrize(("request_", "role", "answer"), cases())
def test_role_matrix(matrix_world, request_, role, answer):
    w = matrix_world
    before = fingerprint()
    response = send(w, role, request_)
    status, location = response.status_code, response.get("Location", "")
    where = f"{request_} as {role}: {status} {location}"

    if answer == "login":
        assert status == 302 and location.startswith(reverse("account_login") + "?next="), where
    elif answer == "admin":
        assert status == 302 and location.startswith(reverse("wagtailadmin_login") + "?next="), where
    elif answer == "deny":
        assert status == 302 and location == reverse("wagtailadmin_home"), where
    elif answer == "302":
        assert status == 302, where
        assert "/login/" not in location, where
    else:
        assert status == int(answer), where

    if answer not in ("200", "302"):
        assert fingerprint() == before, f"{where} was refused but changed data"
    if status == 200 and request_.leak_check:
        text = body_text(response)
        leaked = [name for name in MUST_NOT_SEE.get(role, []) if name in text]
        assert not leaked, f"{where} shows {leaked}"


# The leak checks above prove something only if the names are there for those who may see them.
# fmt: off
VISIBLE = [
    # request                                                        role             must show
    (GET("attendance:roster_home"),                                  "coordinator_x", [VENUE_X_NAME]),
    (GET("attendance:roster_home"),                                  "organiser",     [VENUE_X_NAME, VENUE_Y_NAME]),
    (GET("attendance:roster", S, X),                                 "coordinator_x", [VENUE_X_NAME, TRAINEE_A_NAME]),
    (GET("attendance:record_history", "@record"),                    "trainee",       [TRAINEE_A_NAME, VENUE_X_NAME]),
    (GET("accounts:download_data"),                                  "other_trainee", [TRAINEE_B_NAME]),
    (GET("reports_admin:attendance", city="370100", county="370102"), "coordinator_x", [VENUE_X_NAME]),
    (GET("reports_admin:attendance", city="370100", county="370102"), "organiser",    [VENUE_X_NAME, VENUE_Y_NAME]),
    (GET("reports_admin:export", "rosters", format="csv"),           "coordinator_y", [VENUE_Y_NAME, TRAINEE_B_NAME]),
    (GET("reports_admin:export", "rosters", format="csv"),           "organiser",     [TRAINEE_A_NAME, TRAINEE_B_NAME]),
    (GET("reports_admin:export", "attendance", format="xlsx"),       "organiser",     [VENUE_X_NAME, VENUE_Y_NAME]),
    (GET("reports_admin:export", "quiz_results", format="csv"),      "coordinator_x", [TRAINEE_A_NAME]),
    (API("attendance/venues", session=S),                            "coordinator_x", [VENUE_X_NAME]),
    (API("attendance/venues", session=S),                            "organiser",     [VENUE_X_NAME, VENUE_Y_NAME]),
    (API("certificates"),                                            "coordinator_x", [TRAINEE_A_NAME]),
    (API("certificates"),                                            "organiser",     [TRAINEE_A_NAME]),
]
# fmt: on


@pytest.mark.parametrize(("request_", "role", "names"), VISIBLE, ids=[f"{r} | {role}" for r, role, _n in VISIBLE])
def test_names_are_there_for_those_who_may_see_them(matrix_world, request_, role, names):
    response = send(matrix_world, role, request_)
    assert response.status_code == 200
    text = body_text(response)
    assert all(name in text for name in names), [n for n in names if n not in text]
