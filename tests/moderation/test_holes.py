"""The holes an attacker found in the quorum's promise, each closed, through the admin's views."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import translation

from history.models import RecordEntry
from moderation.constants import STEERING_COMMITTEE_GROUP
from moderation.models import QuorumDecision, Withdrawal
from moderation.models.texts import RevisionText
from network.models import SeatTerm
from tests.admin_forms import edit_url
from tests.factories import PersonFactory, SteeringCommitteePageFactory
from tests.html import parse, text
from tests.moderation.helpers import live_text, review_url, save_draft, submit, workflow_action

pytestmark = pytest.mark.django_db


def as_user(client, user):
    client.logout()
    client.force_login(user)
    return client


def latest_id(page):
    page.refresh_from_db()
    return page.get_latest_revision().pk


def test_an_approval_of_text_a_counts_for_a_only(client, member, committee, procedure):
    as_user(client, member)
    submit(client, procedure, "Text A.")
    read_a = latest_id(procedure)
    # Another committee member saves text B while A is under review.
    as_user(client, committee[2])
    save_draft(client, procedure, "Text B.")

    as_user(client, committee[0])
    response = workflow_action(client, procedure, "approve", revision_id=read_a)

    assert response.status_code == 409
    html = response.content.decode()
    assert "edited after the version you read" in html
    # The screen now shows the new text to read, with a form for that revision.
    form = parse(response).select_one('input[name="revision_id"]')
    assert form["value"] == str(latest_id(procedure))
    assert "[inserted: B]" in text(parse(response).select_one(".diff"))
    assert not QuorumDecision.objects.filter(decision="approve").exists()


def test_whoever_changed_the_text_since_submission_cannot_approve_it(
    client, member, committee, procedure
):
    as_user(client, member)
    submit(client, procedure, "The member's text.")
    as_user(client, committee[0])
    assert save_draft(client, procedure, "The committee member's rewrite.").status_code == 302
    # A colleague's full stop would leave one person to approve: it is refused, not saved.
    as_user(client, committee[1])
    stop = save_draft(client, procedure, "The committee member's rewrite, with a full stop.")
    assert stop.status_code == 409

    as_user(client, committee[0])
    response = workflow_action(client, procedure, "approve")

    assert response.status_code == 403
    assert "wrote part of this change" in response.content.decode()
    assert not QuorumDecision.objects.exists()


def test_a_comment_only_save_keeps_the_text_and_the_vote(client, member, committee, procedure):
    as_user(client, member)
    submit(client, procedure, "The member's text.")
    as_user(client, committee[0])
    workflow_action(client, procedure, "approve")
    as_user(client, committee[1])
    # Saving the same text again (as a comment does) changes nothing a reader sees.
    save_draft(client, procedure, "The member's text.")

    response = workflow_action(client, procedure, "approve")

    assert response.status_code == 302
    procedure.refresh_from_db()
    assert "The member's text." in live_text(Client(), procedure)
    entry = RecordEntry.objects.filter(page_id=procedure.pk).latest("at")
    assert entry.proposed_by == "Member"
    assert entry.approved_by == ["Sc1", "Sc2"]


def test_an_edit_that_would_leave_the_change_unable_to_pass_is_refused(
    client, committee, procedure
):
    # A committee member proposes; a colleague's edit would leave one person to approve it.
    as_user(client, committee[2])
    submit(client, procedure, "The committee member's own change.")

    as_user(client, committee[0])
    opened = client.get(edit_url(procedure))
    warnings = [str(m) for m in opened.wsgi_request._messages]
    assert any("saving an edit is refused" in m for m in warnings)
    response = save_draft(client, procedure, "A typo fixed.")

    assert response.status_code == 409
    assert "add a comment on the clause" in response.content.decode()
    procedure.refresh_from_db()
    assert "A typo fixed." not in str(procedure.get_latest_revision().content)


def test_a_reviewer_is_told_what_an_edit_would_do(client, member, committee, procedure):
    as_user(client, member)
    submit(client, procedure, "The member's text.")
    as_user(client, committee[1])
    workflow_action(client, procedure, "approve")

    as_user(client, committee[0])
    response = client.get(edit_url(procedure))

    warnings = " ".join(str(m) for m in response.wsgi_request._messages)
    assert "The 1 approval given so far would no longer count" in warnings
    assert "could not approve it" in warnings


def test_the_proposer_shown_is_the_person_who_submitted(client, member, committee, procedure):
    as_user(client, committee[2])
    save_draft(client, procedure, "Drafted by a committee member.")
    as_user(client, member)
    submit(client, procedure, "Drafted by a committee member, submitted by a member.")
    for approver in committee[:2]:
        as_user(client, approver)
        workflow_action(client, procedure, "approve")

    entry = RecordEntry.objects.filter(page_id=procedure.pk).latest("at")
    assert entry.proposed_by == "Member"


def test_renaming_an_approver_leaves_the_record_as_it_was(client, member, committee, procedure):
    as_user(client, member)
    submit(client, procedure, "Approved text.")
    for approver in committee[:2]:
        as_user(client, approver)
        workflow_action(client, procedure, "approve")
    # The second approver renames their account to their colleague's name.
    committee[1].first_name = "Sc1"
    committee[1].save()

    history = Client().get(procedure.url + "history/").content.decode()

    assert "Approved by Sc1, Sc2." in history
    assert "Sc1, Sc1" not in history


def test_renaming_or_deleting_a_person_leaves_old_versions_as_they_were(home):
    page = SteeringCommitteePageFactory(parent=home, slug="steering-committee")
    holder = PersonFactory(name="Amina Example")
    page.seat_terms = [SeatTerm(seat="Africa", holder=holder, term_start=datetime.date(2014, 1, 1))]
    first = page.save_revision()
    first.publish()
    holder.name = "Renamed Later"
    holder.save()

    old = Client().get(f"{page.url}history/{first.pk}/").content.decode()
    assert "Amina Example" in old and "Renamed Later" not in old

    holder.delete()
    old = Client().get(f"{page.url}history/{first.pk}/").content.decode()
    assert "Amina Example" in old
    assert "Vacant" not in text(parse(old).select_one("table.seats"))


def test_lowering_the_approvals_required_completes_changes_that_now_have_them(
    client, member, committee, superuser, procedure
):
    as_user(client, member)
    submit(client, procedure, "Needs one now.")
    as_user(client, committee[0])
    workflow_action(client, procedure, "approve")
    task = procedure.current_workflow_task.specific

    as_user(client, superuser)
    response = client.post(
        reverse("wagtailadmin_workflows:edit_task", args=[task.pk]),
        {
            "name": task.name,
            "groups": [g.pk for g in task.groups.all()],
            "required_approvals": 1,
            "notice_days": 0,
            "objection_threshold": 3,
        },
    )

    assert response.status_code == 302
    procedure.refresh_from_db()
    assert "Needs one now." in live_text(Client(), procedure)
    entry = RecordEntry.objects.filter(page_id=procedure.pk).latest("at")
    assert entry.approved_by == ["Sc1"]


def test_editors_picks_are_for_administrators(client, committee):
    as_user(client, committee[0])
    response = client.get(reverse("wagtailsearchpromotions:add"))
    assert response.status_code in (302, 403)
    group = Group.objects.get(name=STEERING_COMMITTEE_GROUP)
    assert not group.permissions.filter(content_type__app_label="wagtailsearchpromotions").exists()


def test_a_withdrawal_is_a_proposal_the_quorum_decides(client, member, committee, procedure):
    as_user(client, committee[1])
    url = reverse("moderation_propose_withdrawal", args=[procedure.pk])

    refused = client.post(url, {"action": "unpublish", "reason": "  "})
    assert refused.status_code == 400
    assert "Give the reason" in refused.content.decode()
    assert not Withdrawal.objects.exists()

    response = client.post(url, {"action": "unpublish", "reason": "Superseded by the new rule."})
    withdrawal = Withdrawal.objects.get()
    assert response.status_code == 302
    assert procedure.live and "The original text." in live_text(Client(), procedure)

    proposal = reverse("moderation_withdrawal", args=[withdrawal.pk])
    assert client.post(proposal, {"decision": "approve"}).status_code == 403
    as_user(client, member)
    assert client.post(proposal, {"decision": "approve"}).status_code == 403
    for approver in (committee[0], committee[2]):
        as_user(client, approver)
        client.post(proposal, {"decision": "approve"})

    procedure.refresh_from_db()
    assert not procedure.live
    visitor = Client()
    assert visitor.get(procedure.url).status_code == 404
    history = visitor.get("/procedures/joining-the-network/history/")
    assert history.status_code == 200
    assert "Superseded by the new rule." in history.content.decode()
    assert visitor.get("/procedures/joining-the-network/history/feed/").status_code == 200
    changes = text(parse(visitor.get("/changes/")).select_one(".changes"))
    assert "Taken off the site, for this reason: “Superseded by the new rule.”" in changes
    assert "Proposed by Sc2." in changes and "Approved by Sc1, Sc3." in changes


def test_a_deleted_page_keeps_its_record(client, committee, procedure):
    as_user(client, committee[0])
    client.post(
        reverse("moderation_propose_withdrawal", args=[procedure.pk]),
        {"action": "delete", "reason": "Merged into another procedure."},
    )
    withdrawal = Withdrawal.objects.get()
    for approver in committee[1:]:
        as_user(client, approver)
        client.post(reverse("moderation_withdrawal", args=[withdrawal.pk]), {"decision": "approve"})

    assert not type(procedure).objects.filter(pk=procedure.pk).exists()
    visitor = Client()
    changes = parse(visitor.get("/changes/"))
    record_link = changes.select_one(f'a[href="/changes/pages/{procedure.pk}/"]')
    assert record_link is not None
    record = visitor.get(record_link["href"])
    assert record.status_code == 200
    assert "Merged into another procedure." in record.content.decode()
    version = parse(record).select_one(".version__title a")
    assert "The original text." in visitor.get(version["href"]).content.decode()


def test_two_approvals_by_one_person_count_once(client, member, committee, procedure):
    as_user(client, member)
    submit(client, procedure, "Once.")
    as_user(client, committee[0])
    revision_id = latest_id(procedure)
    first = workflow_action(client, procedure, "approve", revision_id=revision_id)
    second = workflow_action(client, procedure, "approve", revision_id=revision_id)
    assert first.status_code == 302
    assert second.status_code == 403
    assert QuorumDecision.objects.filter(decision="approve").count() == 1
    assert "Once." not in live_text(Client(), procedure)


def test_the_review_screen_is_the_diff(client, member, committee, procedure):
    as_user(client, member)
    submit(client, procedure, "The fourteen-day text.")
    as_user(client, committee[0])

    page = parse(client.get(review_url(procedure)))

    inserted = page.select_one(".diff ins")
    deleted = page.select_one(".diff del")
    assert "[inserted:" in inserted.get_text() and "[deleted:" in deleted.get_text()
    assert page.select_one('button[value="approve"]') is not None
    assert page.select_one('button[value="reject"]') is not None
    assert "Clarify who can join." in text(page)


def test_one_text_has_one_digest_whatever_language_the_admin_speaks(home):
    """A save counts as a change of text only if the text changed: never because the person
    saving reads the admin in Spanish and a seat's role is named in Spanish."""
    page = SteeringCommitteePageFactory(parent=home, slug="steering-committee")
    page.seat_terms = [
        SeatTerm(seat="Africa", holder=PersonFactory(), role=SeatTerm.Role.CHAIR,
                 term_start=datetime.date(2014, 1, 1))
    ]  # fmt: skip
    revision = page.save_revision()

    with translation.override("es"):
        in_spanish = RevisionText.digest_of(revision)
        assert str(SeatTerm.Role.CHAIR.label) != "Chair"  # the role has a Spanish name
    with translation.override("en"):
        in_english = RevisionText.digest_of(revision)

    assert in_spanish == in_english
