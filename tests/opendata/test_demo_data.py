"""The demo's open data, as a newcomer would first fetch it: valid Popolo, under CC BY 4.0,
and the rules' JSON saying what the history page of "Joining the network" says."""

import pytest
from django.core.management import call_command

from opendata.models import OpenDataSettings
from tests.html import parse, text

from .popolo_schemas import schema_errors

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_content, db):
    """The demo, loaded once for this module (`demo_content`); each test in a savepoint."""


def test_the_demo_data_is_valid_popolo_under_cc_by(demo, client, popolo_validators):
    document = client.get("/data/popolo.json").json()
    for name in popolo_validators:
        assert document[name], name
        assert schema_errors(popolo_validators, name, document[name]) == []
    assert document["meta"]["licence"]["name"].endswith("(CC BY 4.0)")
    assert all(person["example"] for person in document["persons"] if "Example" in person["name"])
    # Running the demo again keeps a licence an administrator chose.
    chosen = OpenDataSettings.objects.get()
    chosen.licence_name = "Open Data Commons Attribution"
    chosen.save()
    call_command("load_demo", verbosity=0)
    assert OpenDataSettings.objects.get().licence_name == "Open Data Commons Attribution"


def test_joining_the_network_as_data_matches_its_history_page(demo, client):
    url = "/procedures/joining-the-network/"
    history = client.get(url + "history.json").json()
    shown = parse(client.get(url + "history/")).select("li.version")
    assert len(history["versions"]) == len(shown) >= 3
    assert [v["published_at"][:4] for v in history["versions"][-3:]] == ["2015", "2014", "2013"]
    for version, item in zip(history["versions"], shown, strict=True):
        assert text(item.select_one(".version__title a")) == f"Version {version['number']}"
        assert text(item.select_one(".summary")) == (
            version["summary"] or "No change summary was given."
        )
    current = next(
        item
        for item in client.get("/data/procedures.json").json()["results"]
        if item["page"]["title"] == "Joining the network"
    )
    assert current["version"] == history["versions"][0]
    page = parse(client.get(url))
    assert [c["anchor"] for c in current["content"]["clauses"]] == [
        section["id"] for section in page.select("section.clause")
    ]
    in_2014 = client.get(url + "as-of/2014-06-01.json").json()
    assert in_2014["version"]["published_at"].startswith("2014")
