"""A person's page lists only the roles the visitor may see, and a person with none there is
not found, exactly as a number nobody has."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from moderation.constants import STEERING_COMMITTEE_GROUP
from tests.factories import (
    MembershipPageFactory,
    PersonFactory,
    TaskForceIndexPageFactory,
    TaskForcePageFactory,
)
from tests.html import parse, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(home):
    """Someone on a public and a committee-only task force, and someone only on the latter."""
    membership = MembershipPageFactory(parent=home, slug="membership")
    index = TaskForceIndexPageFactory(parent=home, slug="task-forces")
    public_only, both = PersonFactory(name="Open Person"), PersonFactory(name="Mixed Person")
    hidden_only = PersonFactory(name="Discreet Person")
    TaskForcePageFactory(parent=index, title="Roadmap task force", members=[public_only, both])
    covert = TaskForcePageFactory(
        parent=index, title="Covert task force", members=[both, hidden_only]
    )
    restriction = PageViewRestriction.objects.create(
        page=covert, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=STEERING_COMMITTEE_GROUP))
    url = f"{membership.url}people/{{}}/"
    return {"both": url.format(both.pk), "hidden_only": url.format(hidden_only.pk)}


def roles(response):
    assert response.status_code == 200
    return [text(a) for a in parse(response).select("article li a")]


def test_roles_on_pages_the_visitor_may_not_view_are_not_listed(client, people):
    assert roles(client.get(people["both"])) == ["Roadmap task force"]


def test_a_person_with_no_role_the_visitor_may_see_is_not_found(client, people):
    hidden = client.get(people["hidden_only"])
    unknown = client.get(people["hidden_only"].replace("/people/", "/people/9"))

    assert hidden.status_code == unknown.status_code == 404
    assert "Discreet Person" not in hidden.content.decode()
    assert "Covert" not in hidden.content.decode()
    assert text(parse(hidden).main) == text(parse(unknown).main)


def test_members_of_the_group_see_every_role(client, people, committee):
    client.force_login(committee[0])

    assert roles(client.get(people["both"])) == ["Covert task force", "Roadmap task force"]
    assert roles(client.get(people["hidden_only"])) == ["Covert task force"]
