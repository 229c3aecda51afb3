"""Approved changes wait a notice period before they take effect; members can object.

Times are frozen (time-machine) at the edges: the last second of the last day, the first
second after it, and across a change of clocks. The worker's job is run by running the
worker (`db_worker --batch`), not by calling the function it wraps.
"""

import datetime
import zoneinfo
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django_tasks_db.management.commands import db_worker

from history.models import RecordEntry
from notice import periods
from notice.models import Notice, Objection
from tests.html import parse, text
from tests.moderation.helpers import live_text, submit, workflow_action

pytestmark = pytest.mark.django_db
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def at(*args):
    return datetime.datetime(*args, tzinfo=BRUSSELS)


@pytest.fixture(autouse=True)
def brussels(settings):
    settings.TIME_ZONE = "Europe/Brussels"


@pytest.fixture
def notice_days(procedure):
    task = procedure.get_workflow().tasks.get().specific
    task.notice_days, task.objection_threshold = 7, 2
    task.save()
    return task


def approve(client, member, committee, procedure, capture, when=None):
    """The member proposes, two committee members approve: at `when` (Brussels time)."""
    when = when or at(2026, 12, 1, 10)
    with time_machine.travel(when, tick=False), capture(execute=True):
        client.force_login(member)
        submit(client, procedure, "The announced text.")
        for approver in committee[:2]:
            client.force_login(approver)
            workflow_action(client, procedure, "approve")
    return Notice.objects.get()


def run_worker(when):
    # Between tasks the worker closes connections it finds inside a transaction, as the test's
    # is: that one check is left out (on PostgreSQL it would end the test), the rest runs as is.
    with (
        time_machine.travel(when, tick=False),
        mock.patch.object(db_worker, "close_old_connections"),
    ):
        call_command(
            "db_worker",
            "--batch",
            "--backend",
            "scheduled",
            "--no-startup-delay",
            "--no-reload",
            verbosity=0,
        )


def test_the_last_day_is_written_once(settings):
    effect = periods.takes_effect_at(at(2026, 12, 1, 10), 7)
    assert effect == at(2026, 12, 9, 0, 0)
    assert periods.describe(effect) == (
        "objections can be made until 23:59 on 8 December 2026 (CET, Europe/Brussels); "
        "the change takes effect at 00:00 on 9 December 2026 (CET, Europe/Brussels)"
    )


def test_a_change_of_clocks_moves_neither_the_last_day_nor_midnight():
    effect = periods.takes_effect_at(at(2027, 3, 25, 23, 30), 7)
    assert (effect.day, effect.hour, effect.minute) == (2, 0, 0)
    assert effect.utcoffset() == datetime.timedelta(hours=2)  # summer time by then
    assert periods.last_day(effect) == datetime.date(2027, 4, 1)


