"""How much each of a question's clauses counts when the first results are reordered by their
best part (`ranking.part_clauses`, used by `ranking.answers_first`)."""

from search import ranking
from search.query import parse


class Vocabulary:
    """Every word as rare on the site as a word can be: what the pages rarely say, as "put"."""

    def idf(self, word):
        return 4.0


def weights(text):
    return [weight for weight, _ in ranking.part_clauses(parse(text), Vocabulary(), {})]


def test_an_everyday_word_counts_little_however_rarely_the_pages_say_it():
    # "put" and "out" are everyday English words; "network" and "statements" say what is asked.
    assert weights("why does the network put out statements") == [
        4.0,
        4.0 * ranking.EVERYDAY_SHARE,
        4.0 * ranking.EVERYDAY_SHARE,
        4.0,
    ]


def test_words_that_count_or_order_are_not_everyday_words_here():
    # "two", "years" and "first" are common, but a question about terms turns on them.
    assert weights("first committee for more than two years") == [4.0] * 6
