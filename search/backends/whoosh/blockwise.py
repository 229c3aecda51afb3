"""Ranked searches scored a term at a time instead of a document at a time.

Whoosh ranks the top N matches by walking a tree of matchers one document at a time: for two
common words over the ~28 fields a page search reads, every match costs dozens of Python
calls (which child is on which document, its score, the next one). `top` builds the same
tree of matchers, then reads each term's postings a block at a time, scores them with the
same BM25F formula and adds the scores up node by node, in the order the tree adds them.

Guarantees: for a tree it handles, the same documents, the same scores (bit for bit on
Python 3.11: every node adds and multiplies the same floats in the same order; a missing
child adds nothing, as the tree's matchers skip it; from 3.12, whose sum() of floats
compensates rounding, within a few units in the last place) and the same order as Whoosh's
`TopCollector` (score descending, then document number ascending; at most `limit`). For a
tree with any other matcher, or a weighting other than BM25F, `top` answers None and the
caller searches as before. Two differences, both Whoosh's errors: its collector skips blocks
of postings by an estimate of their best score, which can drop a match from a short top list
(seen for a top 30 at 10,000 pages, never for the top 1,500 a results page asks for); and
its AndNot over a union of excluded words lets through some documents that have one of them,
which are left out here.
The work is bounded by the postings of the query's terms, so the backend's TIME_LIMIT,
which stops Whoosh's walk, is not needed here.
"""

from operator import itemgetter

from whoosh import matching
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import wrappers
from whoosh.scoring import BM25FScorer

from .codec import CachedBlocksMatcher, DecodedLengthsReader, InlineMatcher
from .minimum import AtLeastMatcher
from .phrases import KnownDocsMatcher


class Unhandled(Exception):
    """A matcher `scores` does not know."""


def top(searcher, query, limit, allowed=None):
    """[(document number, score)] of the best `limit` matches of `query` among `allowed`
    (a set of document numbers, or None for all), best first; None if the query's matchers
    are not all of the kinds handled here."""
    if limit is None:
        return None
    context = searcher.context()
    found = []
    try:
        for subsearcher, offset in searcher.leaf_searchers():
            lengths = _Lengths(subsearcher.reader())
            scored = scores(query.matcher(subsearcher, context), lengths)
            if offset:
                found.extend((offset + docnum, score) for docnum, score in scored.items())
            else:
                found.extend(scored.items())
    except Unhandled:
        return None
    if allowed is not None:
        found = [pair for pair in found if pair[0] in allowed]
    # Score descending, then document number ascending: two sorts in C (the second is
    # stable, reverse too) instead of a Python key call per match.
    found.sort()
    found.sort(key=itemgetter(1), reverse=True)
    return found[:limit]


def scores(matcher, lengths):
    """{document number: score} of every document `matcher` matches, scored as it scores
    them. Raises Unhandled for a kind of matcher not known here."""
    if not matcher.is_active():
        return {}
    kind = type(matcher)
    handler = _HANDLERS.get(kind)
    if handler is None:
        raise Unhandled(kind.__name__)
    return handler(matcher, lengths)


def _union(matcher, lengths):
    # UnionMatcher.score: a's score, b's, or a's plus b's where both are on the document.
    found = scores(matcher.a, lengths)
    for docnum, score in scores(matcher.b, lengths).items():
        here = found.get(docnum)
        found[docnum] = score if here is None else here + score
    return found


def _intersection(matcher, lengths):
    a, b = scores(matcher.a, lengths), scores(matcher.b, lengths)
    return {docnum: score + b[docnum] for docnum, score in a.items() if docnum in b}


def _and_not(matcher, lengths):
    found = scores(matcher.a, lengths)
    for docnum in documents(matcher.b):
        found.pop(docnum, None)
    return found


def documents(matcher):
    """The set of documents `matcher` matches (its `all_ids()`), its postings read a block at
    a time; in a boolean context (its terms need no scorer)."""
    if not matcher.is_active():
        return set()
    kind = type(matcher)
    if kind is matching.UnionMatcher:
        return documents(matcher.a) | documents(matcher.b)
    if kind is matching.IntersectionMatcher:
        return documents(matcher.a) & documents(matcher.b)
    if kind is matching.AndNotMatcher:
        return documents(matcher.a) - documents(matcher.b)
    if kind is wrappers.WrappingMatcher:
        return documents(matcher.child)
    if kind in (wrappers.FilterMatcher, KnownDocsMatcher):
        ids, exclude = matcher._ids, matcher._exclude
        return {docnum for docnum in documents(matcher.child) if (docnum in ids) is not exclude}
    if kind is W3LeafMatcher or kind is CachedBlocksMatcher:
        found = set()
        while matcher.is_active():
            if matcher._ids is None:
                matcher._read_ids()
            found.update(matcher._ids[matcher._i : matcher._blocklength])
            matcher._next_block()
        return found
    if kind in (matching.ListMatcher, InlineMatcher):
        return set(matcher._ids[matcher._i :])
    # Any other matcher is walked as Whoosh walks it, from where it is.
    return set(matcher.all_ids())


