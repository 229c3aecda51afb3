"""A page names or links another page only for a visitor who may view it: titles of pages
restricted to a group or never published appear on no public page and in no public diff."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from history.record import attributed
from meetings.models import OutcomeLink
from moderation.constants import STEERING_COMMITTEE_GROUP
from tests.factories import (
    MeetingIndexPageFactory,
    MeetingPageFactory,
    ObjectivesPageFactory,
    OutcomePageFactory,
    ProcedurePageFactory,
    SessionFactory,
    TaskForceIndexPageFactory,
    TaskForcePageFactory,
)
from tests.html import parse, text

pytestmark = pytest.mark.django_db

# Words that appear only in the titles of pages an anonymous visitor may not view.
HIDDEN_WORDS = ("Retreat", "Unpublished", "Confidential", "Covert", "Backroom")


def restrict_to_committee(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=STEERING_COMMITTEE_GROUP))


@pytest.fixture
def network(home, wiki):
    """Public pages that link to pages restricted to the committee or never published."""
    meetings = MeetingIndexPageFactory(parent=home, slug="meetings")
    bali = MeetingPageFactory(parent=meetings, slug="bali", title="Bali 2013")
    retreat = MeetingPageFactory(parent=meetings, slug="retreat", title="Committee Retreat")
    restrict_to_committee(retreat)
    unpublished = MeetingPageFactory(
        parent=meetings, slug="summit", title="Unpublished Summit", live=False
    )
    retreat_outcome = OutcomePageFactory(parent=retreat, slug="plan", title="Confidential plan")
    task_forces = TaskForceIndexPageFactory(parent=home, slug="task-forces")
    covert = TaskForcePageFactory(parent=task_forces, slug="covert", title="Covert task force")
    restrict_to_committee(covert)
    backroom = ProcedurePageFactory(parent=wiki, slug="backroom", title="Backroom procedure")
    restrict_to_committee(backroom)
    public_outcome = OutcomePageFactory(
        parent=bali,
        slug="statement",
        title="Statement to the IGF",
        led_to=[OutcomeLink(page=covert), OutcomeLink(page=backroom)],
    )
    task_force = TaskForcePageFactory(
        parent=task_forces,
        slug="roadmap",
        title="Roadmap task force",
        set_up_at=retreat,
        outcomes=[
            {"type": "outcome", "value": retreat_outcome.pk},
            {"type": "outcome", "value": public_outcome.pk},
        ],
    )
    SessionFactory(
        meeting=bali,
        title="Principles",
        expected_outputs=[
            {"type": "output", "value": {"text": "A plan", "outcome": retreat_outcome.pk}},
        ],
    )
    objectives = ObjectivesPageFactory(parent=home, slug="objectives", adopted_at=retreat_outcome)
    return {
        "bali": bali,
        "retreat": retreat,
        "unpublished": unpublished,
        "retreat_outcome": retreat_outcome,
        "public_outcome": public_outcome,
        "task_force": task_force,
        "objectives": objectives,
    }


def titles(search_page):
    return [text(a) for a in parse(search_page).select(".search-hit__title > a")]


def assert_names_no_hidden_page(response):
    assert response.status_code == 200
    html = response.content.decode()
    for word in HIDDEN_WORDS:
        assert word not in html, word


@pytest.mark.parametrize("page", ["task_force", "public_outcome", "objectives", "bali"])
def test_public_pages_name_no_restricted_page(client, network, page):
    response = client.get(network[page].url)

    assert_names_no_hidden_page(response)
    for hidden in ("retreat", "retreat_outcome"):
        assert not parse(response).select(f'a[href="{network[hidden].url}"]')


def test_a_member_of_the_group_sees_what_they_may_view(client, network, committee):
    client.force_login(committee[0])

    task_force = parse(client.get(network["task_force"].url))
    outcome = parse(client.get(network["public_outcome"].url))

    assert task_force.select_one(f'a[href="{network["retreat"].url}"]') is not None
    assert "Confidential plan" in text(task_force.article)
    assert {"Covert task force", "Backroom procedure"} <= {
        text(a) for a in outcome.select("#led-to-heading + ul a")
    }


def test_public_diffs_name_no_restricted_or_unpublished_page(client, network):
    task_force = network["task_force"]
    revisions = []
    for set_up_at in (network["unpublished"], network["retreat"], network["bali"]):
        task_force.set_up_at = set_up_at
        revision = task_force.save_revision()
        with attributed(proposed_by="A member"):
            revision.publish()
        revisions.append(revision)
    first, second, third = revisions

    unpublished_to_retreat = client.get(f"{task_force.url}history/{first.pk}/{second.pk}/")
    retreat_to_bali = client.get(f"{task_force.url}history/{second.pk}/{third.pk}/")
    version = client.get(f"{task_force.url}history/{second.pk}/")

    for response in (unpublished_to_retreat, retreat_to_bali, version):
        assert_names_no_hidden_page(response)
    assert "Bali 2013" in text(parse(retreat_to_bali).select_one(".diff"))


def test_search_does_not_find_a_public_page_by_a_restricted_page_it_names(client, network, whoosh):
    found = client.get("/search/", {"query": "Retreat"})
    control = client.get("/search/", {"query": "Roadmap"})

    assert "Roadmap task force" in titles(control)
    assert titles(found) == []


def test_public_pages_are_those_wagtail_calls_public(network, home):
    # `visibility.public` reads the restrictions' paths, not pages; a restriction inside a
    # restricted subtree, and one on a page with restricted descendants, change nothing.
    from wagtail.models import Page

    from core.visibility import public, restricted_paths

    retreat = Page.objects.get(slug="retreat")
    restrict_to_committee(Page.objects.get(slug="plan"))
    assert retreat.path in restricted_paths()
    assert not any(
        path != retreat.path and path.startswith(retreat.path) for path in restricted_paths()
    )
    assert set(public(Page.objects.all())) == set(Page.objects.public())
    assert retreat not in public(Page.objects.all())


def test_a_restricted_section_is_not_in_the_sites_sections(client, home, wiki):
    def sections():
        # The search page: never served from the page cache.
        return [a.get("href") for a in parse(client.get("/search/").content).select("nav a")]

    wiki.show_in_menus = True
    wiki.save()
    assert "/procedures/" in sections()
    PageViewRestriction.objects.create(page=wiki, restriction_type=PageViewRestriction.LOGIN)
    assert "/procedures/" not in sections()
