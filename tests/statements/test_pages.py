"""A statement as a visitor reads it: the counts, the list of signatories, the downloads, the
versions of its text, its history, search, and its place among a meeting's outcomes."""

import csv
import io
import json

import pytest
from django.core import mail
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from meetings.models import MeetingPage
from statements.models import Signature, StatementIndexPage, StatementPage
from statements.tasks import ask_earlier_signatories
from tests.factories import (
    MeetingIndexPageFactory,
    MeetingPageFactory,
    SignatureFactory,
    StatementPageFactory,
)
from tests.html import parse, text

from .conftest import links, path_of

pytestmark = pytest.mark.django_db


class TestPageTypeRules(WagtailPageTestCase):
    def test_statements_live_under_a_meeting_or_the_statements_index(self):
        self.assertAllowedParentPageTypes(StatementPage, {MeetingPage, StatementIndexPage})
        self.assertAllowedSubpageTypes(StatementPage, set())
        self.assertAllowedParentPageTypes(StatementIndexPage, {HomePage})


def sign_many(statement, count, **fields):
    return [SignatureFactory(statement=statement, **fields) for _ in range(count)]


@pytest.fixture
def signed(statement):
    """Two organisations (Chile, Kenya), three individuals (Kenya, France, India), and one
    signature of each kind that is not public (unconfirmed, withdrawn, hidden)."""
    SignatureFactory(
        statement=statement,
        for_organisation=True,
        organisation_name="Derechos",
        country="CL",
        region="latin_america",
        website="https://example.org/dd",
        email="dd@example.org",
    )
    SignatureFactory(
        statement=statement, for_organisation=True, organisation_name="KICTANet", country="KE"
    )
    SignatureFactory(statement=statement, name="Wanjiru", comment="Yes.")
    SignatureFactory(statement=statement, name="Claire", country="FR", region="europe")
    SignatureFactory(statement=statement, name="Anja", country="IN", region="asia_pacific")
    SignatureFactory(statement=statement, name="Unconfirmed", confirmed_at=None)
    SignatureFactory(statement=statement, name="Gone", withdrawn_at="2014-01-01T00:00Z")
    SignatureFactory(statement=statement, name="Spam", review="hidden", hidden_reason="Spam")
    return statement


def test_the_statement_page_counts_signatories_by_region(client, signed):
    soup = parse(client.get(signed.url))
    section = soup.select_one("#signatories")

    assert "Signed by 2 organisations and 3 individuals: 4 of 5 (80%) from the Global South." in (
        text(section)
    )
    rows = {text(row.th): text(row.select("td")[-1]) for row in section.select("table tbody tr")}
    assert rows == {
        "Africa": "2",
        "Arab States": "0",
        "Asia and the Pacific": "1",
        "Latin America and the Caribbean": "1",
        "Europe": "1",
        "North America": "0",
    }
    first = [text(li.strong) for li in section.select(".signatories > li")]
    assert first == ["Derechos", "KICTANet", "Wanjiru", "Claire", "Anja"]
    assert text(section.select_one("#signatories .signatories__comment")) == "Yes."
    hrefs = {a["href"] for a in section.select("a")}
    assert {signed.url + "signatories/", signed.url + "signatories/csv/"} <= hrefs


def test_the_list_groups_organisations_then_individuals(client, signed):
    soup = parse(client.get(signed.url + "signatories/"))

    groups = [
        (text(heading), [text(li.strong) for li in heading.find_next("ul").select("li")])
        for heading in soup.select("main h2")
    ]
    assert groups == [
        ("Organisations", ["Derechos", "KICTANet"]),
        ("Individuals", ["Wanjiru", "Claire", "Anja"]),
    ]


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("region=africa", ["KICTANet", "Wanjiru"]),
        ("country=FR", ["Claire"]),
        ("region=africa&country=KE", ["KICTANet", "Wanjiru"]),
        ("region=europe&country=KE", []),
    ],
)
def test_the_list_filters_by_region_and_country(client, signed, query, names):
    soup = parse(client.get(signed.url + "signatories/?" + query))

    assert [text(li.strong) for li in soup.select(".signatories > li")] == names


