"""Demo content for the procedure wiki and the agreed statement of objectives.

The procedures are starting drafts for the network to amend, not rules it adopted; each says so.
The objectives are the six aims of the Best Bits 2013 meeting in Bali.
"""

import datetime

from history.summaries import record_change_summary
from procedures.models import Objective, ObjectivesPage, ProcedureIndexPage, ProcedurePage

from .pages import approve_through_quorum, backdate, ensure_child

DRAFT_NOTE = "Starting draft for the network to amend; not yet adopted."

OBJECTIVES_PREAMBLE = (
    "<p>The 2013 meeting of the Best Bits network in Bali set out to address key issues at the "
    "intersection of Internet policy and human rights, and to place Best Bits itself on a firmer "
    "institutional footing, in order to enhance its legitimacy as a broad-based civil society "
    "advocacy network and improve its long-term sustainability. These are its aims.</p>"
)

OBJECTIVES = [
    "To raise the level of shared understanding about related groups, initiatives and issues and "
    "their political contexts.",
    "To broaden and diversify participation in the initiatives that participants are undertaking "
    "individually or in smaller networks in the areas of Internet governance and Internet and "
    "human rights.",
    "To amplify the voice of global civil society at upcoming multilateral Internet governance "
    "and Internet rights meetings.",
    "To strengthen involvement from civil society from the Global South in particular in global "
    "Internet governance and Internet rights debates and to dissolve North-South divides.",
    "To produce tangible shared civil society outputs addressing pressing current issues that can "
    "be used in advocacy at important upcoming Internet governance and Internet rights events.",
    "To develop an inclusive and sustainable civil society network for Internet governance and "
    "Internet rights issues.",
]


def clause(heading, anchor, text, subclauses=()):
    return (
        "clause",
        {
            "heading": heading,
            "anchor": anchor,
            "text": text,
            "subclauses": [{"heading": h, "anchor": a, "text": t} for h, a, t in subclauses],
        },
    )


