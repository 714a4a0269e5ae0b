"""Charts drawn on the server as inline SVG: no JavaScript, no network, and they print.

Every chart carries a <title> and <desc> and is always shown next to a table with the same
numbers. Colours differ in lightness as well as hue and every bar is labelled with its value, so
the charts stay readable in black and white.
"""

import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

FONT = 'font-family="sans-serif"'
# Attendance statuses, dark to light so they stay distinct in grey.
STATUS_COLOURS = {
    "present": "#1b5e20",
    "late": "#66a03a",
    "excused": "#f2b418",
    "absent": "#b3261e",
    "not_recorded": "#d9d9d9",
}
MEASURE_COLOURS = ["#0b4f8a", "#3d8fd1", "#9cc8ee"]


@dataclass
class Segment:
    key: str
    label: str
    colour: str


def _svg(width: int, height: int, title: str, desc: str, body: str, chart_id: str) -> SafeString:
    return mark_safe(  # noqa: S308 (every dynamic part below is escaped)
        f'<svg class="report-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(desc)}</desc>'
        f"{body}</svg>"
    )


def _text(x, y, text, *, size=12, anchor="start", weight="normal", fill="#1a1a1a") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" font-weight="{weight}" '
        f'fill="{fill}" {FONT}>{escape(text)}</text>'
    )


def _legend(segments: list[Segment], y: float, x0: float = 0) -> str:
    parts, x = [], x0
    for segment in segments:
        parts.append(
            f'<rect x="{x:.1f}" y="{y - 10:.1f}" width="12" height="12" fill="{segment.colour}" stroke="#333"/>'
        )
        parts.append(_text(x + 16, y, segment.label, size=11))
        x += 28 + 7.5 * max(len(segment.label), 2) + (6 * sum(1 for ch in segment.label if ord(ch) > 0x2E80))
    return "".join(parts)


def stacked_bars(rows, segments: list[Segment], *, title: str, desc: str, chart_id: str) -> SafeString:
    """Horizontal stacked bars. ``rows`` are (label, {segment key: value}); the total is printed at the end."""
    label_width, bar_width, row_height = 120, 300, 24
    width = label_width + bar_width + 50
    height = 36 + row_height * max(len(rows), 1) + 10
    largest = max((sum(values.values()) for _label, values in rows), default=0) or 1
    body = [_legend(segments, 14)]
    for index, (label, values) in enumerate(rows):
        y = 30 + index * row_height
        body.append(_text(label_width - 8, y + 15, label, anchor="end"))
        x = label_width
        for segment in segments:
            value = values.get(segment.key, 0)
            if not value:
                continue
            w = bar_width * value / largest
            body.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_height - 8}" fill="{segment.colour}" '
                f'stroke="#fff" stroke-width="0.5">'
                f"<title>{escape(label)}: {escape(segment.label)} {value}</title></rect>"
            )
            x += w
        body.append(_text(x + 6, y + 15, str(sum(values.values())), size=11))
    if not rows:
        body.append(_text(label_width, 48, _("No data yet."), fill="#555"))
    return _svg(width, height, title, desc, "".join(body), chart_id)


def percent_bars(rows, measures: list[str], *, title: str, desc: str, chart_id: str) -> SafeString:
    """Grouped horizontal bars of shares (0-1). ``rows`` are (label, [share or None per measure])."""
    label_width, bar_width = 120, 300
    per_bar = 14
    row_height = per_bar * len(measures) + 10
    width = label_width + bar_width + 50
    height = 36 + row_height * max(len(rows), 1) + 10
    segments = [Segment(str(i), m, MEASURE_COLOURS[i % len(MEASURE_COLOURS)]) for i, m in enumerate(measures)]
    body = [_legend(segments, 14)]
    for tick in (0, 0.5, 1):
        x = label_width + bar_width * tick
        body.append(f'<line x1="{x:.1f}" y1="24" x2="{x:.1f}" y2="{height - 8}" stroke="#bbb" stroke-dasharray="3 3"/>')
    for index, (label, shares) in enumerate(rows):
        y = 30 + index * row_height
        body.append(_text(label_width - 8, y + row_height / 2 + 3, label, anchor="end"))
        for m, share in enumerate(shares):
            top = y + m * per_bar
            if share is None:
                body.append(_text(label_width + 4, top + 11, "–", size=10, fill="#555"))
                continue
            w = bar_width * share
            body.append(
                f'<rect x="{label_width}" y="{top + 1}" width="{w:.1f}" height="{per_bar - 3}" '
                f'fill="{segments[m].colour}" stroke="#333" stroke-width="0.4"/>'
            )
            body.append(_text(label_width + w + 4, top + 11, f"{share:.0%}", size=10))
    if not rows:
        body.append(_text(label_width, 48, _("No data yet."), fill="#555"))
    return _svg(width, height, title, desc, "".join(body), chart_id)


def city_map(points, *, title: str, desc: str, chart_id: str, value_label: str) -> SafeString:
    """A schematic map: one circle per city at its coordinates, area by ``value``, shade by ``rate``.

    ``points`` are (label, longitude, latitude, value, rate or None); cities without coordinates are skipped.
    """
    located = [p for p in points if p[1] is not None and p[2] is not None]
    width, height, pad = 560, 400, 50
    if not located:
        return _svg(width, 60, title, desc, _text(10, 30, _("No data yet."), fill="#555"), chart_id)
    lons, lats = [p[1] for p in located], [p[2] for p in located]
    # Equirectangular projection, shrinking longitude by cos(latitude) so the province keeps its shape.
    scale_x = math.cos(math.radians(sum(lats) / len(lats)))
    span_x = max((max(lons) - min(lons)) * scale_x, 0.1)
    span_y = max(max(lats) - min(lats), 0.1)
    unit = min((width - 2 * pad) / span_x, (height - 2 * pad - 30) / span_y)
    largest = max((p[3] for p in located), default=0) or 1
    body = [f'<rect x="0" y="0" width="{width}" height="{height}" fill="#f7f9fb" stroke="#ccc"/>']
    circles, labels = [], []
    for label, lon, lat, value, rate in located:
        x = pad + (lon - min(lons)) * scale_x * unit
        y = pad + 20 + (max(lats) - lat) * unit
        radius = 6 + 22 * math.sqrt(value / largest) if value else 4
        shade = _shade(rate)
        rate_text = "–" if rate is None else f"{rate:.0%}"
        circles.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{shade}" stroke="#1a1a1a" stroke-width="1">'
            f"<title>{escape(label)}: {escape(value_label)} {value}, {rate_text}</title></circle>"
        )
        labels.append(_text(x, y + radius + 12, f"{label} {value} · {rate_text}", size=11, anchor="middle"))
    body += circles + labels
    body.append(_text(10, 18, _("Circle area: %(what)s; shade: attendance rate") % {"what": value_label}, size=11))
    return _svg(width, height, title, desc, "".join(body), chart_id)


def _shade(rate) -> str:
    """Light (low) to dark (high) blue; grey when there is no rate."""
    if rate is None:
        return "#e0e0e0"
    light, dark = (222, 235, 247), (8, 69, 148)
    mix = [round(a + (b - a) * max(0.0, min(1.0, rate))) for a, b in zip(light, dark, strict=True)]
    return "#{:02x}{:02x}{:02x}".format(*mix)
