"""Spelling suggestions and near-miss matching from the words of the live, public pages.

The vocabulary is read from the pages themselves, not from the index, because the index also
holds drafts: a suggestion must never reveal a word that only a draft contains.

Each live, public page's words are stored (`PageWords`) with the number of pages using each
word (`VocabularyWord`), in the database so that every app server shares them. Saving,
publishing, deleting or moving a page and changing a view restriction record the pages to look
at again (`VocabularyChange`, see signal_handlers.py) and read them at once, in the writer's
transaction: a publish costs one page's text, not the whole site's, and a search only reads
(it never waits for, or holds, the database's write lock). `rebuild()` (`manage.py
rebuild_vocabulary`) reads every page, for changes made without signals (bulk inserts,
`QuerySet.update()`, raw SQL, a restore).

A word is corrected only when the site does not know it and it is not a common English word
(`is_english`, from wordfreq's list of the words used at least once in a million): a correct
word the site does not use ("become") is never "corrected" into one it does ("come").
"""

import difflib
import math
import uuid
from collections import Counter
from functools import lru_cache

import wordfreq
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from wagtail.models import Page

from .descriptions import kind_of, parts, prefetch_parts
from .models import MAX_WORD_LENGTH, PageWords, VocabularyChange, VocabularyState, VocabularyWord
from .query import WORD, stem

BATCH = 200
# Rows written, and values in one `IN (…)`, at a time: well within every database's limits.
CHUNK = 500
MIN_LENGTH = 4
CUTOFF = 0.8
# Bounds on the work of one search: words looked up, close words offered for each, and
# close words in all (each is one more term for every field searched).
MAX_CORRECTED = 4
MAX_CLOSE = 3
MAX_CLOSE_IN_ALL = 6
CACHE_KEY = "search:vocabulary"
STATE_PK = 1


