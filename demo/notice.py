"""Demo content for notice periods: one approved change waiting to take effect, with one
example objection, built through the real workflow so that it waits as any change would."""

from moderation.models import QuorumApprovalTask
from moderation.notifications import muted
from notice import lifecycle
from notice.models import Notice
from procedures.models import ProcedurePage

from .pages import approve_through_quorum
from .procedures import amend_subclause

NOTICE_DAYS = 7
OBJECTION_THRESHOLD = 3
SUMMARY = "Give members fourteen days to comment on a draft statement, not seven."
OBJECTION = (
    "Fourteen days is too long when an Internet Governance Forum deadline is a week away "
    "(an example objection)."
)


def load(wiki, proposer, approvers, objector):
    """Give the demo's approval task its notice period, and announce one change under it, once."""
    task = QuorumApprovalTask.objects.first()
    if task is None or proposer is None or len(approvers) < 2:
        return None
    if task.notice_days == 0 and not Notice.objects.exists():
        task.notice_days, task.objection_threshold = NOTICE_DAYS, OBJECTION_THRESHOLD
        task.save()
    page = ProcedurePage.objects.child_of(wiki).filter(slug="making-joint-statements").first()
    if page is None or Notice.objects.filter(page=page).exists() or page.workflow_in_progress:
        return None
    from history.summaries import record_change_summary

    page.body = amend_subclause(
        page.body.raw_data,
        "comment-period",
        "<p>A draft is open for comment for at least fourteen days, or three days when a "
        "meeting deadline requires it.</p>",
    )
    revision = page.save_revision(user=proposer)
    record_change_summary(page, SUMMARY, user=proposer)
    approve_through_quorum(page, revision, proposer, approvers)
    notice = Notice.objects.get(page=page)
    if objector is not None:
        with muted():
            lifecycle.object_to(notice, objector, OBJECTION)
    return notice