PROCEDURES = [
    {
        "slug": "how-the-network-is-organised",
        "title": "How the network is organised",
        "topic": ProcedurePage.Topic.ORGANISATION,
        "summary": f"Who the network is, how it decides, and where its rules live. {DRAFT_NOTE}",
        "body": [
            clause(
                "Status of this draft",
                "status-of-this-draft",
                f"<p>{DRAFT_NOTE} It was written to start the procedure wiki agreed at the Bali "
                "meeting in October 2013; every clause is open to amendment by the members.</p>",
            ),
            clause(
                "Purpose",
                "purpose",
                "<p>Best Bits is a network of civil society organisations and individual "
                "activists working on Internet governance and human rights. It exists to share "
                "and strategise, and to produce joint outputs that carry the public interest into "
                "high-level policy discussions.</p>",
            ),
            clause(
                "Who takes part",
                "who-takes-part",
                "<p>The network is made of its member organisations and the people who take "
                "part on their behalf or as individuals.</p>",
                [
                    (
                        "Openness",
                        "openness",
                        "<p>Anyone who shares the network's objectives may take part in its "
                        "discussions, whether or not they are a member.</p>",
                    ),
                    (
                        "Global South participation",
                        "global-south-participation",
                        "<p>The network actively seeks and supports participation from the "
                        "Global South, in its discussions, its steering committee and its task "
                        "forces.</p>",
                    ),
                ],
            ),
            clause(
                "How decisions are made",
                "how-decisions-are-made",
                "<p>The network decides by rough consensus of those taking part, after an open "
                "call for comment of at least seven days on the network's list.</p>",
                [
                    (
                        "Changing these procedures",
                        "changing-these-procedures",
                        "<p>Any member may propose a change to a procedure in this wiki, with a "
                        "summary of what changes and why. A change takes effect only when a "
                        "quorum of the steering committee has approved it.</p>",
                    ),
                    (
                        "Record of decisions",
                        "record-of-decisions",
                        "<p>Every approved version of a procedure stays on the record, with who "
                        "proposed it, who approved it and when it was in force.</p>",
                    ),
                ],
            ),
            clause(
                "Where the rules live",
                "where-the-rules-live",
                "<p>This wiki is the authoritative text of the network's procedures. Where a "
                "procedure and an older document disagree, the procedure in force prevails.</p>",
            ),
        ],
    },
    {
        "slug": "joining-the-network",
        "title": "Joining the network",
        "topic": ProcedurePage.Topic.MEMBERSHIP,
        "summary": f"Who can join, how to apply and how membership ends. {DRAFT_NOTE}",
        "body": [
            clause(
                "Who can join",
                "who-can-join",
                "<p>Civil society organisations working on Internet governance or Internet "
                "rights that endorse the network's agreed statement of objectives may join. "
                "Individuals may take part in discussions without formal membership.</p>",
            ),
            clause(
                "How to apply",
                "how-to-apply",
                "<p>An organisation applies by writing to the steering committee with its name, "
                "country, website and a short description of its work.</p>",
                [
                    (
                        "Endorsement",
                        "endorsement",
                        "<p>The application states that the organisation endorses the agreed "
                        "statement of objectives.</p>",
                    ),
                    (
                        "Decision",
                        "application-decision",
                        "<p>The steering committee decides within thirty days and publishes the "
                        "new member on the membership page.</p>",
                    ),
                ],
            ),
            clause(
                "Responsibilities of members",
                "responsibilities-of-members",
                "<p>Members take part in good faith, respect the network's procedures and say "
                "when they speak for their own organisation rather than for the network.</p>",
            ),
            clause(
                "Leaving and suspension",
                "leaving-and-suspension",
                "<p>A member may leave at any time by telling the steering committee. A member "
                "that acts against the objectives may be suspended after a hearing.</p>",
            ),
        ],
    },
    {
        "slug": "making-joint-statements",
        "title": "Making joint statements",
        "topic": ProcedurePage.Topic.STATEMENTS,
        "summary": (
            f"How a statement in the network's name is drafted, signed and published. {DRAFT_NOTE}"
        ),
        "body": [
            clause(
                "When the network makes a statement",
                "when-to-make-a-statement",
                "<p>The network makes joint statements to amplify the voice of civil society at "
                "Internet governance and Internet rights meetings, such as its statement to the "
                "Internet Governance Forum.</p>",
            ),
            clause(
                "Drafting",
                "drafting",
                "<p>Any member may propose a statement. Drafting happens in the open, on a "
                "shared document announced to the whole network.</p>",
                [
                    (
                        "Comment period",
                        "comment-period",
                        "<p>A draft is open for comment for at least seven days, or three days "
                        "when a meeting deadline requires it.</p>",
                    ),
                    (
                        "Translation",
                        "translation",
                        "<p>Drafts are translated where volunteers can help, so that members "
                        "who do not work in English can take part.</p>",
                    ),
                ],
            ),
            clause(
                "Signing",
                "signing",
                "<p>Statements are signed by the organisations and individuals that endorse "
                "them; no one signs on behalf of another. The network's name appears only on "
                "statements that reached rough consensus.</p>",
            ),
            clause(
                "Publication",
                "publication",
                "<p>The final text, its signatories and the date are published on this site "
                "with the meeting or process it was addressed to.</p>",
            ),
        ],
    },
    {
        "slug": "steering-committee",
        "title": "The steering committee",
        "topic": ProcedurePage.Topic.STEERING_COMMITTEE,
        "summary": (
            "What the steering committee does, how its members are chosen and how it approves "
            f"changes. {DRAFT_NOTE}"
        ),
        "body": [
            clause(
                "Role",
                "role",
                "<p>The steering committee looks after the network between meetings: it "
                "approves changes to procedures, admits members and convenes task forces. It "
                "does not speak for the network without the network's agreement.</p>",
            ),
            clause(
                "Composition",
                "composition",
                "<p>The committee has seats for each world region and at least half of its "
                "members come from the Global South.</p>",
                [
                    (
                        "Terms",
                        "terms",
                        "<p>Members serve terms of two years and may serve two terms in a row.</p>",
                    ),
                    (
                        "Selection",
                        "selection",
                        "<p>Members are selected by the network after an open call for "
                        "nominations.</p>",
                    ),
                ],
            ),
            clause(
                "Approving changes",
                "approving-changes",
                "<p>A change to a procedure goes live only when at least two committee members, "
                "neither of them its author, have approved the same text.</p>",
            ),
            clause(
                "Transparency",
                "transparency",
                "<p>The committee publishes its decisions, and every approval is recorded with "
                "the change it approved.</p>",
            ),
        ],
    },
    {
        "slug": "task-forces",
        "title": "Task forces",
        "topic": ProcedurePage.Topic.TASK_FORCES,
        "summary": f"How task forces are set up, run and closed. {DRAFT_NOTE}",
        "body": [
            clause(
                "Purpose",
                "purpose",
                "<p>Task forces build engagement roadmaps for particular Internet governance "
                "processes, as agreed at the Bali meeting.</p>",
            ),
            clause(
                "Setting up a task force",
                "setting-up",
                "<p>A task force is set up by a meeting of the network or by the steering "
                "committee, with a written mandate and at least two convenors.</p>",
            ),
            clause(
                "Membership and working methods",
                "working-methods",
                "<p>Any participant may join a task force. Task forces work in the open and "
                "report to the network at least every three months.</p>",
            ),
            clause(
                "Closing a task force",
                "closing",
                "<p>A task force closes when its mandate is done, or when the steering committee "
                "finds it inactive for six months, and its outcomes stay on the record.</p>",
            ),
        ],
    },
]