def test_an_approved_change_waits_announced(
    client, member, committee, procedure, notice_days, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    notice = approve(client, member, committee, procedure, django_capture_on_commit_callbacks)

    assert notice.status == Notice.Status.WAITING
    assert notice.takes_effect_at == at(2026, 12, 9)
    visitor = Client()
    assert "The original text." in live_text(visitor, procedure)
    banner = text(parse(visitor.get(procedure.url)).select_one(".notice-banner"))
    assert "takes effect at 00:00 on 9 December 2026" in banner
    upcoming = text(parse(visitor.get("/changes/upcoming/")))
    assert "Joining the network" in upcoming and "Clarify who can join." in upcoming
    feed = visitor.get("/changes/upcoming/feed/")
    assert feed.status_code == 200 and b"Clarify who can join." in feed.content
    announced = [m for m in mail.outbox if m.subject.startswith("Approved, takes effect")]
    assert len({tuple(m.to) for m in announced}) == len(announced)  # one email each
    assert member.email in {address for m in announced for address in m.to}


def test_objections_close_at_midnight_of_the_last_day(
    client,
    member,
    other_member,
    committee,
    procedure,
    notice_days,
    django_capture_on_commit_callbacks,
):
    notice = approve(client, member, committee, procedure, django_capture_on_commit_callbacks)
    client.force_login(other_member)
    url = f"/changes/upcoming/{notice.pk}/object/"

    with time_machine.travel(at(2026, 12, 8, 23, 59, 59), tick=False):
        assert client.post(url, {"reason": "Too soon."}).status_code == 302
    client.force_login(member)
    with time_machine.travel(at(2026, 12, 9, 0, 0, 0), tick=False):
        late = client.post(url, {"reason": "Too late."})
    assert late.status_code == 403
    assert "The notice period ended" in late.content.decode()
    assert Objection.objects.count() == 1


def test_the_worker_puts_it_into_effect_at_its_moment(
    client, member, committee, procedure, notice_days, django_capture_on_commit_callbacks
):
    notice = approve(client, member, committee, procedure, django_capture_on_commit_callbacks)
    # Someone edits the page meanwhile: that starts a new proposal, the announced text stays.
    client.force_login(member)
    from tests.moderation.helpers import save_draft

    save_draft(client, procedure, "A later draft.")

    run_worker(at(2026, 12, 8, 23, 59, 59))
    assert "The original text." in live_text(Client(), procedure)
    run_worker(at(2026, 12, 9, 0, 0, 1))

    notice.refresh_from_db()
    assert notice.status == Notice.Status.IN_EFFECT
    html = live_text(Client(), procedure)
    assert "The announced text." in html and "A later draft." not in html
    entry = RecordEntry.objects.filter(page_id=procedure.pk).latest("at")
    assert entry.approved_by == ["Sc1", "Sc2"]
    assert "Announced on 1 December 2026 with 7 days' notice." in entry.notes


def test_a_worker_that_was_down_catches_up(
    client, member, committee, procedure, notice_days, django_capture_on_commit_callbacks
):
    approve(client, member, committee, procedure, django_capture_on_commit_callbacks)
    run_worker(at(2026, 12, 20, 9))
    assert "The announced text." in live_text(Client(), procedure)


def test_enough_objections_send_it_back_and_the_committee_answers(
    client,
    member,
    other_member,
    committee,
    procedure,
    notice_days,
    django_capture_on_commit_callbacks,
):
    notice = approve(client, member, committee, procedure, django_capture_on_commit_callbacks)
    for objector in (member, other_member):
        client.force_login(objector)
        with time_machine.travel(at(2026, 12, 3, 12), tick=False):
            client.post(f"/changes/upcoming/{notice.pk}/object/", {"reason": "Not agreed."})
    notice.refresh_from_db()
    assert notice.status == Notice.Status.RETURNED

    run_worker(at(2026, 12, 10))
    assert "The original text." in live_text(Client(), procedure)

    with (
        time_machine.travel(at(2026, 12, 5, 12), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        for confirmer in committee[1:]:
            client.force_login(confirmer)
            client.post(f"/admin/notices/{notice.pk}/", {"decision": "confirm"})
    notice.refresh_from_db()
    assert notice.status == Notice.Status.WAITING
    assert notice.takes_effect_at == at(2026, 12, 13)

    run_worker(at(2026, 12, 13, 0, 0, 1))
    entry = RecordEntry.objects.filter(page_id=procedure.pk).latest("at")
    assert "2 objections, answered by the committee on 5 December 2026" in entry.notes


def test_a_committee_member_who_did_not_approve_sends_it_back_alone(
    client, member, committee, procedure, notice_days, django_capture_on_commit_callbacks
):
    notice = approve(client, member, committee, procedure, django_capture_on_commit_callbacks)
    client.force_login(committee[2])
    with time_machine.travel(at(2026, 12, 2), tick=False):
        client.post(f"/changes/upcoming/{notice.pk}/object/", {"reason": "Against §2."})
    notice.refresh_from_db()
    assert notice.status == Notice.Status.RETURNED


@pytest.mark.parametrize(
    ("who", "data", "status"),
    [
        ("visitor", {"reason": "Anonymous."}, 403),
        ("member", {"reason": "   "}, 400),
        ("member", {}, 400),
        ("member", {"reason": "x" * 3000}, 400),
    ],
)
def test_bad_objections_are_refused_and_store_nothing(
    client,
    member,
    committee,
    procedure,
    notice_days,
    django_capture_on_commit_callbacks,
    who,
    data,
    status,
):
    notice = approve(client, member, committee, procedure, django_capture_on_commit_callbacks)
    client.logout()
    if who == "member":
        client.force_login(member)
    with time_machine.travel(at(2026, 12, 2), tick=False):
        response = client.post(f"/changes/upcoming/{notice.pk}/object/", data)
    assert response.status_code == status
    assert not Objection.objects.exists()


def test_objecting_twice_and_other_peoples_objections(
    client,
    member,
    other_member,
    committee,
    procedure,
    notice_days,
    django_capture_on_commit_callbacks,
):
    notice = approve(client, member, committee, procedure, django_capture_on_commit_callbacks)
    notice.task.objection_threshold = 5
    notice.task.save()
    client.force_login(member)
    with time_machine.travel(at(2026, 12, 2), tick=False):
        client.post(f"/changes/upcoming/{notice.pk}/object/", {"reason": "Once."})
        twice = client.post(f"/changes/upcoming/{notice.pk}/object/", {"reason": "Twice."})
        client.force_login(other_member)
        others = client.post(f"/changes/upcoming/{notice.pk}/withdraw-objection/")
    assert twice.status_code == 403
    assert others.status_code == 403
    assert Objection.objects.filter(withdrawn_at__isnull=True).count() == 1


def test_taking_effect_early_does_nothing(
    client, member, committee, procedure, notice_days, django_capture_on_commit_callbacks
):
    from notice import lifecycle

    notice = approve(client, member, committee, procedure, django_capture_on_commit_callbacks)
    with time_machine.travel(at(2026, 12, 2), tick=False):
        assert lifecycle.take_effect(notice.pk) is False
    assert "The original text." in live_text(Client(), procedure)
