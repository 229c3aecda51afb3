"""The network's pages as a visitor sees them: members, the committee's seats, task forces."""

import datetime

import pytest
from pytest_django.asserts import assertContains, assertInHTML
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from network.models import (
    MembershipPage,
    Organisation,
    Region,
    SeatTerm,
    SteeringCommitteePage,
    TaskForceIndexPage,
    TaskForcePage,
)
from tests.factories import (
    MeetingIndexPageFactory,
    MeetingPageFactory,
    MembershipPageFactory,
    OrganisationFactory,
    PersonFactory,
    SeatTermFactory,
    SessionFactory,
    SteeringCommitteePageFactory,
    TaskForceIndexPageFactory,
    TaskForcePageFactory,
)
from tests.html import link, listing_groups, parse, text


class TestPageTypeRules(WagtailPageTestCase):
    def test_network_sections_sit_under_home(self):
        for model in (MembershipPage, SteeringCommitteePage, TaskForceIndexPage):
            self.assertAllowedParentPageTypes(model, {HomePage})
            self.assertCanCreateAt(HomePage, model)
        self.assertAllowedSubpageTypes(MembershipPage, set())
        self.assertAllowedSubpageTypes(SteeringCommitteePage, set())

    def test_task_forces_live_under_the_task_force_index(self):
        self.assertAllowedSubpageTypes(TaskForceIndexPage, {TaskForcePage})
        self.assertAllowedParentPageTypes(TaskForcePage, {TaskForceIndexPage})
        self.assertAllowedSubpageTypes(TaskForcePage, set())
        self.assertCanNotCreateAt(HomePage, TaskForcePage)


@pytest.mark.django_db
def test_network_sections_are_singletons(home):
    MembershipPageFactory(parent=home)
    SteeringCommitteePageFactory(parent=home)
    TaskForceIndexPageFactory(parent=home)
    for model in (MembershipPage, SteeringCommitteePage, TaskForceIndexPage):
        assert not model.can_create_at(home)


def test_organisation_global_south_flag_comes_from_its_region():
    assert Organisation(region=Region.AFRICA).is_global_south
    assert Organisation(region=Region.LATIN_AMERICA).is_global_south
    assert not Organisation(region=Region.EUROPE).is_global_south


@pytest.fixture
def membership(home):
    OrganisationFactory(name="Nairobi Rights", country="Kenya", region=Region.AFRICA)
    OrganisationFactory(name="Lagos Net", country="Nigeria", region=Region.AFRICA)
    OrganisationFactory(name="Delhi Lab", country="India", region=Region.ASIA_PACIFIC)
    OrganisationFactory(name="Berlin Watch", country="Germany", region=Region.EUROPE)
    OrganisationFactory(
        name="Applicant Org",
        country="Chile",
        region=Region.LATIN_AMERICA,
        membership_status=Organisation.MembershipStatus.APPLIED,
    )
    return MembershipPageFactory(parent=home, slug="membership")


class TestMembershipPage:
    def test_lists_members_with_counts_per_region(self, client, membership):
        response = client.get(membership.url)

        assert response.status_code == 200
        html = response.content.decode()
        for name in ("Nairobi Rights", "Lagos Net", "Delhi Lab", "Berlin Watch"):
            assert name in html
        assert "Applicant Org" not in html  # applied, not yet a member
        assert "3 of 4 member organisations are from the Global South" in html
        africa = link(parse(response), "?region=africa", "Africa").find_parent("tr")
        assertInHTML('<td class="num-col" data-label="Members">2</td>', str(africa))

    def test_filters_by_region_and_country(self, client, membership):
        html = client.get(membership.url, {"region": "africa"}).content.decode()
        assert "Nairobi Rights" in html and "Lagos Net" in html
        assert "Delhi Lab" not in html and "Berlin Watch" not in html

        html = client.get(membership.url, {"country": "Kenya"}).content.decode()
        assert "Nairobi Rights" in html and "Lagos Net" not in html

        html = client.get(membership.url, {"region": "europe", "country": "Kenya"}).content
        assert b"No member organisations match these filters." in html

    @pytest.mark.parametrize(
        "params", [{"region": "atlantis"}, {"country": "Nowhere"}, {"region": "<script>"}]
    )
    def test_unknown_filter_shows_everyone_with_a_note(self, client, membership, params):
        response = client.get(membership.url, params)

        assert response.status_code == 200
        html = response.content.decode()
        assert "so all of them are shown" in html
        assert "Nairobi Rights" in html and "Berlin Watch" in html
        assert "<script>" not in html

    def test_filter_form_works_without_javascript(self, client, membership):
        response = client.get(membership.url)
        soup = parse(response)
        assert soup.select_one('form.filters[method="get"]') is not None
        assert soup.select_one('select[name="region"]') is not None
        assert soup.select_one('select[name="country"]') is not None
        assertContains(response, '<option value="Kenya">Kenya</option>', html=True)

    def test_example_organisations_are_badged(self, client, membership):
        OrganisationFactory(name="Invented Org", is_example=True)
        soup = parse(client.get(membership.url))
        row = next(row for row in soup.select("tr") if "Invented Org" in text(row))
        assert row.select_one(".badge.badge--example") is not None


