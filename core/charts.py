"""Pictures of the record, drawn on the server as SVG: bars on a time line, and bar charts.

The geometry is worked out here, in units of the SVG's own coordinates, so that templates
only place what is computed and tests can check the numbers in the picture against the data.
Every picture is drawn beside a table of the same data, and carries a text alternative.
"""

import dataclasses
import datetime

from django.utils import timezone

WIDTH = 1000  # the SVG's width in its own units; it scales to the page
LABEL_WIDTH = 220  # room for the row labels on the left
ROW_HEIGHT = 34
AXIS_HEIGHT = 28
CHAR_WIDTH = 7.5  # of a 12px label, in the SVG's units: enough for most names
LABEL_PADDING = 6
GAP = 2  # between a bar and the next on the same lane, so that two terms read as two


@dataclasses.dataclass
class Span:
    """One bar on a time line: `kind` says what it is ("term", "vacancy", "version", …)."""

    label: str
    start: datetime.date
    end: datetime.date | None
    kind: str = ""
    x: float = 0
    width: float = 0

    @property
    def shown_label(self):
        """As much of the label as fits on the bar, dropping words from the front ("Person A"
        for "Example Person A"), or "" when not even the last word fits; the bar's tooltip
        and the table beside the picture always have it whole."""
        words = self.label.split()
        while words:
            label = " ".join(words)
            if self.width >= CHAR_WIDTH * len(label) + 2 * LABEL_PADDING:
                return label
            words = words[1:]
        return ""


@dataclasses.dataclass
class Lane:
    label: str
    spans: list
    y: float = 0


@dataclasses.dataclass
class Tick:
    label: str
    x: float


@dataclasses.dataclass
class Timeline:
    """Lanes of spans between `start` and `end`, with a mark at `today`."""

    lanes: list
    start: datetime.date
    end: datetime.date
    today: datetime.date
    ticks: list = dataclasses.field(default_factory=list)
    today_x: float = 0

    @property
    def today_label(self):
        """ "today", or the day marked when the chart shows an earlier day (an old version)."""
        if self.today == timezone.localdate():
            return "today"
        return f"{self.today:%-d %b %Y}"

    @property
    def height(self):
        return AXIS_HEIGHT + ROW_HEIGHT * len(self.lanes)

    @property
    def width(self):
        return WIDTH

    @property
    def label_width(self):
        return LABEL_WIDTH

    @property
    def row_height(self):
        return ROW_HEIGHT

    @property
    def bar_height(self):
        return ROW_HEIGHT - 10


def _x(day, start, end):
    total = max((end - start).days, 1)
    return LABEL_WIDTH + (WIDTH - LABEL_WIDTH) * (day - start).days / total


def timeline(lanes, today):
    """Place `lanes` (Lane of Span) on a time line from the earliest start to the latest end
    (or `today`, whichever is later); open-ended spans run to the end of the line."""
    starts = [span.start for lane in lanes for span in lane.spans]
    if not starts:
        return None
    start = datetime.date(min(starts).year, 1, 1)
    ends = [span.end for lane in lanes for span in lane.spans if span.end] + [today]
    end = datetime.date(max(ends).year + 1, 1, 1)
    for row, lane in enumerate(lanes):
        lane.y = AXIS_HEIGHT + ROW_HEIGHT * row
        for span in lane.spans:
            span.x = _x(span.start, start, end)
            span.width = max(_x(span.end or end, start, end) - span.x - GAP, 2)
    step = max(1, (end.year - start.year) // 8)
    ticks = [
        Tick(str(year), _x(datetime.date(year, 1, 1), start, end))
        for year in range(start.year, end.year, step)
    ]
    return Timeline(lanes, start, end, today, ticks, _x(min(today, end), start, end))


@dataclasses.dataclass
class Bar:
    label: str
    value: int
    highlight: bool = False
    y: float = 0
    width: float = 0


@dataclasses.dataclass
class BarChart:
    bars: list
    maximum: int

    @property
    def width(self):
        return WIDTH

    @property
    def height(self):
        return ROW_HEIGHT * len(self.bars)

    @property
    def label_width(self):
        return LABEL_WIDTH

    @property
    def bar_height(self):
        return ROW_HEIGHT - 10


def bar_chart(bars):
    """Horizontal bars, the longest `maximum` long; values beside each bar."""
    maximum = max([bar.value for bar in bars] + [1])
    room = WIDTH - LABEL_WIDTH - 60
    for row, bar in enumerate(bars):
        bar.y = ROW_HEIGHT * row
        bar.width = room * bar.value / maximum
    return BarChart(bars, maximum)
