"""Signing a statement as a visitor does: the form, the email, the links in it."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django_tasks_db.models import DBTaskResult

from statements.models import Signature
from statements.tasks import purge_unconfirmed
from tests.factories import OrganisationFactory, SignatureFactory, StatementPageFactory
from tests.html import parse, text

from .conftest import individual, links, organisation, path_of, sign, sign_and_confirm

pytestmark = pytest.mark.django_db


def listed_names(client, statement):
    soup = parse(client.get(statement.url + "signatories/"))
    return [text(item.strong) for item in soup.select(".signatories > li")]


def test_a_visitor_signs_confirms_and_is_listed(client, statement):
    page = parse(client.get(statement.url))
    assert page.select_one("form.sign-form") is not None
    assert "Nobody has signed this statement yet." in text(page)

    response = sign(client, statement, individual())

    assert response.status_code == 302
    assert response["Location"] == statement.url + "signed/"
    assert "Check your email" in text(parse(client.get(response["Location"])))
    signature = Signature.objects.get()
    assert signature.confirmed_at is None
    assert (signature.region, signature.organisation_name) == ("africa", "University of Nairobi")
    assert signature.revision_id == statement.live_revision_id
    assert mail.outbox[-1].to == ["amina@example.org"]
    assert listed_names(client, statement) == []

    confirm = path_of(links()["confirm"])
    shown = parse(client.get(confirm))
    assert text(shown.h1) == "Confirm your signature"
    Signature.objects.get(confirmed_at=None)  # opening the link alone confirms nothing
    done = client.post(confirm)

    assert text(parse(done).h1) == "Your signature is confirmed"
    assert listed_names(client, statement) == ["Amina Odhiambo"]
    summary = text(parse(client.get(statement.url)).select_one("#signatories"))
    assert "Signed by 0 organisations and 1 individual: 1 of 1 (100%) from the Global South" in (
        summary
    )


def test_an_organisation_that_is_a_member_is_linked_to_its_record(client, statement):
    member = OrganisationFactory(name="Derechos Digitales")
    sign_and_confirm(client, statement, organisation())
    sign_and_confirm(
        client,
        statement,
        organisation(organisation_name="A New Coalition", email="new@example.org"),
    )

    by_name = {s.organisation_name: s for s in Signature.objects.all()}
    assert by_name["Derechos Digitales"].organisation == member
    assert by_name["A New Coalition"].organisation is None
    soup = parse(client.get(statement.url + "signatories/"))
    badges = [text(b) for b in soup.select(".badge--member")]
    assert badges == ["member of the network"]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (individual(email=""), "email", "This field is required."),
        (individual(email="amina-at-example"), "email", "Enter a whole email address"),
        (individual(country="XX"), "country", "Choose a country from the list."),
        (individual(comment="x" * 1001), "comment", "at most 1000 characters"),
        (individual(name="n" * 201), "name", "at most 200 characters"),
        (individual(kind="robot"), "kind", "Select a valid choice."),
        (organisation(organisation_name=""), "organisation_name", "Needed when you sign"),
        (organisation(role=""), "role", "Needed when you sign for an organisation."),
        (organisation(website="not a url"), "website", "Enter a valid URL."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_stores_nothing(
    client, statement, data, field, message
):
    response = sign(client, statement, data)

    assert response.status_code == 400
    soup = parse(response)
    errors = soup.select(f"#id_{field} ~ .error, fieldset:has(#id_{field}_0) > .error")
    assert any(message in text(error) for error in errors), [text(e) for e in errors]
    assert not Signature.objects.exists()
    assert mail.outbox == []


def test_a_ten_megabyte_comment_is_refused(client, statement):
    response = sign(client, statement, individual(comment="x" * (10 * 1024 * 1024)))

    assert response.status_code == 400
    assert not Signature.objects.exists()


def test_the_honeypot_refuses_robots(client, statement):
    response = sign(client, statement, individual(homepage="http://spam.example"))

    assert response.status_code == 400
    assert "could not be accepted" in text(parse(response).select_one("#sign"))
    assert not Signature.objects.exists()


def test_a_post_without_the_csrf_token_is_refused(statement):
    response = Client(enforce_csrf_checks=True).post(statement.url + "sign/", individual())

    assert response.status_code == 403
    assert not Signature.objects.exists()


@pytest.mark.parametrize(
    ("status", "message"),
    [
        ("drafting", "still being drafted"),
        ("closed", "no longer takes signatures"),
        ("withdrawn", "was withdrawn"),
    ],
)
def test_a_statement_not_open_refuses_signatures(client, statements, status, message):
    page = StatementPageFactory(parent=statements, status=status)
    page.save_revision().publish()

    assert message in text(parse(client.get(page.url)).select_one("#sign"))
    response = sign(client, page, individual())

    assert response.status_code == 403
    assert message in text(parse(response).select_one("#sign"))
    assert not Signature.objects.exists()


def test_a_statement_past_its_closing_date_refuses_signatures(client, statements):
    page = StatementPageFactory(parent=statements, closes_on=datetime.date(2013, 11, 1))
    page.save_revision().publish()

    assert sign(client, page, individual()).status_code == 403
    assert not Signature.objects.exists()


def test_the_same_email_signs_once(client, statement):
    sign_and_confirm(client, statement, individual())

    response = sign(client, statement, individual(name="Someone Else"))

    assert response.status_code == 400
    assert "already signed this statement" in text(parse(response).select_one("#sign"))
    assert Signature.objects.count() == 1


def test_an_organisation_that_already_signed_is_told_so(client, statement):
    sign_and_confirm(client, statement, organisation())

    response = sign(
        client,
        statement,
        organisation(organisation_name="derechos  DIGITALES", email="other@example.org"),
    )

    assert response.status_code == 400
    assert "Derechos Digitales already signed this statement" in text(parse(response))
    assert Signature.objects.count() == 1


def test_an_organisation_confirming_after_another_signed_for_it_is_listed_once(client, statement):
    sign(client, statement, organisation())
    first = links()["confirm"]
    sign_and_confirm(client, statement, organisation(email="colleague@example.org"))

    response = client.post(path_of(first))

    assert response.status_code == 409
    assert "has already signed this statement" in text(parse(response))
    assert Signature.objects.public().count() == 1


def test_signing_again_before_confirming_replaces_the_first_attempt(client, statement):
    sign(client, statement, individual(name="Amina O."))
    sign(client, statement, individual())

    assert list(Signature.objects.values_list("name", flat=True)) == ["Amina Odhiambo"]


def test_too_many_attempts_from_one_address_are_refused(client, statement, settings):
    settings.STATEMENTS_SIGNING_RATE = (2, 3600)
    sign(client, statement, individual(email="a@example.org"))
    sign(client, statement, individual(email="b@example.org"))

    response = sign(client, statement, individual(email="c@example.org"))

    assert response.status_code == 429
    assert "Too many signatures" in text(parse(response).select_one("#sign"))
    assert Signature.objects.count() == 2
    other = Client(REMOTE_ADDR="192.0.2.9")
    assert sign(other, statement, individual(email="c@example.org")).status_code == 302


def test_a_forged_token_is_refused(client, statement):
    sign(client, statement, individual())
    confirm = path_of(links()["confirm"])
    forged = confirm[:-1] + ("A" if confirm[-1] != "A" else "B")

    response = client.post(forged)

    assert response.status_code == 400
    assert "This link is not valid" in text(parse(response))
    assert Signature.objects.get().confirmed_at is None


def test_a_withdrawal_link_does_not_confirm(client, statement):
    sign(client, statement, individual())
    token = links()["withdraw"].split("?token=")[1]

    response = client.post(statement.url + "confirm/", QUERY_STRING=f"token={token}")

    assert response.status_code == 400
    assert Signature.objects.get().confirmed_at is None


def test_a_link_without_its_token_is_refused(client, statement):
    sign(client, statement, individual())

    response = client.post(statement.url + "confirm/")

    assert response.status_code == 400
    assert Signature.objects.get().confirmed_at is None


def test_an_expired_confirmation_link_is_refused(client, statement):
    sign(client, statement, individual())
    confirm = path_of(links()["confirm"])

    with time_machine.travel(datetime.timedelta(days=31)):
        response = client.post(confirm)

    assert response.status_code == 410
    assert "This link has expired" in text(parse(response))
    assert Signature.objects.get().confirmed_at is None


def test_a_link_for_another_statement_is_refused(client, statement, statements):
    other = StatementPageFactory(parent=statements, slug="other")
    other.save_revision().publish()
    sign(client, statement, individual())
    token = links()["confirm"].split("?token=")[1]

    response = client.post(other.url + "confirm/", QUERY_STRING=f"token={token}")

    assert response.status_code == 400
    assert "belongs to another statement" in text(parse(response))
    assert Signature.objects.get().confirmed_at is None


def test_withdrawing_takes_the_signature_off_the_list_counts_and_downloads(client, statement):
    sign_and_confirm(client, statement, individual())
    withdraw = path_of(links()["withdraw"])
    assert "Amina Odhiambo" in client.get(statement.url + "signatories/csv/").getvalue().decode()

    assert text(parse(client.get(withdraw)).h1) == "Withdraw your signature"
    response = client.post(withdraw)

    assert text(parse(response).h1) == "Your signature is withdrawn"
    assert Signature.objects.get().withdrawn_at is not None
    assert listed_names(client, statement) == []
    assert "Nobody has signed" in text(parse(client.get(statement.url)))
    assert "Amina" not in client.get(statement.url + "signatories/csv/").getvalue().decode()
    again = client.post(withdraw)
    assert again.status_code == 410
    assert "was withdrawn on" in text(parse(again))


def test_a_confirmation_changes_the_statement_once_committed(
    client, statement, django_capture_on_commit_callbacks
):
    from statements.signals import signatures_changed

    heard = []

    def listener(sender, statement_id, **kwargs):
        heard.append(statement_id)

    signatures_changed.connect(listener)
    try:
        sign(client, statement, individual())
        with django_capture_on_commit_callbacks(execute=True):
            client.post(path_of(links()["confirm"]))
    finally:
        signatures_changed.disconnect(listener)
    assert heard == [statement.pk]


def test_signing_schedules_the_purge_of_unconfirmed_signatures(client, statement):
    sign(client, statement, individual())

    job = DBTaskResult.objects.get(task_path="statements.tasks.purge_unconfirmed")
    signed_at = Signature.objects.get().signed_at
    assert job.backend_name == "scheduled"
    assert job.run_after - signed_at >= datetime.timedelta(days=30)
    assert job.run_after - signed_at <= datetime.timedelta(days=30, hours=1)


def test_signatures_expiring_in_the_same_hour_share_one_purge(client, statement, settings):
    settings.STATEMENTS_SIGNING_RATE = (100, 3600)
    with time_machine.travel(datetime.datetime(2026, 3, 2, 10, 5, tzinfo=datetime.UTC)):
        for n in range(3):
            sign(client, statement, individual(email=f"signer{n}@example.org"))
    with time_machine.travel(datetime.datetime(2026, 3, 2, 11, 5, tzinfo=datetime.UTC)):
        sign(client, statement, individual(email="later@example.org"))

    jobs = DBTaskResult.objects.filter(task_path="statements.tasks.purge_unconfirmed")
    assert sorted(job.run_after.isoformat() for job in jobs) == [
        "2026-04-01T11:00:00+00:00",
        "2026-04-01T12:00:00+00:00",
    ]


def test_the_purge_deletes_only_unconfirmed_signatures_older_than_30_days(statement):
    now = datetime.datetime.now(datetime.UTC)
    old = now - datetime.timedelta(days=31)
    SignatureFactory(statement=statement, confirmed_at=None, signed_at=old, name="Stale")
    SignatureFactory(statement=statement, confirmed_at=None, name="Recent")
    SignatureFactory(statement=statement, signed_at=old, name="Confirmed long ago")

    assert purge_unconfirmed.call() == 1

    assert sorted(Signature.objects.values_list("name", flat=True)) == [
        "Confirmed long ago",
        "Recent",
    ]