class TestPersonPage:
    def test_shows_only_the_roles_on_record(self, client, home, membership):
        person = PersonFactory(name="Ada Facilitator")
        index = MeetingIndexPageFactory(parent=home)
        meeting = MeetingPageFactory(parent=index, title="Bali 2013")
        SessionFactory(meeting=meeting, title="Best Bits", facilitators=[person])

        response = client.get(f"{membership.url}people/{person.pk}/")

        assert response.status_code == 200
        assertContains(response, "<h1>Ada Facilitator</h1>", html=True)
        html = response.content.decode()
        assert "Sessions facilitated" in html and "Best Bits" in html
        assert "Steering committee" not in html.split("<main", 1)[1]

    def test_unknown_person_is_a_404(self, client, membership):
        assert client.get(f"{membership.url}people/999999/").status_code == 404


@pytest.fixture
def committee(home):
    return SteeringCommitteePageFactory(parent=home, slug="steering-committee")


class TestSteeringCommitteePage:
    def test_current_and_vacant_seats_first_then_past_holders(self, client, committee):
        today = datetime.date.today()
        past = PersonFactory(name="Former Holder")
        now = PersonFactory(name="Current Holder")
        SeatTermFactory(
            page=committee,
            seat="Africa",
            holder=past,
            term_start=datetime.date(2014, 1, 1),
            term_end=datetime.date(2016, 1, 1),
        )
        SeatTermFactory(
            page=committee,
            seat="Africa",
            holder=now,
            role=SeatTerm.Role.CHAIR,
            term_start=datetime.date(2016, 1, 1),
        )
        SeatTermFactory(page=committee, seat="Europe", holder=None, term_start=today)

        response = client.get(committee.url)

        assert response.status_code == 200
        page = parse(response)
        seats_now = text(page.select_one("#seats-heading").find_parent("section"))
        assert "Current Holder" in seats_now and "Chair" in seats_now
        assert "Vacant" in seats_now and "Europe" in seats_now
        assert "Former Holder" not in seats_now
        history = page.select_one("section.past-holders")
        assert text(history.select_one("details summary")) == "Africa: 1 earlier term"
        assert "Former Holder" in text(history)
        assert "1 January 2014" in text(history) and "1 January 2016" in text(history)

    def test_a_term_starting_later_is_shown_as_next(self, client, committee):
        SeatTermFactory(
            page=committee,
            seat="Africa",
            holder=PersonFactory(name="Future Holder"),
            term_start=datetime.date.today() + datetime.timedelta(days=30),
        )
        html = client.get(committee.url).content.decode()
        assert "Vacant" in html and "Next:" in html and "Future Holder" in html
        assert "Past holders" not in html

    def test_holders_link_to_their_person_page_with_example_badge(
        self, client, committee, membership
    ):
        person = PersonFactory(name="Example Person Z", is_example=True)
        SeatTermFactory(page=committee, holder=person)

        response = client.get(committee.url)

        holder = f'<a href="/membership/people/{person.pk}/">Example Person Z</a>'
        assertContains(response, holder, html=True)
        assert parse(response).select_one(".badge--example") is not None

    def test_overlapping_terms_are_found_per_seat(self):
        def term(seat, start, end=None):
            return SeatTerm(
                seat=seat,
                term_start=datetime.date(start, 1, 1),
                term_end=datetime.date(end, 1, 1) if end else None,
            )

        handover = [term("Africa", 2014, 2016), term("Africa", 2016)]
        assert SteeringCommitteePage.overlapping_terms(handover) == []
        other_seat = [term("Africa", 2014), term("Europe", 2015)]
        assert SteeringCommitteePage.overlapping_terms(other_seat) == []

        open_ended, later = term("Africa", 2014), term(" africa ", 2020, 2022)
        assert SteeringCommitteePage.overlapping_terms([later, open_ended]) == [(open_ended, later)]


class TestTaskForces:
    def test_index_lists_active_then_closed(self, client, home):
        index = TaskForceIndexPageFactory(parent=home, slug="task-forces")
        TaskForcePageFactory(parent=index, title="Old work", status=TaskForcePage.Status.CLOSED)
        TaskForcePageFactory(parent=index, title="Current work")
        TaskForcePageFactory(parent=index, title="Unpublished work", live=False)

        response = client.get(index.url)

        assert listing_groups(response) == [("Active", ["Current work"]), ("Closed", ["Old work"])]
        assert "Unpublished work" not in response.content.decode()

    def test_task_force_shows_mandate_people_and_where_it_was_set_up(self, client, home):
        index = TaskForceIndexPageFactory(parent=home)
        meeting = MeetingPageFactory(parent=MeetingIndexPageFactory(parent=home), title="Bali 2013")
        convenor, member = PersonFactory(name="Con Venor"), PersonFactory(name="Mem Ber")
        task_force = TaskForcePageFactory(
            parent=index, set_up_at=meeting, convenors=[convenor], members=[member]
        )

        response = client.get(task_force.url)

        assert response.status_code == 200
        html = response.content.decode()
        assert "Build an engagement roadmap." in html
        assert "Con Venor" in html and "Mem Ber" in html
        set_up_at = link(parse(response), meeting.url, "Bali 2013")
        assert "set up at Bali 2013" in text(set_up_at.parent)
