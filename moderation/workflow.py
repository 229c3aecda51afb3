"""What happens when a quorum approves a change: the approved text goes live, on the record.

Wagtail's own ending publishes whatever revision is latest when the workflow finishes, with
the last approver's publishing rights. Here the revision the quorum approved is published, on
the quorum's authority, and the public record says who proposed it and who approved it, by
the names they had when they did. The site's finishing action (`WAGTAIL_FINISH_WORKFLOW_ACTION`,
the notice app's) either does it at once or after a notice period.

Wagtail imports the finishing action while defining its own models, so these functions import
models only when they run.
"""


def approval_of(workflow_state):
    """(the approved revision, the proposer's name, the approvers' names, the approving users)
    of the workflow's current, approved task."""
    from history.record import public_name

    from .models import QuorumDecision

    task_state = workflow_state.current_task_state
    approvals = list(
        QuorumDecision.objects.filter(
            task_state=task_state, decision=QuorumDecision.Decision.APPROVE
        )
        .select_related("user")
        .order_by("created_at", "pk")
    )
    names = tuple({d.user_id or d.pk: d.name for d in approvals}.values())
    users = [d.user for d in approvals if d.user is not None]
    return task_state.revision, public_name(workflow_state.requested_by), names, users


def publish_on_quorum_authority(revision, proposed_by, approved_by, user=None, notes=""):
    """Publish `revision` as approved by `approved_by`; with no `user` (a background job, or the
    number required was lowered), whoever is signed in, if anyone, did it."""
    from history.record import attributed, public_name

    done_by = {"performed_by": public_name(user)} if user is not None else {}
    with attributed(proposed_by=proposed_by, approved_by=approved_by, notes=notes, **done_by):
        revision.publish(user=user, skip_permission_checks=True)


def publish_approved_change(workflow_state, user=None):
    """Put the approved change live now, and tell its proposer and approvers."""
    from . import notifications

    revision, proposed_by, approved_by, approvers = approval_of(workflow_state)
    publish_on_quorum_authority(revision, proposed_by, approved_by, user)
    notifications.change_published(workflow_state, revision, approvers)
