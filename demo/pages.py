"""Building blocks for `manage.py load_demo`: create what is missing, never touch what exists."""

import logging

from wagtail.models import Page, PageLogEntry, Revision, Site

from history.models import RecordEntry
from history.summaries import record_change_summary
from home.models import HomePage
from moderation.models import QuorumDecision
from moderation.notifications import muted

logger = logging.getLogger("bbwiki.demo")


def ensure_child(parent, model, slug, change_summary=None, **fields):
    """Return (page, created): the child of `parent` with `slug`, created and published if missing,
    with `change_summary` as its first version's change summary.

    An existing page is returned as it is, so that edits made since the last run are kept.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    revision = page.save_revision()
    record_change_summary(page, change_summary or f"First version of “{page.title}”.")
    revision.publish()
    logger.info("Created %s %r", model._meta.verbose_name, page.title)
    return page, True


def ensure_home():
    """The site's home page, replacing Wagtail's untouched welcome page on a fresh install."""
    home = HomePage.objects.first()
    if home is not None:
        return home, False
    root = Page.get_first_root_node()
    home = HomePage(
        title="Best Bits",
        slug="best-bits",
        intro=(
            "<p>Best Bits is a global network of civil-society groups working on Internet "
            "governance and human rights. This site holds the network's working procedures, "
            "its agreed objectives, and the record of its meetings and what they decided.</p>"
        ),
    )
    root.add_child(instance=home)
    revision = home.save_revision()
    record_change_summary(home, "The site's home page.")
    revision.publish()
    site = Site.objects.filter(is_default_site=True).first()
    welcome = site.root_page if site else None
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.save()
    # Wagtail's placeholder page is removed only if nobody has built on it.
    if welcome is not None and welcome.specific_class is Page and welcome.is_leaf():
        welcome.delete()
    return home, True


START_HERE = [
    ("objectives", "what the network sets out to do"),
    ("how-the-network-is-organised", "who the network is and how it decides"),
    ("joining-the-network", "who can join, and how to apply"),
]


def link_start_here(home):
    """Send newcomers to the three pages to read first, once, through a new version."""
    from home.models import StartHereLink

    if home.start_here.exists() or home.has_unpublished_changes:
        return
    pages = {
        page.slug: page
        for page in home.get_descendants().filter(slug__in=[s for s, _ in START_HERE])
    }
    home.start_here = [
        StartHereLink(page=pages[slug], note=note) for slug, note in START_HERE if slug in pages
    ]
    revision = home.save_revision()
    record_change_summary(home, "Point newcomers to the three pages to read first.")
    revision.publish()


def approve_through_quorum(page, revision, proposer, approvers):
    """Approve `revision` as the real workflow does: `proposer` submits it and two of
    `approvers` approve it, which publishes it, or announces it when the approval task has a
    notice period. Published directly when the demo has no such accounts."""
    if proposer is None or len(approvers) < 2:
        revision.publish()
        return
    # Notifications of demo approvals would only clutter the console.
    with muted():
        workflow_state = page.get_workflow().start(page, proposer)
        for approver in approvers[:2]:
            task_state = workflow_state.current_task_state
            task_state.task.specific.on_action(
                task_state, approver, "approve", revision_id=revision.pk
            )
            workflow_state.refresh_from_db()


def backdate(page, revision, when):
    """Date `revision`, its publication and its approvals `when`, so the record tells the truth
    about when the demo's versions were made."""
    PageLogEntry.objects.filter(revision=revision).update(timestamp=when)
    RecordEntry.objects.filter(revision_id=revision.pk).update(at=when)
    Revision.objects.filter(pk=revision.pk).update(created_at=when)
    QuorumDecision.objects.filter(revision=revision).update(created_at=when)
    updates = {"last_published_at": when, "latest_revision_created_at": when}
    if page.first_published_at is None or page.first_published_at > when:
        updates["first_published_at"] = when
    Page.objects.filter(pk=page.pk).update(**updates)
