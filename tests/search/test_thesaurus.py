"""The thesaurus the steering committee keeps in the admin, applied to every search."""

import pytest
from django.test import Client

from search.models import ThesaurusEntry
from search.query import parse
from search.thesaurus import Thesaurus
from tests.factories import ProcedurePageFactory, clause_data
from tests.html import parse as parse_html
from tests.html import text
from tests.search.helpers import get, results, searched_as_typed, suggestion, titles

pytestmark = pytest.mark.django_db

ADD = "/admin/thesaurus/new/"


@pytest.fixture
def forum_pages(site):
    spelt_out = ProcedurePageFactory(
        parent=site["wiki"],
        title="Speaking at forums",
        body=[clause_data("Where", "<p>At the Internet Governance Forum.</p>")],
    )
    acronym = ProcedurePageFactory(
        parent=site["wiki"],
        title="Travel",
        body=[clause_data("When", "<p>Before the IGF each year.</p>")],
    )
    return spelt_out, acronym


def test_the_committee_adds_an_entry_and_searches_find_both_ways(
    any_backend, forum_pages, committee
):
    client = Client()
    client.force_login(committee[0])
    assert titles(get(query="IGF")) == ["Travel"]

    response = client.post(ADD, {"terms": "IGF, Internet Governance Forum", "note": "Acronym"})

    assert response.status_code == 302
    assert [entry.term_list() for entry in ThesaurusEntry.objects.all()] == [
        ["IGF", "Internet Governance Forum"]
    ]
    # The page with the word typed comes first, the one with its equivalent after it.
    assert titles(get(query="IGF")) == ["Travel", "Speaking at forums"]
    assert titles(get(query="internet governance forum")) == ["Speaking at forums", "Travel"]


def test_an_entry_needs_two_terms_and_a_member_cannot_add_one(
    any_backend, forum_pages, committee, member
):
    client = Client()
    client.force_login(committee[0])

    response = client.post(ADD, {"terms": "IGF", "note": ""})

    assert response.status_code == 200
    assert "Give at least two words or phrases, separated by commas." in text(parse_html(response))
    client.force_login(member)
    refused = client.post(ADD, {"terms": "IGF, Internet Governance Forum"})
    assert refused.status_code in (302, 403)
    assert not ThesaurusEntry.objects.exists()


def test_a_phrase_typed_without_quotes_is_one_clause_with_its_equivalents():
    thesaurus = Thesaurus([["join", "become a member"], ["IGF", "Internet Governance Forum"]])

    parsed = thesaurus.apply(parse("how do I become a member of the IGF"))

    assert [[str(term) for term in clause] for clause in parsed.clauses] == [
        ["become member"],
        ["igf"],
    ]
    assert {i: [str(t) for t in terms] for i, terms in parsed.related.items()} == {
        0: ["join"],
        1: ['"internet governance forum"'],
    }
    assert parsed.minimum == 2


def test_the_demo_thesaurus_is_what_the_committee_could_enter():
    from demo.search import THESAURUS, load_thesaurus

    for terms, note in THESAURUS:
        ThesaurusEntry(terms=terms, note=note).full_clean()
    load_thesaurus()
    entries = ThesaurusEntry.objects.all()
    assert len(entries) == len(THESAURUS)
    # No two entries are the same group of words.
    assert len({tuple(sorted(entry.term_list())) for entry in entries}) == len(THESAURUS)


def test_an_equivalent_phrase_marks_its_words_on_the_page_but_not_its_filler_words(
    any_backend, site
):
    ProcedurePageFactory(
        parent=site["wiki"],
        title="Leaving",
        body=[clause_data("Ending", "<p>A member may resign at any time after a year.</p>")],
    )
    ThesaurusEntry.objects.create(terms="resign, end a membership")

    marked = {text(mark).lower() for mark in parse_html(get(query="resign")).select("mark")}

    assert "resign" in marked
    assert "a" not in marked


