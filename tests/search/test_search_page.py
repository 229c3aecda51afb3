"""The search page as a newcomer uses it: results down to the clause, snippets, filters,
query syntax, suggestions, picks, pagination and headers. Runs on both backends."""

import re

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests.factories import ProcedurePageFactory, clause_data
from tests.search.helpers import get, reindex

pytestmark = pytest.mark.django_db


def titles(response):
    return [
        re.sub(r"<[^>]+>", "", title)
        for title in re.findall(
            r'class="search-hit__title"><a href="[^"]*">(.*?)</a>', response.content.decode()
        )
    ]


def hit_links(response):
    return re.findall(r'class="search-hit__title"><a href="([^"]*)">', response.content.decode())


def test_a_hit_in_a_sub_clause_links_to_its_anchor(any_backend, site):
    response = get(query="hearing")

    assert response.status_code == 200
    assert hit_links(response) == ["/procedures/joining/#appeal"]
    assert "§2.2 Appeal" in response.content.decode()


def test_meeting_sessions_agenda_and_facilitators_are_found(any_backend, site):
    response = get(query="Quarrington")

    assert titles(response) == ["Meeting in Bali"]
    assert hit_links(response) == [f"/meetings/bali/#session-{site['session'].pk}"]
    assert "Session: State surveillance and human rights" in response.content.decode()


def test_a_result_shows_kind_place_date_and_a_highlighted_snippet(any_backend, site):
    body = get(query="summit").content.decode()

    assert "Outcome · Meetings · Meeting in Bali" in body
    assert '<time datetime="2013-10-20">20 October 2013</time>' in body
    assert "<mark>summit</mark>" in body


def test_markup_in_content_and_query_is_escaped(any_backend, site):
    # The word stands outside the markup: PostgreSQL's parser drops words inside tags.
    ProcedurePageFactory(
        parent=site["wiki"], summary="<script>alert('hi')</script> zanzibar <b>bold</b>"
    )
    body = get(query="zanzibar").content.decode()
    typed = get(query='<img src=x onerror=alert(1)> "<b>zanzibar"').content.decode()

    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt; <mark>zanzibar</mark>" in body
    assert "<img src=x" not in typed
    assert "&lt;img src=x onerror=alert(1)&gt;" in typed


def test_facets_count_and_filter_without_javascript(any_backend, site):
    body = get(query="surveillance").content.decode()
    assert re.search(
        r'href="\?query=surveillance&amp;kind=meeting">Meeting <span class="count">\(2\)', body
    )
    assert re.search(r'kind=outcome">Outcome <span class="count">\(1\)', body)
    assert re.search(r'year=2015">2015 <span class="count">\(1\)', body)

    response = get(query="surveillance", kind="meeting", year="2013")

    assert titles(response) == ["Meeting in Bali"]
    body = response.content.decode()
    assert 'aria-current="true">Meeting <span class="count">(1)' in body
    assert 'aria-current="true">2013' in body


def test_filter_by_meeting_keeps_its_outcomes(any_backend, site):
    response = get(query="surveillance", meeting=str(site["meeting"].pk))

    assert sorted(titles(response)) == ["Meeting in Bali", "Message from Bali"]


def test_unknown_filter_values_are_ignored_with_a_note(any_backend, site):
    response = get(query="surveillance", kind="spaceship", year="abc", meeting="-1")

    assert response.status_code == 200
    assert len(titles(response)) == 3
    assert response.content.decode().count("so it was left out") == 3


def test_phrases_exclusions_and_or(any_backend, site):
    assert titles(get(query='"approves changes"')) == ["The steering committee"]
    assert "Meeting in Geneva" not in titles(get(query="surveillance -reform"))
    assert sorted(titles(get(query="hearing OR summit"))) == [
        "Joining the network",
        "Message from Bali",
    ]


def test_a_question_in_plain_words_finds_the_answer(any_backend, site):
    assert titles(get(query="How do I join?"))[0] == "Joining the network"


def test_a_misspelling_gets_a_suggestion_and_close_matches(any_backend, site):
    body = get(query="quarington").content.decode()

    assert 'Did you mean <a href="?query=quarrington">quarrington</a>?' in body
    assert "Meeting in Bali" in body


def test_no_page_with_every_word_falls_back_to_the_rarest(any_backend, site):
    response = get(query="hearing surveillance")

    assert titles(response) == ["Joining the network"] or "No page has all" in (
        response.content.decode()
    )
    assert "No page has all of those words" in response.content.decode()


def test_editors_picks_come_first_under_recommended(any_backend, site):
    SearchPromotion.objects.create(query=Query.get("join"), page=site["membership"], sort_order=0)

    body = get(query="how can I join").content.decode()

    assert body.index("Recommended") < body.index('class="search-hits"')
    assert '<a href="/membership/">Membership</a>' in body


def test_results_are_paginated_twenty_a_page(whoosh, site):
    for n in range(25):
        ProcedurePageFactory(parent=site["wiki"], summary=f"Kumquat rule {n}.")

    first = get(query="kumquat")
    last = get(query="kumquat", page="2")

    assert len(titles(first)) == 20
    assert len(titles(last)) == 5
    assert "25 results" in first.content.decode()
    assert 'href="?query=kumquat&amp;page=2" rel="next"' in first.content.decode()


def test_an_empty_query_shows_guidance_and_the_sections(any_backend, site):
    body = get().content.decode()

    assert "How to search" in body
    assert 'href="/procedures/"' in body
    assert "search-hits" not in body


def test_results_are_not_indexed_or_cached(any_backend, site):
    response = get(query="join")

    assert response["X-Robots-Tag"] == "noindex"
    assert set(response["Cache-Control"].split(", ")) >= {"no-cache", "no-store", "private"}
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_every_page_has_the_search_box(any_backend, site, client):
    body = client.get("/procedures/joining/").content.decode()

    assert 'action="/search/" method="get" role="search"' in body
    assert 'name="query"' in body


@pytest.mark.parametrize("matching", [5, 25])
def test_queries_per_search_do_not_grow_with_the_results(
    whoosh, site, matching, django_assert_max_num_queries
):
    for n in range(matching):
        ProcedurePageFactory(
            parent=site["wiki"],
            summary=f"Quince rule {n}.",
            body=[clause_data("Quince", "<p>Quince clause.</p>")],
        )
    reindex()
    get(query="quince")  # builds the cached vocabulary

    with django_assert_max_num_queries(22):
        response = get(query="quince")

    assert len(titles(response)) == min(matching, 20)


def test_the_ranked_list_loads_only_what_ranking_and_facets_read(
    any_backend, site, django_assert_max_num_queries
):
    from django.contrib.auth.models import AnonymousUser

    from search.facets import rows as facet_rows
    from search.query import parse
    from search.ranking import RANKED_FIELDS, ranked
    from search.visibility import visible_pages

    hits = ranked(visible_pages(AnonymousUser()), parse("Bali").build())

    assert len(hits) >= 3
    assert {"url_path", "search_description", "latest_revision_id"} <= hits[0].get_deferred_fields()
    assert not set(RANKED_FIELDS) & hits[0].get_deferred_fields()
    facet_rows(hits)  # content types cached
    # Dates and meetings for the facets: three queries at most, none per hit.
    with django_assert_max_num_queries(3):
        rows = facet_rows(hits)
    assert [row.pk for row in rows] == [hit.pk for hit in hits]
