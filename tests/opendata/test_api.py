"""Wagtail's pages API (/api/v2/pages/): read-only, public pages only, with the fields their
pages show, and links to other pages only when those are public."""

import pytest

from .conftest import HIDDEN

pytestmark = pytest.mark.django_db

API = "/api/v2/pages/"


def every_item(client):
    """Every page the API lists, twenty at a time."""
    found, offset = [], 0
    while True:
        response = client.get(f"{API}?limit=20&offset={offset}")
        assert response.status_code == 200, response.content[:300]
        assert response["Content-Type"] == "application/json"
        batch = response.json()["items"]
        found.extend(batch)
        if len(found) >= response.json()["meta"]["total_count"]:
            return found
        offset += 20


def test_lists_live_public_pages_only_whoever_asks(client, network, superuser):
    client.force_login(superuser)
    titles = {item["title"] for item in every_item(client)}
    assert {"Joining the network", "Steering committee", "Meeting in Bali"} <= titles
    assert not [title for title in titles for word in HIDDEN if word in title]


def test_a_draft_or_private_page_is_not_found(client, network):
    for page in (network["private_rule"], network["draft_rule"], network["unpublished_rule"]):
        response = client.get(f"{API}{page.pk}/")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert "message" in response.json()
    found = client.get(f"{API}find/?html_path={network['private_rule'].url}")
    assert found.status_code == 404


def test_a_procedure_with_the_fields_its_page_shows(client, network):
    joining = network["joining"]
    data = client.get(f"{API}{joining.pk}/").json()
    assert data["title"] == "Joining the network"
    assert data["status"] == "in_force"
    assert data["in_force_from"] == "2013-10-21"
    clause = data["body"][1]["value"]
    assert clause["heading"] == "Applying"
    assert clause["text"] == "<p>Write to the <b>steering committee</b>.</p>"
    assert "DRAFTWORD" not in str(data)


def test_people_show_their_public_name_only(client, network, django_user_model):
    network["chair"].user = django_user_model.objects.create_user("chidi-login", "c@example.org")
    network["chair"].save()
    data = client.get(f"{API}{network['committee'].pk}/").json()
    holders = [term["holder"] for term in data["seat_terms"]]
    assert {"id": network["chair"].pk, "name": "Chidi Chair", "is_example": True} in holders
    assert None in holders  # the vacant seat
    body = str(data)
    assert "chidi-login" not in body and "c@example.org" not in body


def test_links_to_pages_name_public_pages_only(client, network):
    joining, private = network["joining"], network["private_rule"]
    joining.related_procedures.set([private])
    joining.save_revision().publish()
    task_force = network["task_force"]
    task_force.set_up_at = network["meeting"]
    task_force.save_revision().publish()
    assert client.get(f"{API}{joining.pk}/").json()["related_procedures"] == []
    set_up_at = client.get(f"{API}{task_force.pk}/").json()["set_up_at"]
    assert set_up_at == {
        "id": network["meeting"].pk,
        "title": "Meeting in Bali",
        "html_url": "http://localhost/meetings/bali/",
    }
    network["meeting"].unpublish()
    assert client.get(f"{API}{task_force.pk}/").json()["set_up_at"] is None


def test_meetings_with_sessions_and_facilitators(client, network):
    data = client.get(f"{API}{network['meeting'].pk}/").json()
    (session,) = data["sessions"]
    assert session["title"] == "Surveillance" and session["start_time"] == "09:30:00"
    assert session["facilitators"] == [
        {"id": network["facilitator"].pk, "name": "Fay Facilitator", "is_example": False}
    ]
    assert data["participants"][0]["name"] == "Milo Member"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, network, superuser, method):
    client.force_login(superuser)
    response = getattr(client, method)(
        f"{API}{network['joining'].pk}/", {"title": "Changed"}, content_type="application/json"
    )
    assert response.status_code == 405
    network["joining"].refresh_from_db()
    assert network["joining"].title == "Joining the network"
