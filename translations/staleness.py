"""Whether a translation is behind its source, and by how much."""

import dataclasses

from django.conf import settings
from django.utils import translation

from history.versions import PageHistory, Version

from .languages import language_name_here
from .models import TranslationRecord


@dataclasses.dataclass
class Staleness:
    """A translation behind its source: the source's version it follows (None when it was
    translated from a draft) and the source's version now live."""

    source: object
    followed: Version | None
    current: Version | None

    @property
    def source_language(self):
        return language_name_here(self.source.locale.language_code)

    @property
    def diff_url(self):
        """The source's clause-by-clause comparison of the two versions, where the source has
        a public history holding both; otherwise None."""
        if not (self.followed and self.current and getattr(self.source, "has_public_history", 0)):
            return None
        return self.source.subpage_url(
            "history_diff", self.followed.revision_id, self.current.revision_id
        )


def staleness_of(record, history=None):
    """The Staleness of the translation `record` describes, or None when it is up to date;
    `history`: the source's PageHistory, when already read."""
    if not record.is_out_of_date:
        return None
    source = record.source.specific
    history = history or PageHistory(source.pk)
    return Staleness(
        source=source,
        followed=history.get(record.follows_id),
        current=history.get(source.live_revision_id),
    )


def page_staleness(page):
    """The Staleness of `page` if it is a translation behind its source, else None. Pages in
    the source language are never translations: they cost no query."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        return None
    record = (
        TranslationRecord.objects.filter(translation_id=page.pk)
        .select_related("source", "source__locale")
        .first()
    )
    return staleness_of(record) if record else None
