"""The public record: every published version of a rule, and only those."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from history.models import ChangeSummary
from history.record import attributed
from procedures.models import Objective
from tests.factories import ObjectivesPageFactory, ProcedurePageFactory, clause_data
from tests.html import parse, text

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
WIDER = "<p>Any civil society organisation may join.</p>"


def parse_feed(content):
    return ET.fromstring(content)  # noqa: S314 - our own feed, built in this test


def at(year, month, day, hour=12):
    return datetime.datetime(year, month, day, hour, tzinfo=datetime.UTC)


def save_version(page, body, summary="", title=None):
    original_title = page.title
    page.body = body
    page.title = title or original_title
    revision = page.save_revision()
    page.title = original_title
    if summary:
        ChangeSummary.objects.create(revision=revision, text=summary)
    return revision


def publish(revision, when):
    with attributed(at=when):
        revision.publish()
    return revision


@pytest.fixture
def procedure(wiki):
    return ProcedurePageFactory(parent=wiki, title="Joining", slug="joining", live=False, body=[])


@pytest.fixture
def versions(procedure):
    """Three published versions and, in between, drafts that never went live."""
    v1 = publish(
        save_version(
            procedure,
            [
                clause_data("Who can join", "<p>Any organisation may join.</p>", "who-can-join"),
                clause_data("Fees", "<p>There is no fee.</p>", "fees"),
                clause_data("Leaving", "<p>Members may leave.</p>", "leaving"),
            ],
            "First version.",
        ),
        at(2014, 3, 1),
    )
    save_version(
        procedure,
        [clause_data("Who can join", "<p>SECRETDRAFTWORD only.</p>", "who-can-join")],
        "Unapproved summary.",
        title="Unapproved title",
    )
    v2 = publish(
        save_version(
            procedure,
            [
                clause_data("Leaving", "<p>Members may leave.</p>", "leaving"),
                clause_data("Who can join", WIDER, "who-can-join"),
                clause_data("Appeals", "<p>Refusals can be appealed.</p>", "appeals"),
            ],
            "Widen membership and add appeals.",
        ),
        at(2015, 6, 10, 9),
    )
    v3 = publish(
        save_version(
            procedure,
            [
                clause_data("Leaving", "<p>Members may leave at any time.</p>", "leaving"),
                clause_data("Who can join", WIDER, "who-can-join"),
                clause_data("Appeals", "<p>Refusals can be appealed.</p>", "appeals"),
            ],
            "Say when members may leave.",
        ),
        at(2016, 1, 5),
    )
    procedure.refresh_from_db()
    return v1, v2, v3


def as_seen(response):
    """Each paragraph of a diff as a sighted reader sees it, without the screen-reader labels:
    [(what it reads, [the words it marks inserted])]."""
    soup = parse(response)
    for label in soup.select(".visually-hidden"):
        label.decompose()
    return [(text(p), [text(ins) for ins in p.select("ins")]) for p in soup.select(".diff p")]


def get(client, url):
    response = client.get(url)
    return response, response.content.decode()


def test_history_lists_exactly_the_published_versions_newest_first(client, procedure, versions):
    v1, v2, v3 = versions
    response, html = get(client, procedure.url + "history/")
    assert response.status_code == 200
    soup = parse(response)
    links = [a["href"] for a in soup.select("li.version .version__title a")]
    assert links == [f"{procedure.url}history/{v.pk}/" for v in (v3, v2, v1)]
    for summary in ("First version.", "Widen membership and add appeals.", "Say when members"):
        assert summary in html
    assert "Unapproved" not in html and "SECRETDRAFTWORD" not in html
    assert len(soup.select("li.version")) == 3


def test_old_version_reads_as_it_was(client, procedure, versions):
    v1, v2, v3 = versions
    response, old = get(client, f"{procedure.url}history/{v1.pk}/")
    assert response.status_code == 200
    assert "Any organisation may join." in old
    assert "There is no fee." in old
    assert "Refusals can be appealed." not in old
    assert "version 1" in old and "1 March 2014" in old and "10 June 2015" in old
    # Clause anchors work in old versions, so "§2 as of 2014" can be cited.
    assert parse(response).select_one("#fees") is not None
    _, current = get(client, procedure.url)
    assert "There is no fee." not in current
    assert "Members may leave at any time." in current


def test_diff_marks_added_removed_moved_and_changed(client, procedure, versions):
    v1, v2, _ = versions
    response, html = get(client, f"{procedure.url}history/{v1.pk}/{v2.pk}/")
    assert response.status_code == 200
    assert "Added" in html and "Appeals" in html
    assert "Removed" in html and "There is no fee." in html
    assert "Moved" in html or "renumbered" in html
    assert ("Any civil society organisation may join.", ["civil society"]) in as_seen(response)
    soup = parse(response)
    assert "[inserted:" in [text(label) for label in soup.select("span.visually-hidden")]
    assert soup.select_one(".diff__section--removed") is not None
    assert soup.select_one(".diff__section--added") is not None
    assert "Widen membership and add appeals." in html


def test_word_level_change(client, procedure, versions):
    _, v2, v3 = versions
    response, html = get(client, f"{procedure.url}history/{v2.pk}/{v3.pk}/")
    assert ("Members may leave at any time.", ["at any time"]) in as_seen(response)
    assert "Appeals" not in html  # unchanged clauses are not listed


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2014-03-01", "Any organisation may join."),  # the day of publication
        ("2015-06-09", "Any organisation may join."),  # the day before the next version
        ("2015-06-10", "Any civil society organisation may join."),
        ("2030-01-01", "Members may leave at any time."),
    ],
)
def test_as_of_picks_the_version_in_force(client, procedure, versions, day, expected):
    response, html = get(client, f"{procedure.url}as-of/{day}/")
    assert response.status_code == 200
    assert expected in html


def test_as_of_before_the_page_existed(client, procedure, versions):
    response, html = get(client, f"{procedure.url}as-of/2014-02-28/")
    assert response.status_code == 404
    assert "did not exist yet" in html and "1 March 2014" in html


def test_as_of_form_redirects_to_the_date(client, procedure, versions):
    response = client.get(f"{procedure.url}as-of/?day=2015-06-10")
    assert response.status_code == 302
    assert response["Location"].endswith("/as-of/2015-06-10/")
    assert client.get(f"{procedure.url}as-of/?day=soon").status_code == 404


@pytest.mark.parametrize("day", ["2014-13-01", "2015-02-29", "yesterday", "2014-3-1", "0000-00-00"])
def test_malformed_or_impossible_date_is_a_clear_404(client, procedure, versions, day):
    response, html = get(client, f"{procedure.url}as-of/{day}/")
    assert response.status_code == 404
    assert "is not a date" in html


def test_bad_revision_ids_are_clear_404s_and_leak_nothing(client, wiki, procedure, versions):
    v1, v2, _ = versions
    draft = procedure.revisions.get(content__title="Unapproved title")
    other = ProcedurePageFactory(parent=wiki, slug="other")
    other_revision = publish(other.save_revision(), at(2014, 5, 1))
    urls = [
        f"{procedure.url}history/999999/",
        f"{procedure.url}history/{draft.pk}/",
        f"{procedure.url}history/{other_revision.pk}/",
        f"{procedure.url}history/{v1.pk}/{draft.pk}/",
        f"{procedure.url}history/{v1.pk}/{other_revision.pk}/",
    ]
    for url in urls:
        response, html = get(client, url)
        assert response.status_code == 404, url
        assert "no published version" in html
        for secret in ("SECRETDRAFTWORD", "Unapproved title", "Unapproved summary"):
            assert secret not in html


def test_pair_the_wrong_way_round(client, procedure, versions):
    v1, v2, _ = versions
    response, html = get(client, f"{procedure.url}history/{v2.pk}/{v1.pk}/")
    assert response.status_code == 404
    assert "older one first" in html
    assert f"history/{v1.pk}/{v2.pk}/" in html


def test_page_feed_is_atom_with_summaries(client, procedure, versions):
    response = client.get(f"{procedure.url}history/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = parse_feed(response.content)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 3
    for entry in entries:
        for required in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{required}") is not None
    assert "Say when members may leave." in entries[0].find(f"{ATOM}title").text
    assert len({e.find(f"{ATOM}id").text for e in entries}) == 3
    assert b"Unapproved" not in response.content


def test_site_changes_page_and_feed(client, wiki, procedure, versions):
    _, v2, v3 = versions
    hidden = ProcedurePageFactory(parent=wiki, slug="private", title="Private rule")
    publish(hidden.save_revision(), at(2016, 2, 1))
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")

    response, html = get(client, "/changes/")
    assert response.status_code == 200
    assert "Say when members may leave." in html
    diff = f"{procedure.url}history/{v2.pk}/{v3.pk}/"
    assert parse(response).select_one(f'a[href="{diff}"]') is not None
    assert "Private rule" not in html

    feed = client.get("/changes/feed/")
    assert feed.status_code == 200
    root = parse_feed(feed.content)
    titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    assert any("Say when members may leave." in t for t in titles)
    assert not any("Private rule" in t for t in titles)


def test_procedure_page_links_to_its_history(client, procedure, versions):
    procedure.status, procedure.in_force_from = "in_force", datetime.date(2014, 3, 1)
    publish(procedure.save_revision(), timezone.now())
    response, html = get(client, procedure.url)
    assert parse(response).select_one(f'a[href="{procedure.url}history/"]') is not None
    assert "In force since 1 March 2014" in html and "last changed" in html


def test_history_of_the_objectives(client, home):
    page = ObjectivesPageFactory(parent=home, objectives=["To share.", "To amplify."])
    first = publish(page.save_revision(), at(2013, 10, 20))
    share, amplify = page.objectives.all()
    page.objectives = [
        Objective(pk=amplify.pk, text="To amplify.", sort_order=0),
        Objective(pk=share.pk, text="To share widely.", sort_order=1),
        Objective(text="To grow.", sort_order=2),
    ]
    second = publish(page.save_revision(), at(2014, 1, 1))

    response, html = get(client, f"{page.url}history/{first.pk}/{second.pk}/")
    assert response.status_code == 200
    assert "Added" in html and "To grow." in html
    assert "widely" in html
    _, old = get(client, f"{page.url}as-of/2013-12-31/")
    assert "To share." in old and "To grow." not in old


def test_query_counts_do_not_grow_with_the_number_of_versions(
    client, wiki, django_assert_max_num_queries
):
    def make(slug, count):
        page = ProcedurePageFactory(parent=wiki, slug=slug, live=False, body=[])
        revisions = []
        for n in range(count):
            body = [clause_data("Rule", f"<p>Version {n} text.</p>", "rule")]
            revisions.append(publish(save_version(page, body, f"Change {n}."), at(2014, 1, 1)))
        page.refresh_from_db()
        return page, revisions

    # Twice and more than four times the 20 versions a history page lists.
    small, small_revisions = make("small", 8)
    large, large_revisions = make("large", 90)

    def count(url):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    for page, revisions in ((small, small_revisions), (large, large_revisions)):
        urls = [
            f"{page.url}history/",
            f"{page.url}history/{revisions[5].pk}/",
            f"{page.url}history/{revisions[5].pk}/{revisions[6].pk}/",
            f"{page.url}history/feed/",
        ]
        counts = [count(url) for url in urls]
        if page is small:
            small_counts = counts
    assert counts == small_counts
    with django_assert_max_num_queries(30):
        client.get(f"{large.url}history/")
