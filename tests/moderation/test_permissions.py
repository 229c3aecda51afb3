"""Who may do what with a change: anonymous, member, committee member, administrator.

Each cell of the matrix is driven through the admin view a person would use, and checks
both the answer and that nothing changed that should not have.
"""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from moderation.models import QuorumDecision
from tests.admin_forms import edit_url, procedure_edit_form
from tests.html import parse
from tests.moderation.helpers import live_text, submit, workflow_action

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "committee", "superuser"]


@pytest.fixture
def users(member, other_member, committee, superuser):
    return {
        "anonymous": None,
        "member": member,
        "committee": committee[0],
        "superuser": superuser,
        # The author of changes awaiting review in the approve/reject cells.
        "author": other_member,
    }


def login(client, users, role):
    client.logout()
    if users[role] is not None:
        client.force_login(users[role])


def assert_sent_to_login(response):
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


@pytest.fixture
def in_review(client, users, procedure):
    """A change by another member, awaiting approval."""
    login(client, users, "author")
    submit(client, procedure, "A change under review.")
    procedure.refresh_from_db()
    return procedure


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("member", True), ("committee", True), ("superuser", True)],
)
def test_view_draft(client, users, in_review, role, allowed):
    login(client, users, role)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[in_review.pk]))
    if allowed:
        assert response.status_code == 200
        assert "A change under review." in response.content.decode()
    else:
        assert_sent_to_login(response)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("member", True), ("committee", True), ("superuser", True)],
)
def test_edit(client, users, procedure, role, allowed):
    login(client, users, role)
    response = client.get(edit_url(procedure))
    if allowed:
        assert response.status_code == 200
        assert parse(response).select_one('[name="change_summary"]') is not None
    else:
        assert_sent_to_login(response)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("member", True), ("committee", True), ("superuser", True)],
)
def test_submit(client, users, procedure, role, allowed):
    login(client, users, role)
    response = submit(client, procedure, "Proposed wording.")
    procedure.refresh_from_db()
    if allowed:
        assert response.status_code == 302
        assert procedure.workflow_in_progress
    else:
        assert_sent_to_login(response)
        assert not WorkflowState.objects.exists()
    assert "Proposed wording." not in live_text(client, procedure)


@pytest.mark.parametrize("action", ["approve", "reject"])
@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("member", False), ("committee", True), ("superuser", True)],
)
def test_approve_and_reject(client, users, in_review, role, allowed, action):
    task_state = in_review.current_workflow_task_state
    login(client, users, role)
    response = workflow_action(client, in_review, action, task_state=task_state)
    workflow_state = WorkflowState.objects.get()
    if allowed:
        assert response.status_code == 302
        assert QuorumDecision.objects.filter(decision=action, user=users[role]).exists()
        expected = "needs_changes" if action == "reject" else "in_progress"
        assert workflow_state.status == expected
    else:
        if role == "anonymous":
            assert_sent_to_login(response)
        else:
            assert response.status_code == 403
            assert "Only members of the steering committee" in response.content.decode()
        assert not QuorumDecision.objects.exists()
        assert workflow_state.status == "in_progress"
    assert "A change under review." not in live_text(client, in_review)


@pytest.mark.parametrize(
    ("role", "status", "published"),
    [
        ("anonymous", 302, False),
        ("member", 403, False),  # no publish permission
        ("committee", 403, False),  # publishing alone would bypass the quorum
        ("superuser", 302, True),  # administrators keep an escape hatch
    ],
)
def test_publish_directly(client, users, procedure, role, status, published):
    login(client, users, role)
    revisions = procedure.revisions.count()
    data = procedure_edit_form(procedure, text="Published without approval.")
    data["action-publish"] = "action-publish"

    response = client.post(edit_url(procedure), data)

    assert response.status_code == status
    if role == "anonymous":
        assert_sent_to_login(response)
    if status == 403:
        assert "Nothing was saved" in response.content.decode()
        assert procedure.revisions.count() == revisions
    client.logout()
    assert ("Published without approval." in live_text(client, procedure)) is published


@pytest.mark.parametrize("role", ["member", "committee"])
def test_publish_button_is_not_offered(client, users, procedure, role):
    login(client, users, role)
    response = client.get(edit_url(procedure))
    assert parse(response).select_one('[name="action-submit"]') is not None
    # Not there in any form, not even in a script or a template for one.
    assert 'name="action-publish"' not in response.content.decode()


def test_superuser_is_offered_publish(client, users, procedure):
    login(client, users, "superuser")
    response = client.get(edit_url(procedure))
    assert parse(response).select_one('[name="action-publish"]') is not None


def test_missing_csrf_token_is_refused(users, procedure, in_review):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(users["committee"])
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[in_review.pk, "approve", in_review.current_workflow_task_state.pk],
    )
    response = csrf_client.post(url, {"comment": ""})
    assert response.status_code == 403
    assert not QuorumDecision.objects.exists()


def test_member_cannot_act_on_another_members_task(client, users, in_review):
    login(client, users, "member")
    edit_data = procedure_edit_form(in_review, text="Hijacked.")
    edit_data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
    response = client.post(edit_url(in_review), edit_data)
    # The page is locked to non-approvers while in review: nothing is approved or saved.
    assert response.status_code in (200, 302, 403)
    assert not QuorumDecision.objects.exists()
    in_review.refresh_from_db()
    assert "Hijacked." not in str(in_review.get_latest_revision().content)
    assert "Hijacked." not in live_text(client, in_review)


def test_bulk_publish_is_refused_to_committee_members(client, users, procedure):
    procedure.title = "A draft nobody approved"
    procedure.save_revision(user=users["committee"])
    login(client, users, "committee")
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = client.post(f"{url}?id={procedure.pk}", {})
    # Committee members hold no publishing right, so Wagtail's bulk action skips the page.
    assert response.status_code in (302, 403)
    procedure.refresh_from_db()
    assert procedure.title != "A draft nobody approved"
    assert procedure.has_unpublished_changes


@pytest.mark.parametrize(
    ("role", "status", "can_add"),
    [
        ("member", "applied", False),
        ("committee", "applied", True),
        # A member organisation is on the live membership page at once: administrators only.
        ("committee", "member", False),
        ("superuser", "member", True),
    ],
)
def test_organisation_records_are_kept_by_the_committee(client, users, role, status, can_add):
    from network.models import Organisation

    login(client, users, role)
    add_url = reverse("wagtailsnippets_network_organisation:add")
    response = client.post(
        add_url,
        {
            "name": "Example Rights Group",
            "country": "Kenya",
            "region": "africa",
            "membership_status": status,
        },
    )
    created = Organisation.objects.filter(name="Example Rights Group").exists()
    assert created is can_add
    if not can_add:
        assert response.status_code in (200, 302, 403)
    # Everyone who edits pages can see the records, to choose people as facilitators.
    assert client.get(reverse("wagtailsnippets_network_organisation:list")).status_code == 200
