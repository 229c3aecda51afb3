"""Demo content: joint statements and their (invented) signatories.

The Message from Best Bits participants in Bali becomes a statement, at its URL: on a fresh
site it is built as one; on a site whose demo was loaded before statements existed, the outcome
page is turned into a statement in place (same page, URL, record and links). Its signatories are
invented and marked as examples, from several regions, one of them on the text as first
circulated. One example statement is open, to try signing (the confirmation email is printed
in the `make run` console).
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from wagtail.models import Page, Revision, WorkflowState

from history.record import attributed, public_name
from history.summaries import record_change_summary
from meetings.models import MeetingPage, OutcomePage
from moderation.models import QuorumApprovalTask
from network.models import Organisation
from statements.countries import region_of
from statements.models import Signature, SignatureCount, StatementIndexPage, StatementPage
from statements.signals import signatures_changed

from .meetings import BALI_MESSAGE, BALI_SLUG
from .pages import backdate, ensure_child, publish_change

MESSAGE_SLUG = "message-from-bali"
BALI_TITLE = "Message from Best Bits participants in Bali, 20 October 2013"
BALI_ADDRESSEES = "The organisers of the planned Rio summit on Internet governance"
SIGN_ON_LINE = (
    "<p>Signed by the organisations and individuals listed below, each on its own behalf.</p>"
)


def in_2013(month, day, hour=12):
    return datetime.datetime(2013, month, day, hour, tzinfo=datetime.UTC)


BALI_VERSIONS = [
    # (when, change summary, changes made); the first version is the message as agreed.
    (
        in_2013(10, 22),
        "Add the sign-on line before circulating the message for signatures (example version "
        "for the demo).",
        {"body": None},
    ),
    (
        in_2013(12, 1),
        "Closed for signatures on 30 November 2013, as announced.",
        {"status": StatementPage.Status.CLOSED},
    ),
]

# (kind, organisation or affiliation, name, role, country, day confirmed, on the first text)
BALI_SIGNATORIES = [
    (
        "organisation",
        "Example Digital Rights Forum",
        "Example Signatory Wanjiku",
        "Director",
        "KE",
        in_2013(10, 20, 15),
        True,
    ),
    (
        "organisation",
        "Example Internet Policy Lab",
        "Example Signatory Rohan",
        "Policy lead",
        "IN",
        in_2013(10, 23),
    ),
    (
        "organisation",
        "Example Access Alliance",
        "Example Signatory Beatriz",
        "Coordinator",
        "BR",
        in_2013(10, 24),
    ),
    (
        "organisation",
        "Example Privacy Watch",
        "Example Signatory Jonas",
        "Chair",
        "DE",
        in_2013(10, 25),
    ),
    (
        "organisation",
        "Example Community Radio Network",
        "Example Signatory Kofi",
        "Programme officer",
        "GH",
        in_2013(10, 28),
    ),
    ("individual", "Example University", "Example Signatory Amal", "", "EG", in_2013(10, 23)),
    ("individual", "", "Example Signatory Lucía", "", "MX", in_2013(10, 26)),
    ("individual", "", "Example Signatory Maya", "", "US", in_2013(11, 2)),
    ("individual", "Example Law School", "Example Signatory Siosaia", "", "FJ", in_2013(11, 9)),
]

OPEN_EXAMPLE_SLUG = "example-open-statement"
OPEN_EXAMPLE = {
    "title": "Example statement: keep the Internet Governance Forum open to all",
    "addressees": "The Internet Governance Forum",
    "status": StatementPage.Status.OPEN,
    "body": (
        "<p>This statement is an example, open so that you can try signing on the demo site: "
        "sign it, and the confirmation email is printed in the console.</p>"
        "<p>We call on the Internet Governance Forum to remain open to every stakeholder, with "
        "remote participation on an equal footing.</p>"
    ),
}


def load(home, cast):
    """The statements index, the Bali message as a statement with its signatories, and one open
    example statement; each made once."""
    index, _ = ensure_child(
        home,
        StatementIndexPage,
        "statements",
        "The network's joint statements, with who signed them.",
        in_2013(10, 22, 9),
        title="Joint statements",
        show_in_menus=True,
        search_description="The network's joint statements, and who signed them.",
        intro=(
            "<p>Best Bits speaks through joint statements that organisations and individuals "
            "sign, each on its own behalf. Statements agreed at a meeting are listed with the "
            "meeting too.</p>"
        ),
    )
    ensure_child(
        index,
        StatementPage,
        OPEN_EXAMPLE_SLUG,
        "An example statement, open for signatures so that the demo can be tried.",
        timezone.now() - datetime.timedelta(days=7),
        **OPEN_EXAMPLE,
    )
    meeting = home.get_descendants().type(MeetingPage).filter(slug=BALI_SLUG).first()
    bali = ensure_bali_statement(meeting.specific)
    if not bali.signatures.exists() and len(bali.history().versions) == 1:
        publish_bali_versions(bali, cast)
        sign_bali_statement(bali)
    return bali


def ensure_bali_statement(meeting):
    existing = meeting.get_children().filter(slug=MESSAGE_SLUG).specific().first()
    if isinstance(existing, OutcomePage):
        existing = convert_outcome(existing)
    if existing is not None:
        return existing
    statement, _ = ensure_child(
        meeting,
        StatementPage,
        MESSAGE_SLUG,
        "The message the participants agreed on 20 October 2013, open for signatures.",
        in_2013(10, 20, 14),
        title=BALI_TITLE,
        addressees=BALI_ADDRESSEES,
        status=StatementPage.Status.OPEN,
        opens_on=datetime.date(2013, 10, 20),
        closes_on=datetime.date(2013, 11, 30),
        body=BALI_MESSAGE,
    )
    return StatementPage.objects.get(pk=statement.pk)


def convert_outcome(outcome):
    """Turn an outcome page into a statement in place: the same page (id, URL, record, and the
    links to it), with its text and its first version; the outcome's own row goes."""
    page_fields = {field.attname: getattr(outcome, field.attname) for field in Page._meta.fields}
    body = outcome.body
    content_type = ContentType.objects.get_for_model(StatementPage)
    # Rows that point at the page by its specific type move to the statement first, so that
    # deleting the outcome's own row does not take them along.
    Revision.page_revisions.filter(object_id=str(outcome.pk)).update(content_type=content_type)
    WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id=str(outcome.pk)
    ).update(content_type=content_type)
    models.Model.delete(outcome, keep_parents=True)
    statement = StatementPage(
        **page_fields,
        page_ptr_id=page_fields["id"],
        addressees=BALI_ADDRESSEES,
        status=StatementPage.Status.OPEN,
        opens_on=datetime.date(2013, 10, 20),
        closes_on=datetime.date(2013, 11, 30),
        body=body,
    )
    statement.save_base(raw=True)
    Page.objects.filter(pk=statement.pk).update(content_type=content_type)
    statement = StatementPage.objects.get(pk=statement.pk)
    backdate(statement, statement.live_revision, in_2013(10, 20, 14))
    return statement


