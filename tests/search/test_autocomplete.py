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
        {"title": "Joining the network", "url": "/procedures/joining/", "kind": "Procedure"}
    ]
    assert response["Cache-Control"].startswith("no-cache")


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
