"""How well search answers a newcomer's questions on the demo content, on both backends.

The questions and their judgments are in `relevance.py`, in eight sets reported apart (the later
one written before the ranking it measures was changed, the dev one to tune the ranking of
questions on, the fresh one written before spelling correction and word families, the held-out
one by someone who read only the demo content, the unseen, latest and newest ones likewise from
the content or the rendered pages, the newest measured once before the changes that followed);
`make bench-relevance` prints the same figures side by side. The floors were set a little under
what was measured on SQLite and on PostgreSQL (bench/README.md has the figures) and may only go
up. The six examples of issue 18 are checked one by one: each finds its answer in the first two
things shown.
"""

import pytest
from django.core.management import call_command
from django.test import Client

from tests.html import parse
from tests.search import relevance
from tests.search.helpers import suggestion

pytestmark = pytest.mark.django_db

FLOORS = {
    "whoosh": {"ndcg5": 0.94, "mrr10": 0.95, "parts": 0.93, "nothing": 1.0},
    "database": {"ndcg5": 0.87, "mrr10": 0.84, "parts": 0.77, "nothing": 1.0},
}
# The later set (`relevance.LATER_QUESTIONS`), kept apart from the first.
LATER_FLOORS = {
    "whoosh": {"ndcg5": 0.92, "mrr10": 0.9, "parts": 0.75, "nothing": 1.0},
    "database": {"ndcg5": 0.87, "mrr10": 0.83, "parts": 0.7, "nothing": 1.0},
}
# The set the ranking of questions (`ranking.answers_first`) was tuned on
# (`relevance.DEV_QUESTIONS`).
DEV_FLOORS = {
    # One question lost to the task forces page's Active group ("what happens to a task force
    # that stops being active"), for two gained on other sets: see bench/README.md.
    "whoosh": {"ndcg5": 0.9, "mrr10": 0.85, "parts": 0.7, "nothing": 1.0},
    "database": {"ndcg5": 0.87, "mrr10": 0.82, "parts": 0.64, "nothing": 1.0},
}
# The set written before spelling correction and word families were added, never tuned to
# (`relevance.FRESH_QUESTIONS`).
FRESH_FLOORS = {
    "whoosh": {"ndcg5": 0.9, "mrr10": 0.9, "parts": 0.84, "nothing": 1.0},
    "database": {"ndcg5": 0.87, "mrr10": 0.84, "parts": 0.73, "nothing": 1.0},
}
# The set written by someone who read only the demo content (`relevance.HELD_OUT_QUESTIONS`);
# its misses have guided changes since (the demo thesaurus's entries of 2026-12-07's last
# session among them), so it is no longer unseen.
HELD_OUT_FLOORS = {
    "whoosh": {"ndcg5": 0.9, "mrr10": 0.9, "parts": 0.72, "nothing": 1.0},
    "database": {"ndcg5": 0.82, "mrr10": 0.8, "parts": 0.52, "nothing": 1.0},
}

# The second set written from the content alone (`relevance.UNSEEN_QUESTIONS`); its misses
# have guided changes since ("term length", "wound up", the demo thesaurus's entries), so it
# too is no longer unseen.
UNSEEN_FLOORS = {
    "whoosh": {"ndcg5": 0.9, "mrr10": 0.91, "parts": 0.72, "nothing": 1.0},
    "database": {"ndcg5": 0.88, "mrr10": 0.87, "parts": 0.69, "nothing": 1.0},
}