def test_a_result_links_to_a_part_with_an_equivalent_phrase_not_with_one_of_its_words(
    any_backend, site
):
    # "working group" is a task force; "working methods" is not one.
    ProcedurePageFactory(
        parent=site["wiki"],
        slug="task-forces",
        title="Task forces",
        body=[
            clause_data("Working methods", "<p>Working methods are agreed, working openly.</p>"),
            clause_data("Reports", "<p>Each working group reports once a year.</p>"),
        ],
    )
    ThesaurusEntry.objects.create(terms="task force, working group")

    def link(query):
        found = [link["href"] for link in results(get(query=query))]
        return next(href for href in found if href.startswith("/procedures/task-forces/"))

    assert link("task force") == "/procedures/task-forces/#reports"
    # Typed, the word counts alone.
    assert link("working") == "/procedures/task-forces/#working-methods"


def test_only_the_words_an_equivalent_phrase_alone_brings_need_the_whole_phrase():
    query = parse("committee working")
    query.related = {0: [parse('"steering group"').clauses[0][0]], 1: []}
    query.related[1] = [parse('"working group"').clauses[0][0]]

    # "working" was typed and "group" is in another phrase too: each of those phrases.
    assert query.phrase_words() == {
        "steering": [("steering", "group")],
        "group": [("steering", "group"), ("working", "group")],
    }


def test_a_misspelt_word_only_the_thesaurus_has_is_searched_as_its_word(any_backend, site):
    ProcedurePageFactory(
        parent=site["wiki"],
        slug="seats",
        title="Seats",
        body=[clause_data("Regions", "<p>One seat is for the Arab States.</p>")],
    )
    # No page says "Middle East": only the thesaurus knows "middle".
    ThesaurusEntry.objects.create(terms="Arab States, Middle East")

    response = get(query="seat for the midle east")

    assert titles(response) == ["Seats"]
    assert suggestion(response) == ("seat for the middle east", "?query=seat+for+the+middle+east")
    assert searched_as_typed(response) == (
        "seat for the midle east",
        "?query=seat+for+the+midle+east&as_typed=1",
    )
    # As typed: nothing, and the thesaurus's spelling offered.
    response = get(query="seat for the midle east", as_typed="1")
    assert titles(response) == []
    assert suggestion(response) == ("seat for the middle east", "?query=seat+for+the+middle+east")
    # A word the pages have is corrected to theirs, not the thesaurus's.
    assert suggestion(get(query="arab staes")) == ("arab states", "?query=arab+states")


def test_a_word_only_an_equivalent_phrase_brings_is_marked_only_beside_its_phrase(
    any_backend, site
):
    ProcedurePageFactory(
        parent=site["wiki"],
        title="Fees",
        body=[
            clause_data(
                "Votes", "<p>An organisation pays no fee. Member organisations vote each year.</p>"
            )
        ],
    )
    ThesaurusEntry.objects.create(terms="members, member organisations")

    (hit,) = [
        hit
        for hit in parse_html(get(query="members")).select(".search-hit")
        if text(hit.select_one(".search-hit__title")) == "Fees"
    ]
    marked = [text(mark) for mark in hit.select_one(".search-hit__snippet").select("mark")]

    # "organisation" alone is not what was asked; beside "Member" it is the phrase.
    assert marked == ["Member", "organisations"]


def test_an_acronyms_plural_finds_what_the_acronym_does(any_backend, site):
    ProcedurePageFactory(
        parent=site["wiki"],
        title="Who can join",
        body=[clause_data("Members", "<p>Any civil society organisation may join.</p>")],
    )
    ThesaurusEntry.objects.create(terms="NGO, civil society organisation")

    # The stemmer leaves "NGOs" whole (its only vowel is just before the "s").
    assert titles(get(query="NGO")) == ["Who can join"]
    assert titles(get(query="NGOs")) == ["Who can join"]
    # A word whose stem keeps its "s" is not read as another: "process" is not "proces".
    related = Thesaurus([["process", "procedure"]]).apply(parse("NGOs process")).related
    assert related == {1: [parse("procedure").clauses[0][0]]}
