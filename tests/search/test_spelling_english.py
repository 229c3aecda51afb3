"""Spelling suggestions only for words neither the site nor the English language knows."""

import pytest

from search import corrections, spelling
from search.query import parse
from tests.factories import ProcedurePageFactory, clause_data
from tests.search.helpers import get, searched_as_typed, suggestion, titles

pytestmark = pytest.mark.django_db


def test_a_correct_english_word_is_never_corrected_into_a_site_word(any_backend, site):
    ProcedurePageFactory(
        parent=site["wiki"],
        title="Meetings",
        body=[clause_data("Who may come", "<p>Anyone may come to a meeting.</p>")],
    )

    assert suggestion(get(query="how do I become a member")) is None
    assert suggestion(get(query="meeting comme")) == ("meeting come", "?query=meeting+come")


def test_each_search_looks_up_at_most_a_few_unknown_words(any_backend, site):
    vocabulary = spelling.vocabulary()
    twelve = "survaillance quarringtan hearring committe decidess applicent " * 2

    fixes = corrections.corrections(parse(twelve), vocabulary)

    assert len(fixes) <= corrections.MAX_CORRECTED
    assert all(len(close) <= corrections.MAX_CLOSE for close in fixes.values())
    assert sum(len(close) for close in fixes.values()) <= corrections.MAX_CLOSE_IN_ALL
    assert corrections.is_english("become") and not corrections.is_english("survaillance")


def test_a_typo_of_another_form_of_a_site_word_is_corrected_into_that_form(any_backend, site):
    # The pages say "governance"; "goverened" is too far from it, but its stem is close to
    # the pages' "govern", whose English form "governed" is what was meant.
    ProcedurePageFactory(
        parent=site["wiki"],
        title="Rules",
        body=[clause_data("Who decides", "<p>The network's governance is open to all.</p>")],
    )

    response = get(query="how is the network goverened")

    assert suggestion(response) == (
        "how is the network governed",
        "?query=how+is+the+network+governed",
    )
    assert corrections.close_forms("goverened", spelling.vocabulary()) == ["governed"]
    # A word the language knows is never corrected, however close to the pages' words.
    assert corrections.close_forms("governed", spelling.vocabulary()) == []


def test_two_site_words_run_together_are_searched_apart(any_backend, site):
    ProcedurePageFactory(
        parent=site["wiki"],
        title="Working groups",
        body=[clause_data("Setting up", "<p>A task force is set up by the committee.</p>")],
    )

    response = get(query="how to set up a taskforce")

    assert titles(response) == ["Working groups"]
    assert suggestion(response) == (
        "how to set up a task force",
        "?query=how+to+set+up+a+task+force",
    )
    assert searched_as_typed(response) == (
        "how to set up a taskforce",
        "?query=how+to+set+up+a+taskforce&as_typed=1",
    )
    # As typed, nothing has the word.
    assert titles(get(query="taskforce", as_typed="1")) == []
    # A word English knows is never split ("forgot" is not "for got"), nor into a half too
    # short to be meant ("aforce").
    vocabulary = spelling.vocabulary()
    assert corrections.joined_words(parse("forgot aforce taskforce"), vocabulary) == {
        "taskforce": "task force"
    }
