"""What closing an account removes from attendance (registered on ``accounts_anonymise``).

Kept: the records themselves (status, venue, session, times), pointing to the anonymised user,
so attendance figures stay right. Removed: every note on the person's records and their history
(notes are free text a coordinator may have written the name or phone into), any note elsewhere
that contains the person's name or phone number, the source file names on the person's rows, and
the stored files of sign-in sheets that listed the person (the import row stays, without its
file, so the other people's records still say they came from an import).
"""

from django.db.models import Q

from .models import AttendanceChange, AttendanceRecord, SheetImport


def _mentions(identity: dict) -> Q:
    query = Q(pk__in=[])
    for value in (identity.get("real_name"), identity.get("phone"), identity.get("email")):
        if value and len(value) >= 2:
            query |= Q(note__contains=value)
    return query


def forget_person(user) -> None:
    identity = getattr(user, "former_identity", {})
    records = AttendanceRecord.objects.filter(user=user)
    sheet_ids = set(records.exclude(sheet_import=None).values_list("sheet_import_id", flat=True))
    sheet_ids |= set(
        SheetImport.objects.filter(
            pk__in=AttendanceChange.objects.filter(record__user=user)
            .exclude(source_file="")
            .values("record__sheet_import")
        ).values_list("pk", flat=True)
    )
    records.update(note="", source_file="", source_line=None)
    # History is append-only for every other purpose; erasing a person's data is the exception.
    AttendanceChange.objects.filter(record__user=user).update(note="", source_file="", source_line=None)
    mentions = _mentions(identity)
    AttendanceRecord.objects.filter(mentions).update(note="")
    AttendanceChange.objects.filter(mentions).update(note="")
    for sheet in SheetImport.objects.filter(pk__in=sheet_ids).exclude(file=""):
        remove_sheet_file(sheet)


def remove_sheet_file(sheet: SheetImport) -> None:
    """Delete the stored file of an import; the row (and what was imported from it) stays."""
    sheet.file.delete(save=False)
    SheetImport.objects.filter(pk=sheet.pk).update(file="")
