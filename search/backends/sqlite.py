"""Wagtail's SQLite (FTS5) database backend, with some models' entries in tables of their own.

Wagtail keeps every indexed model's entries in one FTS5 table: a search of one model reads
the entries of all the models that have the words before it keeps its own. Past versions are
many times the pages (`pastversions.Wording`, a row per wording of every clause), so a
broad word read every wording's entry in each search of today's pages.

Here a model naming an FTS5 model of its own in `search_entry_model` (an "app.Model" label)
has its entries there, and only there: rowid the object's primary key, the columns of
Wagtail's table (`title`, `body`, `autocomplete`) holding the same text, written, deleted and
rebuilt (`update_index`) by this backend as Wagtail's are in the shared table. Its searches
read that table alone, with Wagtail's query syntax and scores: the same objects match as in
the shared table, ranked by the same formula, only with BM25's statistics (how rare a word
is, how long an entry) taken over that table, and the other models' over a table without
it: today's pages rank as if there were no past versions. Wagtail's boost of short titles
(`title_norm`) is 1 for every entry of such a table (as it is in the shared table for models
without a title, as wordings). Every other model is left to Wagtail's backend as it is.

The table itself is the owning app's: its migration creates it on SQLite only (other
databases use other backends, which ignore `search_entry_model`).
"""

from django.apps import apps
from django.db import connections, router, transaction
from django.db.models import FloatField, OuterRef, QuerySet, Subquery
from modelsearch.backends.base import BaseIndex
from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import MatchAll, Not, Phrase, PlainText


def own_entries(model):
    """The FTS5 model `model` keeps its entries in, or None for Wagtail's shared table."""
    label = getattr(model, "search_entry_model", None)
    return apps.get_model(label) if label else None


class OwnTableIndex(BaseIndex):
    """The entries of one model, in its own FTS5 table."""

    def __init__(self, backend, model, entries):
        super().__init__(backend)
        self.model = model
        self.entries = entries
        self.write_connection = connections[router.db_for_write(entries)]

    def get_key(self):
        return self.entries._meta.label

    def add_items(self, model, objs):
        indexers = [ObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers or not model.get_search_fields():
            return
        with transaction.atomic(using=self.write_connection.alias):
            # FTS5 has no upsert: an object indexed again has its entry written afresh.
            self.entries.objects.filter(pk__in=[indexer.obj.pk for indexer in indexers]).delete()
            self.entries.objects.bulk_create(
                self.entries(
                    pk=indexer.obj.pk,
                    title=indexer.title,
                    body=indexer.body,
                    autocomplete=indexer.autocomplete,
                )
                for indexer in indexers
            )

    def delete_item(self, item):
        self.entries.objects.filter(pk=item.pk).delete()

    def reset(self):
        self.entries.objects.all().delete()

    # What Wagtail's rebuilders call on the index they rebuild.

    def delete_stale_entries(self):
        self.entries.objects.exclude(pk__in=self.model._default_manager.values("pk")).delete()

    def _refresh_title_norms(self, full=False):
        """Nothing to refresh: entries here have no title norm."""


class TableBM25(BM25):
    """FTS5's BM25 score of the row matched in `table`."""

    def __init__(self, table):
        super().__init__()
        self.table = table

    def as_sql(self, compiler, connection, function=None, template=None):
        return f"bm25({connection.ops.quote_name(self.table)})", []


class TableMatch(MatchExpression):
    """Wagtail's MATCH, on `table`."""

    def __init__(self, table, columns, query):
        super().__init__(columns, query)
        self.template = f"{table} MATCH %s"


class OwnTableMixin:
    """A query compiler reading the queryset's model's own table, as Wagtail's reads its own."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.entries = own_entries(self.queryset.model)
        self.table = self.entries._meta.db_table

    def get_index_vectors(self):
        return [(vector, 1.0) for vector, _ in super().get_index_vectors()]

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (Phrase, PlainText, Not)):
            rank = TableBM25(self.table)
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def search(self, config, start, stop, score_field=None):
        query = normalize(self.query)
        negated = isinstance(query, Not)
        if negated:
            query = query.subquery
        if isinstance(query, MatchAll):
            return (self.queryset.none() if negated else self.queryset)[start:stop]
        columns = self.fields or self.FTS_TABLE_FIELDS
        matched = self.entries.objects.filter(
            TableMatch(self.table, columns, self.build_search_query(query, config=config))
        )
        if negated:
            queryset = self.queryset.exclude(pk__in=matched.values("pk"))
        else:
            queryset = self.queryset.filter(pk__in=matched.values("pk"))
            if score_field is None and self.order_by_relevance:
                score_field = "_score"
        if score_field is not None and not negated:
            rank = self._build_rank_expression(self.get_search_vectors(), config)
            score = matched.filter(pk=OuterRef("pk")).annotate(score=rank).values("score")[:1]
            queryset = queryset.annotate(
                **{score_field: Subquery(score, output_field=FloatField())}
            )
            if self.order_by_relevance:
                queryset = queryset.order_by(score_field, "-pk")
        if not self.order_by_relevance and not queryset.query.order_by:
            queryset = queryset.order_by("-pk")  # as Wagtail's: pages of results stay put
        return queryset[start:stop]


class OwnTableSearchCompiler(OwnTableMixin, SQLiteSearchQueryCompiler):
    pass


class OwnTableAutocompleteCompiler(OwnTableMixin, SQLiteAutocompleteQueryCompiler):
    pass


OWN_TABLE_COMPILERS = {
    SQLiteSearchQueryCompiler: OwnTableSearchCompiler,
    SQLiteAutocompleteQueryCompiler: OwnTableAutocompleteCompiler,
}


class OwnTablesSQLiteSearchBackend(SQLiteSearchBackend):
    def get_index_for_model(self, model):
        entries = own_entries(model)
        if entries is None:
            return super().get_index_for_model(model)
        return OwnTableIndex(self, model, entries)

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        model = (
            model_or_queryset.model
            if isinstance(model_or_queryset, QuerySet)
            else model_or_queryset
        )
        if own_entries(model) is not None:
            query_compiler_class = OWN_TABLE_COMPILERS[query_compiler_class]
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)
