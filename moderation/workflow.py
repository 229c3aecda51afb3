"""What happens when a quorum approves a change: the approved text goes live, on the record.

Wagtail's own ending publishes whatever revision is latest when the workflow finishes, with
the last approver's publishing rights. This one (`WAGTAIL_FINISH_WORKFLOW_ACTION`) publishes
the revision the quorum approved, on the quorum's authority, and says on the public record
who proposed it and who approved it, by the names they had when they did.

Wagtail imports this module while defining its own models, so it imports models only when
it runs.
"""


def publish_approved_change(workflow_state, user=None):
    from history.record import attributed, public_name

    from . import notifications
    from .models import QuorumDecision

    task_state = workflow_state.current_task_state
    approvals = QuorumDecision.objects.filter(
        task_state=task_state, decision=QuorumDecision.Decision.APPROVE
    ).order_by("created_at", "pk")
    # Without a user (the number required was lowered), whoever is signed in did it.
    done_by = {"performed_by": public_name(user)} if user is not None else {}
    with attributed(
        proposed_by=public_name(workflow_state.requested_by),
        approved_by=tuple({d.user_id or d.pk: d.name for d in approvals}.values()),
        **done_by,
    ):
        task_state.revision.publish(user=user, skip_permission_checks=True)
    notifications.change_published(
        workflow_state, task_state.revision, [decision.user for decision in approvals]
    )
