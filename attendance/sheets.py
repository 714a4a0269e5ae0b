"""Printable per-venue sign-in sheets (PDF) for people who cannot check in by phone.

Chinese text uses reportlab's built-in CID font STSong-Light: the PDF viewer supplies
the glyphs, so nothing has to be embedded and the file stays small. The sheet carries
a code (and its QR) naming the session and venue, and its column headings are the ones
the importer recognises, so a typed-up sheet imports without remapping.
"""

import io
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .codes import sheet_code
from .models import ExpectedParticipant, SessionVenue

FONT = "STSong-Light"
MIN_BLANK_ROWS = 10


def _register_font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def sheet_headings() -> list[str]:
    """Column headings; the importer matches these (and their English forms)."""
    return [
        _("No."),
        pgettext("person", "Name"),
        _("Organisation"),
        pgettext("person", "Phone"),
        _("Signature"),
        pgettext("attendance", "Note"),
    ]


def _qr(value: str, size: float) -> Drawing:
    widget = QrCodeWidget(value, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    return drawing


def sign_in_sheet_pdf(session_venue: SessionVenue) -> bytes:
    _register_font()
    session, venue = session_venue.session, session_venue.venue
    code = sheet_code(session.pk, venue.pk)
    base = ParagraphStyle("sheet", fontName=FONT, fontSize=9.5, leading=12)
    title_style = ParagraphStyle("title", parent=base, fontSize=16, leading=20, spaceAfter=4)
    expected = (
        ExpectedParticipant.objects.filter(session=session, venue=venue)
        .select_related("user__organisation")
        .order_by("user__organisation__name", "user__real_name", "user_id")
    )
    rows = [sheet_headings()]
    for number, item in enumerate(expected, start=1):
        user = item.user
        organisation = user.organisation.name if user.organisation else ""
        rows.append(
            [str(number), Paragraph(escape(user.display_name), base), Paragraph(escape(organisation), base), "", "", ""]
        )
    blank_rows = max(MIN_BLANK_ROWS, len(rows) // 5)
    rows += [[str(n), "", "", "", "", ""] for n in range(len(rows), len(rows) + blank_rows)]

    starts = timezone.localtime(session.starts_at)
    sub_venue_label, time_label, code_label = _("Sub-venue"), _("Time"), _("Sheet code")
    header = Table(
        [
            [
                [
                    Paragraph(_("Sign-in sheet"), title_style),
                    Paragraph(escape(session.title), base),
                    Paragraph(f"{sub_venue_label}: {escape(venue.name)}", base),
                    Paragraph(f"{time_label}: {starts:%Y-%m-%d %H:%M}", base),
                    # Latin letters and digits in Helvetica: the CID font spaces them oddly.
                    Paragraph(f'{code_label}: <font name="Helvetica-Bold">{code}</font>', base),
                ],
                _qr(code, 24 * mm),
            ]
        ],
        colWidths=[150 * mm, 30 * mm],
    )
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    table = Table(
        rows,
        colWidths=[10 * mm, 30 * mm, 62 * mm, 28 * mm, 30 * mm, 20 * mm],
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e3e8e5")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, -1), "CENTER"),
                # Room to sign by hand; long organisation names wrap and make their row taller.
                ("TOPPADDING", (0, 1), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 7),
            ]
        )
    )
    instructions = Paragraph(
        _(
            "Please sign next to your name. If your name is missing, write your name, organisation "
            "and mobile number in an empty row."
        ),
        base,
    )

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(15 * mm, 10 * mm, code)
        canvas.setFont(FONT, 8)
        canvas.drawString(45 * mm, 10 * mm, venue.name)
        canvas.drawRightString(195 * mm, 10 * mm, _("Page %(n)s") % {"n": doc.page})
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=12 * mm,
        bottomMargin=18 * mm,
        title=f"{_('Sign-in sheet')} {venue.name}",
        author=str(_("Carbon Market Training")),
    )
    doc.build(
        [header, Spacer(1, 3 * mm), instructions, Spacer(1, 3 * mm), table], onFirstPage=footer, onLaterPages=footer
    )
    return buffer.getvalue()