def _wrapping(matcher, lengths):
    boost = matcher.boost
    return {docnum: score * boost for docnum, score in scores(matcher.child, lengths).items()}


def _filter(matcher, lengths):
    # FilterMatcher keeps (or with `exclude`, drops) the documents in `_ids`, scored as its
    # child times its boost (WrappingMatcher.score).
    ids, exclude, boost = matcher._ids, matcher._exclude, matcher.boost
    return {
        docnum: score * boost
        for docnum, score in scores(matcher.child, lengths).items()
        if (docnum in ids) is not exclude
    }


def _at_least(matcher, lengths):
    # AtLeastMatcher.score: boost times the sum of the matching children's scores (in the
    # children's order, from 0) times the square of their share of all the clauses.
    sums, counts = {}, {}
    for child in matcher._all:
        for docnum, score in scores(child, lengths).items():
            sums[docnum] = sums.get(docnum, 0) + score
            counts[docnum] = counts.get(docnum, 0) + 1
    minimum, total, boost = matcher._minimum, matcher._total, matcher._boost
    return {
        docnum: boost * matched * (counts[docnum] / total) ** 2
        for docnum, matched in sums.items()
        if counts[docnum] >= minimum
    }


def _array_union(matcher, lengths):
    # ArrayUnionMatcher adds each child's score times the boost into a zeroed array, child
    # by child, and matches only the documents whose total is above zero.
    if not matcher._scored:
        raise Unhandled("unscored ArrayUnionMatcher")
    boost = matcher._boost
    # Its first part is already added up (from `_offset` to `_limit`, children moved past).
    part, offset = matcher._a, matcher._offset
    totals = {docnum: part[docnum - offset] for docnum in range(matcher._docnum, matcher._limit)}
    for child in matcher._submatchers:
        for docnum, score in scores(child, lengths).items():
            totals[docnum] = totals.get(docnum, 0.0) + score * boost
    return {docnum: score for docnum, score in totals.items() if score > 0}


class _Lengths:
    """Field lengths of one segment's documents, a whole field at a time where the segment's
    reader keeps them decoded (`codec.DecodedLengthsReader`)."""

    def __init__(self, reader):
        perdoc = getattr(reader, "_perdoc", None)
        self._perdoc = perdoc if isinstance(perdoc, DecodedLengthsReader) else None
        self._fields = {}

    def of(self, matcher, scorer):
        """docnum -> the length BM25F reads for `matcher`'s term (`scorer.dfl`)."""
        term = matcher._term
        if self._perdoc is None or term is None:
            return scorer.dfl
        fieldname = term[0]
        if fieldname not in self._fields:
            self._fields[fieldname] = self._perdoc.field_lengths(fieldname)
        lengths = self._fields[fieldname]
        return scorer.dfl if lengths is None else lengths.__getitem__


def _bm25f(matcher, scorer, lengths):
    """score(docnum, weight) as `scorer` gives it for `matcher`'s term."""
    if type(scorer) is not BM25FScorer:
        raise Unhandled(type(scorer).__name__)
    # whoosh.scoring.bm25, posting by posting: the same operations on the same floats.
    idf, avgfl, B, K1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
    K1_1, one_B = K1 + 1, 1 - B
    dfl = lengths.of(matcher, scorer)
    return lambda docnum, tf: idf * ((tf * K1_1) / (tf + K1 * (one_B + B * dfl(docnum) / avgfl)))


def _leaf(matcher, lengths):
    """A term's postings read from disk, a block at a time."""
    score = _bm25f(matcher, matcher.scorer, lengths)
    found = {}
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        if matcher._weights is None:
            matcher._read_weights()
        ids, weights = matcher._ids, matcher._weights
        for i in range(matcher._i, matcher._blocklength):
            found[ids[i]] = score(ids[i], weights[i])
        matcher._next_block()
    return found


def _list(matcher, lengths):
    """A term's postings inlined in the term's entry (`codec.InlineMatcher`)."""
    score = _bm25f(matcher, matcher._scorer, lengths)
    found = {}
    while matcher.is_active():
        docnum = matcher.id()
        found[docnum] = score(docnum, matcher.weight())
        matcher.next()
    return found


_HANDLERS = {
    matching.UnionMatcher: _union,
    matching.IntersectionMatcher: _intersection,
    matching.AndNotMatcher: _and_not,
    matching.ArrayUnionMatcher: _array_union,
    wrappers.WrappingMatcher: _wrapping,
    wrappers.FilterMatcher: _filter,
    KnownDocsMatcher: _filter,
    AtLeastMatcher: _at_least,
    W3LeafMatcher: _leaf,
    CachedBlocksMatcher: _leaf,
    matching.ListMatcher: _list,
    InlineMatcher: _list,
}
