"""Certificate PDF (reportlab).

Chinese text uses reportlab's built-in CID font STSong-Light (Adobe-GB1): nothing to ship or
install, and every PDF viewer maps it to a Chinese font it has (Acrobat's Asian font pack,
pdf.js, poppler via fontconfig, e.g. Debian's fonts-noto-cjk). Set
``COURSES_CERTIFICATE_TTF`` to a TrueType (glyf) font file to embed a font instead.
"""

import io

import segno
from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

GREEN = HexColor("#0b6b3a")
INK = HexColor("#1d2420")
MUTED = HexColor("#4d5a52")


def certificate_font() -> str:
    """Register (once) and return the name of the font used for every string on the certificate."""
    path = getattr(settings, "COURSES_CERTIFICATE_TTF", "")
    name = "CertificateTTF" if path else "STSong-Light"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, path) if path else UnicodeCIDFont(name))
    return name


def _draw_qr(pdf, text: str, x: float, y: float, size: float) -> None:
    """A QR code drawn as rectangles: sharp at any zoom, no image library involved."""
    qr = segno.make(text, error="m")
    rows = list(qr.matrix_iter(border=0))
    cell = size / len(rows)
    pdf.setFillColor(INK)
    for r, row in enumerate(rows):
        for c, dark in enumerate(row):
            if dark:
                pdf.rect(x + c * cell, y + size - (r + 1) * cell, cell, cell, stroke=0, fill=1)


def certificate_pdf(certificate, verify_url: str) -> bytes:
    """The certificate as a one-page A4 landscape PDF, in the language it was issued in."""
    font = certificate_font()
    buffer = io.BytesIO()
    width, height = landscape(A4)
    with override(certificate.language):
        pdf = canvas.Canvas(buffer, pagesize=(width, height), pageCompression=1)
        pdf.setTitle(_("Certificate of completion") + f" {certificate.code}")
        pdf.setAuthor(str(_("Carbon Market Training")))
        pdf.setStrokeColor(GREEN)
        pdf.setLineWidth(3)
        pdf.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
        pdf.setLineWidth(0.8)
        pdf.rect(16 * mm, 16 * mm, width - 32 * mm, height - 32 * mm)

        centre = width / 2
        pdf.setFillColor(GREEN)
        pdf.setFont(font, 30)
        pdf.drawCentredString(centre, height - 48 * mm, _("Certificate of completion"))
        pdf.setFillColor(MUTED)
        pdf.setFont(font, 13)
        pdf.drawCentredString(centre, height - 60 * mm, str(_("Carbon Market Training")))

        pdf.setFillColor(INK)
        pdf.setFont(font, 26)
        pdf.drawCentredString(centre, height - 85 * mm, certificate.trainee_name)
        pdf.setFont(font, 13)
        if certificate.organisation_name:
            pdf.drawCentredString(centre, height - 95 * mm, certificate.organisation_name)
        pdf.drawCentredString(centre, height - 110 * mm, _("has completed the course"))
        pdf.setFont(font, 20)
        pdf.drawCentredString(centre, height - 124 * mm, certificate.course_title)
        pdf.setFont(font, 12)
        issued = formats.date_format(timezone.localtime(certificate.issued_at), "DATE_FORMAT")
        hours = formats.number_format(certificate.hours, decimal_pos=1)
        pdf.drawCentredString(
            centre,
            height - 138 * mm,
            _("Date: %(date)s    Hours: %(hours)s") % {"date": issued, "hours": hours},
        )

        pdf.setFont(font, 11)
        pdf.setFillColor(MUTED)
        pdf.drawString(28 * mm, 34 * mm, _("Verification code: %(code)s") % {"code": certificate.code})
        pdf.drawString(28 * mm, 27 * mm, _("Verify at %(url)s") % {"url": verify_url})
        _draw_qr(pdf, verify_url, width - 58 * mm, 24 * mm, 30 * mm)
        pdf.showPage()
        pdf.save()
    return buffer.getvalue()
