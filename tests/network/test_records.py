"""What a live page shows of the network's records changes only by an administrator, on the
public record of each page that shows it."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from history.models import RecordEntry
from network.models import Person, SeatTerm
from tests.factories import PersonFactory, SteeringCommitteePageFactory
from tests.html import parse, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def seated(home):
    """A person holding a seat on the live steering committee page."""
    page = SteeringCommitteePageFactory(parent=home, slug="steering-committee")
    holder = PersonFactory(name="Amina Example")
    page.seat_terms = [SeatTerm(seat="Africa", holder=holder, term_start=datetime.date(2014, 1, 1))]
    page.save_revision().publish()
    return holder, page


def edit(client, person, name):
    url = reverse("wagtailsnippets_network_person:edit", args=[person.pk])
    return client.post(url, {"name": name, "country": ""})


def test_a_committee_member_cannot_rename_a_seat_holder(client, committee, seated):
    holder, page = seated
    client.force_login(committee[0])
    response = edit(client, holder, "Someone Else")
    assert response.status_code == 403
    assert "an administrator does it" in response.content.decode()
    holder.refresh_from_db()
    assert holder.name == "Amina Example"
    assert "Amina Example" in Client().get(page.url).content.decode()


def test_a_committee_member_edits_a_record_no_live_page_shows(client, committee):
    person = PersonFactory(name="Not On Any Page")
    client.force_login(committee[0])
    assert edit(client, person, "Still Not On Any Page").status_code == 302
    person.refresh_from_db()
    assert person.name == "Still Not On Any Page"
    assert not RecordEntry.objects.filter(kind=RecordEntry.Kind.RECORD).exists()


def test_an_administrators_rename_is_on_the_record(client, superuser, seated):
    holder, page = seated
    client.force_login(superuser)
    assert edit(client, holder, "Amina Renamed").status_code == 302

    changes = text(parse(Client().get("/changes/")).select_one(".changes"))
    assert "“Amina Example” → “Amina Renamed”" in changes
    entry = RecordEntry.objects.get(kind=RecordEntry.Kind.RECORD)
    assert entry.page_id == page.pk and entry.performed_by


def test_an_administrators_deletion_is_on_the_record(client, superuser, seated):
    holder, page = seated
    client.force_login(superuser)
    url = reverse("wagtailsnippets_network_person:delete", args=[holder.pk])
    assert client.post(url).status_code == 302
    assert not Person.objects.filter(pk=holder.pk).exists()
    entry = RecordEntry.objects.get(kind=RecordEntry.Kind.RECORD)
    assert "was deleted" in entry.summary


def test_the_record_stays_in_english_when_the_administrator_works_in_spanish(
    client, superuser, seated
):
    holder, page = seated
    profile = UserProfile.get_for_user(superuser)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(superuser)

    assert edit(client, holder, "Amina Renamed").status_code == 302

    entry = RecordEntry.objects.get(kind=RecordEntry.Kind.RECORD)
    assert entry.summary.startswith("The person record of “Amina Renamed” changed: ")
    assert "persona" not in entry.summary


def test_a_committee_member_working_in_spanish_is_told_why_in_spanish(client, committee, seated):
    holder, page = seated
    profile = UserProfile.get_for_user(committee[0])
    profile.preferred_language = "es"
    profile.save()
    client.force_login(committee[0])

    response = edit(client, holder, "Someone Else")

    assert response.status_code == 403
    assert "lo hace un administrador" in text(parse(response))
    holder.refresh_from_db()
    assert holder.name == "Amina Example"
