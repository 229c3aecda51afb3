"""Every public page type renders in a number of SQL queries that does not grow with its
content: each URL is read with little content, then again after much more is added (members,
seat terms, convenors, objections, versions, changes, pages), and must take exactly as many
queries, and no more than a ceiling. The page cache is off (test settings): these count what
a miss costs. Meetings (sessions) and history pages (versions) have their own tests in
tests/meetings and tests/history.
"""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from history.models import ChangeSummary
from meetings.models import OutcomeLink
from network.models import SeatTerm
from notice.models import Notice, Objection
from tests.factories import (
    MeetingIndexPageFactory,
    MeetingPageFactory,
    MembershipPageFactory,
    ObjectivesPageFactory,
    OrganisationFactory,
    OutcomePageFactory,
    PersonFactory,
    ProcedurePageFactory,
    SessionFactory,
    SteeringCommitteePageFactory,
    TaskForceIndexPageFactory,
    TaskForcePageFactory,
    clause_data,
)
from tests.moderation.helpers import submit, workflow_action

pytestmark = pytest.mark.django_db

# No public page takes more, whatever its content.
CEILING = 30


def read(url):
    """(the number of queries an anonymous visitor's request for `url` takes, the page)."""
    with CaptureQueriesContext(connection) as captured:
        response = Client().get(url)
    assert response.status_code == 200, url
    return len(captured), response.content


def assert_bounded(urls, grow):
    """Each URL shows more after `grow()` adds content, in as many queries as before, at most
    CEILING."""
    for url in urls:
        read(url)  # the site's own caches (site root paths) are filled once
    before = {url: read(url) for url in urls}
    grow()
    after = {url: read(url) for url in urls}
    for url in urls:
        assert len(after[url][1]) > len(before[url][1]), f"{url} shows no more than before"
    counts = {url: count for url, (count, _) in after.items()}
    assert counts == {url: count for url, (count, _) in before.items()}
    assert max(counts.values()) <= CEILING, counts


def publish(page, summary="Published."):
    revision = page.save_revision()
    ChangeSummary.objects.create(revision=revision, text=summary)
    revision.publish()
    return revision


@pytest.fixture
def membership(home):
    page = MembershipPageFactory(parent=home, slug="membership")
    publish(page)
    return page


def test_home_and_the_procedures_index_with_more_procedures(wiki, membership):
    publish(ProcedurePageFactory(parent=wiki, in_force=True))

    def grow():
        for n in range(15):
            publish(ProcedurePageFactory(parent=wiki, in_force=n % 2 == 0), f"Version {n}.")

    assert_bounded(["/", "/procedures/", "/sitemap.xml", "/changes/", "/changes/feed/"], grow)


def test_a_procedure_with_more_clauses(wiki, membership):
    page = ProcedurePageFactory(parent=wiki, slug="rules", body=[clause_data("One")])
    publish(page)

    def grow():
        page.body = [
            clause_data(f"Clause {n}", subclauses=[(f"Part {n}", "", "<p>Text.</p>")] * 3)
            for n in range(30)
        ]
        publish(page)

    assert_bounded(["/procedures/rules/"], grow)


def test_the_objectives_with_more_objectives(home, membership):
    page = ObjectivesPageFactory(parent=home, slug="objectives", objectives=["To share."])
    publish(page)

    def grow():
        for n in range(20):
            page.objectives.create(text=f"To do thing {n}.", sort_order=n + 1)
        publish(page)

    assert_bounded(["/objectives/"], grow)


def test_meetings_and_an_outcome_with_more_meetings_and_links(home, membership):
    meetings = MeetingIndexPageFactory(parent=home, slug="meetings")
    meeting = MeetingPageFactory(parent=meetings, slug="bali")
    outcome = OutcomePageFactory(parent=meeting, slug="statement")
    wiki = ProcedurePageFactory(parent=home, slug="wiki")  # any page an outcome may lead to
    outcome.led_to = [OutcomeLink(page=wiki)]
    outcome.session = SessionFactory(meeting=meeting, facilitators=[PersonFactory()])
    publish(outcome)

    def grow():
        for n in range(12):
            day = datetime.date(2014 + n, 1, 1)
            MeetingPageFactory(parent=meetings, start_date=day, end_date=day)
        outcome.led_to = [OutcomeLink(page=wiki)] + [
            OutcomeLink(page=ProcedurePageFactory(parent=home)) for _ in range(8)
        ]
        publish(outcome)

    assert_bounded(["/meetings/", "/meetings/bali/statement/"], grow)


