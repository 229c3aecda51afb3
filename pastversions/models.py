"""The wordings of past versions, indexed so that search can find what the rules used to say.

On SQLite, the database search backend keeps the wordings' entries in a full-text table of
their own (`WordingSearchEntry`, named by `Wording.search_entry_model`), not in Wagtail's table
shared by every indexed model: searches of today's pages never read them
(`search.backends.sqlite`).
"""

from django.db import models
from wagtail.search import index


class Wording(index.Indexed, models.Model):
    """One wording of one section of a page (a clause, the summary, the title) and the run of
    consecutive published versions that had it, word for word.

    A wording is in force from `since` (its first version's publication) until `until` (the
    publication of the version that changed or removed it, or the page's withdrawal), or is
    still in force (`until` is None). A run never spans a withdrawal or a version published
    while the page was view-restricted. `since_day` and `until_day` are the same moments as
    dates in the site's time zone, as the history's as-of pages count them.

    Rows are written only by `pastversions.wordings`, from the public record; `page_id` is a
    plain number, as on the record.
    """

    page_id = models.BigIntegerField()
    key = models.CharField(max_length=255, help_text="The section's key (a clause's anchor).")
    number = models.CharField(max_length=20, blank=True, help_text="Its number, as last shown.")
    heading = models.CharField(max_length=255, blank=True)
    text = models.TextField()
    first_version = models.PositiveIntegerField()
    last_version = models.PositiveIntegerField()
    first_revision_id = models.BigIntegerField()
    last_revision_id = models.BigIntegerField()
    since = models.DateTimeField()
    until = models.DateTimeField(null=True, blank=True)
    since_day = models.DateField()
    until_day = models.DateField(null=True, blank=True)

    # On SQLite, the database search backend's entries for wordings (search.backends.sqlite).
    search_entry_model = "pastversions.WordingSearchEntry"

    search_fields = [
        index.SearchField("heading", boost=2),
        index.SearchField("text"),
        index.FilterField("page_id"),
        index.FilterField("since_day"),
        index.FilterField("until_day"),
    ]

    class Meta:
        ordering = ["page_id", "key", "first_version"]
        indexes = [models.Index(fields=["page_id", "key"])]

    def __str__(self):
        versions = (
            f"version {self.first_version}"
            if self.first_version == self.last_version
            else f"versions {self.first_version}-{self.last_version}"
        )
        return f"Page {self.page_id} §{self.number} {self.heading} ({versions})".replace("  ", " ")

    @property
    def is_current(self):
        return self.until is None


class WordingSearchEntry(models.Model):
    """A wording's entry in the database search backend on SQLite: an FTS5 virtual table whose
    rowid is the wording's id, with the columns of Wagtail's shared one (`title`, `body`,
    `autocomplete`) filled with the same text, written by `search.backends.sqlite`.

    The table exists only on SQLite with FTS5 (migration 0002 creates it there); other
    databases never read or write this model. So Django does not manage it (it leaves it
    out of what it flushes and serializes for tests); the backend writes it, and
    `update_index` fills it again.
    """

    wording_id = models.BigIntegerField(primary_key=True, db_column="rowid")
    title = models.TextField()
    body = models.TextField()
    autocomplete = models.TextField()

    wagtail_reference_index_ignore = True

    class Meta:
        db_table = "pastversions_wording_fts"
        managed = False

    def __str__(self):
        return f"Search entry of wording {self.wording_id}"
