"""A small network on record for the open data tests: public pages that show people,
organisations, seats, task forces, a meeting and versions of a procedure; and, beside them, a
draft, an unpublished and a private page, each naming someone no public page names."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from history.models import ChangeSummary
from history.record import attributed
from network.models import Organisation, Region, SeatTerm
from pagecache.generation import page_cache
from tests.factories import (
    MeetingIndexPageFactory,
    MeetingPageFactory,
    MembershipPageFactory,
    OrganisationFactory,
    PersonFactory,
    ProcedurePageFactory,
    SeatTermFactory,
    SessionFactory,
    SteeringCommitteePageFactory,
    TaskForceIndexPageFactory,
    TaskForcePageFactory,
    clause_data,
)

from .popolo_schemas import load_validators

# Words that only the hidden pages (and the people only they name) contain.
HIDDEN = ("DRAFTWORD", "UNPUBLISHEDWORD", "PRIVATEWORD", "APPLICANTWORD")


@pytest.fixture(autouse=True)
def fresh_cache():
    """Cached data is keyed on the database's state, which a rolled-back test can repeat."""
    page_cache().clear()
    yield
    page_cache().clear()


@pytest.fixture(scope="session")
def popolo_validators():
    return load_validators()


def at(year, month, day, hour=12):
    return datetime.datetime(year, month, day, hour, tzinfo=datetime.UTC)


def publish(page, when, summary="", proposed_by="", approved_by=()):
    """Publish `page` as it is now, on the record as approved by `approved_by`."""
    revision = page.save_revision()
    if summary:
        ChangeSummary.objects.create(revision=revision, text=summary)
    with attributed(at=when, proposed_by=proposed_by, approved_by=tuple(approved_by)):
        revision.publish()
    return revision


@pytest.fixture
def joining(wiki):
    """A procedure with three approved versions (2013, 2014, 2015) and a draft after them."""
    page = ProcedurePageFactory(
        parent=wiki, title="Joining the network", slug="joining-the-network", live=False, body=[]
    )
    versions = []
    for year, clauses, summary in (
        (2013, [("Who can join", "<p>Organisations that share the objectives.</p>")], "First."),
        (
            2014,
            [
                ("Who can join", "<p>Organisations that share the objectives.</p>"),
                ("Applying", "<p>Write to the <b>steering committee</b>.</p>"),
            ],
            "Say how to apply.",
        ),
        (
            2015,
            [
                ("Who can join", "<p>Organisations and networks that share them.</p>"),
                ("Applying", "<p>Write to the <b>steering committee</b>.</p>"),
            ],
            "Welcome networks.",
        ),
    ):
        page.body = [clause_data(heading, text) for heading, text in clauses]
        page.status = "in_force"
        page.in_force_from = datetime.date(2013, 10, 21)
        versions.append(
            publish(
                page,
                at(year, 3, 1),
                summary,
                proposed_by="Ada Proposer",
                approved_by=("Bea Approver", "Cy Approver"),
            )
        )
    page.body = [clause_data("Who can join", "<p>A DRAFTWORD nobody approved.</p>")]
    page.save_revision()
    page.refresh_from_db()
    return page, versions


@pytest.fixture
def network(home, wiki, joining):
    """The public pages, and the hidden ones beside them."""
    membership = MembershipPageFactory(parent=home, slug="membership")
    kenya = OrganisationFactory(
        name="Kenya Rights Forum",
        country="Kenya",
        region=Region.AFRICA,
        website="https://example.org/krf/",
        member_since=datetime.date(2013, 10, 20),
        is_example=True,
    )
    OrganisationFactory(
        name="Applicant APPLICANTWORD",
        membership_status=Organisation.MembershipStatus.APPLIED,
    )
    committee = SteeringCommitteePageFactory(parent=home, slug="steering-committee")
    chair = PersonFactory(name="Chidi Chair", is_example=True)
    chair_term = SeatTermFactory(
        page=committee,
        seat="Africa",
        holder=chair,
        role=SeatTerm.Role.CHAIR,
        term_start=datetime.date(2014, 1, 1),
        term_end=datetime.date(2016, 1, 1),
    )
    SeatTermFactory(
        page=committee, seat="Arab States", holder=None, term_start=datetime.date(2014, 1, 1)
    )

    forces = TaskForceIndexPageFactory(parent=home, slug="task-forces")
    convenor, member = PersonFactory(name="Cora Convenor"), PersonFactory(name="Milo Member")
    task_force = TaskForcePageFactory(
        parent=forces, title="Roadmap task force", convenors=[convenor], members=[member]
    )
    meetings = MeetingIndexPageFactory(parent=home, slug="meetings")
    meeting = MeetingPageFactory(
        parent=meetings,
        slug="bali",
        title="Meeting in Bali",
        venue="Nusa Dua",
        participants=[member],
    )
    facilitator = PersonFactory(name="Fay Facilitator")
    session = SessionFactory(
        meeting=meeting,
        title="Surveillance",
        start_time=datetime.time(9, 30),
        facilitators=[facilitator],
    )

    # Hidden: a draft (never published), an unpublished and a private page, each naming a
    # person no public page names.
    TaskForcePageFactory(
        parent=forces,
        title="DRAFTWORD task force",
        live=False,
        convenors=[PersonFactory(name="DRAFTWORD Person")],
    )
    unpublished = TaskForcePageFactory(
        parent=forces,
        title="UNPUBLISHEDWORD task force",
        convenors=[PersonFactory(name="UNPUBLISHEDWORD Person")],
    )
    publish(unpublished, at(2014, 5, 1), "Set up.")
    unpublished.unpublish()
    private = MeetingPageFactory(
        parent=meetings,
        slug="private",
        title="PRIVATEWORD meeting",
        participants=[PersonFactory(name="PRIVATEWORD Person")],
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    draft_rule = ProcedurePageFactory(parent=wiki, title="DRAFTWORD rule", live=False)
    draft_rule.save_revision()
    unpublished_rule = ProcedurePageFactory(parent=wiki, title="UNPUBLISHEDWORD rule")
    publish(unpublished_rule, at(2014, 6, 1), "UNPUBLISHEDWORD version.")
    unpublished_rule.unpublish()
    private_rule = ProcedurePageFactory(parent=wiki, title="PRIVATEWORD rule", slug="private-rule")
    publish(private_rule, at(2014, 7, 1), "PRIVATEWORD version.")
    PageViewRestriction.objects.create(
        page=private_rule, restriction_type=PageViewRestriction.LOGIN
    )
    return {
        "membership": membership,
        "kenya": kenya,
        "committee": committee,
        "chair": chair,
        "chair_term": chair_term,
        "task_force": task_force,
        "convenor": convenor,
        "member": member,
        "meeting": meeting,
        "session": session,
        "facilitator": facilitator,
        "joining": joining[0],
        "versions": joining[1],
        "unpublished_rule": unpublished_rule,
        "private_rule": private_rule,
        "draft_rule": draft_rule,
    }