@pytest.mark.parametrize("query", ["region=atlantis", "country=XX", "page=abc", "page=999"])
def test_a_malformed_filter_or_page_shows_a_page_not_an_error(client, signed, query):
    response = client.get(signed.url + "signatories/?" + query)

    assert response.status_code == 200
    assert parse(response).select(".signatories > li")
    if "page" not in query:
        assert "so all are shown" in text(parse(response).select_one(".note"))


def test_the_list_pages_keep_the_filters(client, statement):
    sign_many(statement, 120)
    sign_many(statement, 3, country="FR", region="europe")

    first = parse(client.get(statement.url + "signatories/?region=africa"))
    next_link = first.select_one('.pagination a[rel="next"]')
    second = parse(client.get(statement.url + "signatories/" + next_link["href"]))
    third = parse(client.get(statement.url + "signatories/?region=africa&page=3"))

    assert next_link["href"] == "?region=africa&page=2"
    assert "Page 1 of 3" in text(first.select_one(".pagination"))
    assert len(first.select(".signatories > li")) == 50
    assert len(second.select(".signatories > li")) == 50
    assert len(third.select(".signatories > li")) == 20


def test_the_csv_download_has_the_public_fields_and_no_email(client, signed):
    response = client.get(signed.url + "signatories/csv/")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.streaming
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(content)))
    assert "@" not in content
    assert [row["organisation"] or row["name"] for row in rows] == [
        "Derechos",
        "KICTANet",
        "Wanjiru",
        "Claire",
        "Anja",
    ]
    derechos = rows[0]
    assert derechos["id"] == str(Signature.objects.get(organisation_name="Derechos").pk)
    assert (derechos["country_name"], derechos["region"], derechos["global_south"]) == (
        "Chile",
        "latin_america",
        "True",
    )
    assert (derechos["text_version"], derechos["signed_current_text"]) == ("1", "True")


def test_the_json_download_matches_the_csv(client, signed):
    response = client.get(signed.url + "signatories/json/")

    data = json.loads(b"".join(response.streaming_content))
    csv_rows = list(
        csv.DictReader(
            io.StringIO(
                b"".join(client.get(signed.url + "signatories/csv/").streaming_content).decode()
            )
        )
    )
    assert data["statement"] == signed.title
    assert [row["id"] for row in data["signatories"]] == [int(row["id"]) for row in csv_rows]
    assert all("email" not in row for row in data["signatories"])
    assert data["signatories"][2]["comment"] == "Yes."


def publish_text(statement, body=None, status=None):
    statement = StatementPage.objects.get(pk=statement.pk)
    if body is not None:
        statement.body = body
    if status is not None:
        statement.status = status
    revision = statement.save_revision()
    revision.publish()
    return revision


