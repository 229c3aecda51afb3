"""The search page as a newcomer uses it: results down to the clause, snippets, filters,
query syntax, suggestions, picks, pagination and headers. Runs on both backends."""

import re

import pytest
from pytest_django.asserts import assertContains, assertInHTML
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from tests.admin_forms import edit_url, procedure_edit_form
from tests.factories import ProcedureIndexPageFactory, ProcedurePageFactory, clause_data
from tests.html import parse, text
from tests.search.helpers import get, reindex, results, searched_as_typed, suggestion, titles

pytestmark = pytest.mark.django_db


def hit_links(response):
    return [link["href"] for link in results(response)]


def current_facets(response):
    """The facet choices marked current, each as (what it reads, its count)."""
    return [
        (text(choice), text(choice.select_one("span.count")))
        for choice in parse(response).select('.search-facets a[aria-current="true"]')
    ]


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
    response = get(query="summit")

    assert "Outcome · Meetings · Meeting in Bali" in response.content.decode()
    assertContains(response, '<time datetime="2013-10-20">20 October 2013</time>', html=True)
    assertContains(response, "<mark>summit</mark>", html=True)


def test_markup_in_content_and_query_is_escaped(any_backend, site):
    # The word stands outside the markup: PostgreSQL's parser drops words inside tags.
    ProcedurePageFactory(
        parent=site["wiki"], summary="<script>alert('hi')</script> zanzibar <b>bold</b>"
    )
    response = get(query="zanzibar")
    body = response.content.decode()
    typed = get(query='<img src=x onerror=alert(1)> "<b>zanzibar"').content.decode()

    assert "<script>alert" not in body
    # Parsed, the content's markup is text, with the word found highlighted after it.
    highlighted = parse(response).find("mark", string="zanzibar")
    assert "<script>alert('hi')</script> zanzibar" in text(highlighted.parent)
    assert "<img src=x" not in typed
    assert "&lt;img src=x onerror=alert(1)&gt;" in typed


def test_facets_count_and_filter_without_javascript(any_backend, site):
    response = get(query="surveillance")
    for href, label, count in [
        ("?query=surveillance&amp;kind=meeting", "Meeting", 2),
        ("?query=surveillance&amp;kind=outcome", "Outcome", 1),
        ("?query=surveillance&amp;year=2015", "2015", 1),
    ]:
        choice = f'<a href="{href}">{label} <span class="count">({count})</span></a>'
        assertContains(response, choice, html=True)

    response = get(query="surveillance", kind="meeting", year="2013")

    assert titles(response) == ["Meeting in Bali"]
    current = current_facets(response)
    assert ("Meeting (1)", "(1)") in current
    assert any(reads.startswith("2013") for reads, _ in current)


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


def test_a_phrase_searched_before_a_change_finds_what_the_change_made(any_backend, site):
    # Whoosh keeps which documents hold a phrase, per segment of its index: what a later
    # publish adds or takes away is still found, or no longer, as it says.
    assert titles(get(query='"approves changes"')) == ["The steering committee"]
    page = ProcedurePageFactory(
        parent=site["wiki"], title="Amendments", summary="Who approves changes to a clause."
    )

    assert sorted(titles(get(query='"approves changes"'))) == [
        "Amendments",
        "The steering committee",
    ]

    page.summary = "Who decides on a clause."
    page.save_revision().publish()

    assert titles(get(query='"approves changes"')) == ["The steering committee"]


def test_a_question_in_plain_words_finds_the_answer(any_backend, site):
    assert titles(get(query="How do I join?"))[0] == "Joining the network"


def test_a_misspelling_is_searched_as_corrected_with_a_link_to_search_as_typed(any_backend, site):
    response = get(query="quarington")

    assert suggestion(response) == ("quarrington", "?query=quarrington")
    assert searched_as_typed(response) == ("quarington", "?query=quarington&as_typed=1")
    assert "Showing results for quarrington. Search instead for quarington." in text(
        parse(response)
    )
    assert "Meeting in Bali" in response.content.decode()
    # The count says what the results are for: the corrected words.
    assert re.search(r"\d+ results? for quarrington\.", text(parse(response)))


