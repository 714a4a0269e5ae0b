"""Coordinator pages: my sessions and venues, a venue's roster, walk-ins, head count, history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import VenueScope
from accounts.models import User

from .. import ledger, services
from ..forms import HeadCountForm, MarkForm, NewWalkInForm, WalkInSearchForm
from ..models import AttendanceRecord, Status, TrainingSession
from .access import coordinator_required, scoped_session_venues, session_venue_or_404

ROSTER_PAGE_SIZE = 100


@coordinator_required
def roster_home(request):
    """Every session at every venue I manage, newest session first."""
    links = scoped_session_venues(request.venue_scope)
    sessions = TrainingSession.objects.filter(session_venues__in=links).distinct().order_by("-starts_at")
    session_id = request.GET.get("session", "")
    if session_id.isdigit() and len(session_id) <= 18:  # longer would overflow SQLite's integers
        links = links.filter(session_id=int(session_id))
    query = request.GET.get("q", "").replace("\x00", "").strip()[:100]  # PostgreSQL refuses NUL in text
    if query:
        links = links.filter(Q(venue__name__icontains=query) | Q(venue__city__name__icontains=query))
    links = links.order_by("-session__starts_at", "venue__city_id", "venue__county_id", "venue__name")
    page = Paginator(links, 50).get_page(request.GET.get("page"))
    ledger.session_venue_tallies(page.object_list)
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return render(
        request,
        "attendance/roster_home.html",
        {
            "page_obj": page,
            "sessions": sessions,
            "selected_session": session_id,
            "q": query,
            "query_string": query_string.urlencode(),
        },
    )


@coordinator_required
def roster(request, session_id: int, venue_id: int):
    session_venue = session_venue_or_404(request.venue_scope, session_id, venue_id)
    status_filter = request.GET.get("status", "")
    if status_filter not in {*Status.values, ledger.NOT_RECORDED, ""}:
        status_filter = ""
    rows = services.roster_rows(session_venue, status_filter)
    page = Paginator(rows, ROSTER_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "attendance/roster.html",
        {
            "session_venue": session_venue,
            "session": session_venue.session,
            "venue": session_venue.venue,
            "summary": services.venue_summary(session_venue),
            "recorded_elsewhere": services.recorded_elsewhere_rows(session_venue),
            "page_obj": page,
            "status_filter": status_filter,
            "statuses": Status.choices,
            "query_string": f"status={status_filter}" if status_filter else "",
            "head_count_form": HeadCountForm(initial={"head_count": session_venue.head_count}),
            "manages_all": request.venue_scope.all_venues,
        },
    )


@require_POST
@coordinator_required
def mark(request, session_id: int, venue_id: int):
    session_venue = session_venue_or_404(request.venue_scope, session_id, venue_id)
    form = MarkForm(request.POST, roster_ids=services.roster_user_ids(session_venue))
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("attendance:roster", session_id, venue_id)
    status = form.cleaned_data["status"]
    result = services.mark(
        session_venue, form.cleaned_data["users"], status, by=request.user, note=form.cleaned_data["note"]
    )
    messages.success(
        request,
        _("Marked %(status)s: %(new)s new, %(changed)s changed, %(same)s already so.")
        % {
            "status": Status(status).label,
            "new": result.created,
            "changed": result.changed,
            "same": result.unchanged,
        },
    )
    if result.refused:
        messages.warning(
            request, _("%(n)s people are recorded at another sub-venue and were left alone.") % {"n": result.refused}
        )
    return redirect("attendance:roster", session_id, venue_id)


@require_POST
@coordinator_required
def head_count(request, session_id: int, venue_id: int):
    session_venue = session_venue_or_404(request.venue_scope, session_id, venue_id)
    form = HeadCountForm(request.POST)
    if form.is_valid():
        services.record_head_count(session_venue, form.cleaned_data["head_count"], by=request.user)
        messages.success(request, _("Head count saved."))
    else:
        messages.error(request, _("Enter the number of people in the room."))
    return redirect("attendance:roster", session_id, venue_id)


@coordinator_required
def walk_in(request, session_id: int, venue_id: int):
    """Find someone and record them here, or create a minimal account to merge later."""
    session_venue = session_venue_or_404(request.venue_scope, session_id, venue_id)
    search = WalkInSearchForm(request.GET or None)
    new_form = NewWalkInForm(request.POST or None)
    salt = f"walk-in:{request.user.pk}:{session_venue.pk}"
    if request.method == "POST":
        if "person" in request.POST:
            # Only someone this coordinator just found can be added: the id comes signed.
            try:
                user_id = signing.loads(request.POST["person"][:200], salt=salt, max_age=3600)
            except signing.BadSignature:
                raise Http404 from None
            person = get_object_or_404(User, pk=user_id, is_active=True)
        elif new_form.is_valid():
            person = services.create_walk_in_account(venue=session_venue.venue, **new_form.cleaned_data)
        else:
            person = None
        if person is not None:
            try:
                services.add_walk_in(session_venue, person, by=request.user)
            except services.AttendanceError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("%(name)s added as a walk-in.") % {"name": person.display_name})
                return redirect("attendance:roster", session_id, venue_id)
    results = services.find_people(**search.cleaned_data) if search.is_valid() else []
    for person in results:
        person.token = signing.dumps(person.pk, salt=salt)
    return render(
        request,
        "attendance/walk_in.html",
        {"session_venue": session_venue, "search": search, "results": results, "new_form": new_form},
    )


@require_POST
@coordinator_required
def add_expected(request, session_id: int):
    """Organisers: expect every trainee whose default sub-venue (or course enrolment) takes part."""
    if not request.venue_scope.all_venues:
        raise Http404
    session = get_object_or_404(TrainingSession, pk=session_id)
    added = services.add_expected_from_default_venues(session) + services.add_expected_from_enrolments(session)
    messages.success(request, _("%(n)s expected participants added.") % {"n": added})
    return redirect(f"{reverse('attendance:roster_home')}?session={session.pk}")


@login_required
def record_history(request, record_id: int):
    """A record and every change to it: its trainee, their venue's coordinators and organisers may look."""
    scope = VenueScope.for_user(request.user)
    visible = scope.filter(AttendanceRecord.objects) | AttendanceRecord.objects.filter(user=request.user)
    record = get_object_or_404(visible.select_related("session", "venue", "user"), pk=record_id)
    return render(
        request, "attendance/record_history.html", {"record": record, "changes": services.record_history(record)}
    )