# The latest set (`relevance.LATEST_QUESTIONS`), written from the rendered pages alone and measured
# once, no change made for it.
LATEST_FLOORS = {
    "whoosh": {"ndcg5": 0.88, "mrr10": 0.9, "parts": 0.81, "nothing": 1.0},
    "database": {"ndcg5": 0.81, "mrr10": 0.82, "parts": 0.63, "nothing": 1.0},
}
# The eighth set (`relevance.NEWEST_QUESTIONS`), written from the rendered pages' text alone and
# measured once before any change. Its two questions about nothing on the site that found pages
# ("phone number for the Best Bits office") were among those that showed a question's words
# of the site's name mislead (`ParsedQuery.leave_out`), and one of its misses showed a task
# force's mandate had no part of its own: it has been seen since.
NEWEST_FLOORS = {
    "whoosh": {"ndcg5": 0.85, "mrr10": 0.86, "parts": 0.7, "nothing": 1.0},
    "database": {"ndcg5": 0.8, "mrr10": 0.78, "parts": 0.66, "nothing": 1.0},
}
# (the questions, their floors, how many there are at least)
SETS = [
    ("QUESTIONS", FLOORS, 40),
    ("LATER_QUESTIONS", LATER_FLOORS, 15),
    ("DEV_QUESTIONS", DEV_FLOORS, 15),
    ("FRESH_QUESTIONS", FRESH_FLOORS, 20),
    ("HELD_OUT_QUESTIONS", HELD_OUT_FLOORS, 30),
    ("UNSEEN_QUESTIONS", UNSEEN_FLOORS, 30),
    ("LATEST_QUESTIONS", LATEST_FLOORS, 30),
    ("NEWEST_QUESTIONS", NEWEST_FLOORS, 30),
]


@pytest.fixture
def demo(any_backend):
    call_command("load_demo", verbosity=0)
    call_command("update_index", verbosity=0)
    return any_backend


def first_two(client, question):
    return [result.path for result in relevance.seen(client, question)[:2]]


def test_newcomers_questions_find_their_answers(demo):
    client = Client()

    for questions, floors, at_least in SETS:
        figures = relevance.evaluate(client, getattr(relevance, questions))
        print(f"{demo}, {questions}: {figures}")  # noqa: T201
        assert len(getattr(relevance, questions)) >= at_least
        for name, floor in floors[demo].items():
            assert getattr(figures, name) >= floor, (questions, name, figures)

    # "IGF" finds the Message from Bali, which says "Internet Governance Forum" in full.
    assert relevance.MESSAGE in [r.path for r in relevance.seen(client, "IGF")]
    # A seat holder named only on the committee page finds it.
    assert relevance.COMMITTEE in first_two(client, '"Example Person B"')
    if demo == "whoosh":  # the backend of a fresh clone; the database backend ranks lower
        assert relevance.MESSAGE in first_two(client, "what did Bali decide about the IGF")
        # The WSIS+10 task force never says "task force": its kind does.
        for question in ["task force on WSIS", "WSIS task force"]:
            assert relevance.WSIS_TASK_FORCE in first_two(client, question), question
        # The organisations the membership page lists.
        assert relevance.MEMBERSHIP in first_two(client, "member organisations from Africa")
    # "become" is English: not corrected into "come".
    response = client.get("/search/", {"query": "how do I become a member"})
    assert suggestion(response) is None
    assert {relevance.JOINING, relevance.MEMBERSHIP} & set(
        first_two(client, "how do I become a member")
    )
    # Suggestions have every word typed; three letters of a site word suggest something.
    joined = client.get("/search/autocomplete/", {"query": "how do I join"}).json()["results"]
    assert joined and all("join" in r["title"].lower() for r in joined), joined
    for prefix in ["surv", "stee", "memb"]:
        assert client.get("/search/autocomplete/", {"query": prefix}).json()["results"], prefix
    # The editor's pick is shown once, above the results, not again among them.
    html = parse(client.get("/search/", {"query": "how do I join"}))
    # (Linked to the part of the page that answers, as results are.)
    assert [a["href"].split("#")[0] for a in html.select(".search-picks li > a")] == [
        relevance.JOINING
    ]
    assert relevance.JOINING not in [
        a["href"].split("#")[0] for a in html.select(".search-hit__title > a")
    ]
