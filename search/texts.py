"""A text's words as the search weighs them (`words_of`): stemmed once, kept by the text.

Choosing a result's part (`snippets.best_part`) and ranking results by their parts
(`ranking.answers_first`) read the words of every part of every page shown; the pages a
search shows come up again and again, and stemming their words was most of that work.
"""

from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from .query import WORD, stemmer

# Texts whose words are kept: at about 1.45 KB each for a clause of 45 words, some 24 MB (about
# as much as the 2,048 texts and 4,096 sets of stems kept before): the parts of the pages some
# 70 searches showed at 10,000 pages.
KEPT_TEXTS = 16384


class Words(NamedTuple):
    """A text's words: how many, and each distinct word, in the order they first appear,
    with its stem, how often it occurs and where it last occurs. Kept as flat tuples and one
    string, not a dictionary of tuples: a fifth of the memory (1.4 KB against 8.1 KB for the
    bench's clauses), so five times as many texts are kept in it."""

    length: int
    words: str  # the distinct words, separated by spaces
    stems: tuple
    counts: tuple
    last: tuple  # the position among the text's words where each distinct word last occurs

    def distinct(self):
        """The distinct words, in the order they first appear."""
        return self.words.split(" ")


@lru_cache(maxsize=KEPT_TEXTS)
def words_of(language, text):
    """`Words` of `text` in `language`. Kept by the text itself, so never out of date (a
    changed part is another text)."""
    found = WORD.findall(text)
    counts = Counter(found)  # in the order the words first appear
    last = {word: position for position, word in enumerate(found)}
    return Words(
        len(found),
        " ".join(counts),
        tuple(map(stemmer(language), map(str.lower, counts))),
        tuple(counts.values()),
        tuple(map(last.__getitem__, counts)),
    )


def stems_of(language, text):
    """The set of the stems of `text`'s words in `language`."""
    return frozenset(words_of(language, text).stems)
