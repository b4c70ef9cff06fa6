"""Charts of a fact's reported values over time: plain SVG built here, drawn in one unit.

Every claim is converted into the fact's most common unit before it is placed (a "5 miles" next to "8 km" sits at
8.05 on a kilometre axis). The SVG uses presentation attributes only (no inline styles, no scripts), and every text
in it is escaped, so it passes the desk's Content-Security-Policy and cannot carry markup from a document. A tiny
hand-written chart instead of a plotting library keeps a fact page fast (matplotlib takes ~100 ms a chart).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup, escape

from ..model import Claim
from ..report.html import chart_date, common_unit, convert

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 70, 20, 16, 46
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]


@dataclass
class Point:
    claim: Claim
    value: float
    low: float | None
    high: float | None
    source: int
    when: datetime | None


def points(claims: Sequence[Claim], sources: list[str]) -> tuple[list[Point], str]:
    unit = common_unit(claims)
    found = []
    for claim in claims:
        found.append(Point(claim, convert(claim.value, claim.unit, unit), convert(claim.low, claim.unit, unit),
                           convert(claim.high, claim.unit, unit), sources.index(claim.doc), chart_date(claim.date)))
    return found, unit


def chart(claims: Sequence[Claim], labels: dict[str, str] | None = None) -> Markup:
    """An SVG chart: each claim a dot at its value (in the common unit) with its interval as a bar, by date
    (or by source when undated), one colour per source."""
    if not claims:
        return Markup("")
    sources = list(dict.fromkeys(claim.doc for claim in claims))
    placed, unit = points(claims, sources)
    dated = all(point.when for point in placed)
    finite = [v for p in placed for v in (p.value, p.low, p.high) if v is not None and math.isfinite(v)]
    low, high = min(finite + [0.0]), max(finite) if finite else 1.0
    if high == low:
        high = low + 1
    high += (high - low) * 0.12
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(value: float) -> float:
        return TOP + plot_h - (value - low) / (high - low) * plot_h

    if dated:
        times = [p.when.timestamp() for p in placed]
        start, end = min(times), max(times)
        span = end - start or 86400.0
        start, end = start - span * 0.08, end + span * 0.08

        def x(point: Point) -> float:
            return LEFT + (point.when.timestamp() - start) / (end - start) * plot_w
    else:
        def x(point: Point) -> float:
            return LEFT + (point.source + 0.5) / len(sources) * plot_w

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}"'
             f' role="img" aria-label="{escape("reported values in " + unit)}" class="chart">']
    parts.append(f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="#fbfbfd" stroke="#ccc"/>')
    for tick in _ticks(low, high):
        parts.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="#e4e4e8"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" font-size="11" fill="#444">'
                     f'{escape(_number(tick))}</text>')
    parts.append(f'<text x="14" y="{TOP + plot_h / 2:.1f}" font-size="12" fill="#222" text-anchor="middle"'
                 f' transform="rotate(-90 14 {TOP + plot_h / 2:.1f})">{escape(unit)}</text>')
    if dated:
        seen = set()
        for point in sorted(placed, key=lambda p: p.when):
            label = point.when.strftime("%Y-%m-%d")
            if label in seen:
                continue
            seen.add(label)
            parts.append(f'<text x="{x(point):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" font-size="10"'
                         f' fill="#444">{escape(label)}</text>')
    else:
        for index, source in enumerate(sources):
            parts.append(f'<text x="{LEFT + (index + 0.5) / len(sources) * plot_w:.1f}" y="{HEIGHT - BOTTOM + 16}"'
                         f' text-anchor="middle" font-size="10" fill="#444">source {index + 1}</text>')
    for point in placed:
        colour = COLOURS[point.source % len(COLOURS)]
        cx, cy = x(point), y(point.value)
        bottom = y(point.low if point.low is not None and math.isfinite(point.low) else low)
        top = y(point.high if point.high is not None and math.isfinite(point.high) else high)
        parts.append(f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{top:.1f}" y2="{bottom:.1f}" stroke="{colour}" stroke-width="2"/>')
        for end in (top, bottom):
            parts.append(f'<line x1="{cx - 5:.1f}" x2="{cx + 5:.1f}" y1="{end:.1f}" y2="{end:.1f}" stroke="{colour}" stroke-width="2"/>')
        title = f"source {point.source + 1}: {point.claim.text} ({_number(point.value)} {unit})"
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{colour}"><title>{escape(title)}</title></circle>')
    for index, source in enumerate(sources[:8]):
        name = (labels or {}).get(source, source)
        parts.append(f'<circle cx="{LEFT + 8 + index * 70}" cy="{HEIGHT - 10}" r="4" fill="{COLOURS[index % len(COLOURS)]}">'
                     f'<title>{escape(name)}</title></circle>')
        parts.append(f'<text x="{LEFT + 16 + index * 70}" y="{HEIGHT - 6}" font-size="10" fill="#333">source {index + 1}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    step = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(step)) if step > 0 else 1
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= step)
    first = math.ceil(low / step) * step
    return [first + i * step for i in range(count + 2) if first + i * step <= high]


def _number(value: float) -> str:
    if abs(value) >= 1e6 or (value and abs(value) < 0.01):
        return f"{value:.3g}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
