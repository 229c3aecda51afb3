"""Searching past versions from the search page: what a clause said, when, and where it
changed; never what was not published or what not everyone may read. Runs on both backends."""

import datetime

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from history.record import attributed
from pastversions.models import Wording
from tests.factories import ProcedurePageFactory, clause_data
from tests.html import parse, text
from tests.search.helpers import get

pytestmark = pytest.mark.django_db

THIRTY = "<p>The committee decides within thirty days.</p>"
TWENTY_ONE = "<p>The committee decides within twenty-one days and gives reasons.</p>"


def at(year, month, day):
    return datetime.datetime(year, month, day, 12, tzinfo=datetime.UTC)


def body(decision):
    return [
        clause_data("Who can join", "<p>Organisations that endorse the aims.</p>", "who"),
        clause_data(
            "How to apply",
            "<p>Write to the committee.</p>",
            "apply",
            subclauses=[("Decision", "decision", decision)],
        ),
    ]


def publish(page, content, when, title=None):
    page.body = content
    if title:
        page.title = title
    revision = page.save_revision()
    with attributed(at=when):
        revision.publish()
    page.refresh_from_db()
    return revision


@pytest.fixture
def joining(wiki):
    """A procedure that said "thirty days" in version 1 (2013) and "twenty-one days" since
    version 2 (1 March 2014); version 3 (2015) changed another clause only."""
    page = ProcedurePageFactory(
        parent=wiki, title="Joining the network", slug="joining", live=False, body=[]
    )
    v1 = publish(page, body(THIRTY), at(2013, 10, 21))
    v2 = publish(page, body(TWENTY_ONE), at(2014, 3, 1))
    later = body(TWENTY_ONE)
    later[0]["value"]["text"] = "<p>Organisations and their networks that endorse the aims.</p>"
    v3 = publish(page, later, at(2015, 6, 10))
    return page, (v1, v2, v3)


def clauses(response):
    return parse(response).select(".search-clause")


def lines(clause):
    return [text(li) for li in clause.select(".search-wording")]


def links(clause):
    return {text(a): a["href"] for a in clause.select("a")}


def test_a_phrase_finds_the_clause_that_said_it_with_its_dates_version_and_diff(
    any_backend, joining
):
    page, (v1, v2, v3) = joining

    response = get(query='"thirty days"', versions="past")

    assert response.status_code == 200
    [clause] = clauses(response)
    assert text(clause.select_one(".search-hit__title")) == "§2.1 Decision"
    said, now = lines(clause)
    assert said.startswith("Said “The committee decides within thirty days.”")
    assert "from 21 October 2013 to 1 March 2014 (version 1)" in said
    assert now.startswith("Since version 2 it says “The committee decides within twenty-one")
    assert "(since 1 March 2014)" in now
    assert [text(m) for m in clause.select(".search-wording--matched mark")] == ["thirty", "days"]
    found = links(clause)
    assert found["version 1"] == f"{page.url}history/{v1.pk}/"
    assert found["Where it changed (version 2)"] == f"{page.url}history/{v1.pk}/{v2.pk}/"
    assert found["version 2"] == f"{page.url}history/{v2.pk}/"
    assert found["Joining the network"] == f"{page.url}history/"


def test_one_result_per_clause_however_many_versions_had_the_wording(any_backend, joining):
    page, (v1, v2, v3) = joining

    response = get(query='"twenty-one days"', versions="past")

    [clause] = clauses(response)
    [says] = lines(clause)
    assert "since 1 March 2014 (versions 2–3)" in says
    assert links(clause)["Where it appeared (version 2)"] == f"{page.url}history/{v1.pk}/{v2.pk}/"
    assert "1 clause whose wording, now or in a past version, matches" in text(
        parse(response).select_one(".search-count")
    )


def test_the_current_pages_do_not_say_it_and_offer_past_versions(any_backend, joining):
    response = get(query='"thirty days"')

    assert parse(response).select(".search-hit") == []
    past = parse(response).find("a", string="Past versions")
    assert past["href"] == "?query=%22thirty+days%22&versions=past"


def test_an_as_of_day_narrows_to_the_versions_in_force_that_day(any_backend, joining):
    before = get(query="thirty", as_of="2014-02-28")
    after = get(query="thirty", as_of="2014-03-01")

    assert len(clauses(before)) == 1
    assert "2014-02-28" in parse(before).select_one('input[name="as_of"]')["value"]
    assert clauses(after) == []
    assert "No version in force on 1 March 2014 says" in text(
        parse(after).select_one(".search-count")
    )


def test_malformed_scope_and_day_are_ignored_with_a_note(any_backend, joining):
    response = get(query="thirty", versions="all'; drop", as_of="2014-02-30")

    assert response.status_code == 200
    notices = [text(p) for p in parse(response).select(".search-notice")]
    assert "“versions=all'; drop” is not a choice (only “versions=past”)" in notices[0]
    assert "“2014-02-30” is not a date" in notices[1]
    # The day was ignored, the scope too: the current pages were searched.
    assert clauses(response) == []


