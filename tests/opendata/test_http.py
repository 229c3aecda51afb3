"""How the data answers over HTTP: validators and 304s, answers that follow every public
change, CORS on /data/ only, and GET only."""

import pytest
from django.utils.http import http_date

from history.record import record_shown_change

from .conftest import at, publish

pytestmark = pytest.mark.django_db

JSON_ADDRESSES = [
    "/data/popolo.json",
    "/data/people.json",
    "/data/memberships.csv",
    "/data/procedures.json",
    "/procedures/joining-the-network/history.json",
    "/procedures/joining-the-network/as-of/2014-06-01.json",
]


@pytest.mark.parametrize("url", JSON_ADDRESSES)
def test_every_answer_has_validators_and_a_matching_request_gets_304(client, network, url):
    response = client.get(url)
    assert response.status_code == 200
    etag, last_modified = response["ETag"], response["Last-Modified"]
    assert etag.startswith('"') and etag.endswith('"')

    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag

    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=http_date(0)).status_code == 200


def test_the_same_data_gives_the_same_etag_after_the_cache_is_emptied(client, network):
    from pagecache.generation import page_cache

    first = client.get("/data/popolo.json")["ETag"]
    page_cache().clear()
    assert client.get("/data/popolo.json")["ETag"] == first


def test_answers_follow_a_publication_at_once(client, network):
    joining = network["joining"]
    before = client.get("/data/procedures.json")
    history = client.get(joining.url + "history.json")

    joining.summary = "Who may join, and how."
    publish(joining, at(2016, 5, 1), "Say it in one line.")

    after = client.get("/data/procedures.json", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after.json()["results"][0]["content"]["summary"] == "Who may join, and how."
    newer = client.get(joining.url + "history.json", HTTP_IF_NONE_MATCH=history["ETag"])
    assert newer.status_code == 200
    assert newer.json()["versions"][0]["summary"] == "Say it in one line."


def test_answers_follow_a_change_to_a_record_a_page_shows(client, network):
    before = client.get("/data/people.json")
    chair = network["chair"]
    chair.name = "Chidi Renamed"
    chair.save()  # Goes on the committee page's record (network.signal_handlers).
    after = client.get("/data/people.json", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert "Chidi Renamed" in after.content.decode()


def test_nothing_is_served_from_before_the_last_public_change(client, network, monkeypatch):
    """The cache is keyed on the public state: any new entry on the record is a new key."""
    first = client.get("/data/popolo.json")["ETag"]
    record_shown_change(network["membership"], "Nothing a list shows changed.")
    calls = []
    from opendata import views

    real = views.popolo_dataset
    monkeypatch.setattr(views, "popolo_dataset", lambda request: calls.append(1) or real(request))
    assert client.get("/data/popolo.json")["ETag"] == first
    assert calls == [1]
    client.get("/data/popolo.json")
    assert calls == [1]


def test_data_is_readable_from_other_sites_on_data_addresses_only(client, network):
    for url in ["/data/", "/data/popolo.json", "/data/people.csv", "/data/nothing.json"]:
        response = client.get(url, HTTP_ORIGIN="https://example.net")
        assert response["Access-Control-Allow-Origin"] == "*", url
        assert "ETag" in response["Access-Control-Expose-Headers"]
    for url in ["/", "/procedures/joining-the-network/history.json", "/api/v2/pages/"]:
        response = client.get(url, HTTP_ORIGIN="https://example.net")
        assert "Access-Control-Allow-Origin" not in response, url


def test_a_preflight_allows_conditional_gets(client, network):
    response = client.options(
        "/data/popolo.json",
        HTTP_ORIGIN="https://example.net",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]


@pytest.mark.parametrize("method", ["post", "put", "delete"])
@pytest.mark.parametrize(
    "url", ["/data/popolo.json", "/procedures/joining-the-network/history.json"]
)
def test_data_is_read_only(client, network, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
