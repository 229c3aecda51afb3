"""Editing meetings and outcomes in the admin; bad input is refused with a field error."""

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from meetings.blocks import MAX_DURATION_MINUTES
from meetings.models import MeetingPage, OutcomePage, Session
from tests.admin_forms import add_url, edit_url
from tests.factories import (
    HomePageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
    OutcomePageFactory,
    PersonFactory,
    SessionFactory,
)


def item_form(text, duration="", points=()):
    return (
        "item",
        {
            "text": text,
            "duration": str(duration),
            "points": {
                "count": str(len(points)),
                **{
                    str(i): {"value": point, "deleted": "", "order": str(i)}
                    for i, point in enumerate(points)
                },
            },
        },
    )


def session_form(title="Opening", day="2013-10-19", agenda=None, **extra):
    return {
        "day": day,
        "start_time": "",
        "title": title,
        "kind": "session",
        "description": rich_text(""),
        "agenda": streamfield(agenda if agenda is not None else [item_form("Welcome", 15)]),
        "expected_outputs": streamfield([]),
        "background_papers": streamfield([]),
        **extra,
    }


def meeting_form(sessions, **extra):
    return nested_form_data(
        {
            "title": "Best Bits 2013",
            "slug": "best-bits-2013",
            "start_date": "2013-10-19",
            "end_date": "2013-10-20",
            "location": "Bali, Indonesia",
            "venue": "",
            "context": rich_text("Why we meet."),
            "objectives": inline_formset([{"text": "To share."}]),
            "sessions": inline_formset(sessions),
            "background_papers": streamfield([]),
            "reports": streamfield([]),
            "action-publish": "action-publish",
            **extra,
        }
    )


def outcome_form(session="", **extra):
    return nested_form_data(
        {
            "title": "Statement to the IGF",
            "slug": "statement-to-the-igf",
            "kind": "statement",
            "date": "2013-10-19",
            "session": str(session),
            "body": rich_text("The statement."),
            "led_to": inline_formset([]),
            "action-publish": "action-publish",
            **extra,
        }
    )


class AdminTestCase(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePageFactory(parent=Page.get_first_root_node(), slug="bb")
        self.meetings = MeetingIndexPageFactory(parent=self.home, slug="meetings")


class TestMeetingThroughAdmin(AdminTestCase):
    def test_create_meeting_with_sessions_agenda_and_facilitators(self):
        facilitator = PersonFactory(name="Joy")
        data = meeting_form(
            [
                session_form(
                    agenda=[item_form("Outline", 15), item_form("Discussion", 60, ["MS"])]
                ),
                session_form("Best Bits", day="2013-10-20"),
            ]
        )
        data["sessions-0-facilitators"] = [str(facilitator.pk)]

        self.assertCanCreate(self.meetings, MeetingPage, data)

        meeting = MeetingPage.objects.get()
        first, second = meeting.sessions.all()
        assert [b.value["duration"] for b in first.agenda] == [15, 60]
        assert list(first.facilitators.all()) == [facilitator]
        assert second.day.isoformat() == "2013-10-20"

    def assert_session_refused(self, data, field, message, url=None):
        sessions_before = Session.objects.count()
        response = self.client.post(url or add_url(self.meetings, MeetingPage), data)
        assert response.status_code == 200
        assert message in response.content.decode()
        forms = response.context["form"].formsets["sessions"].forms
        assert any(field in form.errors for form in forms), [f.errors for f in forms]
        assert Session.objects.count() == sessions_before
        return response

    def test_negative_duration_is_refused(self):
        data = meeting_form([session_form(agenda=[item_form("Break", -30)])])
        self.assert_session_refused(data, "agenda", "greater than or equal to 1")
        assert not MeetingPage.objects.exists()

    def test_absurd_duration_is_refused(self):
        data = meeting_form([session_form(agenda=[item_form("Plenary", 100_000)])])
        self.assert_session_refused(data, "agenda", f"less than or equal to {MAX_DURATION_MINUTES}")
        assert not MeetingPage.objects.exists()

    def test_session_outside_the_meeting_dates_is_refused(self):
        data = meeting_form([session_form(day="2013-10-25")])
        self.assert_session_refused(data, "day", "choose a day in between")
        assert not MeetingPage.objects.exists()

    def test_meeting_ending_before_it_starts_is_refused(self):
        data = meeting_form([session_form()], end_date="2013-10-18")
        response = self.client.post(add_url(self.meetings, MeetingPage), data)
        assert response.status_code == 200
        assert "cannot end before it starts" in str(response.context["form"].errors["end_date"])
        assert not MeetingPage.objects.exists()

    def test_editing_in_a_bad_duration_changes_nothing(self):
        meeting = MeetingPageFactory(parent=self.meetings, slug="best-bits-2013")
        session = SessionFactory(meeting=meeting, title="Opening")
        revisions = meeting.revisions.count()
        data = meeting_form(
            [{**session_form(agenda=[item_form("Welcome", 0)]), "id": str(session.pk)}]
        )
        data["sessions-INITIAL_FORMS"] = "1"

        self.assert_session_refused(data, "agenda", "greater than or equal to 1", edit_url(meeting))

        session.refresh_from_db()
        assert [b.value["duration"] for b in session.agenda] == [20]
        assert meeting.revisions.count() == revisions

    def test_meeting_opens_in_the_editor(self):
        meeting = MeetingPageFactory(parent=self.meetings)
        SessionFactory(meeting=meeting, facilitators=[PersonFactory()])
        OutcomePageFactory(parent=meeting)
        for page in [self.meetings, meeting, *meeting.get_children()]:
            assert self.client.get(edit_url(page)).status_code == 200


class TestOutcomeThroughAdmin(AdminTestCase):
    def setUp(self):
        super().setUp()
        self.meeting = MeetingPageFactory(parent=self.meetings, slug="bali")
        self.session = SessionFactory(meeting=self.meeting, title="Principles")

    def test_create_outcome_from_a_session_of_its_meeting(self):
        self.assertCanCreate(self.meeting, OutcomePage, outcome_form(self.session.pk))
        assert OutcomePage.objects.get().session == self.session

    def test_session_of_another_meeting_is_refused(self):
        other = MeetingPageFactory(parent=self.meetings, slug="other")
        elsewhere = SessionFactory(meeting=other, title="Elsewhere")

        response = self.client.post(add_url(self.meeting, OutcomePage), outcome_form(elsewhere.pk))

        assert response.status_code == 200
        assert "Choose one of this meeting" in str(response.context["form"].errors["session"])
        assert not OutcomePage.objects.exists()

    def test_session_choices_are_the_meetings_own(self):
        other = MeetingPageFactory(parent=self.meetings, slug="other")
        SessionFactory(meeting=other, title="Elsewhere")
        response = self.client.get(add_url(self.meeting, OutcomePage))
        choices = list(response.context["form"].fields["session"].queryset)
        assert choices == [self.session]

    def test_outcome_outside_a_meeting_is_refused(self):
        for parent in (self.home, self.meetings):
            response = self.client.post(add_url(parent, OutcomePage), outcome_form())
            # Wagtail refuses a page type its parent does not allow: back to the dashboard.
            assert response.status_code == 302
            assert response["Location"] == reverse("wagtailadmin_home")
            messages = [str(m) for m in response.wsgi_request._messages]
            assert any("permission" in m for m in messages), messages
        assert not OutcomePage.objects.exists()
