"""The pictures of the record show the numbers of the record: checked in the SVG itself."""

import datetime

import pytest
from django.test import Client

from core.charts import GAP, Bar, Lane, Span, bar_chart, timeline
from network.models import Region, SeatTerm
from tests.factories import (
    MembershipPageFactory,
    OrganisationFactory,
    PersonFactory,
    SteeringCommitteePageFactory,
)
from tests.html import parse


def test_spans_are_placed_in_proportion_to_their_dates():
    term = Span("A", datetime.date(2014, 1, 1), datetime.date(2016, 1, 1))
    line = timeline([Lane("Africa", [term])], today=datetime.date(2017, 6, 1))
    assert (line.start, line.end) == (datetime.date(2014, 1, 1), datetime.date(2018, 1, 1))
    plot = line.width - line.label_width
    assert term.x == line.label_width
    assert term.width == pytest.approx(plot * 730 / 1461 - GAP)
    assert line.today_x == pytest.approx(line.label_width + plot * 1247 / 1461)


def test_a_bar_shows_as_much_of_its_label_as_fits():
    two_years, ten_days = (
        Span("Example Person A", datetime.date(2014, 1, 1), datetime.date(2016, 1, 1)),
        Span("Example Person B", datetime.date(2016, 1, 1), datetime.date(2016, 1, 11)),
    )
    timeline([Lane("Africa", [two_years, ten_days])], today=datetime.date(2026, 1, 1))
    assert two_years.shown_label == "Person A"
    assert ten_days.shown_label == ""


def test_bars_are_in_proportion_to_their_values():
    chart = bar_chart([Bar("Africa", 4), Bar("Europe", 1)])
    assert chart.bars[0].width == pytest.approx(4 * chart.bars[1].width)


@pytest.mark.django_db
def test_the_membership_chart_counts_what_the_table_counts(client, home):
    page = MembershipPageFactory(parent=home, slug="membership")
    for _ in range(3):
        OrganisationFactory(region=Region.AFRICA)
    OrganisationFactory(region=Region.EUROPE, country="Germany")
    svg = parse(Client().get(page.url)).select_one("#regions-chart-title").find_parent("svg")
    values = {g["data-label"]: int(g["data-value"]) for g in svg.select("g[data-label]")}
    assert values["Africa"] == 3 and values["Europe"] == 1 and values["Arab States"] == 0
    widths = {g["data-label"]: float(g.select_one("rect")["width"]) for g in svg.select("g")}
    assert widths["Africa"] == pytest.approx(3 * widths["Europe"], rel=0.01)
    assert svg.select_one("title").get_text() and svg.select_one("desc").get_text()


@pytest.mark.django_db
def test_the_seats_chart_draws_every_term_and_vacancy(client, home):
    page = SteeringCommitteePageFactory(parent=home, slug="steering-committee")
    amina = PersonFactory(name="Amina Example")
    page.seat_terms = [
        SeatTerm(
            seat="Africa",
            holder=amina,
            term_start=datetime.date(2014, 1, 1),
            term_end=datetime.date(2016, 1, 1),
        ),
        SeatTerm(seat="Africa", holder=None, term_start=datetime.date(2016, 1, 1)),
        SeatTerm(seat="Europe", holder=PersonFactory(), term_start=datetime.date(2015, 1, 1)),
    ]
    page.save_revision().publish()
    svg = parse(Client().get(page.url)).select_one("#seats-chart-title").find_parent("svg")
    lanes = {g["data-label"]: g for g in svg.select("g.chart__lane")}
    assert set(lanes) == {"Africa", "Europe"}
    africa = [(r["data-start"], r["data-end"], r["class"]) for r in lanes["Africa"].select("rect")]
    assert africa == [
        ("2014-01-01", "2016-01-01", ["chart__span", "chart__span--term"]),
        ("2016-01-01", "", ["chart__span", "chart__span--vacancy"]),
    ]
    assert "Amina Example" in lanes["Africa"].select_one("rect title").get_text()
