"""The CSV tables: the same records as the JSON, one row each, readable by spreadsheets."""

import csv
import io

import pytest

from core.data_responses import as_cell
from opendata.popolo import KINDS
from opendata.tables import TABLES

from .conftest import HIDDEN

pytestmark = pytest.mark.django_db


def rows(client, name):
    response = client.get(f"/data/{name}.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'inline; filename="{name}.csv"'
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"))))


@pytest.mark.parametrize("name", TABLES)
def test_each_table_has_a_row_for_each_record_of_the_json(client, network, name):
    records = client.get("/data/popolo.json").json()[KINDS[name]]
    table = rows(client, name)
    assert [row["id"] for row in table] == [record["id"] for record in records]
    body = client.get(f"/data/{name}.csv").content.decode()
    assert not [word for word in HIDDEN if word in body]


def test_nested_fields_have_columns_of_their_own(client, network):
    organisations = {row["id"]: row for row in rows(client, "organizations")}
    kenya = organisations[network["kenya"].popolo_id]
    assert kenya["country"] == "Kenya"
    assert kenya["region"] == "Africa"
    assert kenya["global_south"] == "yes"
    assert kenya["website"] == "https://example.org/krf/"
    assert kenya["example"] == "yes"
    terms = {row["id"]: row for row in rows(client, "memberships")}
    term = terms[f"bestbits:seat-term/{network['chair_term'].pk}"]
    assert (term["role"], term["start_date"], term["end_date"]) == (
        "Chair",
        "2014-01-01",
        "2016-01-01",
    )
    assert term["person_id"] == network["chair"].popolo_id
    member = terms[f"{network['kenya'].popolo_id}/membership"]
    assert member["member_organization_id"] == network["kenya"].popolo_id
    assert member["person_id"] == ""


def test_a_name_a_spreadsheet_would_run_as_a_formula_stays_text(client, network):
    network["chair"].name = '=HYPERLINK("http://example.net")'
    network["chair"].save()
    people = {row["id"]: row for row in rows(client, "people")}
    assert people[network["chair"].popolo_id]["name"] == '\'=HYPERLINK("http://example.net")'
    assert [as_cell(v) for v in ("-1", "+1", "@a", "plain", None, True)] == [
        "'-1",
        "'+1",
        "'@a",
        "plain",
        "",
        "yes",
    ]
