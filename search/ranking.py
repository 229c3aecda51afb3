"""Ranking: the backend's best matches for most of the words, then pages named by them first.

The backend matches pages with at least the query's minimum of its clauses (or, when none
has that many, with any of them: `ranked_or_any`), pages with more of them first. The hits
are then reordered by what their title and kind say (`titles_first`): a page called what was
asked for ("WSIS task force": a task force with WSIS in its title) comes first.

Every backend failure (an index missing or broken, the database or a search server down)
reaches the caller as one `SearchUnavailable`, whatever the backend: the search page never
needs to know which one is configured.
"""

import logging
import math
from typing import NamedTuple

from wagtail.search.backends import get_search_backend

from .answers import COUNTING_WORDS, is_answer
from .descriptions import kind_of, page_model
from .errors import SearchUnavailable
from .fillers import ENGLISH, STOP, is_everyday
from .query import (
    ALL_WORDS_UP_TO,
    RELATED_BOOST,
    for_backend,
    naming_form,
    naming_forms,
    stem,
)
from .texts import stems_of, words_of

logger = logging.getLogger(__name__)

# Facets and counts are worked out on at most this many of the best matches.
MAX_HITS = 1000
# Fewer hits than this for a question's minimum of clauses, and the pages with one clause fewer
# follow them (`ranked_or_any`).
FEW_HITS = 3
# What ranking (`titles_first`) and the facets (`facets.rows`) read of each of up to MAX_HITS
# matches (`Ranked`); the pages shown are loaded in full afterwards.
RANKED_FIELDS = ("title", "content_type", "path")
# RANKED_FIELDS as a page instance has them.
ATTRIBUTES = tuple(f"{name}_id" if name == "content_type" else name for name in RANKED_FIELDS)
# Reciprocal rank fusion of the backend's order and the titles' (`titles_first`): the
# smaller, the more the first places of either list count.
FUSION_K = 2
# A page's kind ("Steering committee") naming a clause counts this share of its title doing so.
KIND_SHARE = 0.5
# How many of the first results `answers_first` reorders (all on the first results page);
# how much more a clause counts in a part's heading; how much what the whole page has counts
# beside its best part; what a word of the kind of answer asked for adds to a part (a share
# of the clauses' mean weight).
ANSWER_DEPTH = 10
HEADING_SHARE = 0.5
PAGE_SHARE = 0.5
ANSWER_SHARE = 0.5
# Parts' answers within this share of the best one's score are as good as it (the backend's
# order decides between them).
NEAR_SHARE = 0.15
# What a clause of one everyday English word ("put", "out": `fillers.is_everyday`) counts in a
# part, as a share of its weight on the site: the pages may rarely say it, but it says little
# about what is asked.
EVERYDAY_SHARE = 0.25


class Ranked(NamedTuple):
    """What ranking and the facets read of one matching page (`RANKED_FIELDS`)."""

    pk: int
    title: str
    content_type_id: int
    path: str


def ranked(pages, query):
    """Up to MAX_HITS `Ranked` rows of `pages` matching `query`, best first.

    A backend whose results read rows (`values_list`, as ours does) builds no page instance:
    for a broad word at 10,000 pages, building 1,000 pages cost more than the search.
    """
    try:
        query = for_backend(query, get_search_backend())
        results = pages.only(*RANKED_FIELDS).search(query)[:MAX_HITS]
        if hasattr(results, "values_list"):
            return [Ranked(*row) for row in results.values_list(*RANKED_FIELDS)]
        return [Ranked(page.pk, *(getattr(page, f) for f in ATTRIBUTES)) for page in results]
    except Exception as error:  # whatever the backend raises, search is what failed
        logger.exception("Search failed: %s", error)
        raise SearchUnavailable(str(error)) from error


