"""The vocabulary of the live, public pages: the words spelling suggestions are made from.

The vocabulary is read from the pages themselves, not from the index, because the index also
holds drafts: a suggestion must never reveal a word that only a draft contains.

Each live, public page's words are stored (`PageWords`) with the number of pages using each
word (`VocabularyWord`), in the database so that every app server shares them. Each language
has its own vocabulary (`vocabulary("es")`: the words of the Spanish pages, stemmed in Spanish),
so that /es/search/ suggests Spanish words and /search/ English ones. Saving,
publishing, deleting or moving a page and changing a view restriction record the pages to look
at again (`VocabularyChange`, see signal_handlers.py) and read them at once, in the writer's
transaction: a publish costs one page's text, not the whole site's, and a search only reads
(it never waits for, or holds, the database's write lock). `rebuild()` (`manage.py
rebuild_vocabulary`) reads every page, for changes made without signals (bulk inserts,
`QuerySet.update()`, raw SQL, a restore).

Correcting a search's words with this vocabulary: `corrections`.
"""

import math
import uuid
from collections import Counter

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from wagtail.models import Page

from .backends.locales import object_languages
from .descriptions import kind_of, parts, prefetch_parts
from .fillers import ENGLISH
from .models import MAX_WORD_LENGTH, PageWords, VocabularyChange, VocabularyState, VocabularyWord
from .query import WORD, stemmer

BATCH = 200
# Rows written, and values in one `IN (…)`, at a time: well within every database's limits.
CHUNK = 500
CACHE_KEY = "search:vocabulary"
STATE_PK = 1


