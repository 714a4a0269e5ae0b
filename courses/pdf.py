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


LATIN_FONT = "Helvetica"


def _runs(text: str, cjk_font: str) -> list[tuple[str, str]]:
    """Split text into runs: Latin in Helvetica (true metrics), everything else in the CJK font.

    The CID font's Latin widths do not match the glyphs viewers substitute, so Latin set in it
    looks badly spaced; an embedded TrueType font has no such problem and is used for all text.
    """
    if cjk_font != "STSong-Light":
        return [(text, cjk_font)]
    runs: list[tuple[str, str]] = []
    for char in text:
        font = LATIN_FONT if ord(char) < 0x250 else cjk_font
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0] + char, font)
        else:
            runs.append((char, font))
    return runs


def draw_text(pdf, text: str, x: float, y: float, size: float, *, font: str, centred: bool = False) -> None:
    runs = _runs(text, font)
    if centred:
        x -= sum(pdfmetrics.stringWidth(run, run_font, size) for run, run_font in runs) / 2
    for run, run_font in runs:
        pdf.setFont(run_font, size)
        pdf.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, run_font, size)


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

        def line(text, y, size, colour=INK, x=None):
            pdf.setFillColor(colour)
            draw_text(pdf, str(text), centre if x is None else x, y, size, font=font, centred=x is None)

        line(_("Certificate of completion"), height - 48 * mm, 30, GREEN)
        line(_("Carbon Market Training"), height - 60 * mm, 13, MUTED)
        line(certificate.trainee_name, height - 85 * mm, 26)
        if certificate.organisation_name:
            line(certificate.organisation_name, height - 95 * mm, 13)
        line(_("has completed the course"), height - 110 * mm, 13)
        line(certificate.course_title, height - 124 * mm, 20)
        issued = formats.date_format(timezone.localtime(certificate.issued_at), "DATE_FORMAT")
        hours = formats.number_format(certificate.hours, decimal_pos=1)
        line(_("Date: %(date)s    Hours: %(hours)s") % {"date": issued, "hours": hours}, height - 138 * mm, 12)
        line(_("Verification code: %(code)s") % {"code": certificate.code}, 34 * mm, 11, MUTED, x=28 * mm)
        line(_("Verify at %(url)s") % {"url": verify_url}, 27 * mm, 11, MUTED, x=28 * mm)
        _draw_qr(pdf, verify_url, width - 58 * mm, 24 * mm, 30 * mm)
        pdf.showPage()
        pdf.save()
    return buffer.getvalue()
