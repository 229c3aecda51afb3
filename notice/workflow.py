"""The site's ending of an approved workflow (`WAGTAIL_FINISH_WORKFLOW_ACTION`).

With no notice period on the approving task, the change goes live at once; otherwise it is
announced and takes effect when its notice period ends (`notice.lifecycle`).

Wagtail imports this module while defining its own models, so it imports models only when
it runs.
"""


def approved_change(workflow_state, user=None):
    from moderation.workflow import publish_approved_change

    from . import lifecycle

    task = workflow_state.current_task_state.task.specific
    if getattr(task, "notice_days", 0):
        lifecycle.announce(workflow_state, task)
    else:
        publish_approved_change(workflow_state, user)
