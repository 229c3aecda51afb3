"""Keeping the indexed wordings (`Wording`) in step with the public record.

What is indexed: the sections (`history_sections()`) of every version on the record of a page
with a public history, as long as the page exists and nobody's view of it is restricted.
Never indexed: drafts, rejected or withdrawn proposals and anything else that was not
published (they are not on the record), versions published while the page was
view-restricted, and any version of a page that is view-restricted now or was deleted.

`sync_page` brings one page's wordings up to date and is idempotent. Each new entry on the
record (a publication, a withdrawal, a deletion, a move) and each change of a view restriction
calls it for the pages concerned, in the same transaction. Publishing a version reads only
that version's text: wordings it keeps unchanged are extended with one `update()` (their
indexed fields stay as they are); new, renumbered and ended wordings are written in bulk and
(re)indexed in one call per search backend.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from modelsearch.backends import get_search_backends_with_name
from wagtail.models import Page, PageViewRestriction

from history.models import RecordEntry
from history.versions import PageHistory

from .models import Wording

logger = logging.getLogger(__name__)

# Fields that only say which versions a wording covers: not indexed, so changed in bulk.
RUN_FIELDS = ["last_version", "last_revision_id"]
# Fields the search backends index or filter on, or that results show: a change saves the row.
INDEXED_FIELDS = ["number", "heading", "text", "since", "until", "since_day", "until_day"]


def _day(moment):
    return timezone.localtime(moment).date() if moment else None


def indexable(page):
    """Whether `page` (a Page, or None when deleted) may have its past versions searched."""
    return (
        page is not None
        and getattr(page.specific_class, "has_public_history", False)
        and not page.get_view_restrictions().exists()
    )


@transaction.atomic
def sync_page(page_id):
    """Bring the wordings of page `page_id` up to date with its public record, all at once."""
    page = Page.objects.filter(pk=page_id).first()
    wordings = list(Wording.objects.filter(page_id=page_id))
    history = PageHistory(page_id)
    # A page being deleted is still there while the record says so (and that it went off
    # the site, written after).
    deleted = any(entry.kind == RecordEntry.Kind.DELETED for entry in history.withdrawals)
    if deleted or not indexable(page):
        if wordings:
            Wording.objects.filter(page_id=page_id).delete()
        return
    versions = history.versions
    indexed = max((w.last_version for w in wordings), default=0)
    if wordings and not _extends(wordings, versions, indexed):
        # The record is not what the wordings were built from: build them again.
        Wording.objects.filter(page_id=page_id).delete()
        wordings, indexed = [], 0
    before = {w.pk: _state(w) for w in wordings}
    new_versions = versions[indexed:]
    if new_versions:
        specific = page.specific
        for version in new_versions:
            if version.entry.public and version.entry.content is not None:
                _add_version(wordings, specific, version, versions)
    for wording in wordings:
        first, last = versions[wording.first_version - 1], versions[wording.last_version - 1]
        wording.since, wording.until = first.published_at, last.until
        wording.since_day, wording.until_day = _day(wording.since), _day(wording.until)
    new, changed, extended = [], [], {}
    for wording in wordings:
        state = _state(wording)
        if wording.pk is None:
            new.append(wording)
        elif before[wording.pk][1] != state[1]:
            changed.append(wording)
        elif before[wording.pk][0] != state[0]:
            extended.setdefault(state[0], []).append(wording.pk)
    # Wordings a version kept share their new run: one plain update for each (usually one).
    for run, ids in extended.items():
        Wording.objects.filter(pk__in=ids).update(**dict(zip(RUN_FIELDS, run, strict=True)))
    for wording in changed:  # usually one or two: a plain update each is cheapest
        Wording.objects.filter(pk=wording.pk).update(
            **{name: getattr(wording, name) for name in RUN_FIELDS + INDEXED_FIELDS}
        )
    if new:
        Wording.objects.bulk_create(new)
    _index([*new, *changed])


def _index(wordings):
    """Index `wordings` (written in bulk, which sends no signal) in one call per backend, as
    Wagtail's own indexing on save would, errors included (`catch_indexing_errors`)."""
    if not wordings:
        return
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            backend.add_bulk(Wording, wordings)
        except Exception:
            logger.exception("Indexing past versions in the '%s' search backend failed", name)
            if not backend.catch_indexing_errors:
                raise


def _state(wording):
    return (
        tuple(getattr(wording, name) for name in RUN_FIELDS),
        tuple(getattr(wording, name) for name in INDEXED_FIELDS),
    )


def _extends(wordings, versions, indexed):
    """Whether the record still starts with the versions the wordings were built from."""
    if indexed > len(versions):
        return False
    revision_id = versions[indexed - 1].revision_id
    return all(w.last_revision_id == revision_id for w in wordings if w.last_version == indexed)


def _add_version(wordings, page, version, versions):
    """Extend the wordings `version` keeps word for word; start one for each section it
    changed or added."""
    previous = versions[version.number - 2] if version.number > 1 else None
    continues = previous is not None and previous.entry.public and previous.ended_by is None
    running = {w.key: w for w in wordings if w.last_version == previous.number} if continues else {}
    for section in page.as_published(version).history_sections():
        if not section.text.strip():
            continue
        wording = running.get(section.key)
        if wording is not None and (wording.heading, wording.text) == (
            section.heading[:255],
            section.text,
        ):
            wording.number = section.number[:20]
            wording.last_version = version.number
            wording.last_revision_id = version.revision_id
            continue
        wordings.append(
            Wording(
                page_id=page.pk,
                key=section.key[:255],
                number=section.number[:20],
                heading=section.heading[:255],
                text=section.text,
                first_version=version.number,
                last_version=version.number,
                first_revision_id=version.revision_id,
                last_revision_id=version.revision_id,
            )
        )


def sync_all():
    """Bring every page's wordings up to date (pages on the record, and any with wordings
    left over); returns how many pages were looked at."""
    page_ids = set(RecordEntry.objects.values_list("page_id", flat=True).distinct())
    page_ids |= set(Wording.objects.values_list("page_id", flat=True).distinct())
    for page_id in sorted(page_ids):
        sync_page(page_id)
    return len(page_ids)


def _sync_subtree(page):
    """Sync `page` and its descendants that are on the record."""
    ids = Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    for page_id in (
        RecordEntry.objects.filter(page_id__in=ids).values_list("page_id", flat=True).distinct()
    ):
        sync_page(page_id)


def record_written(sender, instance, created=False, **kwargs):
    if not created:
        return
    if instance.kind == RecordEntry.Kind.DELETED:
        # Written just before the page is deleted: its wordings go with it.
        Wording.objects.filter(page_id=instance.page_id).delete()
    elif instance.kind == RecordEntry.Kind.MOVED:
        page = Page.objects.filter(pk=instance.page_id).first()
        if page is not None:
            _sync_subtree(page)
    elif instance.kind in (RecordEntry.Kind.PUBLISHED, RecordEntry.Kind.WITHDRAWN):
        sync_page(instance.page_id)


def restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _sync_subtree(page)


def connect():
    """Follow the record and view restrictions (called once, from the app's `ready()`)."""
    post_save.connect(record_written, sender=RecordEntry, dispatch_uid="pastversions.record")
    post_save.connect(
        restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="pastversions.restriction_saved",
    )
    post_delete.connect(
        restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="pastversions.restriction_deleted",
    )