def ranked_or_any(pages, parsed, fixes, vocabulary, time_left):
    """(hits, the words searched for when not the query's minimum of them): pages with at
    least `parsed.minimum` of its clauses, followed when they are few by those with one clause
    fewer (`_with_fewer_words`); when none has that many, pages with any of them,
    provided the site knows at least that many of the clauses (a question about something
    it does not hold finds nothing, not pages with its one common word) and `time_left()`.
    At most two searches."""
    hits = _exact_first(pages, parsed, fixes)
    if parsed.minimum <= 1 or not time_left():
        return hits, ""
    if hits:
        return _with_fewer_words(hits, pages, parsed, fixes), ""
    known = [
        index
        for index, clause in enumerate(parsed.clauses)
        if index in parsed.related
        or any(vocabulary.knows(w) or w in fixes for term in clause for w in term.words)
    ]
    if len(known) < parsed.minimum:
        return hits, ""
    hits = _exact_first(pages, parsed, fixes, minimum=1)
    return hits, (f"any of {parsed}" if hits else "")


def _with_fewer_words(hits, pages, parsed, fixes):
    """`hits`, and when they are fewer than FEW_HITS, after them the pages with one clause
    fewer: a question often says in its own words one thing the answer says in others ("do
    task forces work in public": they "work in the open"). Not for two keywords typed
    without a question around them ("active groups"): they are both wanted."""
    if len(hits) >= FEW_HITS or not parsed.is_question and len(parsed.clauses) <= ALL_WORDS_UP_TO:
        return hits
    found = {hit.pk for hit in hits}
    more = _exact_first(pages, parsed, fixes, minimum=parsed.minimum - 1)
    return hits + [hit for hit in more if hit.pk not in found]


def _exact_first(pages, parsed, fixes, minimum=None):
    """The hits for `parsed`. A backend that cannot weigh what the thesaurus relates below
    the words typed (no `Boost`) is asked twice: pages with the words typed first, then those
    found only through the thesaurus."""
    hits = ranked(pages, parsed.build(expansions=fixes, minimum=minimum))
    if not parsed.related or getattr(get_search_backend(), "supports_at_least", False):
        return hits
    exact = ranked(pages, parsed.build(expansions=fixes, minimum=minimum, related=False))
    found = {hit.pk for hit in exact}
    return exact + [hit for hit in hits if hit.pk not in found]


def _named_terms(parsed, vocabulary, fixes=None):
    """For each clause, for each of its terms, {naming form: weight} of the term's typed words
    that can name a page; a misspelt word (a key of `fixes`) by its close spellings."""
    fixes = fixes or {}
    return [
        [
            {
                naming_form(word): vocabulary.weight(word)
                for typed in term.words
                for word in fixes.get(typed, [typed])
                if not vocabulary.is_common(word)
            }
            for term in clause
        ]
        for clause in parsed.clauses
    ]


def _named_clauses(parsed, vocabulary, fixes=None):
    """For each clause, {naming form: weight} of its typed words (or their close spellings)
    that can name a page."""
    return [
        {form: weight for term in terms for form, weight in term.items()}
        for terms in _named_terms(parsed, vocabulary, fixes)
    ]


def titles_first(hits, parsed, vocabulary, fixes=None):
    """The hits ordered by the backend's rank fused with how well their titles (and kinds:
    "task force") name what was asked. Each clause named counts once, by its rarest word;
    words on most pages ("network") not at all: they name nothing in particular. Only the
    words typed (a misspelt one by its close spellings, `fixes`, as the search found them)
    name a page by its title: what the thesaurus relates to them ranks below;
    a kind may be named by either. Titles are compared by `naming_form`. A question asking
    how something is done (`ParsedQuery.asks_how`) names the page types that say so
    (`search_answers_how`: procedures) as if it named their kind by its rarest word."""
    clauses = _named_clauses(parsed, vocabulary, fixes)
    # A kind is a category, not a name: "decide" asks for outcomes, as the thesaurus says.
    kinds_asked = [
        {
            naming_form(word): vocabulary.weight(word) * RELATED_BOOST
            for term in parsed.related.get(index, ())
            for word in term.words
            if word not in STOP
        }
        | clause
        for index, clause in enumerate(clauses)
    ]
    if not any(clauses):
        return hits
    # A question "how do I …" names pages that say how things are done as their kind would.
    how = KIND_SHARE * max(w for clause in clauses for w in clause.values()) * parsed.asks_how
    by_kind = {}

    def kind_named(content_type_id):
        """(what answering how counts, what the kind's naming each clause counts), once per
        page type."""
        if content_type_id not in by_kind:
            model = page_model(content_type_id)
            kind = naming_forms(kind_of(model).label)
            by_kind[content_type_id] = (
                how * getattr(model, "search_answers_how", False),
                [
                    KIND_SHARE * max((w for f, w in a.items() if f in kind), default=0)
                    for a in kinds_asked
                ],
            )
        return by_kind[content_type_id]

    def title_score(hit):
        answers_how, kind = kind_named(hit.content_type_id)
        title = naming_forms(hit.title)
        return answers_how + sum(
            max((w for f, w in clause.items() if f in title), default=0) + named
            for clause, named in zip(clauses, kind, strict=True)
        )

    return _fused(hits, [title_score(hit) for hit in hits])


