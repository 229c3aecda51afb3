"""Meetings as a visitor reads them: the programme as an agenda, and the outcomes."""

import datetime

import pytest
from pytest_django.asserts import assertContains, assertInHTML
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from meetings.models import MeetingIndexPage, MeetingPage, OutcomeLink, OutcomePage
from statements.models import StatementPage
from tests.factories import (
    MeetingIndexPageFactory,
    MeetingPageFactory,
    MembershipPageFactory,
    ObjectivesPageFactory,
    OutcomePageFactory,
    PersonFactory,
    SessionFactory,
    agenda_item,
)
from tests.html import link, parse, text


class TestPageTypeRules(WagtailPageTestCase):
    def test_meetings_section_sits_under_home_and_holds_meetings(self):
        self.assertAllowedParentPageTypes(MeetingIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(MeetingIndexPage, {MeetingPage})

    def test_meetings_hold_outcomes_and_statements(self):
        self.assertAllowedParentPageTypes(MeetingPage, {MeetingIndexPage})
        self.assertAllowedSubpageTypes(MeetingPage, {OutcomePage, StatementPage})

    def test_outcomes_live_only_under_a_meeting(self):
        self.assertAllowedParentPageTypes(OutcomePage, {MeetingPage})
        self.assertAllowedSubpageTypes(OutcomePage, set())
        for parent in (HomePage, MeetingIndexPage, OutcomePage):
            self.assertCanNotCreateAt(parent, OutcomePage)


@pytest.fixture
def meetings(home):
    return MeetingIndexPageFactory(parent=home, slug="meetings")


@pytest.fixture
def meeting(meetings):
    return MeetingPageFactory(parent=meetings, slug="bali-2013", title="Bali 2013")


def test_index_lists_upcoming_then_past_meetings(client, meetings):
    soon = datetime.date.today() + datetime.timedelta(days=30)
    MeetingPageFactory(parent=meetings, title="Next meeting", start_date=soon, end_date=soon)
    MeetingPageFactory(parent=meetings, title="Bali 2013")
    MeetingPageFactory(
        parent=meetings,
        title="Earlier meeting",
        start_date=datetime.date(2012, 11, 1),
        end_date=datetime.date(2012, 11, 2),
    )

    html = client.get(meetings.url).content.decode()

    upcoming = html[html.index("Upcoming meetings") : html.index("Past meetings")]
    past = html[html.index("Past meetings") :]
    assert "Next meeting" in upcoming and "Bali 2013" not in upcoming
    assert past.index("Bali 2013") < past.index("Earlier meeting")


def test_meeting_reads_as_an_agenda(client, home, meeting):
    MembershipPageFactory(parent=home, slug="membership")
    chair = PersonFactory(name="Jeremy Example")
    statement = OutcomePageFactory(parent=meeting, title="Statement to the IGF", slug="statement")
    SessionFactory(
        meeting=meeting,
        day=datetime.date(2013, 10, 20),
        title="Second day session",
        sort_order=2,
    )
    SessionFactory(
        meeting=meeting,
        title="Principles and the IGF",
        start_time=datetime.time(9, 30),
        facilitators=[chair],
        agenda=[
            agenda_item("Outline of the session", 15),
            agenda_item("Understanding multi-stakeholderism", 60, ["definitions"]),
            {"type": "questions", "value": {"questions": ["What is the state of the IGF?"]}},
            {
                "type": "breakout_group",
                "value": {"name": "Group 1", "brief": "Technical", "expected_output": "A list"},
            },
        ],
        expected_outputs=[
            {"type": "output", "value": {"text": "Statement to the IGF", "outcome": statement.pk}},
            {"type": "output", "value": {"text": "Not yet produced", "outcome": None}},
        ],
        sort_order=1,
    )
    SessionFactory(meeting=meeting, title="Lunch", kind="break", agenda=[], sort_order=3)

    response = client.get(meeting.url)

    assert response.status_code == 200
    soup = parse(response)
    day_1 = text(soup.select_one("section.programme-day#day-1"))
    assert "Saturday 19 October 2013" in day_1
    assert day_1.index("Principles and the IGF") < day_1.index("Lunch")
    assert "Second day session" in text(soup.select_one("section.programme-day#day-2"))
    start = '<time class="session__time" datetime="2013-10-19T09:30">09:30</time>'
    assertContains(response, start, html=True)
    assertContains(
        response, f'<a href="/membership/people/{chair.pk}/">Jeremy Example</a>', html=True
    )
    assertContains(response, '<time class="duration" datetime="PT15M">15 min</time>', html=True)
    assertContains(response, '<time class="duration" datetime="PT1H">1 hour</time>', html=True)
    html = response.content.decode()
    assert "Discussion questions" in html and "What is the state of the IGF?" in html
    label = soup.find(lambda tag: tag.name == "span" and text(tag) == "Expected output:")
    assert "Group 1" in html and label.next_sibling.strip() == "A list"
    # The outcomes list links the statement too: the output's own link is looked for.
    outputs = str(soup.select_one(".expected-outputs"))
    assertInHTML(f'<a href="{statement.url}">Statement to the IGF</a>', outputs)
    assert "Not yet produced" in html
    assert soup.select_one(".session.session--break") is not None
    # No placeholder where the meeting has no papers or reports.
    assert "Background papers" not in html and "Reports" not in html


def test_sessions_without_facilitators_or_time_show_neither(client, meeting):
    SessionFactory(meeting=meeting, title="Open discussion")
    html = client.get(meeting.url).content.decode()
    assert "Facilitator" not in html and "session__time" not in html


def build_meeting(meetings, sessions, slug):
    """A meeting with `sessions` sessions, each with facilitators, agenda and a linked output."""
    meeting = MeetingPageFactory(parent=meetings, slug=slug)
    outcome = OutcomePageFactory(parent=meeting)
    people = [PersonFactory(), PersonFactory(is_example=True)]
    for n in range(sessions):
        SessionFactory(
            meeting=meeting,
            day=datetime.date(2013, 10, 19 + n % 2),
            facilitators=people,
            agenda=[agenda_item("Opening", 20, ["a", "b"]), agenda_item("Report back", 30)],
            expected_outputs=[
                {"type": "output", "value": {"text": "Statement", "outcome": outcome.pk}}
            ],
            sort_order=n,
        )
    return meeting


def test_queries_to_render_a_meeting_do_not_grow_with_sessions(
    client, home, meetings, django_assert_max_num_queries
):
    MembershipPageFactory(parent=home, slug="membership")
    small = build_meeting(meetings, 3, "small")
    large = build_meeting(meetings, 12, "large")
    client.get(small.url)  # warm the site and page-tree caches shared by both

    # Site, page routing (with the locale of the language read), navigation and breadcrumbs,
    # the languages the page is in, a change waiting in its notice period, then a fixed
    # handful for the programme, the outcomes (their pages, then each type's), and the view
    # restrictions, read once, so outputs link only outcomes the visitor may view.
    with django_assert_max_num_queries(28) as small_queries:
        small_page = parse(client.get(small.url))
    with django_assert_max_num_queries(28) as large_queries:
        large_page = parse(client.get(large.url))

    assert len(large_queries) == len(small_queries)

    assert len(small_page.select("section.session")) == 3
    assert len(large_page.select("section.session")) == 12


def test_outcome_shows_its_meeting_session_and_what_it_led_to(client, home, meeting):
    session = SessionFactory(meeting=meeting, title="Best Bits")
    objectives = ObjectivesPageFactory(parent=home, slug="objectives")
    outcome = OutcomePageFactory(
        parent=meeting,
        title="Agreed statement of objectives",
        kind=OutcomePage.Kind.OBJECTIVES,
        date=datetime.date(2013, 10, 20),
        session=session,
        led_to=[OutcomeLink(page=objectives)],
    )

    response = client.get(outcome.url)

    assert response.status_code == 200
    date = parse(response).select_one('time[datetime="2013-10-20"]')
    assert text(date) == "20 October 2013"
    assert "Objectives · 20 October 2013" in text(date.parent)
    # Within the article: the breadcrumbs link the meeting and the site's navigation the
    # objectives, whatever the outcome says.
    article = str(parse(response).article)
    assertInHTML(f'<a href="{meeting.url}">Bali 2013</a>', article)
    assertInHTML(f'<a href="{meeting.url}#session-{session.pk}">Best Bits</a>', article)
    assertInHTML(f'<a href="{objectives.url}">{objectives.title}</a>', article)


def test_objectives_page_links_to_the_outcome_where_they_were_adopted(client, home, meeting):
    outcome = OutcomePageFactory(parent=meeting, title="Agreed statement of objectives")
    objectives = ObjectivesPageFactory(parent=home, slug="objectives", adopted_at=outcome)

    adopted_at = link(parse(client.get(objectives.url)), outcome.url, "Bali 2013")

    assert "Adopted at Bali 2013" in text(adopted_at.parent)
