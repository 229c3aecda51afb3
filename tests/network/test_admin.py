"""Editing the network's pages in the Wagtail admin; bad seat terms are refused, nothing saved."""

import datetime

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from network.models import MembershipPage, SeatTerm, SteeringCommitteePage, TaskForcePage
from tests.admin_forms import add_url, edit_url
from tests.factories import (
    HomePageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
    PersonFactory,
    SeatTermFactory,
    SteeringCommitteePageFactory,
    TaskForceIndexPageFactory,
    TaskForcePageFactory,
)


def term_form(seat="Africa", holder=None, start="2014-01-01", end="", role="member", **extra):
    return {
        "seat": seat,
        "holder": str(holder.pk) if holder else "",
        "role": role,
        "term_start": start,
        "term_end": end,
        "how_selected": "Elected by the members.",
        **extra,
    }


def committee_form(terms, initial=0, **extra):
    return nested_form_data(
        {
            "title": "Steering committee",
            "slug": "steering-committee",
            "intro": rich_text("What the committee does."),
            "seat_terms": inline_formset(terms, initial=initial),
            "action-publish": "action-publish",
            **extra,
        }
    )


class AdminTestCase(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePageFactory(parent=Page.get_first_root_node(), slug="bb")
        self.alice = PersonFactory(name="Alice")
        self.bob = PersonFactory(name="Bob")


class TestSeatTerms(AdminTestCase):
    def test_create_committee_with_seat_history(self):
        data = committee_form(
            [
                term_form(holder=self.alice, start="2014-01-01", end="2016-01-01"),
                term_form(holder=self.bob, start="2016-01-01", role="chair"),
                term_form(seat="Europe", start="2014-01-01"),  # vacant
            ]
        )
        self.assertCanCreate(self.home, SteeringCommitteePage, data)
        page = SteeringCommitteePage.objects.get()
        assert [(t.seat, t.holder) for t in page.seat_terms.all()] == [
            ("Africa", self.alice),
            ("Africa", self.bob),
            ("Europe", None),
        ]

    def assert_refused(self, response, field, message):
        assert response.status_code == 200
        html = response.content.decode()
        assert message in html
        formset = response.context["form"].formsets["seat_terms"]
        errors = [form.errors for form in formset.forms if form.errors]
        assert errors and field in errors[0], errors

    def test_term_ending_before_it_starts_is_refused(self):
        data = committee_form([term_form(holder=self.alice, start="2016-01-01", end="2015-01-01")])

        response = self.client.post(add_url(self.home, SteeringCommitteePage), data)

        self.assert_refused(response, "term_end", "A term must end after it starts")
        assert not SteeringCommitteePage.objects.exists()
        assert not SeatTerm.objects.exists()

    def test_term_ending_the_day_it_starts_is_refused(self):
        data = committee_form([term_form(holder=self.alice, start="2016-01-01", end="2016-01-01")])
        response = self.client.post(add_url(self.home, SteeringCommitteePage), data)
        self.assert_refused(response, "term_end", "A term must end after it starts")

    def test_overlapping_terms_on_one_seat_are_refused(self):
        data = committee_form(
            [
                term_form(holder=self.alice, start="2014-01-01", end="2016-06-01"),
                term_form(holder=self.bob, start="2016-01-01"),
            ]
        )

        response = self.client.post(add_url(self.home, SteeringCommitteePage), data)

        self.assert_refused(response, "term_start", "Terms on one seat must not overlap")
        assert "Alice" in str(response.context["form"].formsets["seat_terms"].forms[1].errors)
        assert not SteeringCommitteePage.objects.exists()

    def test_a_second_open_ended_term_on_a_seat_is_refused(self):
        data = committee_form(
            [term_form(holder=self.alice, start="2014-01-01"), term_form(start="2020-01-01")]
        )
        response = self.client.post(add_url(self.home, SteeringCommitteePage), data)
        self.assert_refused(response, "term_start", "which has no end date")

    def test_editing_into_an_overlap_changes_nothing(self):
        page = SteeringCommitteePageFactory(parent=self.home, slug="steering-committee")
        first = SeatTermFactory(
            page=page, holder=self.alice, term_start=datetime.date(2014, 1, 1), sort_order=0
        )
        revisions = page.revisions.count()
        data = committee_form(
            [
                {**term_form(holder=self.alice, start="2014-01-01"), "id": str(first.pk)},
                term_form(holder=self.bob, start="2015-01-01"),
            ],
            initial=1,
        )

        response = self.client.post(edit_url(page), data)

        self.assert_refused(response, "term_start", "Terms on one seat must not overlap")
        assert list(SeatTerm.objects.values_list("holder__name", flat=True)) == ["Alice"]
        assert page.revisions.count() == revisions

    def test_deleted_terms_do_not_count(self):
        page = SteeringCommitteePageFactory(parent=self.home, slug="steering-committee")
        old = SeatTermFactory(page=page, holder=self.alice, term_start=datetime.date(2014, 1, 1))
        data = committee_form(
            [
                {**term_form(holder=self.alice), "id": str(old.pk), "DELETE": "1"},
                term_form(holder=self.bob, start="2015-01-01"),
            ],
            initial=1,
        )

        response = self.client.post(edit_url(page), data)

        assert response.status_code == 302
        assert list(SeatTerm.objects.values_list("holder__name", flat=True)) == ["Bob"]


class TestOtherNetworkPages(AdminTestCase):
    def test_create_membership_page(self):
        self.assertCanCreate(
            self.home,
            MembershipPage,
            nested_form_data(
                {"title": "Membership", "slug": "membership", "how_to_join": rich_text("Apply.")}
            ),
        )

    def test_task_force_set_up_at_must_be_a_meeting_or_outcome(self):
        index = TaskForceIndexPageFactory(parent=self.home)
        meeting = MeetingPageFactory(parent=MeetingIndexPageFactory(parent=self.home))
        base = {
            "title": "Roadmap",
            "slug": "roadmap",
            "status": "active",
            "mandate": rich_text("Build a roadmap."),
            "outcomes": {"count": "0"},
            "action-publish": "action-publish",
        }
        # Multiple choices post as repeated keys, which nested_form_data does not produce.
        people = {"convenors": [str(self.alice.pk)]}
        response = self.client.post(
            add_url(index, TaskForcePage),
            {**nested_form_data({**base, "set_up_at": str(index.pk)}), **people},
        )
        assert response.status_code == 200
        assert "Choose a meeting or one of its outcomes." in response.content.decode()
        assert not TaskForcePage.objects.exists()

        data = {**nested_form_data({**base, "set_up_at": str(meeting.pk)}), **people}
        self.assertCanCreate(index, TaskForcePage, data)
        task_force = TaskForcePage.objects.get()
        assert list(task_force.convenors.all()) == [self.alice]

    def test_every_network_page_opens_in_the_editor(self):
        index = TaskForceIndexPageFactory(parent=self.home)
        pages = [
            SteeringCommitteePageFactory(parent=self.home),
            index,
            TaskForcePageFactory(parent=index, convenors=[self.alice]),
        ]
        for page in pages:
            assert self.client.get(edit_url(page)).status_code == 200, page