def test_searching_as_typed_does_not_correct_and_still_suggests(any_backend, site):
    response = get(query="quarington", as_typed="1")

    assert "Meeting in Bali" not in response.content.decode()
    assert suggestion(response) == ("quarrington", "?query=quarrington")
    assert "Did you mean quarrington?" in text(parse(response))
    assert searched_as_typed(response) is None


@pytest.mark.parametrize("value", ["0", "yes", ""])
def test_only_as_typed_1_turns_correction_off(any_backend, site, value):
    assert "Meeting in Bali" in get(query="quarington", as_typed=value).content.decode()


def test_no_page_with_most_words_falls_back_to_pages_with_any(any_backend, site):
    response = get(query="hearing surveillance")

    assert "Joining the network" in titles(response)
    assert "Meeting in Bali" in titles(response)
    assert "No page has most of those words, so these are the results for any of " in text(
        parse(response)
    )


def test_most_words_must_match_not_all(any_backend, site):
    # Two of three words ("humidity" is on no page) find the page that has them ...
    assert titles(get(query="hearing thirty humidity")) == ["Joining the network"]
    # ... and with three of four, "reform" is not needed. So few pages have three that those
    # with two follow them.
    assert titles(get(query="blanket surveillance working reform"))[0] == "Meeting in Bali"
    assert "Meeting in Geneva" in titles(get(query="blanket surveillance working reform"))
    # One of three is not most: nothing, rather than every page with that one word.
    assert titles(get(query="surveillance humidity zeppelin")) == []


@pytest.mark.parametrize("budget, relaxed", [(0, False), (5, True)])
def test_a_search_out_of_time_skips_the_broader_second_search(
    any_backend, site, settings, budget, relaxed
):
    settings.SEARCH_TIME_BUDGET = budget

    response = get(query="hearing surveillance")

    assert ("No page has most of those words" in response.content.decode()) is relaxed
    assert bool(titles(response)) is relaxed


def test_editors_picks_come_first_under_recommended(any_backend, site):
    SearchPromotion.objects.create(query=Query.get("join"), page=site["membership"], sort_order=0)

    response = get(query="how can I join")

    heading = parse(response).find(string=lambda string: string.strip() == "Recommended")
    recommended = heading.find_parent("section")
    assert recommended.find_next("ol", class_="search-hits") is not None
    # Under the heading: the site's navigation links the membership page on every page.
    # The pick links to the part of the page that answers, as a result does.
    assertInHTML('<a href="/membership/#join-heading">Membership</a>', str(recommended))


def test_an_editors_pick_is_not_pinned_to_a_question_about_something_else(any_backend, site):
    SearchPromotion.objects.create(query=Query.get("join"), page=site["membership"], sort_order=0)

    def recommended(query):
        heading = parse(get(query=query)).find(string=lambda s: s.strip() == "Recommended")
        return heading is not None

    # "join" is what is asked: the pick is shown.
    assert recommended("how do I join")
    # The question has its word but asks about something else.
    assert not recommended("can people who are not members join the discussions")


def test_results_are_paginated_twenty_a_page(whoosh, site):
    for n in range(25):
        ProcedurePageFactory(parent=site["wiki"], summary=f"Kumquat rule {n}.")

    first = get(query="kumquat")
    last = get(query="kumquat", page="2")

    assert len(titles(first)) == 20
    assert len(titles(last)) == 5
    assert "25 results" in first.content.decode()
    assert parse(first).select_one('a[href="?query=kumquat&page=2"][rel="next"]') is not None


def test_an_empty_query_shows_guidance_and_the_sections(any_backend, site):
    response = get()
    body = response.content.decode()

    assert "How to search" in body
    # In the guidance: the site's navigation links every section on every page.
    assert parse(response).select_one('.search-guidance a[href="/procedures/"]') is not None
    assert "search-hits" not in body


