"""Training sessions, who is expected where, attendance records and their history.

Reports aggregate these tables in the database, so status, venue and user stay plain
indexed columns (no JSON, no computed properties needed to group by).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.storage import private_storage, random_name

from .stream import validate_stream_url


def sheet_file_name(instance, filename: str) -> str:
    return random_name("sheets", filename)


class TrainingSession(models.Model):
    """One live lecture, broadcast to several sub-venues at once."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # A link to a course or lesson page without importing the courses app.
    course_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("course or lesson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"), db_index=True)
    checkin_opens_at = models.DateTimeField(_("check-in opens at"))
    checkin_closes_at = models.DateTimeField(_("check-in closes at"))
    late_after = models.DateTimeField(_("late after"), help_text=_("Self check-ins after this time count as late."))
    code_rotation_seconds = models.PositiveSmallIntegerField(
        _("code rotation (seconds)"),
        default=30,
        validators=[MinValueValidator(15), MaxValueValidator(60)],
        help_text=_("How often the code on the venue screen changes (15-60 seconds)."),
    )
    venues = models.ManyToManyField(
        "accounts.Venue",
        through="SessionVenue",
        verbose_name=_("sub-venues"),
        related_name="training_sessions",
        blank=True,
    )
    livestream_url = models.URLField(
        _("livestream link"),
        max_length=500,
        blank=True,
        validators=[validate_stream_url],
        help_text=_("An HLS playlist (.m3u8) or an embed link from an allowed video platform."),
    )
    recording_url = models.URLField(
        _("recording link"),
        max_length=500,
        blank=True,
        validators=[validate_stream_url],
        help_text=_("The replay, shown after the session: an HLS playlist or an allowed embed link."),
    )
    online_threshold_percent = models.PositiveSmallIntegerField(
        _("online attendance threshold (%)"),
        default=80,
        validators=[MinValueValidator(10), MaxValueValidator(100)],
        help_text=_(
            "Watching the live stream for this share of the planned duration (start to end) records "
            'attendance with the method "online".'
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The session must end after it starts.")
        if self.checkin_opens_at and self.checkin_closes_at and self.checkin_closes_at <= self.checkin_opens_at:
            errors["checkin_closes_at"] = _("Check-in must close after it opens.")
        if self.late_after and self.checkin_opens_at and self.late_after < self.checkin_opens_at:
            errors["late_after"] = _("The late threshold cannot be before check-in opens.")
        if errors:
            raise ValidationError(errors)


class SessionVenue(models.Model):
    """A sub-venue taking part in a session, with the coordinator's head count."""

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="session_venues")
    venue = models.ForeignKey("accounts.Venue", on_delete=models.PROTECT, related_name="session_links")
    head_count = models.PositiveIntegerField(_("head count"), null=True, blank=True)
    head_count_at = models.DateTimeField(_("head count entered at"), null=True, blank=True)
    head_count_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("head count entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["session_id", "venue_id"]
        verbose_name = _("participating sub-venue")
        verbose_name_plural = _("participating sub-venues")
        constraints = [models.UniqueConstraint(fields=["session", "venue"], name="attendance_session_venue_unique")]

    def __str__(self):
        return f"{self.session_id} / {self.venue_id}"


class ExpectedParticipant(models.Model):
    """Someone expected at a session, at one sub-venue."""

    class Source(models.TextChoices):
        DEFAULT_VENUE = "default_venue", _("Trainee's default sub-venue")
        ENROLMENT = "enrolment", _("Course enrolment")
        IMPORT = "import", _("Imported list")
        WALK_IN = "walk_in", _("Walk-in")

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="expected")
    venue = models.ForeignKey("accounts.Venue", on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.DEFAULT_VENUE)

    class Meta:
        verbose_name = _("expected participant")
        verbose_name_plural = _("expected participants")
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="attendance_expected_unique")]
        indexes = [models.Index(fields=["session", "venue"], name="attendance_expected_venue")]

    def __str__(self):
        return f"{self.user_id} @ {self.venue_id}"


class Status(models.TextChoices):
    PRESENT = "present", _("Present")
    LATE = "late", _("Late")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


class Method(models.TextChoices):
    QR = "qr", _("QR self check-in")
    CODE = "code", _("Code entry")
    COORDINATOR = "coordinator", _("Coordinator")
    IMPORT = "import", _("Sign-in sheet import")
    ONLINE = "online", _("Online (watched the live stream)")


