"""The search backend and its results (the indexes and rebuilds are in `indexes`).

Whoosh finds and scores the matching documents; the queryset the search was run
on does everything else (filters, ordering, facets), restricted to the primary
keys Whoosh returned. That keeps every queryset filter Wagtail supports working,
and hides index entries whose rows are gone or were rolled back.
"""

import logging
import sqlite3
from collections import Counter, OrderedDict
from pathlib import Path
from typing import NamedTuple

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from modelsearch.backends.base import (
    BaseSearchBackend,
    BaseSearchResults,
    FilterFieldError,
    get_model_root,
)
from modelsearch.index import get_indexed_models
from whoosh.collectors import TimeLimit, TimeLimitCollector

from core.keys import keys_in

from . import blockwise, hooks
from .indexes import WhooshIndex, WhooshIndexRebuilder
from .query import MATCH_NOTHING, WhooshAutocompleteQueryCompiler, WhooshSearchQueryCompiler

logger = logging.getLogger(__name__)

# Primary keys per `pk__in` query: well under SQLite's bound-parameter limit.
PK_CHUNK_SIZE = 500
# Keys per `pk__in` query reading rows where the database allows (`_rows_chunk_size`): a
# ranked list of MAX_HITS asks Whoosh for half as many again. At least PARAMETERS_LEFT bound
# parameters are left for the queryset's own filters.
MAX_ROWS_CHUNK_SIZE = 2000
PARAMETERS_LEFT = 1000
# Keys are filtered through the queryset with `pk__in` queries while they are at most this
# share of the index's documents; beyond it, one pass over the queryset's own keys is
# cheaper (at 10,000 pages: 1,500 keys 8 ms in chunks, 22 ms in one pass; 6,000 keys 40
# against 16 ms).
CHUNKED_FILTER_SHARE = 0.25
# A page of relevance-ranked results asks Whoosh for half as many again (this many at
# least), and for RETRY_FACTOR times more each time the queryset's filters leave too few.
MIN_TOP_HITS = 30
RETRY_FACTOR = 4
# A first page loads all its candidates through the queryset's filters when that loads at
# most this many instances beyond the page (see `_ranked`).
MAX_EXTRA_LOADS = 20
# Ranked searches of a model that has at least this share of its index's documents leave
# the other content types to the queryset filter instead of a Whoosh filter.
UNFILTERED_SHARE = 0.9


class Hits(NamedTuple):
    """Whoosh's matches for one search."""

    pairs: list  # (pk, score) pairs, best first when scored
    complete: bool  # all the matches there are, not only the top `limit`
    documents: int  # documents in the index searched, matching or not


def _chunks(items, size=PK_CHUNK_SIZE):
    """`items` in lists of `size`, one per `pk__in` query."""
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _rows_chunk_size(queryset):
    """Keys per `pk__in` query when reading rows (`values_list`): PK_CHUNK_SIZE, or on a
    database that takes many more bound parameters, up to MAX_ROWS_CHUNK_SIZE, so that a
    long ranked list is one query (the site's querysets carry a filter per view restriction,
    and building that query's SQL costs more than running it)."""
    connection = connections[queryset.db]
    if connection.vendor == "postgresql":
        return MAX_ROWS_CHUNK_SIZE
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        return max(PK_CHUNK_SIZE, min(MAX_ROWS_CHUNK_SIZE, limit - PARAMETERS_LEFT))
    return PK_CHUNK_SIZE


