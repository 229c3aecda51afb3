"""Members find where to propose, and the editor says what each button does."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.admin_forms import edit_url, procedure_edit_form
from tests.html import parse, text
from tests.moderation.helpers import submit, workflow_action

pytestmark = pytest.mark.django_db


def test_signed_in_members_see_propose_a_change(client, member, procedure):
    assert parse(Client().get(procedure.url)).select_one(".propose-change") is None
    client.force_login(member)
    link = parse(client.get(procedure.url)).select_one(".propose-change a")
    assert link["href"] == edit_url(procedure)


def test_submit_for_approval_is_the_main_button(client, member, procedure):
    client.force_login(member)
    editor = parse(client.get(edit_url(procedure)))
    # Wagtail's main button is the first of the footer's dropdown.
    main = editor.select_one("footer .w-dropdown-button > button")
    assert main["name"] == "action-submit"
    assert "Submit for approval" in text(main)


def test_saving_a_draft_says_nothing_was_sent(client, member, procedure):
    client.force_login(member)
    response = client.post(edit_url(procedure), procedure_edit_form(procedure, text="Draft."))
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("Nothing was sent for approval" in m for m in messages)


def test_submitting_says_what_it_needs(client, member, committee, procedure):
    client.force_login(member)
    response = submit(client, procedure, "A change.")
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any(m.startswith("Sent for approval") for m in messages)
    assert any("It needs 2 approvals from the steering committee" in m for m in messages)


def test_others_are_told_who_holds_the_page_and_where_to_read_it(
    client, member, other_member, committee, procedure
):
    client.force_login(member)
    submit(client, procedure, "A change.")
    client.force_login(other_member)
    response = client.get(edit_url(procedure))
    notice = " ".join(str(m) for m in response.wsgi_request._messages)
    assert "Member proposed a change to this page" in notice
    assert reverse("proposals") in notice


def test_a_request_for_changes_reaches_the_author(client, member, committee, procedure):
    client.force_login(member)
    submit(client, procedure, "A change.")
    client.force_login(committee[0])
    workflow_action(client, procedure, "reject", comment="Say who decides.")

    client.force_login(member)
    dashboard = text(parse(client.get(reverse("wagtailadmin_home"))))
    assert "Changes requested to your change to Joining the network by Sc1" in dashboard
    assert "Say who decides." in dashboard
    editor = client.get(edit_url(procedure))
    notes = " ".join(str(m) for m in editor.wsgi_request._messages)
    assert "Changes requested by Sc1" in notes and "Say who decides." in notes


def test_the_proposals_page_is_for_members(client, member, committee, procedure):
    response = Client().get("/proposals/")
    assert response.status_code == 302
    client.force_login(member)
    submit(client, procedure, "A change.")
    page = parse(client.get("/proposals/"))
    assert "Clarify who can join." in text(page)
    assert "0 of 2 approvals" in text(page)
    assert page.select_one(f'a[href^="{reverse("moderation_review", args=[1])[:-2]}"]')


def test_an_approver_who_approved_no_longer_sees_it_as_awaiting_their_review(
    client, member, committee, procedure
):
    client.force_login(member)
    submit(client, procedure, "A change.")
    client.force_login(committee[0])
    before = parse(client.get(reverse("wagtailadmin_home")))
    assert "Awaiting your review" in text(before)
    workflow_action(client, procedure, "approve")
    after = parse(client.get(reverse("wagtailadmin_home")))
    assert "Awaiting your review" not in text(after)
    assert "Waiting for other committee members" in text(after)
