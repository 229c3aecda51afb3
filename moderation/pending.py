"""The changes waiting for a quorum, as the committee's dashboard lists them.

`pending_changes()` reads everything in a fixed number of queries, however many changes wait:
the same cost for one pending change as for twenty.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from wagtail.models import Page, TaskState

from history.models import ChangeSummary

from .models import QuorumApprovalTask, QuorumDecision, Tally


@dataclass
class PendingChange:
    task_state: TaskState
    page: Page
    summary: str
    requested_by: object
    approvers: list
    tally: Tally
    can_approve: bool

    @property
    def shortfall(self):
        return self.tally.shortfall_message


def pending_changes(user):
    """[PendingChange, …] awaiting a quorum, oldest first; `can_approve` is for `user`."""
    task_states = list(
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            task__in=QuorumApprovalTask.objects.all(),
            workflow_state__current_task_state_id=F("id"),
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
        )
        .select_related("workflow_state__requested_by")
        .order_by("started_at", "pk")
    )
    if not task_states:
        return []
    pages = Page.objects.select_related("latest_revision").defer("latest_revision__content")
    pages = pages.in_bulk([int(ts.workflow_state.object_id) for ts in task_states])
    tasks = QuorumApprovalTask.objects.prefetch_related("groups").in_bulk(
        {ts.task_id for ts in task_states}
    )
    members = _group_members({group.pk for task in tasks.values() for group in task.groups.all()})
    revision_ids = {page.latest_revision_id for page in pages.values()}
    summaries = dict(
        ChangeSummary.objects.filter(revision_id__in=revision_ids).values_list(
            "revision_id", "text"
        )
    )
    approvals = {}
    for decision in QuorumDecision.objects.filter(
        task_state__in=task_states,
        decision=QuorumDecision.Decision.APPROVE,
        revision_id__in=revision_ids,
    ).select_related("user"):
        approvals.setdefault((decision.task_state_id, decision.revision_id), []).append(decision)

    changes = []
    for task_state in task_states:
        page = pages.get(int(task_state.workflow_state.object_id))
        task = tasks[task_state.task_id]
        if page is None or page.latest_revision is None:
            continue
        revision = page.latest_revision
        approver_ids = set().union(*(members.get(group.pk, set()) for group in task.groups.all()))
        authors = task.author_ids(task_state, revision)
        decisions = approvals.get((task_state.pk, revision.pk), [])
        approved_ids = {decision.user_id for decision in decisions}
        is_approver = user.is_active and (user.is_superuser or user.pk in approver_ids)
        changes.append(
            PendingChange(
                task_state=task_state,
                page=page,
                summary=summaries.get(revision.pk, ""),
                requested_by=task_state.workflow_state.requested_by,
                approvers=[decision.user for decision in decisions],
                tally=Tally.count(task.required_approvals, approver_ids, authors, approved_ids),
                can_approve=is_approver and user.pk not in authors and user.pk not in approved_ids,
            )
        )
    return changes


def _group_members(group_ids):
    """{group id: ids of its active members}, in one query."""
    members = {}
    rows = (
        get_user_model()
        .objects.filter(is_active=True, groups__in=group_ids)
        .values_list("groups", "pk")
    )
    for group_id, user_id in rows:
        members.setdefault(group_id, set()).add(user_id)
    return members