class WhooshSearchResults(BaseSearchResults):
    """Results of a search: Whoosh hits, filtered, ordered and fetched through the queryset."""

    supports_facet = True

    @property
    def _queryset(self):
        return self.query_compiler.queryset

    def _index(self):
        return self.backend.get_index_for_model(self._queryset.model)

    def _hits(self, limit=None, scored=True, filtered_later=False):
        """Whoosh's matches (`Hits`), at most `limit` of them, best first when scored.

        With `filtered_later` the caller filters the keys through the queryset, which also
        drops other content types; Whoosh's own content-type filter is then skipped when
        it would let through nearly every document anyway (it costs a set lookup per
        match, a fifth of a search when most documents are of the searched type).
        """
        cached = self._index().store.searcher()
        searcher = cached.searcher
        documents = searcher.doc_count()
        nothing = Hits([], True, documents)
        query = self.query_compiler.whoosh_query(searcher.schema)
        if query is MATCH_NOTHING:
            return nothing
        allowed = None
        content_type = self.query_compiler.content_type()
        if content_type is not None:
            allowed = cached.docs_for_content_type(content_type)
            if not allowed:  # an empty filter would mean "no filter" to Whoosh
                return nothing
            if filtered_later and len(allowed) >= UNFILTERED_SHARE * documents:
                allowed = None
        docs_and_scores = None
        if scored:
            # The same ranking, far fewer Python calls, where the query's shape allows.
            docs_and_scores = blockwise.top(searcher, query, limit, allowed)
        if docs_and_scores is None:
            results = self._search(searcher, query, limit, allowed, scored)
            if scored:
                docs_and_scores = list(results.items())
            else:
                docs_and_scores = [(docnum, None) for docnum in results.docs()]
        if not docs_and_scores:
            return nothing
        pks = cached.pks_of(
            [docnum for docnum, _score in docs_and_scores], self._queryset.model._meta.pk.to_python
        )
        pairs = list(zip(pks, (score for _docnum, score in docs_and_scores), strict=True))
        return Hits(pairs, limit is None or len(pairs) < limit, documents)

    def _search(self, searcher, query, limit, allowed, scored):
        """Whoosh's results, stopped after the backend's TIME_LIMIT with what was found."""
        time_limit = self.backend.time_limit
        if not time_limit:
            return searcher.search(query, limit=limit, filter=allowed, scored=scored)
        collector = TimeLimitCollector(
            searcher.collector(limit=limit, scored=scored, filter=allowed),
            time_limit,
            use_alarm=False,
        )
        try:
            searcher.search_with_collector(query, collector)
        except TimeLimit:
            logger.warning(
                "Search stopped after %s s with what it had found: %r", time_limit, query
            )
        return collector.results()

    def _filter_pks(self, pks, documents):
        """The subset of `pks` (Whoosh's hits) that the queryset, with its filters, contains.

        `documents`, the size of the index searched, decides how the keys are looked up.
        """
        # Only keys are read: prefetches (the admin's page search asks for some) are dropped.
        queryset = self._queryset.order_by().prefetch_related(None)
        pks = list(pks)
        if len(pks) > CHUNKED_FILTER_SHARE * documents:
            # A broad word (a count, a long list): one pass over the queryset's own keys.
            return set(queryset.values_list("pk", flat=True).iterator()).intersection(pks)
        allowed = set()
        for chunk in _chunks(pks):
            allowed.update(queryset.filter(pk__in=chunk).values_list("pk", flat=True))
        return allowed

    def _ordered_pks(self, pks, stop):
        """`pks` in the queryset's order, filtered by the queryset, up to `stop` of them."""
        queryset = self._queryset
        if not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        if len(pks) <= PK_CHUNK_SIZE:
            rows = queryset.filter(pk__in=pks).values_list("pk", flat=True)
        else:
            # Too many for one IN clause: walk the queryset's own order instead.
            wanted = set(pks)
            rows = (pk for pk in queryset.values_list("pk", flat=True).iterator() if pk in wanted)
        ordered = []
        for pk in dict.fromkeys(rows):  # joins in the filters can repeat rows
            ordered.append(pk)
            if stop is not None and len(ordered) >= stop:
                break
        return ordered

    def _ranked(self, start, stop):
        """(instance, score) pairs from `start` to `stop` by relevance, filtered by the queryset.

        A first page of a few results loads all of Whoosh's candidates through the queryset's
        filters in one query: on the public site few fail them, and one query makes the
        page. Otherwise (later pages, long slices, further rounds when the filters left
        too few) candidates' keys are filtered first and only the slice is loaded: loading
        a model instance (a page with its StreamField) costs several times what filtering
        its key does.
        """
        limit = None if stop is None else max(stop * 3 // 2, MIN_TOP_HITS)
        fetched = {}
        allowed = set()
        checked = set()
        while True:
            hits = self._hits(limit=limit, filtered_later=True)
            unchecked = [pk for pk, _score in hits.pairs if pk not in checked]
            outright = start == 0 and stop is not None and not checked
            if outright and len(unchecked) - stop <= MAX_EXTRA_LOADS:
                found = self._fetch_objects(unchecked)
                fetched.update(found)
                allowed.update(found)
            else:
                allowed |= self._filter_pks(unchecked, hits.documents)
            checked.update(unchecked)
            ranked = [(pk, score) for pk, score in dict(hits.pairs).items() if pk in allowed]
            if hits.complete or len(ranked) >= stop:
                break
            limit *= RETRY_FACTOR
        ranked = ranked[start:stop]
        missing = [pk for pk, _score in ranked if pk not in fetched]
        fetched.update(self._fetch_objects(missing))
        return [(fetched[pk], score) for pk, score in ranked if pk in fetched]

    def values_list(self, *fields):
        """Tuples of (pk, *fields) of the matches the queryset contains, best first, from the
        slice's start to its stop: what `_ranked` gives without building model instances.

        Whoosh's candidates are filtered and read through the queryset in one `pk__in` query
        per chunk of keys (`_rows_chunk_size`), and more candidates are asked for while the
        filters leave fewer than the slice needs. Building a page instance costs far more than
        reading its row (Wagtail's and modelcluster's `__init__`), which matters for long
        ranked lists.
        """
        start, stop = self.start, self.stop
        if stop is not None and start >= stop:
            return []
        queryset = self._queryset.order_by()
        limit = None if stop is None else max(stop * 3 // 2, MIN_TOP_HITS)
        rows = {}
        checked = set()
        while True:
            hits = self._hits(limit=limit, filtered_later=True)
            unchecked = [pk for pk, _score in hits.pairs if pk not in checked]
            for chunk in _chunks(unchecked, _rows_chunk_size(queryset)):
                found = queryset.filter(keys_in(queryset, chunk)).values_list("pk", *fields)
                rows.update((row[0], row) for row in found)
            checked.update(unchecked)
            ranked = [pk for pk in dict(hits.pairs) if pk in rows]
            if hits.complete or len(ranked) >= stop:
                break
            limit *= RETRY_FACTOR
        return [rows[pk] for pk in ranked[start:stop]]

    def _fetch_objects(self, pks):
        """{pk: model instance} for those of `pks` the queryset, with its filters, contains.

        Instances are loaded as the queryset loads them (its only(), select_related,
        annotations), plus the search's prefetch_related. A row that stopped matching the
        filters since its key was checked is left out.
        """
        queryset = self._queryset
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        objects = {}
        for chunk in _chunks(pks):
            objects.update((obj.pk, obj) for obj in queryset.filter(pk__in=chunk))
        return objects

    def _do_search(self):
        if self.stop is not None and self.start >= self.stop:
            return []
        if self.query_compiler.order_by_relevance:
            ranked = self._ranked(self.start, self.stop)
        else:
            hits = self._hits(scored=self._score_field is not None)
            pks = self._ordered_pks([pk for pk, _score in hits.pairs], self.stop)[self.start :]
            scores = dict(hits.pairs)
            objects = self._fetch_objects(pks)
            ranked = [(objects[pk], scores.get(pk)) for pk in pks if pk in objects]
        if self._score_field:
            for obj, score in ranked:
                setattr(obj, self._score_field, score)
        return [obj for obj, _score in ranked]

    def _do_count(self):
        hits = self._hits(scored=False)
        if self._queryset.query.where:
            total = len(self._filter_pks((pk for pk, _score in hits.pairs), hits.documents))
        else:
            # Nothing to filter on: Whoosh's unscored count is the answer, without a query.
            total = len(hits.pairs)
        if self.stop is not None:
            total = min(total, self.stop)
        return max(total - self.start, 0)

    def facet(self, field_name):
        """Counts of each value of filter field `field_name` among all matches, largest first."""
        if self.query_compiler._get_filterable_field(field_name) is None:
            model_name = self._queryset.model.__name__
            raise FilterFieldError(
                f'Cannot facet search results with field "{field_name}". Please add '
                f'index.FilterField("{field_name}") to {model_name}.search_fields.',
                field_name=field_name,
            )
        hits = self._hits(scored=False)
        queryset = self._queryset.order_by()
        pairs = set()
        for chunk in _chunks(pk for pk, _score in hits.pairs):
            pairs.update(queryset.filter(pk__in=chunk).values_list("pk", field_name))
        return OrderedDict(Counter(value for _pk, value in pairs).most_common())


class WhooshSearchBackend(BaseSearchBackend):
    """Wagtail/modelsearch search backend storing its indexes with Whoosh."""

    query_compiler_class = WhooshSearchQueryCompiler
    autocomplete_query_compiler_class = WhooshAutocompleteQueryCompiler
    results_class = WhooshSearchResults
    index_class = WhooshIndex
    rebuilder_class = WhooshIndexRebuilder
    # modelsearch then logs indexing errors instead of raising them into the save.
    catch_indexing_errors = True
    # Understands `query.AtLeast` (minimum-should-match) and `Boost`, where other backends
    # are given plainer queries (`search.query.for_backend`).
    supports_at_least = True

    def __init__(self, params):
        super().__init__(params)
        if not params.get("PATH"):
            raise ImproperlyConfigured("The Whoosh search backend needs a PATH option.")
        if not apps.is_installed(__package__):
            # Its ready() connects the hooks that write recorded changes in after each request.
            raise ImproperlyConfigured(
                f'The Whoosh search backend needs "{__package__}" in INSTALLED_APPS.'
            )
        self.path = Path(params["PATH"])
        self.lock_timeout = float(params.get("LOCK_TIMEOUT", 10))
        self.rebuild_memory_mb = float(params.get("REBUILD_MEMORY_MB", 1024))
        self.time_limit = float(params.get("TIME_LIMIT", 0)) or None
        self.path.mkdir(parents=True, exist_ok=True)
        self._indexes = {}

    def get_index_for_model(self, model):
        root = get_model_root(model)
        if root not in self._indexes:
            self._indexes[root] = self.index_class(self, root)
        return self._indexes[root]

    def health(self):
        """{index name: `IndexHealth`} of the indexes that have a problem, after writing into
        each every change waiting for it (kept in the database or the journal)."""
        roots = {get_model_root(model) for model in get_indexed_models()}
        problems = {}
        for root in sorted(roots, key=lambda model: model._meta.label_lower):
            index = self.get_index_for_model(root)
            problem = index.store.health(timeout=hooks.CATCH_UP_TIMEOUT)
            if problem is not None:
                problems[index.name] = problem
        return problems
