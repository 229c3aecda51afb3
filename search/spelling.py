"""Spelling suggestions and near-miss matching from the words of the live, public pages.

The vocabulary is read from the pages themselves, not from the index, because the index also
holds drafts: a suggestion must never reveal a word that only a draft contains. It is cached
under a key that changes whenever a page is published, unpublished, deleted or restricted.
"""

import difflib
from collections import Counter

from django.core.cache import cache
from django.db.models import Count, Max
from wagtail.models import Page, PageViewRestriction

from . import text
from .query import WORD, stem

BATCH = 200
MIN_LENGTH = 4
CUTOFF = 0.8


def _state_key():
    pages = Page.objects.live().aggregate(n=Count("pk"), pk=Max("pk"), at=Max("last_published_at"))
    restrictions = PageViewRestriction.objects.aggregate(n=Count("pk"), pk=Max("pk"))
    at = pages["at"].timestamp() if pages["at"] else 0
    state = [pages["n"], pages["pk"], at, restrictions["n"], restrictions["pk"]]
    return "search:vocabulary:" + ":".join(str(value) for value in state)


def _build():
    counts = Counter()
    pks = list(Page.objects.live().public().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), BATCH):
        pages = list(Page.objects.filter(pk__in=pks[start : start + BATCH]).specific())
        text.prefetch(pages)
        for page in pages:
            page_words = {word.lower() for word in WORD.findall(page.title)}
            for part in text.parts(page):
                page_words.update(word.lower() for word in WORD.findall(part.text))
            counts.update(page_words)
    return Vocabulary(dict(counts), frozenset(stem(word) for word in counts), len(pks))


class Vocabulary:
    """The words of the live, public pages: `counts` {word: pages using it}, their stems, and
    the number of pages."""

    def __init__(self, counts, stems, pages):
        self.counts = counts
        self.stems = stems
        self.pages = pages

    def weight(self, word):
        """How much finding `word` says about a page: rare words more than common ones."""
        return 1 / (1 + self.counts.get(word, 0))

    def is_common(self, word):
        """Whether `word` is on so many pages that finding it says little."""
        return self.counts.get(word, 0) > max(3, self.pages // 5)

    def knows(self, word):
        return word in self.counts or stem(word) in self.stems


def vocabulary():
    """The Vocabulary of the site as it is now, built once per change of the live pages."""
    key = _state_key()
    found = cache.get(key)
    if found is None:
        found = _build()
        cache.set(key, found, timeout=None)
    return found


def close_words(word, words, n=3):
    """Words of the vocabulary spelt like `word`, most used first."""
    if len(word) < MIN_LENGTH or word.isdigit():
        return []
    candidates = [w for w in words if abs(len(w) - len(word)) <= 2 and not w.isdigit()]
    close = difflib.get_close_matches(word, candidates, n=n * 2, cutoff=CUTOFF)
    return sorted(close, key=lambda w: (-words[w], close.index(w)))[:n]


def corrections(parsed, vocabulary):
    """{misspelt word: [close words, …]} for the query's words that no page uses."""
    found = {}
    for term in parsed.terms:
        for word in term.words:
            if not vocabulary.knows(word) and word not in found:
                close = close_words(word, vocabulary.counts)
                if close:
                    found[word] = close
    return found