def test_drafts_and_unpublished_proposals_are_never_found(any_backend, joining):
    page, _ = joining
    page.body = body("<p>The committee decides within sesquipedalian days.</p>")
    page.save_revision()  # a draft, or a proposal that is rejected or withdrawn: never published

    assert clauses(get(query="sesquipedalian", versions="past")) == []
    assert not Wording.objects.filter(text__contains="sesquipedalian").exists()


def test_a_view_restricted_page_has_no_searchable_past_until_it_is_public_again(
    any_backend, joining
):
    page, _ = joining
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )

    assert clauses(get(query="thirty", versions="past")) == []
    assert not Wording.objects.filter(page_id=page.pk).exists()

    restriction.delete()
    assert len(clauses(get(query="thirty", versions="past"))) == 1


def test_versions_published_while_restricted_are_never_indexed(any_backend, wiki):
    page = ProcedurePageFactory(parent=wiki, slug="secret", live=False, body=[])
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    publish(page, body("<p>Decided within quinquennial days.</p>"), at(2014, 1, 1))
    restriction.delete()
    publish(page, body(THIRTY), at(2015, 1, 1))

    assert clauses(get(query="quinquennial", versions="past")) == []
    assert len(clauses(get(query="thirty", versions="past"))) == 1


def test_a_withdrawn_page_keeps_its_past_searchable(any_backend, joining):
    page, _ = joining
    page.unpublish()

    [clause] = clauses(get(query='"twenty-one days"', versions="past"))
    assert "Then the page was taken off the site." in lines(clause)[0]


def test_a_deleted_page_takes_its_wordings_with_it(any_backend, joining):
    page, _ = joining
    page.delete()

    assert clauses(get(query="thirty", versions="past")) == []
    assert not Wording.objects.exists()


def test_the_command_rebuilds_the_wordings_from_the_record(any_backend, joining):
    expected = sorted(Wording.objects.values_list("key", "first_version", "last_version", "text"))
    Wording.objects.all().delete()
    assert clauses(get(query="thirty", versions="past")) == []

    call_command("sync_past_versions", verbosity=0)
    call_command("sync_past_versions", verbosity=0)  # again: nothing changes

    found = sorted(Wording.objects.values_list("key", "first_version", "last_version", "text"))
    assert found == expected
    assert len(clauses(get(query="thirty", versions="past"))) == 1


def test_a_republished_page_starts_new_wordings_after_its_time_off_the_site(any_backend, joining):
    page, _ = joining
    with attributed(at=at(2015, 12, 1)):
        page.unpublish()
    publish(page, body(TWENTY_ONE), at(2016, 1, 1))

    [clause] = clauses(get(query='"twenty-one days"', versions="past"))
    first, second = lines(clause)
    assert "from 1 March 2014 to 1 December 2015 (versions 2–3)" in first
    assert "Then the page was taken off the site." in first
    assert "since 1 January 2016 (version 4)" in second


def test_results_page_is_a_fixed_number_of_queries(
    any_backend, wiki, django_assert_max_num_queries
):
    for n in range(12):
        page = ProcedurePageFactory(parent=wiki, slug=f"p{n}", live=False, body=[])
        publish(page, body(THIRTY), at(2013, 1, 1 + n))
        publish(page, body(TWENTY_ONE), at(2014, 1, 1 + n))

    with django_assert_max_num_queries(12):
        response = get(query="thirty", versions="past")
    assert len(clauses(response)) == 12


@pytest.mark.parametrize(
    "as_of", ["0000-01-01", "2014-13-01", "２０１４-01-01", "2014-01-01T12:00", "9" * 3000]
)
def test_an_as_of_that_is_not_a_date_is_left_out_with_a_note(any_backend, joining, as_of):
    response = get(query="thirty", versions="past", as_of=as_of)

    assert response.status_code == 200
    [note] = [text(p) for p in parse(response).select(".search-notice")]
    assert f"“{as_of[:40]}” is not a date (give one as YYYY-MM-DD" in note
    # The versions in force on any day were searched.
    assert len(clauses(response)) == 1


@pytest.mark.parametrize("as_of", ["0001-01-01", "9999-12-31"])
def test_the_first_and_last_days_a_date_can_name_are_searched(any_backend, joining, as_of):
    response = get(query="thirty", versions="past", as_of=as_of)

    assert response.status_code == 200
    assert clauses(response) == []  # no version was in force then


@pytest.mark.parametrize("versions", ["PAST", "past,current", "v" * 3000])
def test_a_versions_value_that_is_not_past_is_left_out_with_a_note(any_backend, joining, versions):
    response = get(query="thirty", versions=versions)

    assert response.status_code == 200
    [note] = [text(p) for p in parse(response).select(".search-notice")]
    assert f"“versions={versions[:40]}” is not a choice (only “versions=past”)" in note
    assert clauses(response) == []  # the current pages were searched


def test_past_versions_and_papers_at_once_searches_past_versions_with_a_note(any_backend, joining):
    response = get(query="thirty", versions="past", **{"in": "papers"})

    assert response.status_code == 200
    notes = [text(p) for p in parse(response).select(".search-notice")]
    assert "Past versions and background papers are searched one at a time." in notes
    assert len(clauses(response)) == 1
