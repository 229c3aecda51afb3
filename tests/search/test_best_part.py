"""Choosing the part of a page a result points to (`snippets.best_part`), word by word."""

from core.search import Part
from search.snippets import best_part


def test_no_part_matching_gives_the_first_part_unmatched():
    parts = [Part("", "", "About us."), Part("a", "§1 Joining", "Write to us.")]
    assert best_part(parts, {"quorum"}) == (parts[0], False)


def test_equal_parts_go_to_the_earlier_one():
    parts = [Part("a", "", "The quorum is five."), Part("b", "", "The quorum is five.")]
    assert best_part(parts, {"quorum"}) == (parts[0], True)


def test_a_word_repeated_counts_more_and_in_the_heading_more_still():
    parts = [
        Part("a", "", "A quorum is needed."),
        Part("b", "", "Quorum: the quorum is counted as the quorum of members."),
    ]
    assert best_part(parts, {"quorum"}) == (parts[1], True)
    parts = [Part("a", "", "The quorum is five."), Part("b", "§2 Quorum", "The quorum is five.")]
    assert best_part(parts, {"quorum"}) == (parts[1], True)


def test_words_of_one_stem_weigh_as_the_last_of_them_in_the_part():
    # "nominations" and "nomination" share a stem; each asked word has its own weight. The
    # part where the heavier form comes last wins, with the same count of the stem.
    weights = {"nomination": 1.0, "nominations": 3.0}
    parts = [
        Part("a", "", "nominations close when the nomination is made"),
        Part("b", "", "the nomination is made when nominations close"),
    ]
    assert best_part(parts, set(weights), weights) == (parts[1], True)


def test_a_part_with_an_answer_of_the_kind_asked_for_gains():
    parts = [
        Part("a", "", "The committee meets and the committee decides."),
        Part("b", "", "The committee meets twice a year."),
    ]
    assert best_part(parts, {"committee"}, answer_words=frozenset({"twice"})) == (
        parts[1],
        True,
    )


def test_a_clause_on_what_was_asked_comes_before_the_summary_that_names_every_topic():
    summary = Part("", "", "Who can join, how to apply and how membership ends.")
    parts = [
        summary,
        Part("apply", "§3 How to apply", "An organisation applies by writing to us."),
        Part("leave", "§4 Leaving", "A member may leave at any time."),
    ]
    asked = {"apply", "membership", "join"}
    assert best_part(parts, asked) == (parts[1], True)
    # When no part has a place of its own, the page's own text is the answer.
    unplaced = [summary, Part("", "", "An organisation applies by writing to us.")]
    assert best_part(unplaced, asked) == (summary, True)


def test_a_sub_clause_is_read_within_its_clause_s_heading():
    parts = [
        Part("apply", "§3 How to apply", "Write to us."),
        Part("decision", "§3.2 Decision", "We answer within thirty days.", within="How to apply"),
    ]
    # "§3.2 Decision" is the decision on an application: it answers both words asked.
    assert best_part(parts, {"apply", "decision"}) == (parts[1], True)
    # Its clause's heading counts less than its own: alone, it does not make it the answer.
    assert best_part(parts, {"apply"}) == (parts[0], True)


def test_a_part_reworded_is_weighed_by_its_new_words():
    # The words of a part's text are kept by the text itself: a republished clause's new
    # wording is what counts, never the words it had before.
    before = [Part("a", "§1 Joining", "Write to us."), Part("b", "§2 Leaving", "Tell us.")]
    assert best_part(before, {"quorum"}) == (before[0], False)
    after = [before[0], Part("b", "§2 Leaving", "Tell us; the quorum decides.")]
    assert best_part(after, {"quorum"}) == (after[1], True)
    assert best_part(before, {"quorum"}) == (before[0], False)


def test_a_phrase_s_word_counts_alone_when_a_word_wanted_on_its_own_has_its_stem():
    parts = [
        Part("end", "§4 End", "The group ends."),
        Part("members", "§2 Members", "The group's members are volunteers."),
    ]
    # "organisations" and "working" come only with their phrases; "member" has the stem of
    # "members", asked on its own.
    phrases = {
        "member": [("member", "organisations")],
        "organisations": [("member", "organisations")],
        "working": [("working", "group")],
    }
    wanted = {"group", "members", "member", "organisations", "working"}
    assert best_part(parts, wanted, phrases=phrases) == (parts[1], True)
    # Without the word asked on its own, "member" needs its phrase: the part about the group.
    wanted = {"group", "member", "organisations"}
    assert best_part(parts, wanted, phrases=phrases)[0] == parts[0]


def test_a_word_of_a_stem_asked_in_two_forms_weighs_as_the_weightier_whatever_their_order():
    # "organising" typed, "organisation" brought by a word family: one stem, two weights. A
    # word of that stem the query has in neither form ("organised") weighs as the weightier,
    # in whatever order the forms come (a set's order differs from process to process).
    weights = {"organising": 3.0, "organisation": 1.0}
    parts = [
        Part("a", "", "The quorum of the session."),
        Part("b", "", "How the network is organised."),
    ]
    for wanted in (
        ["organising", "organisation", "quorum"],
        ["organisation", "organising", "quorum"],
    ):
        # "quorum" weighs 2: more than "organised" at the lighter form's weight, less than at
        # the weightier's.
        assert best_part(parts, wanted, {**weights, "quorum": 2.0})[0] == parts[1], wanted
