"""Public history of the network's structures: membership, steering committee, task forces."""

import datetime

import pytest

from history.models import ChangeSummary
from history.record import attributed
from network.models import SeatTerm
from tests.factories import (
    MembershipPageFactory,
    PersonFactory,
    SteeringCommitteePageFactory,
    TaskForceIndexPageFactory,
    TaskForcePageFactory,
)

pytestmark = pytest.mark.django_db


def publish(page, when, summary=""):
    revision = page.save_revision()
    if summary:
        ChangeSummary.objects.create(revision=revision, text=summary)
    with attributed(at=when):
        revision.publish()
    return revision


def at(year, month, day):
    return datetime.datetime(year, month, day, 12, tzinfo=datetime.UTC)


def test_steering_committee_seat_changes_are_on_the_record(client, home):
    page = SteeringCommitteePageFactory(parent=home, slug="steering-committee")
    amina, bruno = PersonFactory(name="Amina Example"), PersonFactory(name="Bruno Example")
    page.seat_terms = [
        SeatTerm(seat="Africa", holder=amina, term_start=datetime.date(2014, 1, 1)),
    ]
    first = publish(page, at(2014, 1, 2), "Seat the first committee.")
    page.seat_terms = [
        SeatTerm(
            pk=page.seat_terms.first().pk,
            seat="Africa",
            holder=amina,
            term_start=datetime.date(2014, 1, 1),
            term_end=datetime.date(2016, 1, 1),
        ),
        SeatTerm(seat="Africa", holder=bruno, term_start=datetime.date(2016, 1, 1)),
    ]
    second = publish(page, at(2016, 1, 2), "Bruno takes the Africa seat.")

    old = client.get(f"{page.url}history/{first.pk}/")
    assert old.status_code == 200
    assert "Amina Example" in old.content.decode()
    assert "Bruno Example" not in old.content.decode()

    diff = client.get(f"{page.url}history/{first.pk}/{second.pk}/").content.decode()
    assert "Bruno Example" in diff and "Added" in diff
    assert "2016-01-01" in diff

    history = client.get(f"{page.url}history/").content.decode()
    assert "Bruno takes the Africa seat." in history


def test_task_force_and_membership_history(client, home):
    index = TaskForceIndexPageFactory(parent=home, slug="task-forces")
    task_force = TaskForcePageFactory(parent=index, slug="wsis", title="WSIS+10")
    first = publish(task_force, at(2013, 11, 1))
    task_force.status = "closed"
    task_force.convenors.add(PersonFactory(name="Convenor Example"))
    second = publish(task_force, at(2015, 12, 31), "Close after the review.")
    diff = client.get(f"{task_force.url}history/{first.pk}/{second.pk}/").content.decode()
    assert "Closed" in diff and "Convenor Example" in diff
    assert client.get(f"{task_force.url}as-of/2014-06-01/").status_code == 200

    membership = MembershipPageFactory(parent=home, slug="membership")
    publish(membership, at(2013, 10, 20))
    assert client.get(f"{membership.url}history/").status_code == 200
    assert client.get(f"{membership.url}history/feed/").status_code == 200
