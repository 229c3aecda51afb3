"""Workflow emails in each reader's language: the language their admin is set to (Wagtail's
account settings), or the site's; never the language of whoever acted."""

import pytest
from django.core import mail
from wagtail.users.models import UserProfile

from tests.moderation.helpers import submit, workflow_action

pytestmark = pytest.mark.django_db


def speaks(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def sent_to(user):
    (message,) = [message for message in mail.outbox if message.to == [user.email]]
    return message


def test_each_reviewer_reads_the_change_to_review_in_their_language(
    client, member, committee, procedure
):
    speaks(committee[0], "es")
    speaks(committee[1], "fr")
    client.force_login(member)

    assert submit(client, procedure, "The amended text.").status_code == 302

    spanish, french, english = (sent_to(user) for user in committee)
    assert spanish.subject == f"Cambio para revisar: {procedure.title}"
    assert "Resumen del cambio:" in spanish.body
    assert "Change summary" not in spanish.body
    assert french.subject == f"Modification à examiner : {procedure.title}"
    assert english.subject == f"Change to review: {procedure.title}"
    assert "Change summary:" in english.body


def test_an_approval_by_a_spanish_speaker_reaches_the_proposer_in_english(
    client, member, committee, procedure
):
    client.force_login(member)
    submit(client, procedure, "The amended text.")
    mail.outbox.clear()
    client.force_login(speaks(committee[0], "es"))

    workflow_action(client, procedure, "approve")

    to_proposer = sent_to(member)
    assert to_proposer.subject == f"Approval 1 of 2: {procedure.title}"
    assert "Change summary:" in to_proposer.body


def test_the_proposer_who_reads_spanish_hears_of_the_approval_in_spanish(
    client, member, committee, procedure
):
    speaks(member, "es")
    client.force_login(member)
    submit(client, procedure, "The amended text.")
    mail.outbox.clear()
    client.force_login(committee[0])

    workflow_action(client, procedure, "approve")

    to_proposer = sent_to(member)
    assert to_proposer.subject == f"Aprobación 1 de 2: {procedure.title}"
    assert "Resumen del cambio:" in to_proposer.body
