"""Phrases whose matching documents are remembered per index segment.

Whoosh finds a phrase by reading the positions of its words in every document that has them
all, in Python: for a phrase of common words at 10,000 pages ("human rights"), half a
search's time. Which documents of a segment hold a phrase never changes (a segment's
documents are written once; deleting one marks it, and the searcher leaves marked ones out
as before), so `KnownPhrase` works it out once per segment, field and phrase and then
matches those documents by their words alone: the same documents with the same scores
(Whoosh scores a phrase as the sum of its words' scores), so the same order. A change to the
pages writes new segments, whose phrases are worked out when first searched; the segments
already read keep what was found in them. What is kept is bounded (MAX_KEPT_DOCUMENTS).
"""

import threading
from collections import OrderedDict

from whoosh import matching
from whoosh import query as wq
from whoosh.matching import wrappers
from whoosh.query.spans import SpanNear2
from whoosh.util import make_binary_tree

# Document numbers kept over all segments, fields and phrases (about 40 bytes each): the
# phrases searched longest ago are forgotten first.
MAX_KEPT_DOCUMENTS = 500_000

_kept = OrderedDict()  # (segment, field, words, slop) -> frozenset of document numbers
_kept_size = 0
_lock = threading.Lock()


def _segment_key(reader):
    """What names the segment `reader` reads, or None if it reads several."""
    if not reader.is_atomic() or not hasattr(reader, "segment"):
        return None
    storage = reader.storage()
    return (getattr(storage, "folder", id(storage)), reader.segment().segment_id())


def _recall(key):
    with _lock:
        docs = _kept.get(key)
        if docs is not None:
            _kept.move_to_end(key)
        return docs


def _keep(key, docs):
    global _kept_size
    with _lock:
        if key in _kept:
            return
        _kept[key] = docs
        _kept_size += len(docs)
        while _kept_size > MAX_KEPT_DOCUMENTS and len(_kept) > 1:
            _old, forgotten = _kept.popitem(last=False)
            _kept_size -= len(forgotten)


def forget():
    """Forget every phrase's documents (for tests)."""
    global _kept_size
    with _lock:
        _kept.clear()
        _kept_size = 0


class KnownDocsMatcher(wrappers.FilterMatcher):
    """The documents of `child` (the phrase's words, intersected) that are in `ids`, scored as
    `child` scores them. Like Whoosh's phrase matcher, it is never replaced by a cheaper one
    while collecting."""

    def replace(self, minquality=0):
        if not self.is_active():
            return matching.NullMatcher()
        return self


class KnownPhrase(wq.Phrase):
    """Whoosh's Phrase, with the documents holding it found once per segment (see above)."""

    def matcher(self, searcher, context=None):
        reader = searcher.reader()
        segment = _segment_key(reader)
        fieldname = self.fieldname
        if segment is None or fieldname not in searcher.schema:
            return super().matcher(searcher, context)
        field = searcher.schema[fieldname]
        if not field.format or not field.format.supports("positions"):
            return super().matcher(searcher, context)  # raises Whoosh's own error
        terms = []
        for word in self.words:
            try:
                word = field.to_bytes(word)
            except ValueError:
                return matching.NullMatcher()
            if (fieldname, word) not in reader:
                return matching.NullMatcher()
            terms.append(wq.Term(fieldname, word))
        key = (segment, fieldname, tuple(term.text for term in terms), self.slop)
        docs = _recall(key)
        if docs is None:
            spans = SpanNear2(terms, slop=self.slop, ordered=True, mindist=1)
            docs = frozenset(spans.matcher(searcher, context).all_ids())
            _keep(key, docs)
        if not docs:
            return matching.NullMatcher()
        words = [term.matcher(searcher, context) for term in terms]
        m = KnownDocsMatcher(make_binary_tree(matching.IntersectionMatcher, words), docs)
        if self.boost != 1.0:
            m = wrappers.WrappingMatcher(m, boost=self.boost)
        return m
