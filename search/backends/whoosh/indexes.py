"""The index of one root model and its rebuilder: changes go through the index's journal into
its live generation, a rebuild fills a new generation and swaps it in when complete."""

from pathlib import Path

from modelsearch.backends.base import BaseIndex

from . import hooks
from .documents import build_documents, index_field_types, text_field_types
from .generations import IndexStore

# A rebuild given at least this many documents at once writes them in a child process
# (`generations.RebuildWriter`); fewer are not worth starting one.
PARALLEL_FROM = 200


class WhooshIndex(BaseIndex):
    """The Whoosh index holding one root model and all its indexed subclasses.

    Without `generation`, changes are recorded in the index's journal, which searches
    and the end of the request write into the live generation (and a rebuild into the
    one it builds). A rebuilder passes the generation it is filling, which is written
    with one writer kept open until `commit()`.
    """

    def __init__(self, backend, root_model, generation=None):
        super().__init__(backend)
        self.root_model = root_model
        self.name = root_model._meta.label_lower.replace(".", "_")
        self.store = IndexStore(
            Path(backend.path) / self.name, backend.lock_timeout, text_field_types
        )
        self.generation = generation
        self._writer = None

    def __str__(self):
        return self.name

    def get_key(self):
        return self.name

    def reset(self):
        self.store.activate(self.store.create_generation(complete=True))

    def add_items(self, model, items):
        documents = build_documents(model, list(items))
        if not documents:
            return
        if self.generation is None:
            self.store.record(documents)
            hooks.remember(self.store)
        else:
            self._bulk_add(documents)

    def delete_item(self, item):
        self.store.record(deleted=[str(item.pk)])
        hooks.remember(self.store)

    def _bulk_add(self, documents):
        """Add documents to the generation being built, all in one writer (one segment)."""
        missing = {
            name: field_type
            for name, field_type in text_field_types(documents).items()
            if self._writer is None or name not in self._writer.schema
        }
        if self._writer is not None and missing:
            # Whoosh takes new fields only before a writer's first document: start a segment.
            self.commit()
        if self._writer is None:
            fields = {**index_field_types(self.root_model), **missing}
            memory_mb = self.backend.rebuild_memory_mb
            if len(documents) >= PARALLEL_FROM:
                self._writer = self.store.open_rebuild_writer(self.generation, fields, memory_mb)
            else:
                self._writer = self.store.open_writer(self.generation, memory_mb=memory_mb)
                self.store.add_fields(self._writer, fields)
        for document in documents:
            self._writer.add_document(**document)

    def commit(self):
        """Commit what `add_items` wrote into the generation being built."""
        if self._writer is not None:
            self._writer.commit(merge=False)
            self._writer = None

    def cancel(self):
        if self._writer is not None:
            self._writer.cancel()
            self._writer = None


class WhooshIndexRebuilder:
    """Fills a new generation and swaps it in when complete; searches see the old one until then."""

    def __init__(self, index):
        self.index = index
        self.generation = None
        self.building = None

    def start(self):
        self.generation = self.index.store.start_build()
        self.building = WhooshIndex(
            self.index.backend, self.index.root_model, generation=self.generation
        )
        return self.building

    def finish(self):
        store = self.index.store
        self.building.commit()
        store.optimize(self.generation)
        # Changes recorded while the rebuild ran (those the journal could not take first, in
        # the order they were made); any recorded after this are written into the new
        # generation by the next search, like any other change.
        store.write_unwritten()
        store.apply_journal(self.generation)
        store.activate(self.generation)
