"""Spelling suggestions and near-miss matching: a search's words corrected into the pages'.

A word is corrected only when the site's pages in the language do not know it (`spelling`'s
vocabulary) and it is not a common word of the language (`is_common_word`, from wordfreq's
list of the words used at least once in a million, for English, Spanish, French, Portuguese,
Arabic and the others it has): a correct word the site does not use ("become",
"convertirse") is never "corrected" into one it does ("come").
"""

import bisect
import difflib
from functools import lru_cache

import wordfreq

from .fillers import ENGLISH

MIN_LENGTH = 4
CUTOFF = 0.8
# The shortest word of two run together that `joined_words` splits ("taskforce": "task",
# "force"), so that "ofthe" or "anew" are not read as two.
MIN_JOINED = 3
# Bounds on the work of one search: words looked up, close words offered for each, and
# close words in all (each is one more term for every field searched).
MAX_CORRECTED = 4
MAX_CLOSE = 3
MAX_CLOSE_IN_ALL = 6


@lru_cache(maxsize=8)
def _common_words(language):
    # wordfreq's "small" lists hold the words used at least once per million words.
    if language not in wordfreq.available_languages(wordlist="small"):
        return frozenset()
    return frozenset(wordfreq.get_frequency_dict(language, wordlist="small"))


@lru_cache(maxsize=8)
def _sorted_common_words(language):
    return tuple(sorted(_common_words(language)))


def common_words_starting(prefix, language=ENGLISH):
    """The common words of `language` that start with `prefix`, in alphabetical order."""
    words = _sorted_common_words(language)
    start = bisect.bisect_left(words, prefix)
    end = bisect.bisect_left(words, prefix + "\uffff", start)
    return words[start:end]


def is_common_word(word, language=ENGLISH):
    """Whether `word` is a common word of `language` (so not a typo)."""
    return word.lower() in _common_words(language)


def is_english(word):
    """Whether `word` is a common English word (so not a typo)."""
    return is_common_word(word, ENGLISH)


def close_words(word, words, n=MAX_CLOSE):
    """Words of the vocabulary spelt like `word`, most used first.

    Only words with the same first letter and a length within two are compared: a typo
    rarely changes the first letter, and this keeps each lookup to a small share of the
    vocabulary.
    """
    if len(word) < MIN_LENGTH or word.isdigit():
        return []
    candidates = [
        w for w in words if w[:1] == word[:1] and abs(len(w) - len(word)) <= 2 and not w.isdigit()
    ]
    close = difflib.get_close_matches(word, candidates, n=n * 2, cutoff=CUTOFF)
    return sorted(close, key=lambda w: (-words[w], close.index(w)))[:n]


def close_forms(word, vocabulary, n=MAX_CLOSE):
    """Words spelt like `word` whose stems the site's pages use, though maybe in another form:
    "goverened" is not close enough to "governance" or "government", the forms the pages
    use, but its stem ("goveren") is to theirs ("govern"), and "governed" is that stem's
    form closest to what was typed.

    The stems compared as `close_words` compares words; of each close stem, the form offered
    is the one spelt most like `word` among the pages' words of that stem and the common
    words of the vocabulary's language that stem to it (so a real word, not a stem).
    """
    if len(word) < MIN_LENGTH or word.isdigit():
        return []
    stem = vocabulary.stem
    typed = stem(word)
    candidates = [
        s for s in vocabulary.stems if s[:1] == typed[:1] and abs(len(s) - len(typed)) <= 2
    ]
    found = []
    for close in difflib.get_close_matches(typed, candidates, n=n, cutoff=CUTOFF):
        forms = [
            form
            for form in common_words_starting(close[: max(3, len(close) - 1)], vocabulary.language)
            if stem(form) == close
        ] + vocabulary.words_of(close)
        if forms:
            best = max(forms, key=lambda form: difflib.SequenceMatcher(None, word, form).ratio())
            if best not in found and best != word:
                found.append(best)
    return found


def corrections(parsed, vocabulary, also_known=()):
    """{misspelt word: [close words, …]} for the query's words that no page of the
    vocabulary's language uses and that are not common words of that language (nor in
    `also_known`), for at most MAX_CORRECTED words and with MAX_CLOSE_IN_ALL close words in
    all, all of them words of the pages in that language."""
    found = {}
    looked_up = 0
    budget = MAX_CLOSE_IN_ALL
    for term in parsed.terms:
        for word in term.words:
            if word in found or vocabulary.knows(word) or word in also_known:
                continue
            common = is_common_word(word, vocabulary.language)
            if common or looked_up >= MAX_CORRECTED or not budget:
                continue
            looked_up += 1
            close = (close_words(word, vocabulary.counts) or close_forms(word, vocabulary))[:budget]
            if close:
                found[word] = close
                budget -= len(close)
    return found


def joined_words(parsed, vocabulary):
    """{typed word: two words of the pages run together in it}: "taskforce" -> "task force",
    "steeringcommittee" -> "steering committee", for the query's words that neither the pages
    nor the language know. Of the ways to split a word, the one whose rarer half the pages use
    most; none where a half would be shorter than MIN_JOINED letters."""
    found = {}
    for term in parsed.terms:
        for word in term.words:
            if (
                len(word) < 2 * MIN_JOINED
                or word.isdigit()
                or vocabulary.knows(word)
                or is_common_word(word, vocabulary.language)
            ):
                continue
            splits = [
                (max(vocabulary.weight(left), vocabulary.weight(right)), left, right)
                for left, right in (
                    (word[:at], word[at:]) for at in range(MIN_JOINED, len(word) - MIN_JOINED + 1)
                )
                if vocabulary.knows(left) and vocabulary.knows(right)
            ]
            if splits:
                _, left, right = min(splits)
                found[word] = f"{left} {right}"
    return found