def load(home):
    """Create the procedure wiki, its starting procedures and the objectives page if missing."""
    wiki, _ = ensure_child(
        home,
        ProcedureIndexPage,
        "procedures",
        title="Procedures",
        show_in_menus=True,
        search_description="The network's working procedures, as a wiki.",
        intro=(
            "<p>The network's working procedures. Any member may propose a change; it goes "
            "live once a quorum of the steering committee has approved it.</p>"
        ),
    )
    for spec in PROCEDURES:
        first = JOINING_HISTORY_START[1] if spec["slug"] == "joining-the-network" else None
        ensure_child(wiki, ProcedurePage, change_summary=first, **spec)
    ensure_child(
        home,
        ObjectivesPage,
        "objectives",
        title="Agreed statement of objectives",
        show_in_menus=True,
        search_description="What the network sets out to do.",
        preamble=OBJECTIVES_PREAMBLE,
        adopted_on=datetime.date(2013, 10, 20),
        objectives=[Objective(text=text) for text in OBJECTIVES],
    )
    return wiki


def link_adoption(home, outcome):
    """Link the objectives page to the meeting outcome where they were agreed.

    Only when no link is set and the page has no unpublished changes, so that an editor's
    choice or draft is never overridden.
    """
    objectives = ObjectivesPage.objects.child_of(home).first()
    if objectives is None or objectives.adopted_at_id or objectives.has_unpublished_changes:
        return
    objectives.adopted_at = outcome
    revision = objectives.save_revision()
    record_change_summary(objectives, "Link the objectives to the Bali outcome that agreed them.")
    revision.publish()


# Approved amendments of "Joining the network", so the demo shows a rule's history.
JOINING_HISTORY_START = (
    datetime.datetime(2013, 10, 21, 10, tzinfo=datetime.UTC),
    "Starting draft, written after the Bali meeting agreed to keep a procedure wiki.",
)


def amend_subclause(raw_clauses, anchor, text):
    """The clauses (raw StreamField data) with the sub-clause at `anchor` reading `text`."""
    clauses = [dict(item) for item in raw_clauses]
    for clause in clauses:
        for sub in clause["value"]["subclauses"]:
            value = sub.get("value", sub)
            if value["anchor"] == anchor:
                value["text"] = text
    return clauses


def _amend_decision_and_add_appeals(clauses):
    for clause in clauses:
        for sub in clause["value"]["subclauses"]:
            value = sub.get("value", sub)
            if value["anchor"] == "application-decision":
                value["text"] = (
                    "<p>The steering committee decides within twenty-one days, gives its reasons "
                    "when it refuses, and publishes the new member on the membership page.</p>"
                )
    clauses.append(
        {
            "type": "clause",
            "value": {
                "heading": "Appeals",
                "anchor": "appeals",
                "text": "<p>An organisation whose application is refused may ask the steering "
                "committee to reconsider, and then the network as a whole.</p>",
                "subclauses": [],
            },
        }
    )
    return clauses


def _put_responsibilities_first(clauses):
    by_anchor = {clause["value"]["anchor"]: clause for clause in clauses}
    responsibilities = by_anchor["responsibilities-of-members"]
    clauses.remove(responsibilities)
    clauses.insert(1, responsibilities)
    who = by_anchor["who-can-join"]["value"]
    who["text"] = who["text"].replace(
        "Civil society organisations", "Civil society organisations and networks of them"
    )
    return clauses


JOINING_AMENDMENTS = [
    (
        datetime.datetime(2014, 3, 1, 12, tzinfo=datetime.UTC),
        "Decide applications within 21 days, give reasons for a refusal, and allow appeals.",
        _amend_decision_and_add_appeals,
    ),
    (
        datetime.datetime(2015, 6, 10, 9, tzinfo=datetime.UTC),
        "Put members' responsibilities first and welcome networks of organisations.",
        _put_responsibilities_first,
    ),
]


def load_history(wiki, proposer=None, approvers=()):
    """Give "Joining the network" a record of approved amendments, once, when it is new.

    With the demo accounts, each amendment goes through the real approval workflow: the
    member proposes it and two committee members approve it. Dates are set in the past so
    that "as of" views have something to show.
    """
    page = ProcedurePage.objects.child_of(wiki).filter(slug="joining-the-network").first()
    if page is None or page.revisions.count() != 1:
        return
    first = page.get_latest_revision()
    when = JOINING_HISTORY_START[0]
    backdate(page, first, when)
    for when, summary, amend in JOINING_AMENDMENTS:
        page = ProcedurePage.objects.get(pk=page.pk)
        page.body = amend([dict(item) for item in page.body.raw_data])
        revision = page.save_revision(user=proposer)
        record_change_summary(page, summary, user=proposer)
        approve_through_quorum(page, revision, proposer, approvers)
        backdate(page, revision, when)
