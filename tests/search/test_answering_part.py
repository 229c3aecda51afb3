"""A question finds the part of a page that answers it, and the page that answers it first.

A result links to the clause whose heading and words answer best, not the summary that
names every topic of the page; a page with a part called what was asked, and a procedure
when the question asks how something is done, come before pages that only have the words.
Runs on both backends, through the search page.
"""

import pytest
from django.core.management import call_command

from search.query import parse
from tests.factories import (
    MeetingIndexPageFactory,
    MeetingPageFactory,
    ProcedureIndexPageFactory,
    ProcedurePageFactory,
    clause_data,
)
from tests.search.helpers import get, results

pytestmark = pytest.mark.django_db


def links(response):
    return [link["href"] for link in results(response)]


def indexed():
    call_command("update_index", verbosity=0)
    call_command("rebuild_vocabulary", verbosity=0)


@pytest.fixture
def wiki(home):
    return ProcedureIndexPageFactory(parent=home, slug="procedures")


def test_a_result_links_to_the_clause_that_answers_not_the_summary(any_backend, wiki):
    ProcedurePageFactory(
        parent=wiki,
        slug="statements",
        title="Making joint statements",
        # The summary names every topic of the page: it has the question's words too.
        summary="How a statement is drafted, signed and published, jointly.",
        body=[
            clause_data("Drafting", "<p>Any member may propose a statement.</p>"),
            clause_data("Signing", "<p>Statements are signed by those that endorse them.</p>"),
            clause_data("Publication", "<p>The final text goes on this site.</p>"),
        ],
    )
    indexed()

    assert links(get(query="who can sign a statement")) == ["/procedures/statements/#signing"]
    # A word the summary alone has (no clause has it, nor a word of its family): the result
    # links to the page.
    assert links(get(query="jointly")) == ["/procedures/statements/"]


def test_a_part_called_what_was_asked_ranks_its_page_first(any_backend, wiki):
    # Has the words many times, but no part is about them.
    ProcedurePageFactory(
        parent=wiki,
        slug="scattered",
        title="General rules",
        summary="Closing and closing again; a task force, the task force and task forces.",
        body=[clause_data("Purpose", "<p>A task force reports; closing dates vary.</p>")],
    )
    ProcedurePageFactory(
        parent=wiki,
        slug="working-groups",
        title="Working groups",
        summary="How groups work.",
        body=[clause_data("Closing a task force", "<p>It finishes when its mandate is done.</p>")],
    )
    indexed()

    assert links(get(query="closing a task force")) == [
        "/procedures/working-groups/#closing-a-task-force",
        # Its clause has every word too: the summary says them only of the page as a whole.
        "/procedures/scattered/#purpose",
    ]


def test_a_question_asking_how_ranks_procedures_first(any_backend, wiki, home):
    meetings = MeetingIndexPageFactory(parent=home, slug="meetings")
    MeetingPageFactory(
        parent=meetings,
        slug="lisbon",
        title="Meeting in Lisbon",
        context="<p>To renew a subscription: renew the subscription, then renew it.</p>",
    )
    ProcedurePageFactory(
        parent=wiki,
        slug="subscriptions",
        title="Rules for members",
        summary="Renew your subscription each year.",
    )
    indexed()

    asked = [link.split("#")[0] for link in links(get(query="how do I renew my subscription"))]
    assert asked == ["/procedures/subscriptions/", "/meetings/lisbon/"]
    # Not asked how: the meeting, which says more about it, may come first.
    assert set(links(get(query="renew subscription"))) == set(asked)


def test_a_clause_with_all_the_questions_words_comes_before_a_title_with_one(any_backend, wiki):
    # Named after the question's commonest word, with its other words in different parts.
    ProcedurePageFactory(
        parent=wiki,
        slug="committee",
        title="The committee",
        summary="What the committee does.",
        body=[
            clause_data("Forms", "<p>Every application needs a form the committee keeps.</p>"),
            clause_data("Meetings", "<p>The committee decides by consensus and meets often.</p>"),
        ],
    )
    ProcedurePageFactory(
        parent=wiki,
        slug="joining",
        title="Joining",
        summary="How to join.",
        body=[clause_data("Decision", "<p>The committee decides on an application.</p>")],
    )
    indexed()

    found = links(get(query="when does the committee decide on an application"))

    assert found[0] == "/procedures/joining/#decision"


