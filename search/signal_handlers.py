"""Have the spelling vocabulary read again the pages whose words may have changed, as they
change (`spelling.recheck`).

Saving a page covers publishing, unpublishing, scheduled publishing and expiry, reverting,
copying and alias updates: each saves the page (a save of fields the public does not read
alone, a draft's or a lock's, is left alone). A publish saves the page before its related
rows (a meeting's sessions), so the page is read again once it is published. Moves and view
restrictions change what is public for a whole subtree. A record a page shows (an
organisation, a person) changes the page's words without saving it: the public record says so
(`history.RecordEntry`). Rows loaded as they are (a restore's `loaddata`) are only recorded:
the pages they belong to may not be whole yet.

A page that shows its children (`BasePage.search_shows_children`: the task forces by status) is
indexed again, and read again for the vocabulary, when one of them is published, unpublished,
deleted, moved in or out, or restricted.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import COMMENTS_RELATION_NAME, Page, PageViewRestriction
from wagtail.search.index import insert_or_update_object
from wagtail.signals import page_published, page_unpublished, post_page_move

from history.models import RecordEntry

from . import spelling, thesaurus


def _reindex_showing(paths):
    """Index again, and read again for the vocabulary, the live pages at `paths` whose search
    text includes their children (none if they are gone too: a whole subtree deleted)."""
    paths = {path for path in paths if path}
    for parent in Page.objects.filter(path__in=paths).live().specific() if paths else []:
        if getattr(parent, "search_shows_children", False):
            insert_or_update_object(parent)
            spelling.recheck(parent.pk)


def _parent_path(path):
    return path[: -Page.steplen]


# Page fields a save may touch alone without changing what the public reads: saving a draft
# (`save_revision`), locking, adding a child. Such saves leave the vocabulary as it is.
UNREAD_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        COMMENTS_RELATION_NAME,
        "locked",
        "locked_at",
        "locked_by",
        "numchild",
    }
)


def page_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if not isinstance(instance, Page):
        return
    if update_fields is not None and set(update_fields) <= UNREAD_FIELDS:
        return
    spelling.recheck(instance.pk, now=not raw)


def page_published_whole(sender, instance, **kwargs):
    spelling.recheck(instance.pk)
    _reindex_showing([_parent_path(instance.path)])


def page_unpublished_whole(sender, instance, **kwargs):
    _reindex_showing([_parent_path(instance.path)])


def page_deleted(sender, instance, **kwargs):
    spelling.recheck(instance.pk)
    _reindex_showing([_parent_path(instance.path)])


def page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    spelling.recheck(instance.pk, descendants=True)
    _reindex_showing(parent.path for parent in (parent_page_before, parent_page_after) if parent)


def restriction_changed(sender, instance, raw=False, **kwargs):
    spelling.recheck(instance.page_id, descendants=True, now=not raw)
    if not raw:
        paths = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True)
        _reindex_showing(_parent_path(path) for path in paths)


def record_changed(sender, instance, created=False, raw=False, **kwargs):
    if created and instance.kind == RecordEntry.Kind.RECORD:
        spelling.recheck(instance.page_id, now=not raw)


def register_signal_handlers():
    # Pages save under their specific class: listen to every sender and keep the pages.
    post_save.connect(page_saved, dispatch_uid="search.vocabulary.page_saved")
    # Deleting any page deletes its row in wagtailcore_page, sent as a Page.
    post_delete.connect(page_deleted, sender=Page, dispatch_uid="search.vocabulary.page_deleted")
    page_published.connect(page_published_whole, dispatch_uid="search.vocabulary.page_published")
    page_unpublished.connect(
        page_unpublished_whole, dispatch_uid="search.vocabulary.page_unpublished"
    )
    post_page_move.connect(page_moved, dispatch_uid="search.vocabulary.page_moved")
    post_save.connect(
        restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="search.vocabulary.restriction_saved",
    )
    post_delete.connect(
        restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="search.vocabulary.restriction_deleted",
    )
    post_save.connect(
        record_changed, sender=RecordEntry, dispatch_uid="search.vocabulary.record_changed"
    )
    thesaurus.connect()
