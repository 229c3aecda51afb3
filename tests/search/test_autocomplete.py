"""The header box's suggestions: JSON of titles, links and kinds, live public pages only."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def suggest(query, client=None):
    return (client or Client()).get("/search/autocomplete/", {"query": query})


def test_suggests_pages_by_the_start_of_their_title(any_backend, site):
    response = suggest("join")

    assert response.status_code == 200
    assert response.json()["results"] == [
        {
            "title": "Joining the network",
            "url": "/procedures/joining/",
            "kind": "Procedure",
            "where": "",
        },
        {
            "title": "How to join",
            "url": "/membership/#join-heading",
            "kind": "Membership",
            "where": "Membership",
        },
    ]
    assert response["Cache-Control"].startswith("no-cache")


def test_a_question_suggests_what_has_all_its_words_not_any_of_them(any_backend, site):
    titles = [result["title"] for result in suggest("how do I join").json()["results"]]

    assert titles == ["Joining the network", "How to join"]
    assert suggest("committee appro").json()["results"] == [
        {
            "title": "§1 Approving changes",
            "url": "/procedures/committee/#approving-changes",
            "kind": "Procedure",
            "where": "The steering committee",
        }
    ]


def test_three_letters_of_a_site_word_suggest_pages_clauses_and_sessions(any_backend, site):
    surv = suggest("surv").json()["results"]
    assert surv == [
        {
            "title": "Session: State surveillance and human rights",
            "url": f"/meetings/bali/#{site['session'].anchor}",
            "kind": "Meeting",
            "where": "Meeting in Bali",
        }
    ]
    assert {r["url"] for r in suggest("stee").json()["results"]} == {
        "/procedures/committee/",
        "/steering-committee/",
    }
    assert "/membership/" in [r["url"] for r in suggest("memb").json()["results"]]
    decision = suggest("decis").json()["results"]
    assert decision == [
        {
            "title": "§2.1 Decision",
            "url": "/procedures/joining/#decision",
            "kind": "Procedure",
            "where": "Joining the network",
        }
    ]


def test_suggests_at_most_eight(any_backend, site):
    from tests.factories import ProcedurePageFactory

    for n in range(12):
        ProcedurePageFactory(parent=site["wiki"], title=f"Tamarind rule {n}")

    assert len(suggest("tamar").json()["results"]) == 8


def test_nothing_to_suggest_for_operators_or_punctuation(any_backend, site):
    for query in ["", "   ", "*", '"', "-", ":::"]:
        assert suggest(query).json() == {"results": []}


def test_queries_per_keystroke_are_few(any_backend, site, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        suggest("meet")