def comments_procedure(wiki, first, timing):
    """A procedure on comments: a clause `first` (heading, text) with the words asked, then
    "Timing" (`timing`), indexed."""
    ProcedurePageFactory(
        parent=wiki,
        slug="comments",
        title="Comments",
        summary="How drafts are commented on.",
        body=[clause_data(*first), clause_data("Timing", timing)],
    )
    indexed()


def test_a_question_how_long_links_to_the_part_that_says_how_long(any_backend, wiki):
    # The same words, first: only one says how long.
    comments_procedure(
        wiki,
        ("Everyone", "<p>Every draft is open for comment by anyone.</p>"),
        "<p>A draft is open for comment for seven days.</p>",
    )

    assert links(get(query="how long is a draft open for comment")) == [
        "/procedures/comments/#timing"
    ]
    # Not asked how long: the first part with the words.
    assert links(get(query="draft open for comment")) == ["/procedures/comments/#everyone"]
    # Asked for a length or a duration, however the question is put.
    for query in ("draft comment period length", "duration of the comment period on a draft"):
        assert links(get(query=query)) == ["/procedures/comments/#timing"], query


def test_a_date_is_not_a_length_of_time(any_backend, wiki):
    # The same words, first, with a date's digits: not how long.
    comments_procedure(
        wiki,
        ("Record", "<p>Draft open for comment: 2014-03-01.</p>"),
        "<p>A draft is open for comment for a fortnight.</p>",
    )

    assert links(get(query="how long is a draft open for comment")) == [
        "/procedures/comments/#timing"
    ]
    # Not asked how long: the first part with the words.
    assert links(get(query="draft open for comment")) == ["/procedures/comments/#record"]


def test_a_question_who_sits_on_a_group_links_to_the_part_naming_its_people(any_backend, wiki):
    ProcedurePageFactory(
        parent=wiki,
        slug="interim-group",
        title="Interim group",
        summary="The interim group until the first committee.",
        body=[
            # Every part names the group, as the page's title does; one says who is in it.
            clause_data("Purpose", "<p>The interim group looks after the network.</p>"),
            clause_data("Make-up", "<p>The interim group is made of volunteers.</p>"),
            clause_data("End", "<p>The interim group ends; the interim group is gone.</p>"),
        ],
    )
    indexed()

    # A question with few matches also lists pages with one word fewer: the first is the answer.
    assert links(get(query="who was on the interim group"))[0] == (
        "/procedures/interim-group/#make-up"
    )
    # Not asked who: the part that says most about the group.
    assert links(get(query="interim group"))[0] == "/procedures/interim-group/#end"


def test_a_question_why_or_whats_the_point_links_to_the_part_giving_a_purpose(any_backend, wiki):
    ProcedurePageFactory(
        parent=wiki,
        slug="task-groups",
        title="Task groups",
        summary="How task groups work.",
        body=[
            clause_data("Aims", "<p>Task groups exist for the purpose of planning.</p>"),
            clause_data("Working", "<p>Task groups meet; task groups report; any point.</p>"),
        ],
    )
    indexed()

    assert links(get(query="why are there task groups"))[0] == "/procedures/task-groups/#aims"
    # "point" is how the question is asked, not a word the answer has.
    assert links(get(query="what's the point of task groups"))[0] == (
        "/procedures/task-groups/#aims"
    )
    assert links(get(query="task groups"))[0] == "/procedures/task-groups/#working"