def test_results_are_not_indexed_or_cached(any_backend, site):
    response = get(query="join")

    assert response["X-Robots-Tag"] == "noindex"
    assert set(response["Cache-Control"].split(", ")) >= {"no-cache", "no-store", "private"}
    assertContains(response, '<meta name="robots" content="noindex">', html=True)


def test_every_page_has_the_search_box(any_backend, site, client):
    soup = parse(client.get("/procedures/joining/"))

    assert soup.select_one('form[action="/search/"][method="get"][role="search"]') is not None
    assert soup.select_one('[name="query"]') is not None


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
    from wagtail.models import Page

    from core.visibility import visible_pages
    from search.facets import rows as facet_rows
    from search.query import parse
    from search.ranking import Ranked, ranked

    hits = ranked(visible_pages(AnonymousUser()), parse("Bali").build())

    assert len(hits) >= 3
    assert all(type(hit) is Ranked for hit in hits)
    page = Page.objects.get(pk=hits[0].pk)
    assert hits[0] == Ranked(page.pk, page.title, page.content_type_id, page.path)
    facet_rows(hits)  # content types cached
    # Dates and meetings for the facets: three queries at most, none per hit.
    with django_assert_max_num_queries(3):
        rows = facet_rows(hits)
    assert [row.pk for row in rows] == [hit.pk for hit in hits]


def test_a_visitors_search_is_kept_until_what_the_public_sees_changes(whoosh, site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ProcedurePageFactory(parent=site["wiki"], title="Quince rule", summary="Quince rule.")
    reindex()
    get(query="rule")  # builds the cached vocabulary
    with CaptureQueriesContext(connection) as first:
        assert titles(get(query="quince")) == ["Quince rule"]
    with CaptureQueriesContext(connection) as again:
        assert titles(get(query="quince")) == ["Quince rule"]

    assert len(again) < len(first)
    ProcedurePageFactory(parent=site["wiki"], title="Quince again", summary="Quince again.")
    assert set(titles(get(query="quince"))) == {"Quince rule", "Quince again"}


def test_a_members_search_is_never_kept(whoosh, site, django_user_model):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(django_user_model.objects.create_user("member"))
    ProcedurePageFactory(parent=site["wiki"], title="Quince rule", summary="Quince rule.")
    reindex()
    get(client, query="quince")

    with CaptureQueriesContext(connection) as first:
        get(client, query="quince")
    with CaptureQueriesContext(connection) as again:
        assert titles(get(client, query="quince")) == ["Quince rule"]

    assert len(again) == len(first)


def test_a_clause_edited_and_a_page_moved_in_the_admin_show_at_once_on_the_search_page(
    client, whoosh, home, procedure, superuser
):
    # A result's parts are kept by the text they are made from (procedures' search parts):
    # what the admin publishes is another text, and the link is the page's own.
    def shown(query):
        response = get(query=query)
        page = parse(response)
        return (
            hit_links(response),
            [text(part) for part in page.select(".search-hit__part")],
            [text(snippet) for snippet in page.select(".search-hit__snippet")],
        )

    links, labels, snippets = shown("original")
    assert links == ["/procedures/joining-the-network/#who-can-join"]
    assert snippets == ["Who can join. The original text."]

    client.force_login(superuser)
    data = procedure_edit_form(
        procedure, text="The original text, now on vellum.", heading="Who may join"
    )
    data["action-publish"] = "action-publish"
    assert client.post(edit_url(procedure), data).status_code == 302
    client.logout()

    for query in ("original", "vellum"):
        links, labels, snippets = shown(query)
        assert links == ["/procedures/joining-the-network/#who-can-join"]
        assert labels == ["§1 Who may join"]
        assert snippets == ["Who may join. The original text, now on vellum."]

    archive = ProcedureIndexPageFactory(parent=home, slug="archive", title="Archive")
    Page.objects.get(pk=procedure.pk).specific.move(archive, pos="last-child")

    links, labels, snippets = shown("vellum")
    assert links == ["/archive/joining-the-network/#who-can-join"]
    assert snippets == ["Who may join. The original text, now on vellum."]
