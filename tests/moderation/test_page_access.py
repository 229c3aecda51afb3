"""A page restricted to groups on the site is for those groups in the admin too: a member
outside them cannot open it (editor, preview, draft, revisions, history) nor find it in the
explorer, the admin's search, the admin API or the page chooser; members of the groups, the
steering committee and administrators still can."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from moderation.constants import MEMBERS_GROUP
from tests.factories import ProcedurePageFactory, clause_data
from tests.moderation.helpers import review_url, submit

pytestmark = pytest.mark.django_db
TITLE_WORD = "Zanzibarplan"
DRAFT_WORD = "Quokkadraft"


@pytest.fixture
def finance():
    return Group.objects.create(name="Finance group")


@pytest.fixture
def restricted(wiki, finance):
    """A procedure restricted to the finance group, with a draft waiting."""
    page = ProcedurePageFactory(parent=wiki, slug="budget", title=f"{TITLE_WORD} budget")
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(finance)
    page.body = [clause_data("Reserves", f"<p>{DRAFT_WORD} reserves.</p>", "reserves")]
    draft = page.save_revision()
    return page, draft


@pytest.fixture
def insider(django_user_model, finance):
    user = django_user_model.objects.create_user("insider", "i@example.org", "pw")
    user.groups.add(Group.objects.get(name=MEMBERS_GROUP), finance)
    return user


def opening_views(page, draft):
    return [
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        reverse("wagtailadmin_pages:history", args=[page.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[page.pk, draft.pk]),
        reverse("wagtailadmin_api:pages:detail", args=[page.pk]),
    ]


def listing_views(page):
    parent = page.get_parent().pk
    return [
        reverse("wagtailadmin_explore", args=[parent]),
        reverse("wagtailadmin_pages:search") + "?q=budget",
        reverse("wagtailadmin_api:pages:listing") + f"?child_of={parent}&for_explorer=1",
        reverse("wagtailadmin_api:pages:listing") + "?search=budget",
        reverse("wagtailadmin_choose_page_child", args=[parent]),
        reverse("wagtailadmin_choose_page_search") + "?q=budget",
    ]


def reads(response):
    body = response.content.decode()
    return TITLE_WORD in body or DRAFT_WORD in body


def test_a_member_outside_the_group_can_neither_open_nor_list_it(client, restricted, member):
    page, draft = restricted
    client.force_login(member)

    for url in opening_views(page, draft):
        response = client.get(url)
        assert response.status_code != 200, url
        assert not reads(response), url
    for url in listing_views(page):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not reads(response), url


@pytest.mark.parametrize("who", ["insider", "committee", "superuser"])
def test_the_group_the_committee_and_administrators_still_can(
    client, restricted, who, insider, committee, superuser
):
    page, draft = restricted
    client.force_login({"insider": insider, "committee": committee[0], "superuser": superuser}[who])

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    draft_view = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    explorer = client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))

    assert edit.status_code == draft_view.status_code == explorer.status_code == 200
    assert DRAFT_WORD in draft_view.content.decode()
    assert TITLE_WORD in explorer.content.decode()
    for url in listing_views(page):
        assert reads(client.get(url)), url


def test_changes_under_review_list_no_hidden_page(client, restricted, insider, member):
    page, _ = restricted
    client.force_login(insider)
    assert submit(client, page, f"<p>{DRAFT_WORD} under review.</p>").status_code == 302
    assert TITLE_WORD in client.get(reverse("proposals")).content.decode()

    client.force_login(member)
    proposals = client.get(reverse("proposals"))

    assert proposals.status_code == 200
    assert not reads(proposals)
    review = client.get(review_url(page))
    assert review.status_code != 200
    assert not reads(review)
