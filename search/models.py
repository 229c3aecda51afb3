"""The spelling vocabulary, kept in the database so that every app server shares one copy,
and the network's thesaurus.

`search.spelling` owns the vocabulary's tables: it brings them up to date from the pages that
changed, which `search.signal_handlers` records as they change. `search.thesaurus` reads the
thesaurus at query time.
"""

import re
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

# Longer "words" (hashes, run-together identifiers) are left out: no one misspells them.
MAX_WORD_LENGTH = 60
# A language as search analyses it: "en", "es", the language of a locale without its region.
LANGUAGE_LENGTH = 12
# A thesaurus entry relates at most this many terms of at most this many words each (the
# full names of bodies run long: "Commission on Science and Technology for Development").
MAX_THESAURUS_TERMS = 10
MAX_THESAURUS_WORDS = 8


class VocabularyState(models.Model):
    """The one row that says whether the vocabulary is built, and which version it is.

    Updating the vocabulary locks this row, so only one process changes it at a time.
    """

    built = models.BooleanField(default=False, verbose_name=_("built"))
    # A new token for every change: processes cache the vocabulary under it.
    token = models.UUIDField(default=uuid.uuid4, verbose_name=_("token"))
    pages = models.PositiveIntegerField(
        default=0, help_text=_("Live, public pages counted."), verbose_name=_("pages")
    )
    languages = models.JSONField(
        default=dict, help_text=_("Those pages counted by language."), verbose_name=_("languages")
    )

    def __str__(self):
        return f"Spelling vocabulary {self.token} ({self.pages} pages)"


class PageWords(models.Model):
    """The words of one live, public page, space-separated, and the page's language.

    `page_id` is a plain number rather than a foreign key: the row outlives its page's deletion
    until the vocabulary takes the page's words out of the counts.
    """

    page_id = models.BigIntegerField(primary_key=True, verbose_name=_("page id"))
    language = models.CharField(
        max_length=LANGUAGE_LENGTH, default="en", verbose_name=_("language")
    )
    words = models.TextField(verbose_name=_("words"))

    class Meta:
        verbose_name_plural = _("page words")

    def __str__(self):
        return f"Words of page {self.page_id}"


class VocabularyWord(models.Model):
    """A word of the live, public pages in one language, with its stem in that language and
    the number of pages in the language using it."""

    language = models.CharField(max_length=LANGUAGE_LENGTH, verbose_name=_("language"))
    word = models.CharField(max_length=MAX_WORD_LENGTH, verbose_name=_("word"))
    stem = models.CharField(max_length=MAX_WORD_LENGTH, verbose_name=_("stem"))
    pages = models.PositiveIntegerField(verbose_name=_("pages"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["language", "word"], name="one_word_per_language")
        ]

    def __str__(self):
        return self.word


class VocabularyChange(models.Model):
    """A page (and, with `descendants`, its subtree) to look at again: it was saved, deleted,
    moved or had its view restrictions changed since the vocabulary was last brought up to date.
    """

    page_id = models.BigIntegerField(verbose_name=_("page id"))
    descendants = models.BooleanField(default=False, verbose_name=_("descendants"))

    def __str__(self):
        return f"Page {self.page_id}{' and its subtree' if self.descendants else ''}"


class ThesaurusEntry(models.Model):
    """Words and phrases that mean the same to the network ("IGF", "Internet Governance
    Forum"): a search for any of them finds pages with the others too, ranked below pages
    with the words typed. Kept by the steering committee in the admin."""

    terms = models.TextField(
        help_text=(
            _(
                "Two or more words or phrases that mean the same, separated by commas: "
                "IGF, Internet Governance Forum"
            )
        ),
        verbose_name=_("terms"),
    )
    note = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("Why these go together (optional, for editors)."),
        verbose_name=_("note"),
    )

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = _("thesaurus entry")
        verbose_name_plural = _("thesaurus")
        ordering = ["terms"]

    def __str__(self):
        return ", ".join(self.term_list())

    def term_list(self):
        """The entry's terms, as typed, each once (compared without case or extra spaces)."""
        found = {}
        for term in re.split(r"[,\n;]", self.terms or ""):
            term = " ".join(term.split())
            if term:
                found.setdefault(term.casefold(), term)
        return list(found.values())

    def clean(self):
        super().clean()
        terms = self.term_list()
        if len(terms) < 2:
            raise ValidationError(
                {"terms": "Give at least two words or phrases, separated by commas."}
            )
        if len(terms) > MAX_THESAURUS_TERMS:
            raise ValidationError(
                {"terms": f"Give at most {MAX_THESAURUS_TERMS} words or phrases in one entry."}
            )
        long = [term for term in terms if len(term.split()) > MAX_THESAURUS_WORDS]
        if long:
            raise ValidationError(
                {
                    "terms": f"Keep each phrase to {MAX_THESAURUS_WORDS} words at most: "
                    + ", ".join(long)
                }
            )
