"""Everything a page shows is findable on it, and the result points to the part that shows it:
organisations on the membership page, seat holders on the committee page, a task force by its
kind and its members, an outcome by its meeting."""

import pytest
from wagtail.search.index import insert_or_update_object

from tests.factories import (
    OrganisationFactory,
    PersonFactory,
    SeatTermFactory,
    StatementIndexPageFactory,
    StatementPageFactory,
    TaskForceIndexPageFactory,
    TaskForcePageFactory,
)
from tests.html import parse, text
from tests.search.helpers import get, reindex, results

pytestmark = pytest.mark.django_db


def first(query):
    """(title, link, part label) of the first result."""
    hit = parse(get(query=query)).select_one(".search-hit")
    if hit is None:
        return None
    link = hit.select_one(".search-hit__title > a")
    part = hit.select_one(".search-hit__part a")
    return text(link), link["href"], text(part) if part else ""


def test_member_organisations_are_found_on_the_membership_page(any_backend, site):
    OrganisationFactory(name="Zanzibar Digital Commons", country="Tanzania")
    insert_or_update_object(site["membership"])

    for query in ["Zanzibar Digital Commons", "member organisations in Tanzania"]:
        assert first(query) == (
            "Membership",
            "/membership/#members-heading",
            "Member organisations",
        ), query


def test_an_organisation_renamed_is_found_by_its_new_name(any_backend, site, superuser):
    organisation = OrganisationFactory(name="Quokka Rights Lab")
    insert_or_update_object(site["membership"])

    organisation.name = "Wombat Rights Lab"
    organisation.save()

    assert first("Wombat")[0] == "Membership"
    assert first("Quokka") is None


def test_seat_holders_seats_and_roles_are_found_on_the_committee_page(any_backend, site):
    holder = PersonFactory(name="Ottilie Vandersloot")
    SeatTermFactory(page=site["steering"], seat="Arab States", holder=holder, role="chair")
    reindex()

    assert first("Vandersloot") == (
        "Steering committee",
        "/steering-committee/#seat-arab-states",
        "Seat: Arab States",
    )
    assert first("who chairs the Arab States seat")[1] == "/steering-committee/#seat-arab-states"
    page = parse(get(query="Vandersloot"))
    assert page.select_one(".search-hit__kind").get_text(strip=True) == "Steering committee"


def test_a_task_force_is_found_by_its_kind_and_its_members(any_backend, site):
    index = TaskForceIndexPageFactory(parent=site["home"], slug="task-forces")
    member = PersonFactory(name="Philippa Oyelaran")
    task_force = TaskForcePageFactory(parent=index, title="Zeta roadmap")
    task_force.members.add(member)
    task_force.save_revision().publish()
    reindex()

    assert first("zeta task force")[0] == "Zeta roadmap"
    assert first("Oyelaran")[0] == "Zeta roadmap"


def test_an_outcome_is_found_by_the_meeting_it_came_from(any_backend, site):
    titles = [text(link) for link in results(get(query="Meeting in Bali message"))]

    assert titles[:2] == ["Message from Bali", "Meeting in Bali"] or titles[:2] == [
        "Meeting in Bali",
        "Message from Bali",
    ]


def test_a_task_forces_convenors_are_found_in_who_takes_part(any_backend, site):
    index = TaskForceIndexPageFactory(parent=site["home"], slug="task-forces")
    task_force = TaskForcePageFactory(parent=index, title="Zeta roadmap")
    task_force.convenors.add(PersonFactory(name="Ignatius Okonkwo-Vance"))
    task_force.save_revision().publish()
    reindex()

    assert first("who are the convenors of the zeta task force") == (
        "Zeta roadmap",
        "/task-forces/zeta-roadmap/#people-heading",
        "Who takes part",
    )
    # What it is for is in its mandate, a section of the page as who takes part is.
    assert first("what is the zeta task force supposed to build") == (
        "Zeta roadmap",
        "/task-forces/zeta-roadmap/#mandate-heading",
        "Mandate",
    )


