"""Read-only JSON API for organisers' other systems (Django Ninja, shipped with Wagtail 8).

Authentication: ``Authorization: Bearer <token>`` with a token from Wagtail's own API token model
(Settings → API tokens in the admin). The token's user decides the scope, exactly as in the
dashboard: organisers see everything, coordinators their own sub-venues. Every list is paginated
with ``limit`` and ``offset``; the OpenAPI schema is at ``openapi.json`` and browsable at ``docs``.
"""

from datetime import datetime
from uuid import UUID

from django.conf import settings
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError
from ninja.openapi.docs import Swagger
from ninja.pagination import LimitOffsetPagination, paginate
from wagtail.api.v3.auth import BearerTokenAuth

from accounts.access import VenueScope as Scope
from courses.models import Certificate

from .errors import ReportError, reporting_scope
from .services.attendance import Filters, Tally, attendance_rollup, visible_sessions
from .services.coverage import GAPS, CoverageFilters, coverage_units


class ReportsPagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(50, ge=1, description="How many items (at most REPORTS_API_MAX_LIMIT).")
        offset: int = Field(0, ge=0)

    def paginate_queryset(self, queryset, pagination, request, **params):
        top = getattr(settings, "REPORTS_API_MAX_LIMIT", 500)
        if pagination.limit > top:
            raise HttpError(400, f"limit cannot be higher than {top}")
        return super().paginate_queryset(queryset, pagination, request, **params)


class ReportsDocs(Swagger):
    def get_openapi_url(self, api, path_params):
        from django.urls import reverse

        return reverse("reports:api:openapi-json", kwargs=path_params)


api = NinjaAPI(
    title="Carbon market training: reports API",
    version="1.0",
    description=__doc__,
    urls_namespace="reports:api",
    auth=BearerTokenAuth(),
    docs=ReportsDocs(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)


def scope_of(request) -> Scope:
    try:
        return reporting_scope(request.user)
    except ReportError as error:
        raise HttpError(403, str(error.message)) from None


# --- schemas ------------------------------------------------------------------------------------


class Counts(Schema):
    expected: int
    present: int
    late: int
    online: int = Field(description="Of the present and late, those who watched the live stream (method online).")
    excused: int
    absent: int
    not_recorded: int
    attendance_rate: float | None = Field(description="(present + late) / expected, or null when nobody was expected.")


class SessionOut(Counts):
    id: int
    title: str
    starts_at: datetime
    ends_at: datetime


class VenueOut(Counts):
    id: int
    name: str
    city: str = Field(description="City adcode.")
    county: str | None = Field(description="County adcode; null for a city-level sub-venue.")


class CityOut(Counts):
    adcode: str
    name: str


class UnitOut(Schema):
    id: int
    name: str
    credit_code: str | None
    city: str | None = Field(alias="city_id", description="City adcode.")
    county: str | None = Field(alias="county_id", description="County adcode.")
    members: int = Field(alias="members_count", description="Active staff registered on the platform.")
    attendees: int
    certified: int
    settlement_passers: int


class CertificateOut(Schema):
    code: str
    trainee: str
    email: str
    organisation: str
    course_title: str
    course_key: UUID
    hours: float
    issued_at: datetime
    revoked: bool


def counts(tally) -> dict:
    return {
        "expected": tally.expected,
        "present": tally.present,
        "late": tally.late,
        "online": tally.online,
        "excused": tally.excused,
        "absent": tally.absent,
        "not_recorded": tally.not_recorded,
        "attendance_rate": tally.rate,
    }


# --- endpoints ----------------------------------------------------------------------------------


@api.get("/sessions", response=list[SessionOut], tags=["attendance"], summary="Training sessions with totals")
@paginate(ReportsPagination)
def sessions(request):
    scope = scope_of(request)
    tallies = {t.key: t for t in attendance_rollup(scope, Filters(), "session")}
    return [
        {
            "id": s.pk,
            "title": s.title,
            "starts_at": s.starts_at,
            "ends_at": s.ends_at,
            **counts(tallies.get(s.pk) or Tally(s.pk)),
        }
        for s in visible_sessions(scope).only("id", "title", "starts_at", "ends_at")
    ]


# Ids beyond 64 bits would overflow SQLite's integer lookup (a 500); answer 422 instead.
SessionId = Field(None, ge=1, le=10**18 - 1, description="Training session id.")


class PlaceFilters(Schema):
    session: int | None = SessionId
    city: str | None = Field(None, description="City adcode, e.g. 370100.")
    county: str | None = Field(None, description="County adcode.")


@api.get("/attendance/venues", response=list[VenueOut], tags=["attendance"], summary="Attendance by sub-venue")
@paginate(ReportsPagination)
def attendance_by_venue(request, filters: Query[PlaceFilters]):
    scope = scope_of(request)
    place = Filters(session=filters.session, city=filters.city, county=filters.county)
    return [
        {"id": t.key, "name": t.label, "city": t.extra["city"], "county": t.extra["county"], **counts(t)}
        for t in attendance_rollup(scope, place, "venue")
    ]


class SessionFilter(Schema):
    session: int | None = SessionId


@api.get("/attendance/cities", response=list[CityOut], tags=["attendance"], summary="Attendance by city")
@paginate(ReportsPagination)
def attendance_by_city(request, filters: Query[SessionFilter]):
    scope = scope_of(request)
    rollup = attendance_rollup(scope, Filters(session=filters.session), "city")
    return [{"adcode": t.key, "name": t.label, **counts(t)} for t in rollup if t.key]


class CoverageQuery(Schema):
    city: str | None = Field(None, description="City adcode.")
    gap: str | None = Field(None, description=f"One of: any, {', '.join(GAPS)}.")


@api.get("/coverage", response=list[UnitOut], tags=["coverage"], summary="Key emission units and what reached them")
@paginate(ReportsPagination)
def coverage(request, filters: Query[CoverageQuery]):
    scope = scope_of(request)
    if filters.gap and filters.gap not in (*GAPS, "any"):
        raise HttpError(400, "unknown gap")
    units = coverage_units(scope, CoverageFilters(city=filters.city, gap=filters.gap)).select_related(None)
    return units


class CertificateQuery(Schema):
    course: UUID | None = Field(None, description="Course translation key.")
    issued_after: datetime | None = None
    include_revoked: bool = False


@api.get("/certificates", response=list[CertificateOut], tags=["courses"], summary="Certificates issued")
@paginate(ReportsPagination)
def certificates(request, filters: Query[CertificateQuery]):
    scope = scope_of(request)
    issued = Certificate.objects.filter(scope.trainee_q("user"))
    if filters.course:
        issued = issued.filter(course_key=filters.course)
    if filters.issued_after:
        issued = issued.filter(issued_at__gt=filters.issued_after)
    if not filters.include_revoked:
        issued = issued.filter(revoked_at__isnull=True)
    return issued.order_by("issued_at", "pk").values(
        "code",
        "course_title",
        "course_key",
        "hours",
        "issued_at",
        trainee=F("trainee_name"),
        email=F("user__email"),
        organisation=F("organisation_name"),
        revoked=ExpressionWrapper(Q(revoked_at__isnull=False), output_field=BooleanField()),
    )