def _fused(hits, scores):
    """`hits` ordered by their rank fused (reciprocal rank) with their rank by `scores`."""
    score_rank = {score: rank for rank, score in enumerate(sorted(set(scores), reverse=True))}
    fused = [
        1 / (FUSION_K + rank) + 1 / (FUSION_K + score_rank[score])
        for rank, score in enumerate(scores)
    ]
    order = sorted(range(len(hits)), key=lambda i: (-fused[i], -scores[i], i))
    return [hits[i] for i in order]


def answers_first(rows, parsed, vocabulary, fixes, described):
    """The first ANSWER_DEPTH `rows` reordered by how well one of their parts (a clause,
    session or seat; `described(row)` is the page's title and kind, and its parts) answers
    the query: the part holding most of its clauses, each counted by how rare its words are
    on the site (`Vocabulary.idf`), so that a clause with every word asked for ("how long
    does the committee take to decide") comes before a page whose title has the one common
    word ("committee").

    A clause counts in every part when the page's title or kind has it (the whole page is
    about it: its parts need not say it again), HEADING_SHARE more in the part's heading;
    what the thesaurus relates to it, RELATED_BOOST of it (an abbreviation's full name, as
    much as the abbreviation); a close spelling (`fixes`) as the word typed. The clauses
    found anywhere on the page add PAGE_SHARE of their weight (a question whose words are
    spread over a clause and its sub-clause). A part with a word of the kind of answer the
    question asks for (`ParsedQuery.answer_words`: a number for "how many") gains
    ANSWER_SHARE of the clauses' mean weight. The order is then fused with the backend's, as
    `titles_first` does, by reciprocal rank, pages whose scores are within NEAR_SHARE of the
    best's of each other ranking as one. A page whose answering part links to another of
    them that answers too comes after it (`_pointed_first`). Costs a set of stems per part
    of ANSWER_DEPTH pages, pages loaded to be shown anyway."""
    top = rows[:ANSWER_DEPTH]
    clauses = part_clauses(parsed, vocabulary, fixes)
    if len(top) < 2 or not clauses:
        return rows
    shape = parsed.answer_words
    bonus = ANSWER_SHARE * sum(weight for weight, _ in clauses) / len(clauses)

    def page_score(row):
        """(how well the page answers, the pages its answering part links to)."""
        title, parts = described(row)
        title = stems_of(ENGLISH, title)
        best, links, anywhere = 0, (), [0] * len(clauses)
        for part in parts:
            text, heading = stems_of(ENGLISH, part.text), stems_of(ENGLISH, part.label)
            found = [
                max((_found(stems, text, heading, title) * f for stems, f in alts), default=0)
                for _, alts in clauses
            ]
            anywhere = [max(a, b) for a, b in zip(anywhere, found, strict=True)]
            score = sum(weight * f for (weight, _), f in zip(clauses, found, strict=True))
            words = words_of(ENGLISH, part.text).distinct() if shape and score else ()
            if any(is_answer(word, shape) for word in words):
                score += bonus
            if score > best:
                # A part that says none of what was asked (its page's title does) points
                # nowhere for this question.
                says = any(stems <= text for _, alts in clauses for stems, _ in alts)
                best, links = score, part.links if says else ()
        page = sum(weight * min(f, 1) for (weight, _), f in zip(clauses, anywhere, strict=True))
        return round(best + PAGE_SHARE * page, 6), links

    scored = [page_score(row) for row in top]
    scores = [score for score, _links in scored]
    if not any(scores):
        return rows
    # Answers within NEAR_SHARE of each other are as good: the backend's order decides.
    step = NEAR_SHARE * max(scores)
    tiers = [-((max(scores) - score) // step) for score in scores]
    fused = _fused(top, tiers)
    tier_of = {row.pk: tier for row, tier, score in zip(top, tiers, scores, strict=True) if score}
    points_to = {row.pk: links for row, (_score, links) in zip(top, scored, strict=True)}
    return _pointed_first(fused, points_to, tier_of) + rows[ANSWER_DEPTH:]


def _pointed_first(rows, points_to, tier_of):
    """`rows` with each one whose answering part links to another of them that answers as
    well moved to just after it: "The procedure Joining the network says how to apply" says
    where the answer is, and it is there. `points_to`: {pk: the pages its best part links to,
    if that part has some of the words asked}; `tier_of`: {pk: how well the page answers, in
    steps of NEAR_SHARE of the best, for the pages that answer}. A part of a page that
    answers better than the page it links to stays where it is (a session about the IGF
    linking to the message that came of it)."""
    order = list(rows)
    for row in rows:
        if row.pk not in tier_of:
            continue
        linked = {
            pk
            for pk in points_to.get(row.pk, ())
            if pk != row.pk and tier_of.get(pk, -math.inf) >= tier_of[row.pk]
        }
        after = [i for i, other in enumerate(order) if other.pk in linked]
        here = order.index(row)
        if after and after[0] > here:
            order.insert(after[0], order.pop(here))
    return order


def _found(stems, text, heading, title):
    """How much a part shows a term of `stems`: in its text, or in its page's title or kind
    (what every part of the page is about), and more in its heading."""
    if stems <= text:
        return 1 + HEADING_SHARE * (stems <= heading)
    return 1 if stems <= title else 0


def _abbreviates(term, other):
    """Whether one of the terms is the other's initials ("IGF", "Internet Governance Forum"):
    the same name, not a related word."""
    for short, long in ((term, other), (other, term)):
        if len(short.words) == 1 and len(long.words) > 1:
            initials = "".join(word[0] for word in long.words if word not in STOP)
            if initials == short.words[0]:
                return True
    return False


def part_clauses(parsed, vocabulary, fixes):
    """For each clause of `parsed` with a word that says something: (its weight, [(the stems
    of one of its terms, what finding that term counts), …]). A clause weighs what its
    rarest typed word (or that word's rarest close spelling) does on the site."""
    found = []
    everyday = _everyday_clauses(parsed)
    for index, clause in enumerate(parsed.clauses):
        alternatives, weight = [], 0
        for term in clause:
            typed = [word for word in term.words if word not in STOP] or list(term.words)
            alternatives.append((frozenset(stem(w) for w in typed), 1))
            for word in typed:
                close = fixes.get(word, ())
                alternatives.extend((frozenset({stem(c)}), 1) for c in close)
                # A misspelt word weighs what its close spellings do, not a word no page has.
                weight = max(weight, *(vocabulary.idf(w) for w in close or [word]))
        for term in parsed.related.get(index, ()):
            words = [word for word in term.words if word not in STOP] or list(term.words)
            same = any(_abbreviates(t, term) for t in clause) or (
                set(words) <= parsed.same_as_typed
            )
            share = 1 if same else RELATED_BOOST
            alternatives.append((frozenset(stem(w) for w in words), share))
        if index in everyday:
            weight *= EVERYDAY_SHARE
        if weight:
            found.append((weight, alternatives))
    return found


def _everyday_clauses(parsed):
    """The indexes of the clauses of `parsed` that are one everyday English word ("up" of
    "wound up", "put", "out"), not one that counts or orders ("first", "two")."""
    if parsed.language != ENGLISH:
        return set()
    return {
        index
        for index, clause in enumerate(parsed.clauses)
        if is_everyday(clause) and clause[0].words[0] not in COUNTING_WORDS
    }


def everyday_words(parsed):
    """The words of the clauses of `parsed` that count EVERYDAY_SHARE of their weight in a
    part (`part_clauses`, `snippets.best_part`)."""
    return {parsed.clauses[index][0].words[0] for index in _everyday_clauses(parsed)}
