"""Factories for the site's pages. Tests build their own data; they never use the demo content."""

import datetime

import factory
import wagtail_factories

from home.models import HomePage
from meetings.models import MeetingIndexPage, MeetingPage, OutcomePage, Session
from network.models import (
    MembershipPage,
    Organisation,
    Person,
    Region,
    SeatTerm,
    SteeringCommitteePage,
    TaskForceIndexPage,
    TaskForcePage,
)
from procedures.models import Objective, ObjectivesPage, ProcedureIndexPage, ProcedurePage
from statements.models import Signature, SignatureCount, StatementIndexPage, StatementPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Best Bits"
    intro = "<p>A network of civil-society groups.</p>"

    class Meta:
        model = HomePage


class ProcedureIndexPageFactory(wagtail_factories.PageFactory):
    title = "Procedures"
    show_in_menus = True

    class Meta:
        model = ProcedureIndexPage


def clause_data(heading, text="<p>Clause text.</p>", anchor="", subclauses=()):
    """Raw StreamField data for one clause."""
    return {
        "type": "clause",
        "value": {
            "heading": heading,
            "anchor": anchor,
            "text": text,
            "subclauses": [{"heading": h, "anchor": a, "text": t} for h, a, t in subclauses],
        },
    }


class ProcedurePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Procedure {n}")
    summary = "How something is done."
    topic = ProcedurePage.Topic.ORGANISATION
    status = ProcedurePage.Status.PROPOSED
    body = factory.LazyFunction(
        lambda: [
            clause_data("Purpose", "<p>Why this procedure exists.</p>"),
            clause_data(
                "Steps",
                "<p>What happens.</p>",
                subclauses=[("First", "", "<p>One.</p>"), ("Second", "", "<p>Two.</p>")],
            ),
        ]
    )

    class Meta:
        model = ProcedurePage

    class Params:
        in_force = factory.Trait(
            status=ProcedurePage.Status.IN_FORCE, in_force_from=datetime.date(2014, 1, 1)
        )


class ObjectivesPageFactory(wagtail_factories.PageFactory):
    title = "Agreed statement of objectives"
    preamble = "<p>What the network sets out to do.</p>"
    adopted_on = datetime.date(2013, 10, 20)
    show_in_menus = True

    class Meta:
        model = ObjectivesPage
        skip_postgeneration_save = True

    @factory.post_generation
    def objectives(self, create, extracted, **kwargs):
        texts = extracted if extracted is not None else ["To share.", "To strategise."]
        for position, text in enumerate(texts):
            Objective.objects.create(page=self, text=text, sort_order=position)


# The network and its meetings


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    country = "Kenya"
    region = Region.AFRICA
    membership_status = Organisation.MembershipStatus.MEMBER

    class Meta:
        model = Organisation


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Person {n}")

    class Meta:
        model = Person


class MembershipPageFactory(wagtail_factories.PageFactory):
    title = "Membership"
    how_to_join = "<p>Write to the steering committee.</p>"
    show_in_menus = True

    class Meta:
        model = MembershipPage


class SteeringCommitteePageFactory(wagtail_factories.PageFactory):
    title = "Steering committee"
    intro = "<p>Looks after the network between meetings.</p>"
    show_in_menus = True

    class Meta:
        model = SteeringCommitteePage


class SeatTermFactory(factory.django.DjangoModelFactory):
    seat = "Africa"
    holder = factory.SubFactory(PersonFactory)
    role = SeatTerm.Role.MEMBER
    term_start = datetime.date(2014, 1, 1)

    class Meta:
        model = SeatTerm


class TaskForceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Task forces"
    show_in_menus = True

    class Meta:
        model = TaskForceIndexPage


class TaskForcePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Task force {n}")
    mandate = "<p>Build an engagement roadmap.</p>"
    status = TaskForcePage.Status.ACTIVE

    class Meta:
        model = TaskForcePage


class MeetingIndexPageFactory(wagtail_factories.PageFactory):
    title = "Meetings"
    show_in_menus = True

    class Meta:
        model = MeetingIndexPage


class MeetingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Meeting {n}")
    start_date = datetime.date(2013, 10, 19)
    end_date = datetime.date(2013, 10, 20)
    location = "Bali, Indonesia"
    context = "<p>Why we met.</p>"

    class Meta:
        model = MeetingPage


def agenda_item(text, duration=None, points=()):
    """Raw StreamField data for one agenda item."""
    return {"type": "item", "value": {"text": text, "duration": duration, "points": list(points)}}


class SessionFactory(factory.django.DjangoModelFactory):
    meeting = None
    day = datetime.date(2013, 10, 19)
    title = factory.Sequence(lambda n: f"Session {n}")
    agenda = factory.LazyFunction(lambda: [agenda_item("Opening", 20)])

    class Meta:
        model = Session
        skip_postgeneration_save = True

    @factory.post_generation
    def facilitators(self, create, extracted, **kwargs):
        if extracted:
            self.facilitators.set(extracted)
            self.save()


class OutcomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Outcome {n}")
    kind = OutcomePage.Kind.STATEMENT
    body = "<p>What was agreed.</p>"

    class Meta:
        model = OutcomePage


# Joint statements


class StatementIndexPageFactory(wagtail_factories.PageFactory):
    title = "Statements"
    show_in_menus = True

    class Meta:
        model = StatementIndexPage


class StatementPageFactory(wagtail_factories.PageFactory):
    """A statement open for signatures (publish a revision to give it a version)."""

    title = factory.Sequence(lambda n: f"Statement {n}")
    addressees = "The Internet Governance Forum"
    status = StatementPage.Status.OPEN
    opens_on = datetime.date(2013, 10, 20)
    body = "<p>We call for an open and inclusive Internet.</p>"

    class Meta:
        model = StatementPage


class SignatureFactory(factory.django.DjangoModelFactory):
    """A confirmed individual's signature on the statement's live revision."""

    statement = None
    kind = Signature.Kind.INDIVIDUAL
    name = factory.Sequence(lambda n: f"Signer {n}")
    country = "KE"
    region = Region.AFRICA
    email = factory.Sequence(lambda n: f"signer{n}@example.org")
    revision_id = factory.LazyAttribute(lambda o: o.statement.live_revision_id)
    confirmed_at = factory.LazyFunction(lambda: datetime.datetime.now(datetime.UTC))

    class Meta:
        model = Signature
        skip_postgeneration_save = True

    @factory.post_generation
    def counted(self, create, extracted, **kwargs):
        """Counted as the site counts a signature that becomes public."""
        if create and self.is_public:
            SignatureCount.change(self, +1)

    class Params:
        for_organisation = factory.Trait(
            kind=Signature.Kind.ORGANISATION,
            organisation_name=factory.Sequence(lambda n: f"Signing organisation {n}"),
            role="Director",
        )
