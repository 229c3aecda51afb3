"""The quorum rules, driven through the same admin views editors and approvers use."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from history.models import ChangeSummary
from moderation.constants import DEFAULT_REQUIRED_APPROVALS, WORKFLOW_NAME
from moderation.models import QuorumApprovalTask, QuorumDecision
from procedures.models import ProcedurePage
from tests.moderation.helpers import live_text, save_draft, submit, workflow_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(client, member, committee, procedure):
    """The member has submitted a change to the procedure."""
    client.force_login(member)
    response = submit(client, procedure, "The amended text.")
    assert response.status_code == 302
    procedure.refresh_from_db()
    return procedure


def as_user(client, user):
    client.logout()
    client.force_login(user)
    return client


def test_workflow_exists_and_covers_the_site(procedure):
    workflow = procedure.get_workflow()
    assert workflow.name == WORKFLOW_NAME
    task = workflow.tasks.get().specific
    assert isinstance(task, QuorumApprovalTask)
    assert task.required_approvals == DEFAULT_REQUIRED_APPROVALS == 2


def test_submission_stores_summary_with_revision_and_keeps_live_text(client, submitted):
    revision = submitted.get_latest_revision()
    assert ChangeSummary.objects.get(revision=revision).text == "Clarify who can join."
    assert submitted.workflow_in_progress
    html = live_text(client, submitted)
    assert "The original text." in html and "The amended text." not in html


def test_empty_change_summary_is_refused(client, member, committee, procedure):
    client.force_login(member)
    response = submit(client, procedure, "The amended text.", summary="   ")
    assert response.status_code == 200
    assert "change_summary" in response.context["form"].errors
    procedure.refresh_from_db()
    assert not procedure.workflow_in_progress
    assert procedure.get_latest_revision().content["title"] == procedure.title
    assert "The amended text." not in str(procedure.get_latest_revision().content)


def test_one_approval_is_not_enough_and_progress_is_shown(client, submitted, committee):
    as_user(client, committee[0])
    response = workflow_action(client, submitted, "approve", comment="Fine by me.")
    assert response.status_code == 302

    decision = QuorumDecision.objects.get()
    assert (decision.user, decision.decision, decision.comment) == (
        committee[0],
        "approve",
        "Fine by me.",
    )
    assert decision.created_at is not None
    submitted.refresh_from_db()
    assert submitted.workflow_in_progress
    assert "The amended text." not in live_text(client, submitted)

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 of 2 approvals" in dashboard
    assert "Clarify who can join." in dashboard


def test_quorum_publishes_the_change(client, submitted, committee, member):
    as_user(client, committee[0])
    workflow_action(client, submitted, "approve")
    as_user(client, committee[1])
    workflow_action(client, submitted, "approve")

    submitted.refresh_from_db()
    assert not submitted.workflow_in_progress
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_APPROVED
    client.logout()
    assert "The amended text." in live_text(client, submitted)
    # The author hears that the change was approved and published.
    assert any(member.email in m.to and "approved" in m.subject.lower() for m in mail.outbox)


def test_submitter_cannot_approve_own_change(client, django_user_model, committee, procedure):
    author = committee[0]
    as_user(client, author)
    submit(client, procedure, "My own change.")
    procedure.refresh_from_db()

    task = procedure.current_workflow_task
    # Approvers decide on the review screen, never from the editor's buttons.
    assert task.get_actions(procedure, author) == []
    response = workflow_action(client, procedure, "approve")
    assert response.status_code == 403
    assert "you cannot approve it" in response.content.decode()
    assert not QuorumDecision.objects.exists()


def test_nobody_approves_twice(client, submitted, committee):
    as_user(client, committee[0])
    workflow_action(client, submitted, "approve")
    task_state = submitted.current_workflow_task_state
    response = workflow_action(client, submitted, "approve", task_state=task_state)

    assert response.status_code in (302, 403)
    assert QuorumDecision.objects.filter(decision="approve").count() == 1
    submitted.refresh_from_db()
    assert submitted.workflow_in_progress


def test_rejection_returns_the_change_to_its_author(client, submitted, committee, member):
    mail.outbox.clear()
    as_user(client, committee[0])
    workflow_action(client, submitted, "reject", comment="Say who decides.")

    workflow_state = WorkflowState.objects.get()
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert workflow_state.current_task_state.status == TaskState.STATUS_REJECTED
    assert workflow_state.current_task_state.comment == "Say who decides."
    client.logout()
    assert "The original text." in live_text(client, submitted)
    rejection = [m for m in mail.outbox if member.email in m.to]
    assert rejection and "Say who decides." in rejection[0].body


def test_editing_the_draft_resets_approvals(client, submitted, committee):
    first, second, third = committee
    as_user(client, first)
    workflow_action(client, submitted, "approve")

    # A committee member changes the text under review: earlier approvals no longer count.
    as_user(client, second)
    response = save_draft(client, submitted, "The text, edited during review.")
    assert response.status_code == 302
    submitted.refresh_from_db()
    task = submitted.current_workflow_task
    state = submitted.current_workflow_task_state
    assert task.progress(state)[0] == 0
    # Whoever wrote the latest version cannot approve it.
    assert "approve" not in [n for n, _, _ in task.get_actions(submitted, second)]

    workflow_action(client, submitted, "approve")
    as_user(client, first)
    workflow_action(client, submitted, "approve")
    submitted.refresh_from_db()
    assert submitted.workflow_in_progress
    as_user(client, third)
    workflow_action(client, submitted, "approve")

    client.logout()
    html = live_text(client, submitted)
    assert "The text, edited during review." in html


def test_approving_a_finished_change_does_nothing_and_says_so(client, submitted, committee):
    task_state = submitted.current_workflow_task_state
    as_user(client, committee[0])
    workflow_action(client, submitted, "approve")
    as_user(client, committee[1])
    workflow_action(client, submitted, "approve")
    decisions = QuorumDecision.objects.count()
    revisions = submitted.revisions.count()

    as_user(client, committee[2])
    response = workflow_action(client, submitted, "approve", task_state=task_state)

    assert response.status_code == 409
    assert "no longer awaiting approval" in response.content.decode()
    assert QuorumDecision.objects.count() == decisions
    assert submitted.revisions.count() == revisions


def test_approving_a_cancelled_change_does_nothing(client, submitted, committee, member):
    task_state = submitted.current_workflow_task_state
    submitted.current_workflow_state.cancel(user=member)

    as_user(client, committee[0])
    response = workflow_action(client, submitted, "approve", task_state=task_state)

    assert response.status_code == 409
    assert not QuorumDecision.objects.exists()
    assert "The amended text." not in live_text(client, submitted)


def test_stale_task_state_cannot_be_approved_in_a_new_round(client, submitted, committee, member):
    old_state = submitted.current_workflow_task_state
    as_user(client, committee[0])
    workflow_action(client, submitted, "reject", comment="No.")
    as_user(client, member)
    submit(client, submitted, "Second attempt.", summary="Second attempt.")

    as_user(client, committee[1])
    response = workflow_action(client, submitted, "approve", task_state=old_state)

    assert response.status_code == 409
    assert "no longer awaiting approval" in response.content.decode()
    assert not QuorumDecision.objects.filter(decision="approve").exists()


def test_approvers_are_emailed_when_a_change_awaits_them(client, member, committee, procedure):
    mail.outbox.clear()
    client.force_login(member)
    submit(client, procedure, "The amended text.")
    recipients = {address for m in mail.outbox for address in m.to}
    assert {u.email for u in committee} <= recipients
    assert member.email not in recipients
    # The summary given in the same form is in the email, sent as the review starts.
    assert all("Change summary: Clarify who can join." in m.body for m in mail.outbox)


def test_task_says_when_too_few_people_can_approve(client, member, committee, procedure):
    for user in committee[1:]:
        user.groups.clear()
    client.force_login(member)
    response = submit(client, procedure, "The amended text.")
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("needs 2 approvals but only 1" in m for m in messages)

    as_user(client, committee[0])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "needs 2 approvals but only 1" in dashboard


def test_admin_history_shows_proposer_approvers_and_summary(
    client, submitted, committee, superuser
):
    as_user(client, committee[0])
    workflow_action(client, submitted, "approve")
    as_user(client, committee[1])
    workflow_action(client, submitted, "approve")

    actions = list(
        PageLogEntry.objects.filter(page=submitted).values_list("action", "user__username")
    )
    assert ("history.change_summary", "member") in actions
    assert ("moderation.approve", "sc1") in actions
    assert ("wagtail.publish", "sc2") in actions

    as_user(client, superuser)
    history = client.get(reverse("wagtailadmin_pages:history", args=[submitted.pk]))
    html = history.content.decode()
    assert "Clarify who can join." in html
    assert "1 of 2 approvals" in html


def test_required_approvals_is_configurable_in_the_admin(client, superuser):
    task = QuorumApprovalTask.objects.get()
    client.force_login(superuser)
    url = reverse("wagtailadmin_workflows:edit_task", args=[task.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "required_approvals" in response.content.decode()

    group_ids = [str(g.pk) for g in task.groups.all()]
    settings = {"notice_days": "0", "objection_threshold": "3"}
    response = client.post(
        url, {"groups": group_ids, "required_approvals": "3", "active": "on", **settings}
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.required_approvals == 3

    response = client.post(url, {"groups": group_ids, "required_approvals": "0", **settings})
    assert response.status_code == 200
    task.refresh_from_db()
    assert task.required_approvals == 3


def test_unpublished_new_page_goes_live_only_after_quorum(client, member, committee, wiki):
    from tests.admin_forms import add_url, procedure_form

    client.force_login(member)
    data = procedure_form(title="Leaving the network", slug="leaving", change_summary="New rule.")
    data["action-submit"] = "action-submit"
    response = client.post(add_url(wiki, ProcedurePage), data)
    assert response.status_code == 302
    page = ProcedurePage.objects.get(slug="leaving")
    assert not page.live
    client.logout()
    assert client.get("/procedures/leaving/").status_code == 404

    for approver in committee[:2]:
        as_user(client, approver)
        workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.live
