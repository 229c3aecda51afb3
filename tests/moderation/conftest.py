import pytest
from django.contrib.auth.models import Group

from moderation.constants import MEMBERS_GROUP, STEERING_COMMITTEE_GROUP
from tests.factories import ProcedurePageFactory, clause_data


def _user(django_user_model, username, group=None, **extra):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "pw", first_name=username.title(), **extra
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def member(django_user_model):
    return _user(django_user_model, "member", MEMBERS_GROUP)


@pytest.fixture
def other_member(django_user_model):
    return _user(django_user_model, "othermember", MEMBERS_GROUP)


@pytest.fixture
def committee(django_user_model):
    """Three steering committee members."""
    return [_user(django_user_model, f"sc{n}", STEERING_COMMITTEE_GROUP) for n in (1, 2, 3)]


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "pw")


@pytest.fixture
def procedure(wiki):
    """A live procedure whose first clause reads "The original text."."""
    page = ProcedurePageFactory(
        parent=wiki,
        title="Joining the network",
        slug="joining-the-network",
        body=[clause_data("Who can join", "<p>The original text.</p>", anchor="who-can-join")],
    )
    page.save_revision().publish()
    return page
