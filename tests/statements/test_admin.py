"""Statements and signatures in the admin: the text goes through the quorum like every rule;
the committee reviews signatures, hides spam with a reason, and exports the list."""

import csv
import io

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from statements.models import Signature, StatementPage
from tests.admin_forms import add_url
from tests.factories import SignatureFactory
from tests.html import parse, text
from tests.moderation.helpers import workflow_action

pytestmark = pytest.mark.django_db
LIST = "wagtailsnippets_statements_signature:list"
EDIT = "wagtailsnippets_statements_signature:edit"


@pytest.fixture
def signatures(statement):
    return {
        "new": SignatureFactory(statement=statement, name="Fresh Signer", email="f@example.org"),
        "spam": SignatureFactory(statement=statement, name="Buy Pills", email="s@example.org"),
        "unconfirmed": SignatureFactory(statement=statement, name="Not Yet", confirmed_at=None),
    }


def test_the_committee_sees_confirmed_signatures_only(client, committee, signatures):
    client.force_login(committee[0])

    response = client.get(reverse(LIST))

    assert response.status_code == 200
    shown = text(parse(response).select_one("table.listing"))
    assert "Fresh Signer" in shown and "Buy Pills" in shown
    assert "Not Yet" not in shown


def test_the_committee_filters_and_searches(client, committee, signatures):
    client.force_login(committee[0])
    Signature.objects.filter(pk=signatures["spam"].pk).update(review="approved")

    new = text(parse(client.get(reverse(LIST), {"review": "new"})).select_one("table.listing"))
    found = text(parse(client.get(reverse(LIST), {"q": "pills"})).select_one("table.listing"))

    assert "Fresh Signer" in new and "Buy Pills" not in new
    assert "Buy Pills" in found and "Fresh Signer" not in found


def test_the_committee_exports_the_list(client, committee, signatures):
    client.force_login(committee[0])

    response = client.get(reverse(LIST), {"export": "csv"})

    content = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else (response.content.decode())
    )
    rows = list(csv.DictReader(io.StringIO(content)))
    assert {row["Email"] for row in rows} == {"f@example.org", "s@example.org"}


def test_hiding_needs_a_reason_and_takes_the_signature_off_the_public_list(
    client, committee, signatures, statement
):
    client.force_login(committee[0])
    spam = signatures["spam"]
    url = reverse(EDIT, args=[spam.pk])

    refused = client.post(url, {"review": "hidden", "hidden_reason": ""})

    assert refused.status_code == 200
    assert "Say why this signature is hidden" in text(parse(refused))
    spam.refresh_from_db()
    assert spam.review == "new"

    client.post(url, {"review": "hidden", "hidden_reason": "Spam"})

    spam.refresh_from_db()
    assert (spam.review, spam.hidden_reason, spam.reviewed_by) == ("hidden", "Spam", committee[0])
    public = text(parse(client.get(statement.url + "signatories/")).select_one(".signatories"))
    assert "Buy Pills" not in public and "Fresh Signer" in public


def test_approving_records_who_reviewed(client, committee, signatures):
    client.force_login(committee[1])

    client.post(reverse(EDIT, args=[signatures["new"].pk]), {"review": "approved"})

    signature = Signature.objects.get(pk=signatures["new"].pk)
    assert (signature.review, signature.reviewed_by) == ("approved", committee[1])
    assert signature.reviewed_at is not None


def test_members_cannot_see_or_change_signatures(client, member, signatures):
    client.force_login(member)

    assert client.get(reverse(LIST)).status_code != 200
    client.post(
        reverse(EDIT, args=[signatures["spam"].pk]), {"review": "hidden", "hidden_reason": "x"}
    )

    assert Signature.objects.get(pk=signatures["spam"].pk).review == "new"


@pytest.mark.parametrize("who", ["committee", "superuser"])
def test_nobody_adds_or_deletes_a_signature_in_the_admin(client, request, who, signatures):
    user = request.getfixturevalue(who)
    client.force_login(user[0] if who == "committee" else user)
    spam = signatures["spam"]

    added = client.post(reverse("wagtailsnippets_statements_signature:add"), {"review": "approved"})
    deleted = client.post(reverse("wagtailsnippets_statements_signature:delete", args=[spam.pk]))

    assert added.status_code != 200 and deleted.status_code != 200
    assert Signature.objects.count() == 3


def statement_form(**fields):
    return nested_form_data(
        {
            "title": "Statement to the IGF",
            "slug": "to-the-igf",
            "addressees": "The Internet Governance Forum",
            "status": "open",
            "opens_on": "2014-09-01",
            "closes_on": "",
            "who_may_sign": "both",
            "body": rich_text("We call on the IGF to stay open."),
            "change_summary": "A statement for the IGF.",
            **fields,
        }
    )


def test_a_new_statement_goes_live_only_with_the_quorum(client, member, committee, statements):
    client.force_login(member)
    data = statement_form()
    data["action-submit"] = "action-submit"

    client.post(add_url(statements, StatementPage), data)

    statement = StatementPage.objects.get(slug="to-the-igf")
    assert not statement.live
    assert client.get("/statements/to-the-igf/").status_code == 404
    for approver in committee[:2]:
        client.force_login(approver)
        workflow_action(client, statement, "approve")
    statement.refresh_from_db()
    assert statement.live
    assert "We call on the IGF to stay open." in text(parse(client.get(statement.url)))


def test_a_statement_cannot_close_before_it_opens(client, member, statements):
    client.force_login(member)

    response = client.post(
        add_url(statements, StatementPage), statement_form(closes_on="2014-01-01")
    )

    assert "A statement cannot close before it opens." in text(parse(response))
    assert not StatementPage.objects.exists()
