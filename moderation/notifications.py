"""Email about changes under review, and a way to send none while building content in bulk."""

from contextlib import contextmanager

from wagtail.admin import signal_handlers as admin_notifiers
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

# Wagtail's workflow emails: (signal, sender, receiver, dispatch_uid), as Wagtail connects them.
WAGTAIL_NOTIFIERS = [
    (
        task_submitted,
        TaskState,
        admin_notifiers.task_submission_email_notifier,
        "group_approval_task_submitted_email_notification",
    ),
    (
        workflow_submitted,
        WorkflowState,
        admin_notifiers.workflow_submission_email_notifier,
        "workflow_state_submitted_email_notification",
    ),
    (
        workflow_rejected,
        WorkflowState,
        admin_notifiers.workflow_rejection_email_notifier,
        "workflow_state_rejected_email_notification",
    ),
    (
        workflow_approved,
        WorkflowState,
        admin_notifiers.workflow_approval_email_notifier,
        "workflow_state_approved_email_notification",
    ),
]


@contextmanager
def muted():
    """Send no workflow email inside the block (for management commands that build content,
    such as the demo loader; the signals are process-wide, so never use it in a request)."""
    for signal, sender, _receiver, dispatch_uid in WAGTAIL_NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
    try:
        yield
    finally:
        for signal, sender, receiver, dispatch_uid in WAGTAIL_NOTIFIERS:
            signal.connect(receiver, sender=sender, dispatch_uid=dispatch_uid)
