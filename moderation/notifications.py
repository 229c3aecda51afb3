"""Email about changes under review, in the network's words, with links on the site's address.

Wagtail's own workflow emails ("has been submitted for moderation", "has been rejected") are
replaced by these: each says in one sentence what happened and what the reader can do, and
carries the change summary and a link to the change (the review screen, or once published the
public diff). Every link starts with the site's own address (`core.site_address`).

`muted()` sends nothing inside the block, for commands that build content in bulk.
"""

import contextvars
from contextlib import contextmanager

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted
from wagtail.users.models import UserProfile

from core.site_address import absolute_url
from history.models import ChangeSummary, RecordEntry
from history.record import public_name

_muted = contextvars.ContextVar("moderation_notifications_muted", default=False)

# Wagtail's workflow emails, as Wagtail connects them: (signal, sender, dispatch_uid).
WAGTAIL_NOTIFIERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
]


@contextmanager
def muted():
    """Send no email about changes inside the block."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def connect():
    """Send these emails instead of Wagtail's (called once, from the app's `ready()`, which
    runs after Wagtail's admin has connected its own: see INSTALLED_APPS)."""
    for signal, sender, dispatch_uid in WAGTAIL_NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
    task_submitted.connect(
        change_submitted, sender=TaskState, dispatch_uid="moderation.change_submitted"
    )


def send(template, subject, recipients, **context):
    """Email `recipients` (users) the text `template` (a template name) renders, unless muted.

    Each reads it in their own language: the one their admin is set to in Wagtail's account
    settings, or the site's, never the language of whoever acted. `subject` is a function
    giving the subject in the active language; so may be any value of `context` that depends
    on it (a template calls it).
    """
    if _muted.get():
        return
    users = {user.email: user for user in recipients if user and user.is_active and user.email}
    if not users:
        return
    languages = _languages(users.values())
    written = {}
    for address in sorted(users):
        language = languages[users[address].pk]
        if language not in written:
            with translation.override(language):
                written[language] = (str(subject()), render_to_string(template, context))
        send_mail(*written[language], settings.DEFAULT_FROM_EMAIL, [address])


def _languages(users):
    """{user id: the language of their admin, or the site's} for `users`, in one query."""
    chosen = dict(
        UserProfile.objects.filter(user__in=[user.pk for user in users])
        .exclude(preferred_language="")
        .values_list("user_id", "preferred_language")
    )
    return {user.pk: chosen.get(user.pk) or settings.LANGUAGE_CODE for user in users}


def _summary(revision):
    return ChangeSummary.objects.filter(revision=revision).values_list("text", flat=True).first()


def _review_url(task_state):
    return absolute_url(reverse("moderation_review", args=(task_state.pk,)))


def change_submitted(sender, instance, user=None, **kwargs):
    """A change starts its review (or starts again after changes): tell who can approve it."""
    from .models import QuorumApprovalTask
    from .review import review_of

    task_state = instance
    if not isinstance(task_state.task.specific, QuorumApprovalTask):
        return
    review = review_of(task_state)
    page = task_state.workflow_state.content_object
    reviewers = review.task.approvers().exclude(pk__in=review.authors)
    send(
        "moderation/emails/change_submitted.txt",
        lambda: _("Change to review: %(title)s") % {"title": page.title},
        reviewers,
        title=page.title,
        summary=_summary(review.latest),
        proposed_by=public_name(review.requested_by),
        required=review.tally.required,
        review_url=_review_url(task_state),
    )


def change_approved(review, approver):
    """One approval more, the quorum not yet reached: tell the proposer."""
    tally = review.tally
    page = review.task_state.workflow_state.content_object
    send(
        "moderation/emails/change_approved.txt",
        lambda: (
            _("Approval %(approved)s of %(required)s: %(title)s")
            % {"approved": tally.approved, "required": tally.required, "title": page.title}
        ),
        [review.requested_by],
        title=page.title,
        approver=public_name(approver),
        tally=tally,
        summary=_summary(review.latest),
        review_url=_review_url(review.task_state),
    )


def change_published(workflow_state, revision, approvers):
    """The quorum approved the change and it is live: tell the proposer and the approvers."""
    page = workflow_state.content_object.specific
    entries = list(
        RecordEntry.objects.filter(page_id=page.pk, kind=RecordEntry.Kind.PUBLISHED).order_by(
            "-at", "-pk"
        )[:2]
    )
    url = page.full_url or ""
    if getattr(page, "has_public_history", False) and len(entries) == 2:
        url = absolute_url(
            page.subpage_url("history_diff", entries[1].revision_id, entries[0].revision_id)
        )
    send(
        "moderation/emails/change_published.txt",
        lambda: _("Approved and published: %(title)s") % {"title": page.title},
        [workflow_state.requested_by, *approvers],
        title=page.title,
        summary=_summary(revision),
        approved_by=[public_name(user) for user in approvers],
        url=url if url.startswith("http") else absolute_url(url),
    )


def changes_requested(task_state, decision):
    """An approver asked for changes: tell the proposer who, why, and where to edit."""
    page = task_state.workflow_state.content_object
    send(
        "moderation/emails/changes_requested.txt",
        lambda: _("Changes requested: %(title)s") % {"title": page.title},
        [task_state.workflow_state.requested_by],
        title=page.title,
        by=decision.name,
        comment=decision.comment,
        summary=_summary(decision.revision),
        edit_url=absolute_url(reverse("wagtailadmin_pages:edit", args=(page.pk,))),
    )


def withdrawal_proposed(withdrawal, committee):
    send(
        "moderation/emails/withdrawal_proposed.txt",
        lambda: _("Proposal to withdraw: %(title)s") % {"title": withdrawal.page_title},
        committee,
        withdrawal=withdrawal,
        url=absolute_url(reverse("moderation_withdrawal", args=(withdrawal.pk,))),
    )


def withdrawal_decided(withdrawal, recipients):
    send(
        "moderation/emails/withdrawal_decided.txt",
        lambda: (
            _("%(status)s: withdrawal of %(title)s")
            % {"status": withdrawal.get_status_display(), "title": withdrawal.page_title}
        ),
        recipients,
        withdrawal=withdrawal,
        url=absolute_url(reverse("moderation_withdrawal", args=(withdrawal.pk,))),
    )
