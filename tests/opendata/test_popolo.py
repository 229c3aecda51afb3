"""/data/popolo.json and its lists: the network's record in Popolo, valid against Popolo's
own schemas, holding what the public pages show and nothing else."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opendata import views
from opendata.popolo import KINDS
from pagecache import generation
from tests.factories import PersonFactory, SeatTermFactory, SessionFactory

from .conftest import HIDDEN
from .popolo_schemas import schema_errors

pytestmark = pytest.mark.django_db


def get_json(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, (url, response.content[:300])
    assert response["Content-Type"] == "application/json"
    return response.json()


def by_id(records):
    return {record["id"]: record for record in records}


def test_every_record_is_valid_popolo(client, network, popolo_validators):
    document = get_json(client, "/data/popolo.json")
    errors = [
        error
        for name in popolo_validators
        for error in schema_errors(popolo_validators, name, document[name])
    ]
    assert errors == []
    assert all(document[name] for name in popolo_validators), "every list has records"


def test_each_list_is_valid_popolo_page_by_page(client, network, popolo_validators):
    for address, name in KINDS.items():
        data = get_json(client, f"/data/{address}.json")
        assert schema_errors(popolo_validators, name, data["results"]) == []
        assert data["count"] == len(data["results"]) > 0


def test_the_schemas_catch_what_is_not_popolo(popolo_validators):
    """The validation can fail: a date in the wrong form, a link that is no URI."""
    bad = {"id": "x", "start_date": "1 May 2014", "links": [{"url": "not a uri"}]}
    assert len(schema_errors(popolo_validators, "memberships", [bad])) == 2


def test_member_organisations_with_country_region_and_membership(client, network):
    document = get_json(client, "/data/popolo.json")
    kenya = network["kenya"]
    organisation = by_id(document["organizations"])[kenya.popolo_id]
    assert organisation["name"] == "Kenya Rights Forum"
    assert organisation["area"]["name"] == "Kenya"
    assert organisation["area"]["parent"]["name"] == "Africa"
    assert organisation["area"]["parent"]["global_south"] is True
    assert organisation["links"] == [{"url": "https://example.org/krf/", "note": "website"}]
    assert organisation["example"] is True
    membership = by_id(document["memberships"])[f"{kenya.popolo_id}/membership"]
    assert membership["member"] == {"@type": "Organization", "id": kenya.popolo_id}
    assert membership["organization_id"] == "bestbits:network"
    assert membership["start_date"] == "2013-10-20"


def test_the_committee_its_seats_and_terms(client, network):
    document = get_json(client, "/data/popolo.json")
    committee_id = f"bestbits:page/{network['committee'].pk}"
    organisation = by_id(document["organizations"])[committee_id]
    assert organisation["parent_id"] == "bestbits:network"
    posts = {post["label"]: post for post in document["posts"]}
    assert set(posts) == {"Africa", "Arab States"}
    assert posts["Arab States"]["id"] == f"{committee_id}/seat/arab-states"
    term = by_id(document["memberships"])[f"bestbits:seat-term/{network['chair_term'].pk}"]
    assert term == {
        "id": f"bestbits:seat-term/{network['chair_term'].pk}",
        "label": "Africa seat",
        "role": "Chair",
        "person_id": network["chair"].popolo_id,
        "organization_id": committee_id,
        "post_id": posts["Africa"]["id"],
        "start_date": "2014-01-01",
        "end_date": "2016-01-01",
    }
    # The vacant seat is a post with no membership.
    assert not [
        m for m in document["memberships"] if m.get("post_id") == posts["Arab States"]["id"]
    ]


def test_task_forces_with_convenors_and_members(client, network):
    document = get_json(client, "/data/popolo.json")
    task_force = network["task_force"]
    tf_id = f"bestbits:page/{task_force.pk}"
    assert by_id(document["organizations"])[tf_id]["classification"] == "task force"
    roles = {
        (m["person_id"], m["role"])
        for m in document["memberships"]
        if m["organization_id"] == tf_id
    }
    assert roles == {
        (network["convenor"].popolo_id, "convenor"),
        (network["member"].popolo_id, "member"),
    }


def test_meetings_and_sessions_as_events(client, network):
    document = get_json(client, "/data/popolo.json")
    meeting, session = network["meeting"], network["session"]
    events = by_id(document["events"])
    parent = events[f"bestbits:page/{meeting.pk}"]
    assert parent["location"] == "Nusa Dua, Bali, Indonesia"
    assert parent["start_date"] == "2013-10-19" and parent["end_date"] == "2013-10-20"
    assert parent["attendees"] == [
        {"id": network["member"].popolo_id, "name": "Milo Member", "role": "participant"}
    ]
    child = events[f"bestbits:session/{session.pk}"]
    assert child["parent_id"] == parent["id"]
    assert child["start_date"] == "2013-10-19" and child["start_time"] == "09:30"
    assert child["attendees"] == [
        {"id": network["facilitator"].popolo_id, "name": "Fay Facilitator", "role": "facilitator"}
    ]
    assert child["sources"][0]["url"].endswith(f"/meetings/bali/#session-{session.pk}")


def test_versions_are_motions_with_their_approvals(client, network):
    document = get_json(client, "/data/popolo.json")
    joining, versions = network["joining"], network["versions"]
    motions = [m for m in document["motions"] if m["page"]["title"] == "Joining the network"]
    assert [m["id"] for m in motions] == [
        f"bestbits:page/{joining.pk}/version/{revision.pk}" for revision in versions
    ]
    last = motions[-1]
    assert last["text"] == "Welcome networks."
    assert last["date"] == "2015-03-01T12:00:00Z"
    assert last["result"] == "pass"
    assert last["creator"] == {"name": "Ada Proposer"}
    (event,) = last["vote_events"]
    assert event["counts"] == [{"option": "yes", "value": 2}]
    assert [vote["voter"]["name"] for vote in event["votes"]] == ["Bea Approver", "Cy Approver"]


def test_people_are_those_in_public_roles_with_no_login_or_email(
    client, network, django_user_model
):
    user = django_user_model.objects.create_user("chidi-login", "chidi@example.org", "pw")
    network["chair"].user = user
    network["chair"].save()
    PersonFactory(name="Nobody In A Role")
    response = client.get("/data/popolo.json")
    people = {person["name"] for person in response.json()["persons"]}
    assert people == {"Chidi Chair", "Cora Convenor", "Milo Member", "Fay Facilitator"}
    body = response.content.decode()
    assert "chidi-login" not in body and "chidi@example.org" not in body
    chair = by_id(response.json()["persons"])[network["chair"].popolo_id]
    assert chair["example"] is True
    assert chair["links"][0]["url"] == f"http://testserver/membership/people/{network['chair'].pk}/"


def test_identifiers_survive_renames(client, network):
    before = get_json(client, "/data/people.json")["results"]
    network["chair"].name = "Chidi Renamed"
    network["chair"].save()
    after = by_id(get_json(client, "/data/people.json")["results"])
    assert set(after) == {person["id"] for person in before}
    assert after[network["chair"].popolo_id]["name"] == "Chidi Renamed"


def test_no_draft_unpublished_or_private_page_appears(client, network):
    for url in ["/data/popolo.json", *(f"/data/{name}.json" for name in KINDS)]:
        body = client.get(url).content.decode()
        assert not [word for word in HIDDEN if word in body], url


def test_lists_come_a_page_at_a_time_in_a_stable_order(client, network, monkeypatch):
    monkeypatch.setattr(views, "RECORDS_PER_PAGE", 2)
    everyone = get_json(client, "/data/popolo.json")["persons"]
    seen, url = [], "/data/people.json"
    while url:
        data = get_json(client, url)
        assert len(data["results"]) <= 2
        seen.extend(data["results"])
        url = data["next"]
    assert seen == everyone
    assert data["page_number"] == data["pages"] == 2
    assert data["previous"] == "http://testserver/data/people.json?page=1"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/data/people.json?page=9", "There is no page 9"),
        ("/data/people.json?page=two", "is not a page number"),
        ("/data/people.json?page=0", "There is no page 0"),
        ("/data/voters.json", "no data at this address"),
        ("/data/voters.csv", "no data at this address"),
        ("/data/people", "no data at this address"),
        ("/data/people.json/extra", "no data at this address"),
    ],
)
def test_what_is_not_there_is_a_json_404(client, network, url, message):
    data = get_json(client, url, status=404)
    assert data["error"]["status"] == 404
    assert message in data["error"]["message"]


def count_queries(client, url):
    generation.bump()  # nothing kept: the answer is built
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_network(client, network):
    client.get("/data/popolo.json")
    small = count_queries(client, "/data/popolo.json")
    for n in range(30):
        SeatTermFactory(page=network["committee"], seat=f"Seat {n}", holder=PersonFactory())
    network["task_force"].members.add(*[PersonFactory() for _ in range(10)])
    network["task_force"].save()
    for n in range(10):
        SessionFactory(
            meeting=network["meeting"], title=f"Session {n}", facilitators=[PersonFactory()]
        )
    assert count_queries(client, "/data/popolo.json") == small <= 30


def test_a_kept_answer_costs_four_queries(client, network, django_assert_num_queries):
    client.get("/data/popolo.json")
    # The site and its licence setting; the generation it is kept under costs none.
    with django_assert_num_queries(2):
        assert client.get("/data/popolo.json").status_code == 200