class SheetImport(models.Model):
    """An uploaded sign-in sheet: kept so every imported record can point to its file and line."""

    session = models.ForeignKey(
        TrainingSession, verbose_name=_("training session"), on_delete=models.CASCADE, related_name="sheet_imports"
    )
    venue = models.ForeignKey("accounts.Venue", verbose_name=_("sub-venue"), on_delete=models.PROTECT, related_name="+")
    # Private storage under a random name; the uploader's file name is kept only for the download.
    file = models.FileField(_("file"), storage=private_storage, upload_to=sheet_file_name, max_length=200, blank=True)
    original_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    encoding = models.CharField(_("encoding"), max_length=30, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    rows_written = models.PositiveIntegerField(_("rows written"), default=0)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("sign-in sheet import")
        verbose_name_plural = _("sign-in sheet imports")

    def __str__(self):
        return self.original_name


class AttendanceRecord(models.Model):
    """Whether one trainee attended one session, and where: at most one per session and trainee."""

    # PROTECT: deleting a session must never silently delete who attended it.
    session = models.ForeignKey(
        TrainingSession, verbose_name=_("training session"), on_delete=models.PROTECT, related_name="records"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.PROTECT, related_name="attendance_records"
    )
    venue = models.ForeignKey(
        "accounts.Venue", verbose_name=_("sub-venue"), on_delete=models.PROTECT, related_name="attendance_records"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, db_index=True)
    method = models.CharField(_("method"), max_length=12, choices=Method.choices)
    device_time = models.DateTimeField(_("device time"), null=True, blank=True)
    server_time = models.DateTimeField(_("server time"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    sheet_import = models.ForeignKey(
        SheetImport, verbose_name=_("import"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_file = models.CharField(_("source file"), max_length=255, blank=True)
    source_line = models.PositiveIntegerField(_("source line"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), null=True, blank=True)
    # The random id a phone gave this check-in, so a resent check-in is recognised as the same one.
    # Nullable so adding it keeps the table (and its history trigger) in place on SQLite.
    client_nonce = models.CharField(_("client nonce"), max_length=40, null=True, blank=True)

    class Meta:
        verbose_name = _("attendance record")
        verbose_name_plural = _("attendance records")
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="attendance_record_unique")]
        indexes = [models.Index(fields=["session", "venue", "status"], name="attendance_record_venue")]

    def __str__(self):
        return f"{self.session_id}/{self.user_id}: {self.get_status_display()}"

    @property
    def status_given_at(self):
        """When the current status was given: the time written on a sign-in sheet, else the last change."""
        if self.method == Method.IMPORT and self.device_time:
            return self.device_time
        return self.updated_at or self.server_time


class AttendanceChange(models.Model):
    """One change to an attendance record (append-only).

    The first row of every record ("created") is written by a database trigger in the
    same statement as the record, so even the lean check-in INSERT leaves history.
    """

    record = models.ForeignKey(AttendanceRecord, on_delete=models.CASCADE, related_name="changes")
    changed_at = models.DateTimeField(_("changed at"), db_index=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_status = models.CharField(_("from status"), max_length=10, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to status"), max_length=10, choices=Status.choices)
    from_venue = models.ForeignKey(
        "accounts.Venue", verbose_name=_("from sub-venue"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    to_venue = models.ForeignKey(
        "accounts.Venue", verbose_name=_("to sub-venue"), on_delete=models.PROTECT, related_name="+"
    )
    method = models.CharField(_("how"), max_length=12, choices=Method.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    source_file = models.CharField(_("source file"), max_length=255, blank=True)
    source_line = models.PositiveIntegerField(_("source line"), null=True, blank=True)

    class Meta:
        ordering = ["changed_at", "id"]
        verbose_name = _("attendance change")
        verbose_name_plural = _("attendance changes")

    def __str__(self):
        return f"{self.record_id}: {self.from_status or '-'} → {self.to_status}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Attendance history is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Attendance history is append-only.")


class WatchLedger(models.Model):
    """Live-stream watch time of one person in one session, credited from signed heartbeats.

    Only the device that started watching last may add time (``device_id``); ``last_seq``
    refuses replayed heartbeats and ``last_beat_at`` bounds every credit by the wall time
    since the previous accepted heartbeat (see attendance/watch.py).
    """

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="watch_ledgers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    device_id = models.CharField(max_length=40)
    last_seq = models.PositiveIntegerField(default=0)
    last_beat_at = models.DateTimeField(null=True, blank=True)
    seconds = models.FloatField(_("seconds watched"), default=0)
    attendance_recorded_at = models.DateTimeField(_("online attendance recorded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("watch time")
        verbose_name_plural = _("watch times")
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="attendance_watch_unique")]

    def __str__(self):
        return f"{self.session_id}/{self.user_id}: {self.seconds}s"