def publish_bali_versions(statement, cast):
    for when, summary, changes in BALI_VERSIONS:
        statement = StatementPage.objects.get(pk=statement.pk)
        for field, value in changes.items():
            setattr(statement, field, value if value is not None else BALI_MESSAGE + SIGN_ON_LINE)
        if not notice_period_applies():
            publish_change(statement, summary, when, cast)
            continue
        # A site whose demo predates statements: these 2013 versions predate its notice
        # period, so they are put on the record as the quorum approved them then.
        revision = statement.save_revision(user=cast.proposer)
        record_change_summary(statement, summary, user=cast.proposer)
        names = {"approved_by": tuple(public_name(user) for user in cast.approvers)}
        with attributed(proposed_by=public_name(cast.proposer), **names):
            revision.publish()
        backdate(statement, revision, when)


def notice_period_applies():
    task = QuorumApprovalTask.objects.first()
    return bool(task and task.notice_days)


def sign_bali_statement(statement):
    versions = statement.text_versions()
    first_text = versions.first_version(1).revision_id
    current_text = versions.first_version(versions.current).revision_id
    members = {o.name: o for o in Organisation.objects.members()}
    for kind, organisation, name, role, country, when, *first in BALI_SIGNATORIES:
        Signature.objects.create(
            statement=statement,
            kind=kind,
            organisation_name=organisation,
            name=name,
            role=role,
            country=country,
            region=region_of(country),
            email=f"{name.split()[-1].lower()}@example.org",
            revision_id=first_text if first else current_text,
            # Asked in 2013 to sign the new text; the demo does not ask again.
            asked_to_reconfirm_id=current_text if first else None,
            organisation=members.get(organisation) if kind == "organisation" else None,
            signed_at=when,
            confirmed_at=when,
            review=Signature.Review.APPROVED,
            is_example=True,
        )
    SignatureCount.rebuild(statement)
    # Created as they stood in 2013, not through Signature's methods: say what those would.
    signatures_changed.send(sender=Signature, statement_id=statement.pk)
