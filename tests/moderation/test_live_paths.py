"""Every path that changes what is live, for each role, through the admin's own views and
crafted POSTs: one committee member can never make a live page differ from what a quorum
approved, take it off the site, or change what its history says."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from history.models import RecordEntry
from moderation.models import Withdrawal
from tests.factories import ProcedurePageFactory, clause_data
from tests.moderation.helpers import live_text

pytestmark = pytest.mark.django_db
ROLES = ["member", "committee", "superuser"]


@pytest.fixture
def users(member, committee, superuser):
    return {"member": member, "committee": committee[0], "superuser": superuser}


def assert_refused(response):
    """Wagtail's admin answers a refusal with its error message, back on the dashboard."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("do not have permission" in m for m in messages)


def still_live(page, text="The original text."):
    page.refresh_from_db()
    return page.live and text in live_text_of(page)


def live_text_of(page):
    from django.test import Client

    return live_text(Client(), page)


@pytest.mark.parametrize("role", ["member", "committee"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_unpublish_view_is_refused(client, users, procedure, role, method):
    client.force_login(users[role])
    url = reverse("wagtailadmin_pages:unpublish", args=[procedure.pk])
    response = getattr(client, method)(url, {"include_descendants": "on"})
    assert_refused(response)
    assert still_live(procedure)
    assert not RecordEntry.objects.filter(kind=RecordEntry.Kind.WITHDRAWN).exists()


@pytest.mark.parametrize("role", ["member", "committee"])
def test_delete_view_is_refused(client, users, procedure, role):
    client.force_login(users[role])
    response = client.post(reverse("wagtailadmin_pages:delete", args=[procedure.pk]))
    assert_refused(response)
    assert Page.objects.filter(pk=procedure.pk).exists()
    assert still_live(procedure)


@pytest.mark.parametrize("role", ["member", "committee"])
def test_move_view_is_refused(client, users, procedure, home, role):
    client.force_login(users[role])
    url = reverse("wagtailadmin_pages:move_confirm", args=[procedure.pk, home.pk])
    response = client.post(url)
    assert_refused(response)
    procedure.refresh_from_db()
    assert procedure.get_parent().specific_class.__name__ == "ProcedureIndexPage"


@pytest.mark.parametrize("role", ["member", "committee"])
@pytest.mark.parametrize("action", ["unpublish", "delete", "move"])
def test_bulk_actions_leave_live_pages_alone(client, users, procedure, home, role, action):
    client.force_login(users[role])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    data = {"move_applicable": "on", "chooser": home.pk} if action == "move" else {}
    client.post(f"{url}?id={procedure.pk}", data)
    assert Page.objects.filter(pk=procedure.pk).exists()
    assert still_live(procedure)


def test_an_administrator_is_sent_to_give_a_reason(client, users, procedure):
    client.force_login(users["superuser"])
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[procedure.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("moderation_propose_withdrawal", args=[procedure.pk])
    assert still_live(procedure)


@pytest.mark.parametrize("role", ["member", "committee"])
def test_aliases_are_for_administrators(client, users, procedure, wiki, role):
    client.force_login(users[role])
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[procedure.pk]),
        {
            "new_title": "Alias",
            "new_slug": "alias-of-joining",
            "new_parent_page": wiki.pk,
            "alias": "on",
        },
    )
    assert response.status_code == 403
    assert "make a copy instead" in response.content.decode()
    assert not Page.objects.filter(slug="alias-of-joining").exists()


@pytest.mark.parametrize("role", ["member", "committee"])
def test_a_copy_is_a_draft(client, users, procedure, wiki, role):
    client.force_login(users[role])
    client.post(
        reverse("wagtailadmin_pages:copy", args=[procedure.pk]),
        {"new_title": "Copy", "new_slug": "copy-of-joining", "new_parent_page": wiki.pk},
    )
    copy = Page.objects.get(slug="copy-of-joining")
    assert not copy.live


@pytest.mark.parametrize("role", ["member", "committee"])
def test_view_restrictions_are_for_administrators(client, users, procedure, role):
    client.force_login(users[role])
    url = reverse("wagtailadmin_pages:set_privacy", args=[procedure.pk])
    response = client.post(url, {"restriction_type": "login"})
    assert response.status_code in (302, 403)
    assert not procedure.get_view_restrictions().exists()


def test_reverting_to_an_old_revision_is_a_proposal(client, users, procedure):
    old = procedure.get_latest_revision()
    procedure.body = [clause_data("Who can join", "<p>A newer text.</p>", "who-can-join")]
    procedure.save_revision().publish()
    client.force_login(users["committee"])
    url = reverse("wagtailadmin_pages:revisions_revert", args=[procedure.pk, old.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b'name="action-publish"' not in response.content
    assert still_live(procedure, "A newer text.")


def test_a_scheduled_publication_needs_the_quorum_too(client, users, procedure):
    from tests.admin_forms import edit_url, procedure_edit_form

    client.force_login(users["committee"])
    data = procedure_edit_form(procedure, text="Scheduled alone.")
    data.update({"go_live_at": "2030-01-01 10:00", "action-publish": "action-publish"})
    response = client.post(edit_url(procedure), data)
    assert response.status_code == 403
    procedure.refresh_from_db()
    assert procedure.go_live_at is None
    assert not procedure.revisions.filter(approved_go_live_at__isnull=False).exists()


def test_nobody_but_the_proposer_cancels_a_change(client, member, committee, procedure):
    from tests.moderation.helpers import submit

    client.force_login(member)
    submit(client, procedure, "A change under review.")
    procedure.refresh_from_db()
    workflow_state = procedure.current_workflow_state
    client.force_login(committee[0])
    from tests.admin_forms import edit_url, procedure_edit_form

    data = procedure_edit_form(procedure, text="A change under review.")
    data["action-cancel-workflow"] = "true"
    client.post(edit_url(procedure), data)
    workflow_state.refresh_from_db()
    assert workflow_state.status == "in_progress"
    assert still_live(procedure)


def test_withdrawal_of_a_page_with_live_subpages_takes_them_off_too(
    client, member, committee, wiki
):
    from moderation import withdrawals

    child_parent = wiki
    page = ProcedurePageFactory(parent=child_parent, slug="fees")
    page.save_revision().publish()
    withdrawal = withdrawals.propose(wiki, member, Withdrawal.Action.UNPUBLISH, "Outdated.")
    assert wiki.live and page.live
    for approver in committee[:2]:
        withdrawals.decide(withdrawal, approver, "approve")
    wiki.refresh_from_db()
    page.refresh_from_db()
    assert not wiki.live and not page.live