def test_membership_and_a_persons_page_with_more_members_and_roles(home, membership):
    person = PersonFactory(name="Amina Example")
    OrganisationFactory()
    steering = SteeringCommitteePageFactory(parent=home, slug="steering-committee")
    steering.seat_terms = [
        SeatTerm(seat="Africa", holder=person, term_start=datetime.date(2014, 1, 1))
    ]
    publish(steering)
    people = f"/membership/people/{person.pk}/"

    def grow():
        for n in range(40):
            OrganisationFactory(region=["africa", "europe", "asia_pacific"][n % 3])
        index = TaskForceIndexPageFactory(parent=home, slug="task-forces")
        for _ in range(6):
            task_force = TaskForcePageFactory(parent=index)
            task_force.convenors.add(person)
            publish(task_force)
        meetings = MeetingIndexPageFactory(parent=home, slug="meetings")
        meeting = MeetingPageFactory(parent=meetings)
        for _ in range(6):
            SessionFactory(meeting=meeting, facilitators=[person])

    assert_bounded(["/membership/", "/membership/?region=africa", people], grow)


def test_the_steering_committee_with_more_seats_and_terms(home, membership):
    page = SteeringCommitteePageFactory(parent=home, slug="steering-committee")
    page.seat_terms = [
        SeatTerm(seat="Africa", holder=PersonFactory(), term_start=datetime.date(2014, 1, 1))
    ]
    publish(page)

    def grow():
        page.seat_terms = [
            SeatTerm(
                seat=f"Seat {n % 8}",
                holder=PersonFactory(),
                term_start=datetime.date(2010 + n // 8 * 2, 1, 1),
                term_end=datetime.date(2012 + n // 8 * 2, 1, 1),
            )
            for n in range(32)
        ]
        publish(page)

    assert_bounded(["/steering-committee/", "/steering-committee/history/"], grow)


def test_task_forces_with_more_task_forces_and_people(home, membership):
    index = TaskForceIndexPageFactory(parent=home, slug="task-forces")
    task_force = TaskForcePageFactory(parent=index, slug="wsis")
    task_force.convenors.add(PersonFactory())
    publish(task_force)

    def grow():
        for n in range(10):
            publish(TaskForcePageFactory(parent=index, status=["active", "closed"][n % 2]))
        task_force.convenors.add(*[PersonFactory() for _ in range(10)])
        task_force.members.add(*[PersonFactory() for _ in range(25)])
        publish(task_force)

    assert_bounded(["/task-forces/", "/task-forces/wsis/"], grow)


def test_an_announced_change_with_more_objections(
    client, procedure, member, committee, django_user_model
):
    task = procedure.get_workflow().tasks.get().specific
    task.notice_days, task.objection_threshold = 7, 100
    task.save()
    client.force_login(member)
    submit(client, procedure, "The announced text.")
    for approver in committee[:2]:
        client.force_login(approver)
        workflow_action(client, procedure, "approve")
    notice = Notice.objects.get()
    for url in ("/changes/upcoming/", "/changes/upcoming/feed/", procedure.url):
        assert read(url)[0] <= CEILING, url

    def grow():
        for n in range(20):
            user = django_user_model.objects.create_user(f"objector{n}")
            Objection.objects.create(
                notice=notice,
                user=user,
                name=f"Objector {n}",
                reason="Not yet.",
                created_at=timezone.now(),
                withdrawn_at=timezone.now() if n % 3 == 0 else None,
            )

    assert_bounded([f"/changes/upcoming/{notice.pk}/"], grow)
