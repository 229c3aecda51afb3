"""Where a change under review stands: who wrote it, which text each approval was given on,
and who may still approve it.

The rules, in one place for the task, the review screen and the dashboard:

- The text under review is the latest revision. Revisions saved since the submission that
  leave what a reader sees unchanged (a comment, a re-save) do not change the text.
- Everyone who changed the text since it was submitted is one of its authors, and so is the
  person who submitted it; authors cannot approve it.
- An approval counts for the text it was given on, in the current round: once the text
  changes, earlier approvals no longer count.

`reviews()` works this out for any number of changes in a fixed number of queries.
"""

import dataclasses
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.db.models import Min
from django.utils.translation import gettext
from wagtail.models import Revision, TaskState

from .models import QuorumApprovalTask, QuorumDecision, RevisionText
from .refusals import Conflict, Refusal


class Tally(NamedTuple):
    """Where a change stands: approvals so far, approvals required, and how many people who
    have not approved yet could still approve it."""

    approved: int
    required: int
    remaining: int

    @classmethod
    def count(cls, required, approver_ids, author_ids, approved_ids):
        """The tally from the ids of the approving groups' members, of the change's authors
        and of those who approved it: authors never count among those who could approve."""
        approved = set(approved_ids)
        eligible = set(approver_ids) - set(author_ids)
        return cls(len(approved), required, len(eligible - approved))

    @property
    def reachable(self):
        return self.approved + self.remaining >= self.required

    @property
    def shortfall_message(self):
        """Why this change can never reach its quorum, or None if it still can."""
        if self.reachable:
            return None
        return gettext(
            "This change needs %(required)s approvals but only %(people)s people other than "
            "its authors can approve it: add members to the approving groups, or ask an "
            "administrator to lower the number required."
        ) % {"required": self.required, "people": self.approved + self.remaining}


@dataclasses.dataclass
class Review:
    task_state: TaskState
    task: QuorumApprovalTask
    latest: Revision
    submitted_revision_id: int
    requested_by: object
    authors: set
    approvals: list
    approver_ids: set

    @property
    def approved_ids(self):
        return {decision.user_id for decision in self.approvals}

    @property
    def tally(self):
        return Tally.count(
            self.task.required_approvals, self.approver_ids, self.authors, self.approved_ids
        )

    def with_approval(self, user):
        """This review once `user`'s approval of the latest revision is counted."""
        decision = QuorumDecision(user=user, revision=self.latest, decision="approve")
        return dataclasses.replace(self, approvals=[*self.approvals, decision])

    def tally_if_edited_by(self, user):
        """The tally if `user` saved a new text now: they become an author and the approvals
        given so far no longer count."""
        return Tally.count(
            self.task.required_approvals, self.approver_ids, self.authors | {user.pk}, ()
        )

    def is_approver(self, user):
        return user.is_active and (user.is_superuser or user.pk in self.approver_ids)

    def refusal(self, user, revision_id, action="approve"):
        """Why `user` may not decide on this change now (a `Refusal`, a `Conflict` when the
        text changed since they read it), or None if they may."""
        if not self.is_approver(user):
            return Refusal(
                gettext("Only members of the steering committee can decide on this change.")
            )
        if revision_id is None or str(revision_id) != str(self.latest.pk):
            return Conflict(
                gettext(
                    "This change was edited after the version you read: your decision was not "
                    "recorded. Read the new version of the change, then decide on it."
                )
            )
        if action != "approve":
            return None
        if user.pk in self.authors:
            return Refusal(
                gettext("You proposed or wrote part of this change, so you cannot approve it.")
            )
        if user.pk in self.approved_ids:
            return Refusal(gettext("You have already approved this version of the change."))
        return None


def reviews(task_states):
    """[Review, …] for `task_states` (in progress, of any objects), in their order."""
    task_states = list(task_states)
    if not task_states:
        return []
    workflow_ids = {ts.workflow_state_id for ts in task_states}
    submitted = dict(
        TaskState.objects.filter(workflow_state_id__in=workflow_ids)
        .values("workflow_state_id")
        .annotate(first=Min("revision_id"))
        .values_list("workflow_state_id", "first")
    )
    objects = {
        (ts.workflow_state.base_content_type_id, ts.workflow_state.object_id): ts
        for ts in task_states
    }
    revisions = {}
    for revision in (
        Revision.objects.filter(
            object_id__in={object_id for _, object_id in objects},
            pk__gte=min(submitted.values()),
        )
        .select_related("user")
        .order_by("pk")
    ):
        key = (revision.base_content_type_id, revision.object_id)
        if key in objects:
            revisions.setdefault(key, []).append(revision)
    digests = RevisionText.digests([r for rs in revisions.values() for r in rs])
    tasks = QuorumApprovalTask.objects.prefetch_related("groups").in_bulk(
        {ts.task_id for ts in task_states}
    )
    members = group_members({group.pk for task in tasks.values() for group in task.groups.all()})
    decisions = {}
    for decision in QuorumDecision.objects.filter(
        task_state__in=task_states, decision=QuorumDecision.Decision.APPROVE
    ).select_related("user"):
        decisions.setdefault(decision.task_state_id, []).append(decision)

    found = []
    for task_state in task_states:
        workflow_state = task_state.workflow_state
        first = submitted[task_state.workflow_state_id]
        since = [
            r
            for r in revisions.get((workflow_state.base_content_type_id, workflow_state.object_id))
            or ()
            if r.pk >= first
        ]
        if not since:
            continue
        task = tasks[task_state.task_id]
        current = _current_text(since, digests)
        found.append(
            Review(
                task_state=task_state,
                task=task,
                latest=since[-1],
                submitted_revision_id=first,
                requested_by=workflow_state.requested_by,
                authors=_authors(since, digests, workflow_state.requested_by_id),
                approvals=[d for d in decisions.get(task_state.pk, []) if d.revision_id in current],
                approver_ids=set().union(
                    *(members.get(group.pk, set()) for group in task.groups.all())
                ),
            )
        )
    return found


def review_of(task_state):
    found = reviews(
        TaskState.objects.filter(pk=task_state.pk).select_related("workflow_state__requested_by")
    )
    if not found:
        raise ValueError(f"Task state {task_state.pk} has no revision under review.")
    return found[0]


def _current_text(revisions, digests):
    """Ids of the latest revision and of those before it with the same text."""
    latest = digests[revisions[-1].pk]
    same = set()
    for revision in reversed(revisions):
        if digests[revision.pk] != latest:
            break
        same.add(revision.pk)
    return same


def _authors(revisions, digests, submitter_id):
    """The submitter, whoever saved the submitted text, and whoever changed it since."""
    authors = {submitter_id, revisions[0].user_id}
    for before, after in zip(revisions, revisions[1:], strict=False):
        if digests[after.pk] != digests[before.pk]:
            authors.add(after.user_id)
    return authors - {None}


def group_members(group_ids):
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
