"""Driving the moderation workflow through the admin's own views."""

from django.urls import reverse

from tests.admin_forms import edit_url, procedure_edit_form


def submit(client, page, text, summary="Clarify who can join."):
    data = procedure_edit_form(page, text=text, change_summary=summary)
    data["action-submit"] = "action-submit"
    return client.post(edit_url(page), data)


def save_draft(client, page, text, summary=""):
    return client.post(edit_url(page), procedure_edit_form(page, text=text, change_summary=summary))


def review_url(page, task_state=None):
    page.refresh_from_db()
    task_state = task_state or page.current_workflow_task_state
    return reverse("moderation_review", args=[task_state.pk])


def workflow_action(client, page, action, comment="", task_state=None, revision_id=None):
    """Decide on the change to `page` on its review screen, as an approver does: on the latest
    revision unless `revision_id` names the one the approver read."""
    url = review_url(page, task_state)
    if revision_id is None:
        revision_id = page.get_latest_revision().pk
    if action == "reject" and not comment:
        comment = "Please say who decides."
    return client.post(url, {"action": action, "comment": comment, "revision_id": revision_id})


def live_text(client, page):
    return client.get(page.url).content.decode()