def test_earlier_signatories_are_shown_asked_again_and_can_reconfirm(
    client, statement, django_capture_on_commit_callbacks
):
    early = SignatureFactory(statement=statement, name="Early", email="early@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        revision = publish_text(statement, body="<p>We oppose all mass surveillance.</p>")
    statement.refresh_from_db()
    SignatureFactory(statement=statement, name="Late")

    page = parse(client.get(statement.url))
    assert "1 of 2 signed the current text (version 2)" in text(page.select_one(".note"))
    badges = {
        text(li.strong): text(li.select_one(".badge--version") or li.strong)
        for li in page.select(".signatories > li")
    }
    assert badges == {"Early": "signed version 1", "Late": "Late"}

    assert ask_earlier_signatories.call(statement.pk, revision.pk) == 1
    assert ask_earlier_signatories.call(statement.pk, revision.pk) == 0  # asked once only
    message = mail.outbox[-1]
    assert message.to == ["early@example.org"]
    assert "The text you signed has changed" in message.subject
    reconfirm = path_of(links(message)["reconfirm"])
    shown = parse(client.get(reconfirm))
    diff = shown.find("a", string="See what changed")
    assert client.get(diff["href"]).status_code == 200

    client.post(reconfirm)

    early.refresh_from_db()
    assert early.revision_id == revision.pk
    assert parse(client.get(statement.url)).select_one(".note") is None


def test_a_new_version_with_the_same_text_asks_nobody(client, statement):
    SignatureFactory(statement=statement)
    revision = publish_text(statement, status=StatementPage.Status.CLOSED)

    assert ask_earlier_signatories.call(statement.pk, revision.pk) == 0
    assert mail.outbox == []
    assert parse(client.get(statement.url)).select_one("#signatories .note") is None


def test_publishing_a_statement_schedules_asking_earlier_signatories(
    statement, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        revision = publish_text(statement, body="<p>New.</p>")

    job = DBTaskResult.objects.get(task_path="statements.tasks.ask_earlier_signatories")
    assert job.args_kwargs["args"] == [statement.pk, revision.pk]


def test_a_statement_has_a_public_history(client, statement):
    publish_text(statement, body="<p>We oppose all mass surveillance.</p>")

    history = parse(client.get(statement.url + "history/"))
    diff_link = history.select_one("a[href*='/history/'][href$='/']")
    assert diff_link is not None
    versions = statement.history().versions
    diff = parse(
        client.get(statement.url + f"history/{versions[0].revision_id}/{versions[1].revision_id}/")
    )
    assert "[inserted: all]" in [text(word) for word in diff.select("ins")]


def test_queries_for_the_statement_page_and_list_do_not_grow_with_signatures(
    client, statements, django_assert_max_num_queries
):
    small = StatementPageFactory(parent=statements, slug="small")
    small.save_revision().publish()
    large = StatementPageFactory(parent=statements, slug="large")
    large.save_revision().publish()
    sign_many(small, 2)
    sign_many(small, 2, for_organisation=True, country="BR", region="latin_america")
    sign_many(large, 40)
    sign_many(large, 40, for_organisation=True, country="BR", region="latin_america")
    client.get(small.url)  # warm the site and page-tree caches shared by both

    counts = {}
    for page in (small, large):
        for path in ("", "signatories/", "signatories/?region=latin_america&country=BR"):
            with django_assert_max_num_queries(20) as queries:
                assert client.get(page.url + path).status_code == 200
            counts[page.slug, path] = len(queries)
    for path in ("", "signatories/", "signatories/?region=latin_america&country=BR"):
        assert counts["large", path] <= counts["small", path]


def test_the_download_runs_a_fixed_number_of_queries(
    client, statement, django_assert_max_num_queries
):
    sign_many(statement, 30)
    with django_assert_max_num_queries(12):
        content = b"".join(client.get(statement.url + "signatories/csv/").streaming_content)
    assert content.count(b"\n") == 31


def test_a_statement_under_a_meeting_is_among_its_outcomes(client, home):
    meeting = MeetingPageFactory(parent=MeetingIndexPageFactory(parent=home))
    statement = StatementPageFactory(parent=meeting, title="Message from the meeting")
    statement.save_revision().publish()

    soup = parse(client.get(meeting.url))

    outcome = soup.select_one("#outcomes li")
    assert text(outcome.a) == "Message from the meeting"
    assert outcome.a["href"] == statement.url
    assert "Joint statement · 20 October 2013" in text(outcome)


def test_the_index_lists_open_statements_first(client, statements, statement):
    closed = StatementPageFactory(parent=statements, title="Closed one", status="closed")
    closed.save_revision().publish()

    soup = parse(client.get(statements.url))

    sections = [
        (text(s.h2), [text(a) for a in s.select(".listing > li > a")])
        for s in soup.select("main section")
    ]
    assert sections == [
        ("Open for signatures", ["Statement on surveillance"]),
        ("Other statements", ["Closed one"]),
    ]


def test_signatory_organisations_find_the_statements_they_signed(
    client, whoosh, signed, django_capture_on_commit_callbacks
):
    from tests.search.helpers import get, reindex, results

    reindex()  # the factory stored the signatures without the public path that indexes them
    found = [a["href"] for a in results(get(client, query="KICTANet"))]
    assert found == [signed.url + "#signatories"]

    late = SignatureFactory(
        statement=signed,
        for_organisation=True,
        organisation_name="Zanzibar Rights",
        confirmed_at=None,
    )
    with django_capture_on_commit_callbacks(execute=True):
        late.confirm()
    assert [a["href"] for a in results(get(client, query="Zanzibar"))] == [
        signed.url + "#signatories"
    ]
    with django_capture_on_commit_callbacks(execute=True):
        late.withdraw()
    assert results(get(client, query="Zanzibar")) == []
