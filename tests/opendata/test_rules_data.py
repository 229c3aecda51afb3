"""The rules as data: /data/procedures.json, and each page's history.json and
as-of/<day>.json, which say what the history page and the as-of page say."""

import pytest
from wagtail.models import PageViewRestriction

from history.mixin import PublicHistoryMixin
from tests.factories import ProcedurePageFactory, clause_data
from tests.html import parse, text

from .conftest import HIDDEN, at, publish

pytestmark = pytest.mark.django_db


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:300])
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_procedures_list_each_public_procedure_with_its_clauses(client, network):
    data = get_json(client, "/data/procedures.json")
    titles = [item["page"]["title"] for item in data["results"]]
    assert titles == ["Joining the network"]
    (item,) = data["results"]
    joining = network["joining"]
    assert item["page"]["url"] == f"http://testserver{joining.url}"
    assert item["version"]["number"] == 3 and item["version"]["current"] is True
    content = item["content"]
    assert content["status"] == "in_force"
    assert content["standing"] == "In force since 21 October 2013"
    assert [(c["number"], c["anchor"], c["heading"]) for c in content["clauses"]] == [
        ("1", "who-can-join", "Who can join"),
        ("2", "applying", "Applying"),
    ]
    applying = content["clauses"][1]
    assert applying["text"] == "Write to the steering committee."
    assert applying["html"] == "<p>Write to the <b>steering committee</b>.</p>"
    # The clauses are the page's, as a reader sees them.
    page = parse(client.get(joining.url))
    assert [section["id"] for section in page.select("section.clause")] == [
        c["anchor"] for c in content["clauses"]
    ]


def test_no_draft_unpublished_or_private_procedure_is_listed(client, network):
    body = client.get("/data/procedures.json").content.decode()
    assert not [word for word in HIDDEN if word in body]


def test_history_json_says_what_the_history_page_says(client, network):
    joining, versions = network["joining"], network["versions"]
    data = get_json(client, joining.url + "history.json")
    page = parse(client.get(joining.url + "history/"))
    shown = page.select("li.version")
    assert len(data["versions"]) == len(shown) == 3
    for version, item in zip(data["versions"], shown, strict=True):
        assert text(item.select_one(".version__title a")) == f"Version {version['number']}"
        assert item.select_one(".version__title a")["href"] == version["url"].removeprefix(
            "http://testserver"
        )
        assert text(item.select_one(".summary")) == version["summary"]
        attribution = text(item.select(".meta")[1])
        assert f"Proposed by {version['proposed_by']}." in attribution
        assert f"Approved by {', '.join(version['approved_by'])}." in attribution
        published = item.select_one(".meta time")["datetime"]
        assert published.startswith(version["published_at"].removesuffix("Z"))
    assert [v["revision_id"] for v in data["versions"]] == [r.pk for r in reversed(versions)]
    assert data["versions"][0]["changes"] == (
        f"http://testserver{joining.url}history/{versions[1].pk}/{versions[2].pk}/"
    )
    assert data["versions"][-1]["changes"] is None
    assert "DRAFTWORD" not in str(data)


def test_history_json_comes_a_page_at_a_time_like_the_history_page(client, network, monkeypatch):
    monkeypatch.setattr(PublicHistoryMixin, "history_per_page", 2)
    joining = network["joining"]
    first = get_json(client, joining.url + "history.json")
    assert [v["number"] for v in first["versions"]] == [3, 2]
    second = get_json(client, first["next"])
    assert [v["number"] for v in second["versions"]] == [1]
    shown = parse(client.get(joining.url + "history/?page=2")).select("li.version")
    assert len(shown) == 1
    error = get_json(client, joining.url + "history.json?page=3", status=404)
    assert "There is no page 3" in error["error"]["message"]


def test_as_of_json_gives_the_version_in_force_that_day(client, network):
    joining, versions = network["joining"], network["versions"]
    data = get_json(client, joining.url + "as-of/2014-06-01.json")
    assert data["day"] == "2014-06-01"
    assert data["version"]["number"] == 2
    assert data["version"]["revision_id"] == versions[1].pk
    assert [c["heading"] for c in data["content"]["clauses"]] == ["Who can join", "Applying"]
    assert "networks" not in data["content"]["clauses"][0]["text"]
    # The as-of page shows the same version.
    page = parse(client.get(joining.url + "as-of/2014-06-01/"))
    assert "version 2" in text(page.select_one(".version-banner")).lower()
    # And an entry of procedures.json has the same shape, for the version in force now.
    listed = get_json(client, "/data/procedures.json")["results"][0]
    now = get_json(client, joining.url + "as-of/2016-01-01.json")
    assert {key: now[key] for key in listed} == listed


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("as-of/2014-13-01.json", "is not a date"),
        ("as-of/yesterday.json", "is not a date"),
        ("as-of/2012-01-01.json", "did not exist yet on 1 January 2012"),
        ("history.json?page=x", "is not a page number"),
    ],
)
def test_bad_dates_and_pages_are_json_404s(client, network, address, message):
    data = get_json(client, network["joining"].url + address, status=404)
    assert message in data["error"]["message"]


def test_pages_that_are_not_there_or_not_public_are_json_404s(client, network, superuser):
    urls = [
        "/procedures/no-such-rule/history.json",
        "/procedures/no-such-rule/as-of/2014-01-01.json",
        network["private_rule"].url + "history.json",
        network["private_rule"].url + "as-of/2014-08-01.json",
        # A draft has no address of its own to read.
        "/procedures/" + network["draft_rule"].slug + "/history.json",
        # A page without a public history has no such routes.
        "/meetings/bali/history.json",
    ]
    client.force_login(superuser)  # Even someone who may read the private page.
    for url in urls:
        data = get_json(client, url, status=404)
        assert data["error"]["status"] == 404, url


def test_a_page_taken_off_the_site_keeps_its_history_as_data(client, network):
    """As its history page does (the public record), though no list names it any more."""
    page = network["unpublished_rule"]
    data = get_json(client, page.url + "history.json")
    assert [v["summary"] for v in data["versions"]] == ["UNPUBLISHEDWORD version."]
    assert data["page"]["url"] is None
    assert data["taken_off_the_site"]["kind"] == "withdrawn"
    assert client.get(page.url + "history/").status_code == 200


def test_restricting_a_page_takes_it_out_at_once(client, network, wiki):
    page = ProcedurePageFactory(parent=wiki, title="Soon private", slug="soon-private", body=[])
    page.body = [clause_data("Only", "<p>Text.</p>")]
    publish(page, at(2016, 1, 1), "Only version.")
    assert "Soon private" in client.get("/data/procedures.json").content.decode()
    assert client.get(page.url + "history.json").status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert "Soon private" not in client.get("/data/procedures.json").content.decode()
    assert client.get(page.url + "history.json").status_code == 404


def test_procedures_query_count_does_not_grow(client, network, wiki, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        client.get("/data/procedures.json")
    for n in range(12):
        page = ProcedurePageFactory(parent=wiki, title=f"Rule {n}", slug=f"rule-{n}")
        publish(page, at(2016, 1, 1), "First.")
    from pagecache.generation import page_cache

    page_cache().clear()
    with django_assert_max_num_queries(20):
        assert len(client.get("/data/procedures.json").json()["results"]) == 13
