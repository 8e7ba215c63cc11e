"""An archive at a glance: a score per article, and small bar charts drawn as inline SVG (no network, no library).

The charts are plain geometry computed here; the HTML template only writes the numbers into <rect> and <text>
elements, escaped like everything else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITY_ORDER = ("error", "warning", "info")


def article_score(errors: int, warnings: int, pairs: int) -> int:
    """100 for a clean article, less 100 × (errors + ½ warnings) per aligned pair, never below 0.

    Simple on purpose: one error in a 20-pair article gives 95, one in every pair gives 0. Infos do not count,
    nor do suppressed findings; accepted ones do (they are real errors until fixed).
    """
    if errors == 0 and warnings == 0:
        return 100
    penalty = (errors + 0.5 * warnings) / max(pairs, 1)
    return max(0, round(100 * (1 - penalty)))


@dataclass
class Segment:
    sev: str
    x: float
    width: float
    count: int


@dataclass
class Bar:
    label: str
    title: str  # full label, shown on hover
    href: str
    y: float
    total: int
    segments: list[Segment] = field(default_factory=list)

    @property
    def end(self) -> float:
        return self.segments[-1].x + self.segments[-1].width if self.segments else 0.0


@dataclass
class BarChart:
    """Horizontal bars, one per label, each split by severity."""

    title: str
    bars: list[Bar]
    width: int
    height: int
    label_width: int
    more: int = 0  # bars left out (only the largest are drawn)

    @property
    def description(self) -> str:
        return "; ".join(f"{b.title}: {b.total}" for b in self.bars)


ROW = 22
BAR_HEIGHT = 14
CHART_WIDTH = 440
COUNT_SPACE = 40


def bar_chart(title: str, items: list[tuple[str, str, str, dict[str, int]]], *, label_width: int = 170,
              limit: int = 12) -> BarChart:
    """`items`: (label, full title, link, counts by severity); the largest `limit` are drawn, largest first."""
    ranked = sorted(items, key=lambda item: (-_weight(item[3]), -sum(item[3].values()), item[0]))
    shown = [item for item in ranked if sum(item[3].values()) > 0][:limit]
    scale_max = max((sum(c.values()) for *_, c in shown), default=1) or 1
    span = CHART_WIDTH - label_width - COUNT_SPACE
    bars = []
    for row, (label, full, href, counts) in enumerate(shown):
        bar = Bar(_shorten(label, label_width), full, href, row * ROW + 4, sum(counts.values()))
        x = float(label_width)
        for sev in SEVERITY_ORDER:
            if counts.get(sev):
                width = span * counts[sev] / scale_max
                bar.segments.append(Segment(sev, round(x, 1), round(max(width, 1.5), 1), counts[sev]))
                x += width
        bars.append(bar)
    return BarChart(title, bars, CHART_WIDTH, max(len(bars), 1) * ROW + 8, label_width,
                    more=len([i for i in ranked if sum(i[3].values()) > 0]) - len(shown))


@dataclass
class Column:
    label: str
    title: str
    x: float
    segments: list[tuple[str, float, float, int]]  # severity, y, height, count
    total: int
    current: bool


@dataclass
class ColumnChart:
    """Vertical bars, one per run, oldest first: the history of a trend."""

    columns: list[Column]
    width: int
    height: int
    base: float


def history_chart(runs: list[tuple[str, str, dict[str, int]]]) -> ColumnChart:
    """`runs`: (short label, full title, counts by severity), oldest first; the last one is this run."""
    top, base, step = 18.0, 110.0, 80
    peak = max((sum(c.values()) for *_, c in runs), default=1) or 1
    columns = []
    for n, (label, title, counts) in enumerate(runs):
        y, segments = base, []
        for sev in SEVERITY_ORDER:
            if counts.get(sev):
                height = (base - top) * counts[sev] / peak
                y -= height
                segments.append((sev, round(y, 1), round(height, 1), counts[sev]))
        columns.append(Column(label, title, 25 + n * step, segments, sum(counts.values()), n == len(runs) - 1))
    return ColumnChart(columns, max(10 + len(runs) * step, 180), int(base) + 28, base)


def _weight(counts: dict[str, int]) -> float:
    return counts.get("error", 0) * 100 + counts.get("warning", 0) * 10 + counts.get("info", 0)


def _shorten(label: str, width: int) -> str:
    """Fit a label into `width` pixels at ~7 px per Latin character and ~13 per Han character."""
    budget, out = width - 8, ""
    for char in label:
        cost = 13 if ord(char) > 0x2E80 else 7
        if budget - cost < 10 and len(out) < len(label) - 1:
            return out + "…"
        budget -= cost
        out += char
    return out
