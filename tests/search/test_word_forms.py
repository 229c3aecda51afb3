"""Words of one family whose stems differ ("apply", "application") find each other, below
the word typed."""

import pytest

from search import corrections, spelling, word_forms
from search.query import parse
from tests.factories import ProcedurePageFactory, clause_data
from tests.search.helpers import get, results, titles

pytestmark = pytest.mark.django_db


def test_the_stems_the_stemmer_leaves_apart_are_related_both_ways():
    assert "applic" in word_forms.related_stems("appli")  # apply, application
    assert "appli" in word_forms.related_stems("applic")
    assert "decis" in word_forms.related_stems("decid")  # decide, decision
    assert "admiss" in word_forms.related_stems("admit")  # admit, admission
    # Too short a root to say anything: "web" is not "wept".
    assert word_forms.related_stems("web") == []


def test_a_word_finds_its_family_on_the_pages_ranked_below_itself(any_backend, site):
    ProcedurePageFactory(
        parent=site["wiki"],
        title="Forms",
        body=[clause_data("Sending", "<p>Send the completed application to the secretariat.</p>")],
    )
    ProcedurePageFactory(
        parent=site["wiki"],
        title="Deadlines",
        body=[clause_data("When", "<p>Organisations apply to the secretariat by March.</p>")],
    )

    assert titles(get(query="apply secretariat")) == ["Deadlines", "Forms"]
    assert titles(get(query="application secretariat")) == ["Forms", "Deadlines"]


def test_only_words_the_pages_use_are_added(any_backend, site):
    vocabulary = spelling.vocabulary()
    assert not vocabulary.knows("admission")

    parsed = word_forms.apply(parse("admit"), vocabulary)

    assert parsed.related == {}
    # The site's fixture says "applicant" (a refused applicant may ask for a hearing).
    assert word_forms.family("apply", vocabulary) == ["applicant"]


def test_an_adjective_and_its_opposite_are_one_family_but_not_any_prefixed_word():
    english = corrections.is_english
    assert word_forms.opposites("active", english)[:2] == ["unactive", "inactive"]
    assert "active" in word_forms.opposites("inactive", english)
    assert "informal" in word_forms.opposites("formal", english)
    # "in" before a word that is no adjective makes another word, not its opposite.
    assert "formation" not in word_forms.opposites("information", english)
    assert "vent" not in word_forms.opposites("invent", english)


def test_a_task_force_that_is_not_active_is_found_as_inactive(any_backend, site):
    ProcedurePageFactory(
        parent=site["wiki"],
        title="Groups",
        body=[clause_data("Closing", "<p>A group found inactive for a year is closed.</p>")],
    )

    assert titles(get(query="active groups")) == ["Groups"]


def test_a_vocabulary_kept_in_the_cache_by_an_earlier_release_gives_a_stem_s_words():
    vocabulary = spelling.Vocabulary({"applications": 2, "application": 1}, {"applic": 2}, 3)
    del vocabulary._by_stem  # as unpickled from before the attribute existed

    assert vocabulary.words_of("applic") == ["applications", "application"]
    assert vocabulary.words_of("decis") == []


def test_the_adjective_of_a_place_s_people_finds_the_place_as_if_typed(any_backend, site):
    assert word_forms.places("canadian") == ["canada"]
    assert word_forms.places("kenyan") == ["kenya"]
    assert word_forms.places("german") == ["germany"]
    assert word_forms.places("african") == ["africa"]
    # Not a place's people: "civilian" has no country "Civil", "median" none "Media".
    assert word_forms.places("civilian") == word_forms.places("median") == []
    ProcedurePageFactory(
        parent=site["wiki"],
        slug="regions",
        title="Regions",
        body=[
            # Both say "members"; only one names where they come from.
            clause_data("Seats", "<p>Members elect the seats, one for each of their regions.</p>"),
            clause_data("Countries", "<p>Members come from Kenya and from Canada.</p>"),
        ],
    )
    parsed = word_forms.apply(parse("Kenyan members"), spelling.vocabulary())
    assert parsed.same_as_typed == {"kenya"}

    found = [link["href"] for link in results(get(query="which members are Kenyan"))]

    assert found[0] == "/procedures/regions/#countries"
