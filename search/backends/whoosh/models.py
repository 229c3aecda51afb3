"""What the database keeps for the Whoosh indexes, which live on one machine's disk: which
indexes the site has built (`IndexMarker`) and the changes no index could take yet
(`UnwrittenChange`).

Both are keyed by the index's directory. The database outlives the disk: an index directory
found gone while its marker says it was built was lost (deleted, a disk replaced), and a
change that could not be recorded on disk waits here instead of being lost.
"""

import os

from django.db import models


def index_key(path):
    """The key of the index in directory `path`: its absolute path, as text."""
    return os.path.abspath(path)


class IndexMarker(models.Model):
    """An index this site has built, and its live generation.

    Written whenever a generation is made live. A directory without a live generation is
    then reported as lost and left for `update_index` to rebuild, never recreated empty.
    """

    path = models.CharField(max_length=1000, unique=True)
    generation = models.CharField(max_length=64)
    activated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.path} ({self.generation})"

    @classmethod
    def built(cls, path):
        """The generation last made live in the index at `path`, or None if it never was."""
        marker = cls.objects.filter(path=index_key(path)).values_list("generation", flat=True)
        return marker.first()

    @classmethod
    def mark(cls, path, generation):
        """Remember that `generation` is the live generation of the index at `path`."""
        cls.objects.update_or_create(path=index_key(path), defaults={"generation": generation})


class UnwrittenChange(models.Model):
    """A change (documents to add or replace, keys to delete) that the index's journal could
    not take: the directory was read-only, unreadable or gone.

    It is moved into the journal, in the order recorded, by the next change to the index, the
    next health check and every rebuild, and stays here until one of them succeeds.
    """

    path = models.CharField(max_length=1000, db_index=True)
    documents = models.JSONField(default=list)
    deleted = models.JSONField(default=list)
    recorded_at = models.DateTimeField(auto_now_add=True)
    error = models.TextField(help_text="Why the journal could not take the change.")

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"Change to {self.path} recorded at {self.recorded_at:%Y-%m-%d %H:%M:%S}"

    @classmethod
    def waiting(cls, path):
        return cls.objects.filter(path=index_key(path))
