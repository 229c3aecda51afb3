"""Any query string gets a 200 with results or a clear message, never a 500, and stores nothing."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.search_promotions.models import Query

from tests.html import text
from tests.search.helpers import results

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    '"unbalanced quote',
    'surveillance "',
    "AND",
    "-",
    "OR OR",
    "OR",
    "NOT",
    "- - -",
    '""',
    '-""',
    "*",
    "?",
    "surv*",
    "join?",
    "title:x",
    "title:join body:",
    "x" * 10_000,
    "join " * 3_000,
    "join\x00\x01\x1b[31m\x7f\u200b",
    "\u202ejoin",
    "((join)",
    "join)",
    "NEAR(join committee)",
    "{!lucene}join",
    "%",
    "join' OR 1=1 --",
    "\\",
    "🙂 join",
]


def highlighted_titles(response):
    """Each result's title as it reads, with the words it highlights."""
    return [
        (text(link), [text(mark) for mark in link.select("mark")]) for link in results(response)
    ]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_odd_queries_get_a_page(any_backend, site, query):
    response = Client().get("/search/", {"query": query})

    assert response.status_code == 200
    assert Query.objects.count() == 0


def test_a_long_query_is_cut_with_a_notice(whoosh, site):
    response = Client().get("/search/", {"query": "join " * 3_000})

    assert "was longer than 500 characters or 12 words" in response.content.decode()
    assert ("Joining the network", ["Joining"]) in highlighted_titles(response)


def test_operators_alone_get_a_clear_message(whoosh, site):
    body = Client().get("/search/", {"query": "OR OR -"}).content.decode()

    assert "There is no word to look for" in body


@pytest.mark.parametrize(
    "raw",
    [
        "/search/?query=%E0%A4%A",
        "/search/?query=%ff%fe",
        "/search/?query=join&page=abc",
        "/search/?query=join&page=-1",
        "/search/?query=join&page=99999",
        "/search/?query=join&page=1e3",
        "/search/?query=join&kind=nothing&meeting=abc&year=-1",
        "/search/?query=join&query=second",
        "/search/?kind=meeting",
        "/search/autocomplete/?query=%ff",
        "/search/autocomplete/?query=" + "a" * 10_000,
        "/search/autocomplete/",
    ],
)
def test_odd_urls_get_a_page(any_backend, site, raw):
    assert Client().get(raw).status_code == 200


def test_a_page_number_past_the_end_shows_the_last_page(whoosh, site):
    response = Client().get("/search/", {"query": "join", "page": "99999"})

    assert "There is no results page 99999; this is the last one." in response.content.decode()
    assert ("Joining the network", ["Joining"]) in highlighted_titles(response)


def test_only_get_is_allowed(whoosh, site):
    assert Client().post("/search/", {"query": "join"}).status_code == 405


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.text(max_size=300), page=st.text(max_size=8), kind=st.text(max_size=12))
def test_any_text_gets_a_page_from_search_and_autocomplete(whoosh, site, text, page, kind):
    client = Client()

    response = client.get("/search/", {"query": text, "page": page, "kind": kind})
    suggestions = client.get("/search/autocomplete/", {"query": text})

    assert response.status_code == 200
    assert suggestions.status_code == 200
    assert isinstance(suggestions.json()["results"], list)