class Vocabulary:
    """The words of the live, public pages in `language`: `counts` {word: pages using it},
    `stems` {stem: pages using its most used word}, and the number of pages. `token` names
    the stored version it was read from."""

    def __init__(self, counts, stems, pages, token=None, language=ENGLISH, by_stem=None):
        self.counts = counts
        self.stems = stems
        self.pages = pages
        self.token = token
        self.language = language
        self.stem = stemmer(language)
        # {stem: [words, most used first]}: from the stored stems when read from the database
        # (`_load`), else built the first time it is asked for (`words_of`).
        self._by_stem = by_stem

    def weight(self, word):
        """How much finding `word` (or a word of its stem) says about a page: rare words more
        than common ones."""
        return 1 / (1 + max(self.counts.get(word, 0), self.stems.get(self.stem(word), 0)))

    def idf(self, word):
        """BM25's inverse document frequency of `word` (or a word of its stem) on the site's
        pages: how much finding it says about a part of a page (`snippets.best_part`)."""
        found = max(self.counts.get(word, 0), self.stems.get(self.stem(word), 0))
        return math.log(1 + (self.pages - found + 0.5) / (found + 0.5))

    def is_common(self, word):
        """Whether `word` is on most pages, so that finding it says little."""
        return self.counts.get(word, 0) > max(3, self.pages // 2)

    def knows(self, word):
        return word in self.counts or self.stem(word) in self.stems

    def words_of(self, stem):
        """The pages' words whose stem is `stem`, most used first."""
        # A Vocabulary kept in the cache by an earlier release has no `_by_stem`.
        if getattr(self, "_by_stem", None) is None:
            by_stem = {}
            for word in sorted(self.counts, key=lambda w: (-self.counts[w], w)):
                by_stem.setdefault(self.stem(word), []).append(word)
            self._by_stem = by_stem
        return self._by_stem.get(stem, [])


def vocabulary(language=ENGLISH):
    """The Vocabulary of the pages in `language` as the last change to the pages left it
    (empty before any page exists). Only reads the database: one query when this process's
    copy is current."""
    state = VocabularyState.objects.filter(pk=STATE_PK, built=True)
    state = state.values("token", "languages").first()
    if state is None:
        return Vocabulary({}, {}, 0, language=language)
    found = _kept.get(language)
    if found is None or found.token != state["token"]:
        key = f"{CACHE_KEY}:{language}"
        found = cache.get(key)
        if found is None or found.token != state["token"]:
            pages = state["languages"].get(language, 0)
            found = _load(state["token"], language, pages)
            cache.set(key, found, timeout=None)
        # Never changed once read, so threads share it, and a search reads it without
        # unpickling tens of thousands of words from the cache.
        _kept[language] = found
    return found


# The Vocabulary of each language this process read last.
_kept = {}


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


def _load(token, language, pages):
    counts, stems, by_stem = {}, {}, {}
    rows = VocabularyWord.objects.filter(language=language).values_list("word", "stem", "pages")
    for word, word_stem, count in rows:
        counts[word] = count
        stems[word_stem] = max(count, stems.get(word_stem, 0))
        by_stem.setdefault(word_stem, []).append(word)
    for words in by_stem.values():
        words.sort(key=lambda w: (-counts[w], w))
    return Vocabulary(counts, stems, pages, token, language, by_stem)


def _read(pks):
    """(pk, language, words) for the pages `pks`, BATCH pages at a time."""
    pks = sorted(pks)
    for start in range(0, len(pks), BATCH):
        pages = list(Page.objects.filter(pk__in=pks[start : start + BATCH]).specific())
        prefetch_parts(pages)
        for page, language in zip(pages, object_languages(Page, pages), strict=True):
            yield page.pk, language or ENGLISH, page_words(page)


def _word(language, word, pages):
    return VocabularyWord(
        language=language, word=word, stem=stemmer(language)(word)[:MAX_WORD_LENGTH], pages=pages
    )


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
    for pk, language, words in _read(Page.objects.live().public().values_list("pk", flat=True)):
        rows.append(PageWords(page_id=pk, language=language, words=" ".join(sorted(words))))
        counts.update((language, word) for word in words)
    PageWords.objects.bulk_create(rows, batch_size=CHUNK)
    VocabularyWord.objects.bulk_create(
        [_word(language, word, n) for (language, word), n in counts.items()], batch_size=CHUNK
    )
    _forget(seen)
    state.built = True
    state.pages = len(rows)
    state.languages = dict(Counter(row.language for row in rows))
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
    rows = PageWords.objects.filter(
        Q(page_id__in=saved | roots) | Q(page_id__in=pages.values("pk"))
    ).values_list("page_id", "language", "words")
    stored, stored_language = {}, {}
    for pk, language, words in rows:
        stored[pk] = {(language, word) for word in words.split()}
        stored_language[pk] = language
    unread = [pk for pk in public if pk in saved or pk not in stored]
    fresh = {pk: (language, words) for pk, language, words in _read(unread)}
    gone = [pk for pk in stored if pk not in public]

    # Counted by (language, word): a word counts for each language whose pages use it.
    delta = Counter()
    counted = Counter()  # pages by language
    created, updated = [], []
    for pk, (language, words) in fresh.items():
        old = stored.get(pk)
        new = {(language, word) for word in words}
        if old == new and stored_language[pk] == language:
            continue
        counted[language] += 1
        if old is not None:
            counted[stored_language[pk]] -= 1
        delta.update(new - (old or set()))
        delta.subtract((old or set()) - new)
        row = PageWords(page_id=pk, language=language, words=" ".join(sorted(words)))
        (created if old is None else updated).append(row)
    for pk in gone:
        delta.subtract(stored[pk])
        counted[stored_language[pk]] -= 1
    PageWords.objects.bulk_create(created, batch_size=CHUNK)
    PageWords.objects.bulk_update(updated, ["language", "words"], batch_size=CHUNK)
    for chunk in _chunks(gone):
        PageWords.objects.filter(page_id__in=chunk).delete()
    _count({word: n for word, n in delta.items() if n})
    state.pages += len(created) - len(gone)
    for language, change in counted.items():
        state.languages[language] = state.languages.get(language, 0) + change
    return bool(created or updated or gone)


def _count(delta):
    """Add `delta` {(language, word): change in the number of pages using it} to the stored
    counts."""
    by_language = {}
    for language, word in delta:
        by_language.setdefault(language, []).append(word)
    for language, words in sorted(by_language.items()):
        for chunk in _chunks(sorted(words)):
            _count_words(language, chunk, delta)


def _count_words(language, words, delta):
    found = VocabularyWord.objects.filter(language=language, word__in=words)
    rows = {row.word: row for row in found}
    created, updated, emptied = [], [], []
    for word in words:
        change = delta[language, word]
        row = rows.get(word)
        if row is None:
            if change > 0:
                created.append(_word(language, word, change))
            continue
        row.pages += change
        if row.pages > 0:
            updated.append(row)
        else:
            emptied.append(row.pk)
    VocabularyWord.objects.bulk_create(created)
    if updated:
        VocabularyWord.objects.bulk_update(updated, ["pages"])
    if emptied:
        VocabularyWord.objects.filter(pk__in=emptied).delete()
