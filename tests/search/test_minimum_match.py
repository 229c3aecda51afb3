"""Minimum-should-match: Whoosh's own matcher, and the same rule spelt out for other backends."""

from wagtail.search.query import And, Boost, Or
from whoosh import fields
from whoosh import query as wq
from whoosh.filedb.filestore import RamStorage

from search.backends.whoosh.minimum import AtLeastQuery
from search.query import MAX_COMBINATIONS, for_backend, parse


def searcher():
    schema = fields.Schema(key=fields.ID(stored=True), text=fields.TEXT)
    index = RamStorage().create_index(schema)
    writer = index.writer()
    for key, text in [("all", "alpha beta gamma"), ("two", "alpha beta"), ("one", "alpha")]:
        writer.add_document(key=key, text=text)
    writer.commit()
    return index.searcher()


def test_whoosh_finds_what_has_at_least_the_minimum_with_more_words_first():
    terms = [wq.Term("text", word) for word in ("alpha", "beta", "gamma")]
    with searcher() as s:
        two = [hit["key"] for hit in s.search(AtLeastQuery(terms, 2))]
        one = [hit["key"] for hit in s.search(AtLeastQuery(terms, 1))]
        three = [hit["key"] for hit in s.search(AtLeastQuery(terms, 3))]

    assert two == ["all", "two"]
    assert one == ["all", "two", "one"]
    assert three == ["all"]


def test_questions_of_three_words_or_more_need_most_not_all():
    assert parse("committee").minimum == 1
    assert parse("steering committee").minimum == 2
    assert parse("how do I join the steering committee").minimum == 2  # join steering committee
    assert parse("alpha beta gamma delta epsilon zeta eta theta").minimum == 5


def test_everyday_words_match_but_do_not_raise_the_minimum():
    # comment, period, network, decides say something; "before" and "something" hardly do.
    question = parse("how long is the comment period before the network decides something")
    assert len(question.clauses) == 6
    assert question.minimum == 3  # most of the four, not four of the six

    assert parse("why does the network put out joint statements").minimum == 2
    # Nothing but everyday words: they are all there is to match.
    assert parse("go out before").minimum == 2
    # Another language's words are counted as they are.
    assert parse("comité people world work").minimum == 1
    assert parse("comité people world work", language="es").minimum == 3


def test_verbs_that_say_nothing_and_how_quickly_are_left_out():
    assert [t.words for c in parse("how long does it take to get approved").clauses for t in c] == [
        ("approved",)
    ]
    assert [t.words for c in parse('what does "it take" mean').clauses for t in c] == [
        ("it", "take"),
        ("mean",),
    ]
    assert [t.words for c in parse("how quickly are applications answered").clauses for t in c] == [
        ("applications",),
        ("answered",),
    ]
    assert [t.words for c in parse("take part").clauses for t in c] == [("take",), ("part",)]


class Plain:
    """A backend without minimum-should-match or boosts."""


def test_other_backends_get_every_choice_of_enough_clauses_without_boosts():
    query = parse("alpha beta gamma").build()

    plain = for_backend(query, Plain())

    assert isinstance(plain, Or)
    assert len(plain.subqueries) == 3
    assert all(isinstance(sub, And) and len(sub.subqueries) == 2 for sub in plain.subqueries)

    many = for_backend(parse(" ".join(f"word{n}" for n in range(10))).build(), Plain())
    assert isinstance(many, Or) and len(many.subqueries) == 10  # C(10, 6) > MAX_COMBINATIONS
    assert MAX_COMBINATIONS < 210

    boosted = Or([Boost(parse("alpha").build(), 0.5)])
    assert not isinstance(for_backend(boosted, Plain()).subqueries[0], Boost)
