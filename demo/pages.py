"""Building blocks for `manage.py load_demo`: create what is missing, never touch what exists.

The demo's record reads as if it had happened on the dates it gives: each version is made
now, through the real workflow where it shows history, then moved back to its date
(`backdate`), so that history pages, as-of views, /changes/ and the feeds tell the same story.
"""

import dataclasses
import datetime
import logging

from wagtail.models import Locale, Page, PageLogEntry, Revision, Site

from history.models import RecordEntry
from history.summaries import record_change_summary
from home.models import HomePage
from moderation.models import QuorumDecision
from moderation.notifications import muted

logger = logging.getLogger("bbwiki.demo")


def at(year, month, day, hour=12, minute=0):
    """A moment of the demo's past, in UTC."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=datetime.UTC)


@dataclasses.dataclass
class Cast:
    """The demo accounts that act in the record: a member who proposes changes, two committee
    members who approve them, a third who proposes the committee's own changes, and a member
    who objects. Without demo accounts (production settings) changes are published directly."""

    proposer: object = None
    approvers: tuple = ()
    committee_proposer: object = None
    objector: object = None

    @classmethod
    def from_accounts(cls, accounts):
        users = {user.username: user for user, _ in accounts}
        approvers = tuple(users[name] for name in ("committee-a", "committee-b") if name in users)
        return cls(
            proposer=users.get("member"),
            approvers=approvers if len(approvers) == 2 else (),
            committee_proposer=users.get("committee-c"),
            objector=users.get("member-b"),
        )


def backdate(page, revision, when):
    """Move the publication of `revision` of `page`, and everything recorded with it, to `when`."""
    PageLogEntry.objects.filter(revision=revision).update(timestamp=when)
    RecordEntry.objects.filter(revision_id=revision.pk).update(at=when)
    Revision.objects.filter(pk=revision.pk).update(created_at=when)
    QuorumDecision.objects.filter(revision=revision).update(created_at=when)
    updates = {"last_published_at": when, "latest_revision_created_at": when}
    first = Page.objects.filter(pk=page.pk).values_list("first_published_at", flat=True).get()
    if first is None or first > when:
        updates["first_published_at"] = when
    Page.objects.filter(pk=page.pk).update(**updates)


def submit_and_approve(page, summary, cast, proposer=None):
    """Save `page` as it now stands in memory as a new revision with `summary`, and have it
    approved: with the demo accounts `proposer` (the cast's member by default) submits it
    through the real workflow and the cast's two committee members approve that revision;
    without them it is published directly. Returns the revision."""
    proposer = proposer or cast.proposer
    revision = page.save_revision(user=proposer)
    record_change_summary(page, summary, user=proposer)
    if proposer is None or not cast.approvers:
        revision.publish()
        return revision
    with muted():  # the demo's approvals would only clutter the console
        workflow_state = page.get_workflow().start(page, proposer)
        for approver in cast.approvers:
            task_state = workflow_state.current_task_state
            task_state.task.specific.on_action(
                task_state, approver, "approve", revision_id=revision.pk
            )
            workflow_state.refresh_from_db()
    return revision


def publish_change(page, summary, when, cast, proposer=None):
    """A new version of `page` with `summary`, approved (`submit_and_approve`) and dated `when`."""
    revision = submit_and_approve(page, summary, cast, proposer)
    backdate(page, revision, when)
    return revision


def ensure_child(parent, model, slug, change_summary, published_at, **fields):
    """Return (page, created): the child of `parent` with `slug`, created and published if missing,
    its first version dated `published_at` with `change_summary` as its change summary.

    An existing page is returned as it is, so that edits made since the last run are kept.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    revision = page.save_revision()
    record_change_summary(page, change_summary)
    revision.publish()
    backdate(page, revision, published_at)
    logger.info("Created %s %r", model._meta.verbose_name, page.title)
    return page, True


def ensure_home():
    """The site's home page, replacing Wagtail's untouched welcome page on a fresh install."""
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
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
    record_change_summary(
        home, "The network's site opens, to keep the procedure wiki the Bali meeting agreed."
    )
    revision.publish()
    backdate(home, revision, at(2013, 10, 21, 9))
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


def link_start_here(home, cast):
    """Send newcomers to the three pages to read first, once, through a new version."""
    from home.models import StartHereLink

    home = HomePage.objects.get(pk=home.pk)
    if home.start_here.exists() or home.has_unpublished_changes:
        return
    pages = {
        page.slug: page
        for page in home.get_descendants().filter(slug__in=[s for s, _ in START_HERE])
    }
    home.start_here = [
        StartHereLink(page=pages[slug], note=note) for slug, note in START_HERE if slug in pages
    ]
    publish_change(home, "Point newcomers to the three pages to read first.", at(2014, 3, 5), cast)
