"""Which writes change what readers see, and so start a new generation of the page cache.

Every model is content that readers see unless it is listed in `NOT_SHOWN`: any save, delete
or many-to-many change of its rows (Django's signals, sent for each row, cascades included)
bumps the generation (`generation.bump`). So a new app's pages, statements, signatures,
translations or data endpoints stay fresh with nothing to declare. Wagtail's page events
that change rows in bulk (publishing, unpublishing, moving, a new slug) bump it too, and so
does `migrate` (a deploy: new templates and code render pages differently).

A model that readers never see (a log, a queue, a preference, a draft's workflow, a cache of
derived data) goes into `NOT_SHOWN` with its app label, so that writing it, perhaps on every
request, keeps the cached pages: leaving it out costs hit rate, never freshness.

Writes that send no signal (`QuerySet.update()`, `bulk_create()`, raw SQL) are invisible
here: code that changes content readers see that way calls `generation.bump()` itself.
"""

from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.autoreload import file_changed
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .generation import bump

NOT_SHOWN = frozenset(
    {
        # Accounts, sessions and logins: public pages show people's records (network), and
        # names on the record as they were written, never accounts.
        "auth.Group",
        "auth.Permission",
        "auth.User",
        "axes.AccessAttempt",
        "axes.AccessAttemptExpiration",
        "axes.AccessFailureLog",
        "axes.AccessLog",
        "contenttypes.ContentType",
        "sessions.Session",
        "wagtailusers.UserProfile",
        # Background jobs: what they change is content of its own.
        "django_tasks_database.DBTaskResult",
        # Editing: drafts, their comments and workflow, the admin's own state and logs.
        "moderation.QuorumDecision",
        "moderation.RevisionText",
        "moderation.WithdrawalDecision",
        "notice.NoticePreference",
        "wagtailadmin.Admin",
        "wagtailadmin.EditingSession",
        "wagtailadmin.FormState",
        "wagtailcore.Comment",
        "wagtailcore.CommentReply",
        "wagtailcore.GroupCollectionPermission",
        "wagtailcore.GroupPagePermission",
        "wagtailcore.GroupSitePermission",
        "wagtailcore.ModelLogEntry",
        "wagtailcore.PageLogEntry",
        "wagtailcore.PageSubscription",
        "wagtailcore.ReferenceIndex",
        "wagtailcore.Revision",
        "wagtailcore.TaskState",
        "wagtailcore.UploadedFile",
        "wagtailcore.WorkflowState",
        "wagtailforms.FormSubmission",
        # Signatures: a visitor's unconfirmed signature shows nowhere. Every change that
        # readers see (confirmed, withdrawn, hidden, moved to a new text, purged) is announced
        # by `statements.signals.signatures_changed`, whose receiver bumps the generation.
        "statements.Signature",
        # Derived data written while pages are read or searched.
        "pastversions.Wording",
        "search.PageWords",
        "search.VocabularyChange",
        "search.VocabularyState",
        "search.VocabularyWord",
        "wagtailembeds.Embed",
        "wagtailimages.Rendition",
        "wagtailsearch.IndexEntry",
        "wagtailsearch.SQLiteFTSIndexEntry",
        "wagtailsearchpromotions.Query",
        "wagtailsearchpromotions.QueryDailyHits",
        "whoosh_backend.IndexMarker",
        "whoosh_backend.UnwrittenChange",
    }
)


def shown_to_readers(model):
    """Whether rows of `model` (or of the model owning an automatic many-to-many table) can
    change what readers see."""
    owner = model._meta.auto_created or model
    return owner._meta.label not in NOT_SHOWN


def row_written(sender, using=None, action="post_", **kwargs):
    # A many-to-many change is announced before and after: the change is made by then.
    if action.startswith("post_") and shown_to_readers(sender):
        bump(using)


def pages_changed(**kwargs):
    bump()


def connect():
    """Listen for every write (called once, from the app's `ready()`)."""
    post_save.connect(row_written, dispatch_uid="pagecache.saved")
    post_delete.connect(row_written, dispatch_uid="pagecache.deleted")
    m2m_changed.connect(row_written, dispatch_uid="pagecache.related")
    page_published.connect(pages_changed, dispatch_uid="pagecache.published")
    page_unpublished.connect(pages_changed, dispatch_uid="pagecache.unpublished")
    post_page_move.connect(pages_changed, dispatch_uid="pagecache.moved")
    page_slug_changed.connect(pages_changed, dispatch_uid="pagecache.slug_changed")
    post_migrate.connect(pages_changed, dispatch_uid="pagecache.migrated")
    # A template edited under the development server shows at once (the server reloads
    # for code); the receiver returns None, which lets the reload happen.
    file_changed.connect(pages_changed, dispatch_uid="pagecache.file_changed")
