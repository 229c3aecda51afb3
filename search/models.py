"""The spelling vocabulary, kept in the database so that every app server shares one copy.

`search.spelling` owns these tables: it brings them up to date from the pages that changed,
which `search.signal_handlers` records as they change.
"""

import uuid

from django.db import models

# Longer "words" (hashes, run-together identifiers) are left out: no one misspells them.
MAX_WORD_LENGTH = 60


class VocabularyState(models.Model):
    """The one row that says whether the vocabulary is built, and which version it is.

    Updating the vocabulary locks this row, so only one process changes it at a time.
    """

    built = models.BooleanField(default=False)
    # A new token for every change: processes cache the vocabulary under it.
    token = models.UUIDField(default=uuid.uuid4)
    pages = models.PositiveIntegerField(default=0, help_text="Live, public pages counted.")

    def __str__(self):
        return f"Spelling vocabulary {self.token} ({self.pages} pages)"


class PageWords(models.Model):
    """The words of one live, public page, space-separated.

    `page_id` is a plain number rather than a foreign key: the row outlives its page's deletion
    until the vocabulary takes the page's words out of the counts.
    """

    page_id = models.BigIntegerField(primary_key=True)
    words = models.TextField()

    class Meta:
        verbose_name_plural = "page words"

    def __str__(self):
        return f"Words of page {self.page_id}"


class VocabularyWord(models.Model):
    """A word of the live, public pages, with its stem and the number of pages using it."""

    word = models.CharField(max_length=MAX_WORD_LENGTH, primary_key=True)
    stem = models.CharField(max_length=MAX_WORD_LENGTH)
    pages = models.PositiveIntegerField()

    def __str__(self):
        return self.word


class VocabularyChange(models.Model):
    """A page (and, with `descendants`, its subtree) to look at again: it was saved, deleted,
    moved or had its view restrictions changed since the vocabulary was last brought up to date.
    """

    page_id = models.BigIntegerField()
    descendants = models.BooleanField(default=False)

    def __str__(self):
        return f"Page {self.page_id}{' and its subtree' if self.descendants else ''}"
