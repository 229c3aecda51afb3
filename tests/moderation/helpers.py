"""Driving the moderation workflow through the admin's own views."""

from django.urls import reverse

from tests.admin_forms import edit_url, procedure_edit_form


def submit(client, page, text, summary="Clarify who can join."):
    data = procedure_edit_form(page, text=text, change_summary=summary)
    data["action-submit"] = "action-submit"
    return client.post(edit_url(page), data)


def save_draft(client, page, text, summary=""):
    return client.post(edit_url(page), procedure_edit_form(page, text=text, change_summary=summary))


def workflow_action(client, page, action, comment="", task_state=None):
    page.refresh_from_db()
    task_state = task_state or page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def live_text(client, page):
    return client.get(page.url).content.decode()
