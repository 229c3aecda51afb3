"""Ranked searches scored a term at a time (`blockwise.top`) find the same documents, with the
same scores and in the same order, as Whoosh's own matchers, on an index of several fields,
several posting blocks per word, several segments and deleted documents."""

import math
import random

import pytest
from whoosh import fields
from whoosh import query as wq
from whoosh.filedb.filestore import RamStorage

from search.backends.whoosh import blockwise, phrases
from search.backends.whoosh.codec import InliningCodec
from search.backends.whoosh.documents import SEARCH_ANALYZER
from search.backends.whoosh.minimum import AtLeastQuery
from search.backends.whoosh.phrases import KnownPhrase
from search.backends.whoosh.query import ArrayOr, UnionOr

FIELDS = {"title": 2.0, "intro": 1.0, "body": 1.0, "members": 0.5}
COMMON = ["human", "rights", "annual", "report", "committee", "meeting", "network"]
RARE = ["quorum", "plenary", "privacy", "travel", "funding", "election", "charter"]
FILLER = ["the", "a", "of", "and", "to", "in", "for", "on", "with", "by"]
DOCUMENTS = 700  # more than a posting block (128) per common word and field


def _text(rng, length):
    words = []
    for _ in range(length):
        roll = rng.random()
        pool = COMMON if roll < 0.25 else RARE if roll < 0.3 else FILLER
        words.append(rng.choice(pool))
    if rng.random() < 0.2:  # phrases
        words[rng.randrange(length) :] = ["human", "rights", *words[-2:]]
    return " ".join(words)


@pytest.fixture(scope="module")
def ix():
    rng = random.Random(23)  # noqa: S311 (a fixed corpus, not a secret)
    schema = fields.Schema(
        key=fields.ID(stored=True, unique=True),
        **{name: fields.TEXT(analyzer=SEARCH_ANALYZER) for name in FIELDS},
    )
    ix = RamStorage().create_index(schema)

    def document(n):
        return {
            "key": str(n),
            "title": _text(rng, rng.randint(2, 8)),
            "intro": _text(rng, rng.randint(5, 30)),
            "body": _text(rng, rng.randint(20, 200)),
            **({"members": _text(rng, 4)} if n % 3 else {}),
        }

    with ix.writer(codec=InliningCodec()) as writer:
        for n in range(DOCUMENTS):
            writer.add_document(**document(n))
    # A second segment, with documents of the first replaced or deleted.
    with ix.writer(codec=InliningCodec()) as writer:
        writer.merge = False
        for n in range(0, DOCUMENTS, 7):
            writer.update_document(**document(n))
        for n in range(3, DOCUMENTS, 11):
            writer.delete_by_term("key", str(n))
        for n in range(DOCUMENTS, DOCUMENTS + 150):
            writer.add_document(**document(n))
    return ix


@pytest.fixture(autouse=True)
def forget_phrases():
    phrases.forget()
    yield
    phrases.forget()


def any_field(word, boost=1.0):
    return UnionOr([wq.Term(name, word, boost=weight * boost) for name, weight in FIELDS.items()])


def phrase(*words):
    return UnionOr(
        [KnownPhrase(name, list(words), boost=weight) for name, weight in FIELDS.items()]
    )


def reference(searcher, query, limit, allowed=None):
    """Whoosh's own matches, every one scored (no block skipping), best first."""
    found = searcher.search(query, limit=None, filter=allowed).items()
    return sorted(found, key=lambda pair: (-pair[1], pair[0]))[:limit]


QUERIES = {
    "one word": any_field("committe"),
    "two words, both": wq.And([any_field("human"), any_field("right")]),
    "most of four words": AtLeastQuery(
        [any_field("human"), any_field("right"), any_field("annual"), any_field("report")], 3
    ),
    "any of three words": AtLeastQuery(
        [any_field("quorum"), any_field("plenari"), any_field("travel")], 1
    ),
    "a phrase": phrase("human", "right"),
    "a phrase or a word": UnionOr([phrase("human", "right"), any_field("charter")]),
    "a word or related words, boosted": UnionOr(
        [any_field("meet"), any_field("network", boost=0.5).with_boost(0.5)]
    ),
    "many clauses scored into an array": ArrayOr(
        [wq.Term(name, word) for name in FIELDS for word in COMMON + RARE]
    ),
    "a boosted And": wq.And([any_field("annual"), any_field("report")], boost=1.5),
    "one field": wq.Term("title", "report", boost=2.0),
    "a word that is nowhere": any_field("nowhere"),
}


def assert_same(found, expected):
    """The same documents in the same order, with the same scores: equal to the last bit on
    Python 3.11; from 3.12, whose sum() of floats compensates rounding, within a few units in
    the last place wherever a sum adds the parts in another way."""
    assert [docnum for docnum, _ in found] == [docnum for docnum, _ in expected]
    for (_, ours), (_, whooshs) in zip(found, expected, strict=True):
        assert math.isclose(ours, whooshs, rel_tol=1e-12), (ours, whooshs)


@pytest.mark.parametrize("name", QUERIES)
@pytest.mark.parametrize("limit", [1, 20, 150, 5000])
def test_the_same_matches_scores_and_order_as_whoosh(ix, name, limit):
    with ix.searcher() as searcher:
        expected = reference(searcher, QUERIES[name], limit)
        found = blockwise.top(searcher, QUERIES[name], limit)

    assert_same(found, expected)
    if name != "a word that is nowhere":
        assert found


def test_a_filter_of_allowed_documents(ix):
    query = AtLeastQuery([any_field("human"), any_field("report"), any_field("meet")], 2)
    with ix.searcher() as searcher:
        allowed = set(range(0, searcher.doc_count_all(), 2))
        expected = reference(searcher, query, 40, allowed)
        found = blockwise.top(searcher, query, 40, allowed)

    assert_same(found, expected)
    assert all(docnum % 2 == 0 for docnum, _score in found)


def test_excluded_words_leave_out_every_document_that_has_them(ix):
    """Scores as Whoosh's, of every document with the word but none with an excluded one
    (Whoosh's own AndNot over a union of excluded words can let some through)."""
    positive = any_field("committe")
    excluded = UnionOr([any_field("elect"), any_field("report")])
    query = wq.AndNot(positive, excluded)
    with ix.searcher() as searcher:
        having = {docnum for docnum, _score in reference(searcher, excluded, None)}
        expected = [pair for pair in reference(searcher, positive, None) if pair[0] not in having]
        found = blockwise.top(searcher, query, 10_000)

    assert having and expected
    assert_same(found, expected)


def test_an_unknown_kind_of_query_is_left_to_whoosh(ix):
    with ix.searcher() as searcher:
        best_field = wq.DisjunctionMax([wq.Term("title", "report"), wq.Term("body", "report")])
        assert blockwise.top(searcher, best_field, 20) is None
        assert blockwise.top(searcher, any_field("report"), None) is None
