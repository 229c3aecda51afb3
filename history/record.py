"""Writing the public record as things happen (see `models.RecordEntry`).

Wagtail's signals say that a page was published, taken off the site, moved or is being
deleted; the code that made it happen says who proposed it and who approved it by running it
inside `attributed()`. What is not said is taken from the revision and its change summary.
"""

import contextvars
import dataclasses
import datetime
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import pre_delete
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import ChangeSummary, RecordEntry

_attribution = contextvars.ContextVar("history_attribution", default=None)


@dataclasses.dataclass(frozen=True)
class Attribution:
    """Who is behind what happens inside `attributed()`, by their public names."""

    proposed_by: str = ""
    approved_by: tuple = ()
    performed_by: str = ""
    # The reason for a withdrawal; for a publication, None keeps the revision's summary.
    summary: str | None = None
    # When it happened, for content loaded with its real dates (the demo); None: now.
    at: datetime.datetime | None = None
    # Anything else the record should say of it (a notice period, objections answered).
    notes: str = ""


@contextmanager
def attributed(**fields):
    """Record what happens inside the block as proposed, approved and done by these people
    (fields not given keep the values of an enclosing block)."""
    token = _attribution.set(dataclasses.replace(_current(), **fields))
    try:
        yield
    finally:
        _attribution.reset(token)


def public_name(user):
    """A person's name as they show it on their account; never their login name."""
    if user is None:
        return ""
    return user.get_full_name().strip() or "A member"


def _current():
    return _attribution.get() or Attribution()


def _is_public(page):
    return not page.get_view_restrictions().exists()


def _entry(page, kind, author=None, **fields):
    """Write one entry; names not given by `attributed()` are `author`'s."""
    attribution = _current()
    return RecordEntry.objects.create(
        page_id=page.pk,
        kind=kind,
        at=attribution.at or timezone.now(),
        title=page.title[:255],
        url=(page.url or "")[:1000],
        content_type=ContentType.objects.get_for_id(page.content_type_id),
        public=_is_public(page),
        proposed_by=attribution.proposed_by or public_name(author),
        approved_by=list(attribution.approved_by),
        performed_by=attribution.performed_by or public_name(author),
        notes=attribution.notes,
        **fields,
    )


def people_names(page):
    """{person id: name} of the people a page names, for reading its version later."""
    people = getattr(page, "people_on_record", None)
    return {str(person.pk): person.name for person in people()} if people else {}


def record_publication(sender, instance, revision, **kwargs):
    attribution = _current()
    summary = attribution.summary
    if summary is None:
        summary = (
            ChangeSummary.objects.filter(revision=revision).values_list("text", flat=True).first()
            or ""
        )
    _entry(
        instance,
        RecordEntry.Kind.PUBLISHED,
        author=revision.user if revision else None,
        revision_id=revision.pk if revision else None,
        content=revision.content if revision else None,
        summary=summary,
        names=people_names(instance),
    )


def record_withdrawal(sender, instance, **kwargs):
    if has_record(instance.pk):
        _entry(instance, RecordEntry.Kind.WITHDRAWN, summary=_current().summary or "")


def record_deletion(sender, instance, **kwargs):
    if has_record(instance.pk):
        _entry(instance, RecordEntry.Kind.DELETED, summary=_current().summary or "")


def record_move(sender, instance, url_path_before, url_path_after, **kwargs):
    if url_path_before != url_path_after and instance.live and has_record(instance.pk):
        page = Page.objects.get(pk=instance.pk)
        _entry(page, RecordEntry.Kind.MOVED, summary=_current().summary or "")


def record_shown_change(page, summary):
    """Put on `page`'s record that something it shows (a person's or an organisation's
    record) changed, as `summary` says."""
    return _entry(page, RecordEntry.Kind.RECORD, summary=summary)


def has_record(page_id):
    return RecordEntry.objects.filter(page_id=page_id).exists()


def connect():
    """Listen for what goes on the record (called once, from the app's `ready()`)."""
    page_published.connect(record_publication, dispatch_uid="history.record.published")
    page_unpublished.connect(record_withdrawal, dispatch_uid="history.record.withdrawn")
    pre_delete.connect(record_deletion, sender=Page, dispatch_uid="history.record.deleted")
    post_page_move.connect(record_move, dispatch_uid="history.record.moved")