class Vocabulary:
    """The words of the live, public pages: `counts` {word: pages using it}, `stems` {stem:
    pages using its most used word}, and the number of pages. `token` names the stored
    version it was read from."""

    def __init__(self, counts, stems, pages, token=None):
        self.counts = counts
        self.stems = stems
        self.pages = pages
        self.token = token

    def weight(self, word):
        """How much finding `word` (or a word of its stem) says about a page: rare words more
        than common ones."""
        return 1 / (1 + max(self.counts.get(word, 0), self.stems.get(stem(word), 0)))

    def idf(self, word):
        """BM25's inverse document frequency of `word` (or a word of its stem) on the site's
        pages: how much finding it says about a part of a page (`snippets.best_part`)."""
        found = max(self.counts.get(word, 0), self.stems.get(stem(word), 0))
        return math.log(1 + (self.pages - found + 0.5) / (found + 0.5))

    def is_common(self, word):
        """Whether `word` is on most pages, so that finding it says little."""
        return self.counts.get(word, 0) > max(3, self.pages // 2)

    def knows(self, word):
        return word in self.counts or stem(word) in self.stems


def vocabulary():
    """The Vocabulary as the last change to the pages left it (empty before any page exists).
    Only reads the database: one query when this process's copy is current."""
    state = VocabularyState.objects.filter(pk=STATE_PK, built=True).values("token", "pages")
    state = state.first()
    if state is None:
        return Vocabulary({}, {}, 0)
    found = _kept
    if found is None or found.token != state["token"]:
        found = cache.get(CACHE_KEY)
        if found is None or found.token != state["token"]:
            found = _load(state["token"], state["pages"])
            cache.set(CACHE_KEY, found, timeout=None)
        _keep(found)
    return found


# The Vocabulary this process read last: never changed once read, so threads share it, and
# a search reads it without unpickling tens of thousands of words from the cache.
_kept = None


def _keep(found):
    global _kept
    _kept = found


def recheck(page_id, descendants=False, *, now=True):
    """Look at page `page_id` again (and at its subtree if `descendants`): it may have been
    published, unpublished, edited, deleted or restricted. With `now`, the vocabulary is
    brought up to date before this returns, in the caller's transaction; otherwise the page
    waits for the next change read at once, or for `rebuild()`."""
    VocabularyChange.objects.create(page_id=page_id, descendants=descendants)
    if now:
        catch_up()


def catch_up():
    """Read the pages recorded as changed (every page, the first time), one writer at a time."""
    with transaction.atomic():
        locked = _lock()
        if locked.built:
            _catch_up(locked)
        else:
            _rebuild(locked)


def rebuild():
    """Read every live, public page again."""
    with transaction.atomic():
        _rebuild(_lock())


def page_words(page):
    """The words of a specific page's live text (title, kind and parts), lower-cased."""
    found = {word.lower() for word in WORD.findall(f"{page.title} {kind_of(type(page)).label}")}
    for part in parts(page):
        found.update(word.lower() for word in WORD.findall(part.text))
    return {word for word in found if len(word) <= MAX_WORD_LENGTH}


def _lock():
    """The state row, locked until the transaction ends: one writer at a time."""
    VocabularyState.objects.get_or_create(pk=STATE_PK)
    return VocabularyState.objects.select_for_update().get(pk=STATE_PK)


def _load(token, pages):
    counts, stems = {}, {}
    for word, word_stem, count in VocabularyWord.objects.values_list("word", "stem", "pages"):
        counts[word] = count
        stems[word_stem] = max(count, stems.get(word_stem, 0))
    return Vocabulary(counts, stems, pages, token)


def _read(pks):
    """(pk, words) for the pages `pks`, BATCH pages at a time."""
    pks = sorted(pks)
    for start in range(0, len(pks), BATCH):
        pages = list(Page.objects.filter(pk__in=pks[start : start + BATCH]).specific())
        prefetch_parts(pages)
        for page in pages:
            yield page.pk, page_words(page)


def _chunks(values):
    values = list(values)
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _forget(change_pks):
    for chunk in _chunks(change_pks):
        VocabularyChange.objects.filter(pk__in=chunk).delete()


def _saved(state):
    state.token = uuid.uuid4()
    state.save()


def _rebuild(state):
    # Changes recorded from now on were maybe not seen by this build: they stay to be read.
    seen = list(VocabularyChange.objects.values_list("pk", flat=True))
    PageWords.objects.all().delete()
    VocabularyWord.objects.all().delete()
    counts = Counter()
    rows = []
    for pk, words in _read(Page.objects.live().public().values_list("pk", flat=True)):
        rows.append(PageWords(page_id=pk, words=" ".join(sorted(words))))
        counts.update(words)
    PageWords.objects.bulk_create(rows, batch_size=CHUNK)
    VocabularyWord.objects.bulk_create(
        [VocabularyWord(word=word, stem=stem(word), pages=n) for word, n in counts.items()],
        batch_size=CHUNK,
    )
    _forget(seen)
    state.built = True
    state.pages = len(rows)
    _saved(state)


def _catch_up(state):
    """Read the pages recorded as changed, CHUNK changes at a time."""
    changed = False
    while batch := list(VocabularyChange.objects.order_by("pk")[:CHUNK]):
        saved = {change.page_id for change in batch if not change.descendants}
        roots = {change.page_id for change in batch if change.descendants}
        changed |= _recheck(saved, roots, state)
        _forget([change.pk for change in batch])
    if changed:
        _saved(state)


def _recheck(saved, roots, state):
    """Read the pages `saved` again; add the pages under `roots` that became live and public;
    take out those that no longer are (or no longer exist). Whether anything changed."""
    scope = Q(pk__in=saved | roots)
    for path in Page.objects.filter(pk__in=roots).values_list("path", flat=True):
        scope |= Q(path__startswith=path)
    pages = Page.objects.filter(scope)
    public = set(pages.live().public().values_list("pk", flat=True))
    stored = {
        pk: set(words.split())
        for pk, words in PageWords.objects.filter(
            Q(page_id__in=saved | roots) | Q(page_id__in=pages.values("pk"))
        ).values_list("page_id", "words")
    }
    fresh = dict(_read(pk for pk in public if pk in saved or pk not in stored))
    gone = [pk for pk in stored if pk not in public]

    delta = Counter()
    created, updated = [], []
    for pk, words in fresh.items():
        old = stored.get(pk)
        if old == words:
            continue
        delta.update(words - (old or set()))
        delta.subtract((old or set()) - words)
        row = PageWords(page_id=pk, words=" ".join(sorted(words)))
        (created if old is None else updated).append(row)
    for pk in gone:
        delta.subtract(stored[pk])
    PageWords.objects.bulk_create(created, batch_size=CHUNK)
    PageWords.objects.bulk_update(updated, ["words"], batch_size=CHUNK)
    for chunk in _chunks(gone):
        PageWords.objects.filter(page_id__in=chunk).delete()
    _count({word: n for word, n in delta.items() if n})
    state.pages += len(created) - len(gone)
    return bool(created or updated or gone)


def _count(delta):
    """Add `delta` {word: change in the number of pages using it} to the stored counts."""
    for chunk in _chunks(sorted(delta)):
        rows = {row.word: row for row in VocabularyWord.objects.filter(word__in=chunk)}
        created, updated, emptied = [], [], []
        for word in chunk:
            row = rows.get(word)
            if row is None:
                if delta[word] > 0:
                    created.append(VocabularyWord(word=word, stem=stem(word), pages=delta[word]))
                continue
            row.pages += delta[word]
            if row.pages > 0:
                updated.append(row)
            else:
                emptied.append(word)
        VocabularyWord.objects.bulk_create(created)
        if updated:
            VocabularyWord.objects.bulk_update(updated, ["pages"])
        if emptied:
            VocabularyWord.objects.filter(word__in=emptied).delete()


@lru_cache(maxsize=1)
def _english():
    # wordfreq's "small" English list holds the words used at least once per million words.
    return frozenset(wordfreq.get_frequency_dict("en", wordlist="small"))


def is_english(word):
    """Whether `word` is a common English word (so not a typo)."""
    return word.lower() in _english()


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


def corrections(parsed, vocabulary, also_known=()):
    """{misspelt word: [close words, …]} for the query's words that no page uses and that
    are not English words (nor in `also_known`), for at most MAX_CORRECTED words and with
    MAX_CLOSE_IN_ALL close words in all."""
    found = {}
    looked_up = 0
    budget = MAX_CLOSE_IN_ALL
    for term in parsed.terms:
        for word in term.words:
            if word in found or vocabulary.knows(word) or word in also_known:
                continue
            if is_english(word) or looked_up >= MAX_CORRECTED or not budget:
                continue
            looked_up += 1
            close = close_words(word, vocabulary.counts)[:budget]
            if close:
                found[word] = close
                budget -= len(close)
    return found
