"""What statements listen to: their own publications, and changes to their signatures."""

from django.db import transaction
from wagtail.search import index
from wagtail.signals import page_published

from pagecache import generation
from search import spelling

from .signals import signatures_changed


def statement_published(sender, instance, revision, **kwargs):
    """A new version may change the text: earlier signatories are asked to sign it again."""
    from .tasks import ask_earlier_signatories

    statement_id, revision_id = instance.pk, revision.pk if revision else None
    if revision_id is not None:
        transaction.on_commit(lambda: ask_earlier_signatories.enqueue(statement_id, revision_id))


def reindex_statement(sender, statement_id, **kwargs):
    """The statement's public signatory names are searchable: index them again."""
    from .models.pages import StatementPage

    statement = StatementPage.objects.filter(pk=statement_id, live=True).first()
    if statement is not None:
        index.insert_or_update_object(statement)


def reread_statement_words(sender, statement_id, **kwargs):
    """The organisations that signed are words of the statement's page: the spelling
    vocabulary reads it again."""
    spelling.recheck(statement_id)


def forget_cached_pages(sender, **kwargs):
    """Counts and lists are written with `update()` and `bulk_create()`, which the page cache
    does not see: every page that shows signatories is rendered again."""
    generation.bump()


def connect():
    from .models.pages import StatementPage

    page_published.connect(
        statement_published, sender=StatementPage, dispatch_uid="statements.published"
    )
    signatures_changed.connect(reindex_statement, dispatch_uid="statements.reindex")
    signatures_changed.connect(forget_cached_pages, dispatch_uid="statements.page_cache")
    signatures_changed.connect(reread_statement_words, dispatch_uid="statements.vocabulary")
