"""The search page benchmark (bench/search_page.py) times the queries it says it does: the site's
query parser reads them as words, phrases, exclusions and alternatives."""

from bench.search_backends import COMMON, PHRASES, RARE, TWO_WORDS
from bench.search_page import EXCLUDED_AND_OR, typed_queries
from search.query import Term, parse


def test_words_are_searched_as_words_and_quoted_phrases_as_phrases():
    expected = [[[Term((word,))] for word in text.split()] for text in [*COMMON, *RARE, *TWO_WORDS]]
    expected += [[[Term(tuple(phrase.split()))]] for phrase in PHRASES]

    parsed = [parse(text) for text in typed_queries()[: len(expected)]]

    assert [query.clauses for query in parsed] == expected
    assert [query.excluded for query in parsed if query.excluded] == []


def test_every_query_with_a_minus_or_an_or_leaves_words_out_or_offers_alternatives():
    parsed = [parse(text) for text in EXCLUDED_AND_OR]

    assert all(
        query.excluded or any(len(clause) > 1 for clause in query.clauses) for query in parsed
    )
    assert all(not query.is_empty for query in parsed)
