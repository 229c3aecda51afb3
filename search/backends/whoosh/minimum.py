"""Minimum-should-match for Whoosh: documents matching at least `minimum` of several clauses.

Whoosh's own `Or` takes a `minmatch` argument but ignores it ("not yet implemented"). This
query walks its clauses' matchers side by side, keeps the documents that at least `minimum`
of them match, and scores each by the sum of the matching clauses' scores times the square of
the share of clauses it matched, so that a document with more of the words ranks higher even
against one that repeats fewer of them often.
"""

from whoosh import matching
from whoosh import query as wq


class AtLeastQuery(wq.Or):
    """Documents matched by at least `minimum` of `subqueries`."""

    def __init__(self, subqueries, minimum, boost=1.0):
        super().__init__(subqueries, boost=boost)
        self.minimum = max(1, min(minimum, len(subqueries)))

    def __repr__(self):
        return f"{type(self).__name__}({self.subqueries!r}, minimum={self.minimum})"

    def __eq__(self, other):
        return super().__eq__(other) and self.minimum == other.minimum

    def __hash__(self):
        return hash((super().__hash__(), self.minimum))

    def matcher(self, searcher, context=None):
        children = [query.matcher(searcher, context) for query in self.subqueries]
        return AtLeastMatcher(children, self.minimum, len(self.subqueries), self.boost)


class AtLeastMatcher(matching.Matcher):
    """Matches the documents at least `minimum` of `children` match, in document order."""

    def __init__(self, children, minimum, total, boost=1.0):
        self._all = children
        self._minimum = minimum
        self._total = total
        self._boost = boost
        self._here = []
        self._find()

    def _find(self):
        """Move to the next document at least `minimum` children are on."""
        while True:
            active = [child for child in self._all if child.is_active()]
            if len(active) < self._minimum:
                self._here = []
                return
            current = min(child.id() for child in active)
            here = [child for child in active if child.id() == current]
            if len(here) >= self._minimum:
                self._here = here
                return
            for child in here:
                child.next()

    def is_active(self):
        return bool(self._here)

    def id(self):
        return self._here[0].id()

    def next(self):
        for child in self._here:
            child.next()
        self._find()

    def skip_to(self, id):
        for child in self._all:
            if child.is_active() and child.id() < id:
                child.skip_to(id)
        self._find()

    def score(self):
        matched = sum(child.score() for child in self._here)
        return self._boost * matched * (len(self._here) / self._total) ** 2

    def children(self):
        return list(self._all)

    def term_matchers(self):
        for child in self._all:
            yield from child.term_matchers()

    def matching_terms(self, id=None):
        for child in self._here:
            yield from child.matching_terms(id)

    def supports_block_quality(self):
        return False

    def supports(self, astype):
        return False

    def reset(self):
        for child in self._all:
            child.reset()
        self._find()

    def copy(self):
        return AtLeastMatcher(
            [child.copy() for child in self._all], self._minimum, self._total, self._boost
        )

    def replace(self, minquality=0):
        return self