def test_how_many_members_a_region_has_links_to_the_members_by_region(any_backend, site):
    OrganisationFactory(name="Zanzibar Digital Commons", country="Tanzania", region="africa")
    OrganisationFactory(name="Lagos Open Data Hub", country="Nigeria", region="africa")
    insert_or_update_object(site["membership"])

    assert first("how many member organisations are there in Africa") == (
        "Membership",
        "/membership/#regions-heading",
        "Members by region",
    )
    snippet = parse(get(query="how many member organisations are there in Africa")).select_one(
        ".search-hit__snippet"
    )
    assert "Africa (Global South): 2." in text(snippet)


def test_the_statements_open_for_signatures_are_a_part_of_the_statements_page(any_backend, site):
    index = StatementIndexPageFactory(parent=site["home"], slug="statements")
    StatementPageFactory(parent=index, title="Call on Quixotic Summit").save_revision().publish()
    reindex()

    hits = parse(get(query="which statements are open for signatures")).select(".search-hit")
    (index_hit,) = [
        hit for hit in hits if text(hit.select_one(".search-hit__title > a")) == "Statements"
    ]
    part = index_hit.select_one(".search-hit__part a")
    assert (part["href"], text(part)) == ("/statements/#open-heading", "Open for signatures")


def test_which_task_forces_are_active_or_closed_is_found_on_the_task_forces_page(any_backend, site):
    index = TaskForceIndexPageFactory(parent=site["home"], slug="task-forces")
    task_force = TaskForcePageFactory(parent=index, title="Zeta roadmap")
    task_force.save_revision().publish()
    reindex()

    assert first("which task forces are still active") == (
        "Task forces",
        "/task-forces/#status-1",
        "Active",
    )
    snippet = parse(get(query="which task forces are still active")).select_one(
        ".search-hit__snippet"
    )
    assert text(snippet) == "Active: Zeta roadmap"
    assert first("closed task forces") != ("Task forces", "/task-forces/#status-1", "Closed")

    # Closing the task force moves it to the "Closed" group, and the list is found by it
    # without indexing the list page again by hand.
    task_force.status = task_force.Status.CLOSED
    task_force.save_revision().publish()
    assert first("which task forces are closed") == (
        "Task forces",
        "/task-forces/#status-1",
        "Closed",
    )
    assert "Task forces" not in [text(a) for a in results(get(query="active"))]

    # Unpublished or deleted, it is on no list: the list page is found by no group.
    task_force.unpublish()
    assert "Task forces" not in [text(a) for a in results(get(query="closed"))]
    other = TaskForcePageFactory(parent=index, title="Omega roadmap", status="closed")
    other.save_revision().publish()
    assert "Task forces" in [text(a) for a in results(get(query="closed"))]
    other.delete()
    assert "Task forces" not in [text(a) for a in results(get(query="closed"))]
    # A whole list deleted with its task forces leaves nothing behind.
    index.delete()
    assert results(get(query="task forces")) == []


def test_what_a_meeting_produced_links_to_its_list_of_outcomes(any_backend, site):
    def meeting_hit(query):
        hits = parse(get(query=query)).select(".search-hit")
        return next(
            h for h in hits if text(h.select_one(".search-hit__title")) == "Meeting in Bali"
        )

    hit = meeting_hit("what were the outcomes of the meeting in Bali")
    part = hit.select_one(".search-hit__part a")
    assert (part["href"], text(part)) == ("/meetings/bali/#outcomes", "Outcomes")
    assert "Message from Bali" in text(hit.select_one(".search-hit__snippet"))

    # An outcome unpublished is no longer on the list, nor in the part that shows it.
    site["outcome"].unpublish()
    hit = meeting_hit("what were the outcomes of the meeting in Bali")
    assert hit.select_one(".search-hit__part") is None