def test_a_page_whose_answering_part_points_to_another_result_comes_after_it(any_backend, wiki):
    answer = ProcedurePageFactory(
        parent=wiki,
        slug="joining",
        title="Joining the network",
        summary="Who may join, and the steps.",
        body=[
            clause_data("How to apply", "<p>Write to the committee to apply for membership.</p>")
        ],
    )
    pointer = ProcedurePageFactory(
        parent=wiki,
        slug="membership",
        title="Membership",
        summary="The network's members.",
        body=[clause_data("How to apply", "<p>Applications for membership are welcome.</p>")],
    )
    indexed()
    question = "how do I apply for membership"
    # Parts that answer as well: the page titled with a word asked first.
    assert links(get(query=question)) == [
        "/procedures/membership/#how-to-apply",
        "/procedures/joining/#how-to-apply",
    ]

    pointer.body = [
        clause_data(
            "How to apply",
            f'<p>Applications for membership are welcome: <a linktype="page" id="{answer.pk}">'
            "Joining the network</a> says how to apply.</p>",
        )
    ]
    pointer.save_revision().publish()
    indexed()

    # Its part says the answer is on the other page: that page first.
    assert links(get(query=question)) == [
        "/procedures/joining/#how-to-apply",
        "/procedures/membership/#how-to-apply",
    ]


def test_a_part_that_answers_better_than_the_page_it_links_to_stays_first(any_backend, wiki):
    elsewhere = ProcedurePageFactory(
        parent=wiki,
        slug="general",
        title="General rules",
        summary="Rules.",
        body=[clause_data("Applications", "<p>Some apply.</p>")],
    )
    ProcedurePageFactory(
        parent=wiki,
        slug="membership",
        title="Membership",
        summary="The network's members.",
        body=[
            clause_data(
                "How to apply for membership",
                "<p>Write to the committee to apply for membership; "
                f'<a linktype="page" id="{elsewhere.pk}">General rules</a> apply too.</p>',
            )
        ],
    )
    indexed()

    assert links(get(query="how do I apply for membership"))[0] == (
        "/procedures/membership/#how-to-apply-for-membership"
    )


def test_an_everyday_word_asked_says_little_about_which_part_answers(any_backend, wiki):
    ProcedurePageFactory(
        parent=wiki,
        slug="task-forces",
        title="Task forces",
        summary="How task forces work.",
        body=[
            clause_data("Setting up a task force", "<p>Any member may propose one.</p>"),
            clause_data("Closing a task force", "<p>It finishes when its mandate is done.</p>"),
        ],
    )
    indexed()

    # "up" is in one heading and "finishes" in the other's text: "up" is one of the commonest
    # English words, so the clause about finishing answers.
    assert links(get(query="when does a task force finish up")) == [
        "/procedures/task-forces/#closing-a-task-force"
    ]


def test_the_sites_name_in_a_question_says_nothing_about_which_page_answers(any_backend, wiki):
    # The site is called "Best Bits" (WAGTAIL_SITE_NAME): every page is about that network.
    ProcedurePageFactory(
        parent=wiki,
        slug="joining",
        title="Joining the network",
        body=[clause_data("How to apply", "<p>Write to the committee to join.</p>")],
    )
    meetings = MeetingIndexPageFactory(parent=wiki.get_parent(), slug="meetings")
    MeetingPageFactory(
        parent=meetings,
        slug="geneva",
        title="Best Bits 2014 meeting in Geneva",
        context="<p>Best Bits met in Geneva. Best Bits members may join the sessions.</p>",
    )
    indexed()

    assert links(get(query="how do I join Best Bits?"))[0] == "/procedures/joining/#how-to-apply"
    # Nothing on the site but its name: nothing found, not every page that names it.
    assert links(get(query="what is the phone number of the Best Bits office")) == []
    # Typed as keywords, the name is searched for ("the Best Bits 2014 meeting"); and a
    # question asking only about the site finds what names it.
    assert links(get(query="best bits 2014"))[0] == "/meetings/geneva/"
    assert "/meetings/geneva/" in links(get(query="what is Best Bits"))
    # Only the name typed whole, in its order: a word of it alone is a word asked.
    assert str(parse("how do internet rights relate").leave_out("The Internet Rights Network")) == (
        "internet rights relate"
    )
    assert str(
        parse("is the internet rights network open").leave_out("Internet Rights Network")
    ) == ("open")
