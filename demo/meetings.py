"""Demo content: the Best Bits 2013 meeting in Bali, as its published programme gave it.

Every line of the programme is here. The programme gives no clock times, so sessions have none;
durations are the ones it gives. The facilitators it names are recorded by name only, as
facilitators of their sessions. The programme's WordPress shortcodes (participants, background
papers, reports) are not content and are left out; those lists stay empty.
"""

import datetime

from meetings.models import (
    MeetingIndexPage,
    MeetingObjective,
    MeetingPage,
    OutcomeLink,
    OutcomePage,
    Session,
)
from network.models import Person, TaskForcePage

from .pages import at, ensure_child, publish_change
from .procedures import OBJECTIVES

BALI_SLUG = "best-bits-2013-bali"
DAY_1 = datetime.date(2013, 10, 19)
DAY_2 = datetime.date(2013, 10, 20)

CONTEXT = (
    "<p>In a year when the confidence of Internet users in the Internet governance status quo "
    "was shattered by revelations of systematic and indiscriminate governance surveillance, "
    "there is a greater need than ever before for civil society organisations engaged on "
    "Internet governance and Internet rights freedom issues to come together to share and "
    "strategise. The 2013 meeting of the Best Bits network will address key issues at the "
    "intersection of Internet policy and human rights, for direct application over the next "
    "twelve months.</p>"
    "<p>Through the shared outputs of this meeting and the indirect benefits of participation, "
    "we expect to empower civil society organisations and individual activists to create more "
    "informed, effective, inclusive and complementary advocacy outcomes, in which the public "
    "interest is better reflected in high-level policy discussions and in the outputs that "
    "these discussions produce. The meeting will also place Best Bits itself on a firmer "
    "institutional footing, in order to enhance its legitimacy as a broad-based civil society "
    "advocacy network and improve its long-term sustainability.</p>"
)


def item(text, duration=None, points=()):
    return ("item", {"text": text, "duration": duration, "points": list(points)})


def questions(texts, note=""):
    return ("questions", {"questions": list(texts), "note": note})


def group(name, brief, expected_output):
    return ("breakout_group", {"name": name, "brief": brief, "expected_output": expected_output})


def output(text, outcome=None, questions=()):
    """An expected output; `outcome` is the slug of the OutcomePage it became."""
    return {"text": text, "outcome": outcome, "questions": list(questions)}


SESSIONS = [
    {
        "day": DAY_1,
        "title": "Welcome, introductions, logistics, and meeting opening",
        "facilitators": ["Jeremy Malcolm"],
    },
    {
        "day": DAY_1,
        "title": "Global Internet governance principles, enhanced cooperation and the IGF",
        "facilitators": ["Parminder Jeet Singh", "Joy Liddicoat"],
        "agenda": [
            item(
                "Outline of session one – group agreement on discussion objectives and proposed "
                "outputs",
                15,
            ),
            item(
                "Understanding Multi-stakeholderism, and bringing out key issues:",
                60,
                [
                    "some of the best bits of MS definitions, and key issues involved:",
                    "facilitated discussion of definitions, and key issues: group discussion "
                    "and, if need be, split into small groups for discussion and report back of "
                    "shared inputs",
                    "summary of these by facilitators",
                ],
            ),
            item("Break", 30),
            item(
                "Developing a shared civil society position on reforms and the evolution of IGF",
                60,
            ),
            questions(
                [
                    "What is the state of the IGF?",
                    "IGF plus – how can IGF with powers to make soft law recommendations work in "
                    "a multi-stakeholder environment?",
                    "How can we ensure the legitimacy and sustainability of the IGF? – "
                    "protecting it from corporate capture, finding a sustainable funding model, "
                    "reaching out to under-represented groups and constituencies.",
                ],
                note="If required, divide into groups of 3 and then report back.",
            ),
            item(
                "Focus on session output: statement to the IGF",
                60,
                [
                    "What is MSism and what are the key issues involved?",
                    "Are there some agreed principles of IGF reform and evolution?.",
                ],
            ),
        ],
        "outputs": [output("Statement to the IGF", "statement-to-the-igf")],
    },
    {"day": DAY_1, "title": "Lunch and networking break", "kind": Session.Kind.BREAK},
    {
        "day": DAY_1,
        "title": "The ITU, the WSIS+10 process and other IG-related spaces",
        "facilitators": ["Joana Varon Ferraz", "Matthew Shears"],
        "agenda": [
            item(
                "Overview of governance themes impacting the WSIS process and the ITU including "
                "enhanced cooperation, surveillance, role of governments and recent initiatives "
                "for progressing Internet governance."
            ),
            item(
                "Visualisation of Internet governance processes towards WSIS+10 and the ITU "
                "Plenipotentiary."
            ),
            item(
                "What next for the Brazilian proposal on operationalising the role of "
                "governments in Internet governance and impact on ITU and WSIS"
            ),
            item(
                "Civil society participation and substantive issues for the ITU Plenipotentiary "
                "2014."
            ),
            item(
                "Civil society participation and substantive issues for the WSIS+10 review and "
                "the Multistakeholder Preparatory Platform."
            ),
            item("Engagement plan for IG"),
        ],
        "outputs": [
            output(
                "Set of draft recommendations based on the following questions:",
                "draft-recommendations",
                [
                    "Looking at the evolving IG landscape what is the relative importance of 1) "
                    "the WSIS+10 process, 2) the ITU WTDC/Plenipotentiary and 3) other IG spaces?",
                    "What are civil society’s key priorities/goals within these issue spaces?",
                    "How (and where) can civil society best focus and build on/achieve those "
                    "priorities?",
                    "What is the best use of civil society’s limited resources and how can they "
                    "be maximized?",
                    "What counts as a ‘win’ and what counts as a ‘loss’ (what are our red lines)?",
                ],
            ),
            output(
                "Setting up of task forces (as necessary) with the aim of building appropriate "
                "engagement roadmaps.",
                "setting-up-of-task-forces",
            ),
        ],
    },
    {
        "day": DAY_2,
        "title": "State surveillance and human rights",
        "facilitators": ["Andrew Puddephatt", "Deborah Brown"],
        "agenda": [
            item("Opening/plenary", 20),
            item("Break into working groups", 45),
            group(
                "Working group 1",
                "A technical/engineering group to look at the feasibility of establishing "
                "technical responses to blanket surveillance eg.",
                "A list of important upcoming standards discussions and RFCs; sketch out a "
                "timeline of more technical meetings where these issues can/should be discussed.",
            ),
            group(
                "Working group 2",
                "A group to work on a series of asks for business",
                "A concrete requests for the private sector- internet companies and telcos- that "
                "would outline what actions from corporations civil society would like to see in "
                "light of surveillance revelations",
            ),
            group(
                "Working group 3",
                "A group focused on the implications for IG processes. (which might pick up on "
                "statements developed on the previous day)",
                "Outcome might be a series of action points/ a working group/ a short statement "
                "aimed at IGF and potentially other bodies. We will have to take our cue on this "
                "one from the previous day, whether it looks like people want to focus on "
                "Brazil2014, IGF, a broader statement that can be repurposed, etc.",
            ),
            item("Report back in plenary", 30),
        ],
    },
    {"day": DAY_2, "title": "Lunch and networking break", "kind": Session.Kind.BREAK},
    {
        "day": DAY_2,
        "title": "Best Bits",
        "facilitators": ["Jeremy Malcolm", "Anja Kovacs"],
        "agenda": [
            item("What are our goals – short presentation and discussion.", 20),
            item("What is the best way to organise the network?", 45),
            item("What working procedures do we need to adhere to?", 45),
            item("Presentation from Web We Want", 20),
            item("Launch and demonstration of new website features.", 20),
            item("Research interest in Best Bits.", 10),
        ],
        "outputs": [
            output("Agreed statement of objectives.", "agreed-statement-of-objectives"),
            output("Procedure wiki.", "procedure-wiki"),
        ],
    },
    {
        "day": DAY_2,
        "title": "Joint Best Bits/Web We Want dinner at Nusa Dua Beach Grill",
        "kind": Session.Kind.BREAK,
        "description": "<p>Own cost of IDR 200.000, transport provided.</p>",
    },
]

BALI_MESSAGE = (
    "<p>Best Bits participants gathered in Bali agreed on these basic principles that should "
    "guide the development of a planned Rio summit on Internet governance:</p>"
    "<ul>"
    "<li>The event should discuss what Internet governance architecture is required to support "
    "an inclusive, people-centric, development-oriented information society. We believe that "
    "this requires at the very minimum that such a structure is democratic, in that it should "
    "be inclusive of all countries and all stakeholders, and that it protects and promotes human "
    "rights.</li>"
    "<li>The full participation of civil society stakeholders in planning and in the meeting "
    "should be guaranteed and resourced.</li>"
    "<li>A strengthened Internet Governance Forum could play a role in the future Internet "
    "governance arrangements to be discussed at the event, and it should be linked with the "
    "CSTD WGEC process as appropriate.</li>"
    "<li>The event should extend beyond speeches and presentations, and modalities should be "
    "developed to allow all stakeholders, including remote participants, to participate on an "
    "equal footing.</li>"
    "</ul>"
)

NOT_YET_ON_RECORD = (
    "<p>The programme gives the questions the session worked from; the final text is not "
    "on record here.</p>"
)

OUTCOMES = [
    # slug, title, kind, date, title of the session that produced it, body, pages it led to
    {
        "slug": "statement-to-the-igf",
        "title": "Statement to the IGF",
        "kind": OutcomePage.Kind.STATEMENT,
        "session": "Global Internet governance principles, enhanced cooperation and the IGF",
        "body": "<p>The statement to the Internet Governance Forum that the session on global "
        "Internet governance principles, enhanced cooperation and the IGF set out to "
        "produce.</p>" + NOT_YET_ON_RECORD,
    },
    {
        "slug": "draft-recommendations",
        "title": "Draft recommendations on the ITU, the WSIS+10 process and other IG spaces",
        "kind": OutcomePage.Kind.RECOMMENDATIONS,
        "session": "The ITU, the WSIS+10 process and other IG-related spaces",
        "body": "<p>The set of draft recommendations that the session on the ITU, the WSIS+10 "
        "process and other IG-related spaces set out to produce.</p>" + NOT_YET_ON_RECORD,
    },
    {
        "slug": "setting-up-of-task-forces",
        "title": "Setting up of task forces",
        "kind": OutcomePage.Kind.TASK_FORCES,
        "session": "The ITU, the WSIS+10 process and other IG-related spaces",
        "body": "<p>Setting up of task forces (as necessary) with the aim of building "
        "appropriate engagement roadmaps.</p>",
        "led_to": "task-forces",
    },
    {
        "slug": "agreed-statement-of-objectives",
        "title": "Agreed statement of objectives",
        "kind": OutcomePage.Kind.OBJECTIVES,
        "date": DAY_2,
        "session": "Best Bits",
        "body": "<p>The network's agreed statement of objectives, an output of the Best Bits "
        "session. The objectives page holds its current text.</p>",
        "led_to": "objectives",
    },
    {
        "slug": "procedure-wiki",
        "title": "Procedure wiki",
        "kind": OutcomePage.Kind.PROCEDURE_WIKI,
        "session": "Best Bits",
        "body": "<p>A wiki of the network's working procedures, an output of the Best Bits "
        "session. The procedures are kept on this site.</p>",
        "led_to": "procedures",
    },
    {
        "slug": "message-from-bali",
        "title": "Message from Best Bits participants in Bali, 20 October 2013",
        "kind": OutcomePage.Kind.MESSAGE,
        "date": DAY_2,
        "body": BALI_MESSAGE,
        "summary": "The message the participants agreed on the meeting's last day.",
    },
]
OUTCOMES_RECORDED = at(2013, 10, 21, 10, 30)


def _link(page, text):
    return f'<a linktype="page" id="{page.pk}">{text}</a>'


def pointers(outcomes):
    """What the record holds on outcomes whose text the programme does not give: where the
    meeting's view is to be read, by slug: (new body, change summary)."""
    message = outcomes["message-from-bali"]
    roadmap = TaskForcePage.objects.filter(slug="wsis-10-and-itu-roadmap-example").first()
    where_roadmap = (
        f"; the {_link(roadmap, 'WSIS+10 and ITU roadmap task force')} carried the work on"
        if roadmap
        else ""
    )
    return {
        "statement-to-the-igf": (
            "<p>The statement to the Internet Governance Forum that the session on global "
            "Internet governance principles, enhanced cooperation and the IGF set out to "
            "produce, working from two questions: what multi-stakeholderism is and which "
            "issues it raises, and whether there are agreed principles of IGF reform and "
            "evolution.</p>"
            + NOT_YET_ON_RECORD
            + "<p>What the participants agreed about the IGF is in the "
            + _link(message, "Message from Best Bits participants in Bali, 20 October 2013")
            + ": a strengthened Internet Governance Forum could play a role in future Internet "
            "governance arrangements, linked with the CSTD WGEC process.</p>",
            "Say what the programme asked of the statement, and point to the Message from "
            "Bali, where the meeting's view on the IGF is.",
        ),
        "draft-recommendations": (
            "<p>The set of draft recommendations that the session on the ITU, the WSIS+10 "
            "process and other IG-related spaces set out to produce: the relative importance "
            "of the WSIS+10 process, the ITU WTDC and Plenipotentiary and other spaces; civil "
            "society's priorities in them; where to focus its limited resources; and what "
            "counts as a win or a loss.</p>"
            + NOT_YET_ON_RECORD
            + "<p>The meeting's principles for the planned Rio summit on Internet governance "
            "are in the "
            + _link(message, "Message from Best Bits participants in Bali")
            + where_roadmap
            + ".</p>",
            "Say what the programme asked of the recommendations, and point to where the "
            "work is on record.",
        ),
    }


def ensure_people(names):
    """The named facilitators, by name only: the programme gives nothing else about them."""
    people = {}
    for name in names:
        people[name] = Person.objects.filter(name=name).order_by("pk").first()
        if people[name] is None:
            people[name] = Person.objects.create(name=name)
    return people


def build_sessions():
    names = {name for spec in SESSIONS for name in spec.get("facilitators", [])}
    people = ensure_people(sorted(names))
    sessions = []
    for position, spec in enumerate(SESSIONS):
        session = Session(
            # Without it PostgreSQL returns the sessions in any order it likes.
            sort_order=position,
            day=spec["day"],
            title=spec["title"],
            kind=spec.get("kind", Session.Kind.SESSION),
            description=spec.get("description", ""),
            agenda=spec.get("agenda", []),
            expected_outputs=[("output", {**o, "outcome": None}) for o in spec.get("outputs", [])],
        )
        session.facilitators = [people[name] for name in spec.get("facilitators", [])]
        sessions.append(session)
    return sessions


def ensure_outcomes(meeting, home):
    """The meeting's outcomes, each linked to its session and to the pages it led to."""
    sessions = {session.title: session for session in meeting.sessions.all()}
    sections = {page.slug: page for page in home.get_children()}
    outcomes = {}
    for spec in OUTCOMES:
        fields = {key: spec[key] for key in ("title", "kind", "body") if key in spec}
        led_to = sections.get(spec.get("led_to"))
        outcomes[spec["slug"]], _ = ensure_child(
            meeting,
            OutcomePage,
            spec["slug"],
            spec.get("summary", f"What the Bali meeting produced: “{spec['title']}”."),
            OUTCOMES_RECORDED + datetime.timedelta(minutes=len(outcomes)),
            date=spec.get("date"),
            session=sessions.get(spec.get("session")),
            led_to=[OutcomeLink(page=led_to)] if led_to else [],
            **fields,
        )
    return outcomes


def link_outputs_to_outcomes(meeting, outcomes, cast):
    """Point each expected output at the outcome it became, and the IGF session at the message
    that holds the meeting's view on the IGF (a new version, published).

    Outcomes are children of the meeting, so this can only happen once both exist.
    """
    outputs_by_session = [spec.get("outputs", []) for spec in SESSIONS]
    sessions = list(meeting.sessions.all())
    for session, outputs in zip(sessions, outputs_by_session, strict=True):
        session.expected_outputs = [
            ("output", {**o, "outcome": outcomes[o["outcome"]]}) for o in outputs
        ]
        if any(o["outcome"] == "statement-to-the-igf" for o in outputs):
            session.description = (
                "<p>After the meeting: what the participants agreed about the IGF is in the "
                + _link(
                    outcomes["message-from-bali"],
                    "Message from Best Bits participants in Bali, 20 October 2013",
                )
                + ".</p>"
            )
    meeting.sessions = sessions
    publish_change(
        meeting,
        "Link each expected output to the outcome it became, and the IGF session to the "
        "Message from Bali.",
        at(2013, 10, 21, 11, 30),
        cast,
    )


def point_to_the_record(outcomes, cast):
    """Outcomes whose text is not on record say what is known and where to read on (once)."""
    for slug, (body, summary) in pointers(outcomes).items():
        outcome = OutcomePage.objects.get(pk=outcomes[slug].pk)
        if outcome.revisions.count() != 1:
            continue
        outcome.body = body
        publish_change(outcome, summary, at(2014, 2, 3), cast)


def load(home, cast):
    """Create the meetings section and the Bali 2013 meeting with its outcomes if missing.

    Returns the outcomes by slug, for the pages that link to them.
    """
    index, _ = ensure_child(
        home,
        MeetingIndexPage,
        "meetings",
        "The network's meetings, starting with the Bali meeting.",
        at(2013, 9, 2),
        title="Meetings",
        show_in_menus=True,
        search_description="The network's meetings: their agendas and what they produced.",
        intro=(
            "<p>The network's meetings, with their programme as it was planned and the "
            "outcomes each one produced.</p>"
        ),
    )
    meeting, created = ensure_child(
        index,
        MeetingPage,
        BALI_SLUG,
        "The programme of the Bali meeting, as published before it.",
        at(2013, 9, 20),
        title="Best Bits 2013 meeting in Bali",
        search_description=(
            "19–20 October 2013, Bali, Indonesia, just before the Internet Governance Forum."
        ),
        start_date=DAY_1,
        end_date=DAY_2,
        location="Bali, Indonesia",
        context=CONTEXT,
        objectives=[MeetingObjective(text=text) for text in OBJECTIVES],
        sessions=build_sessions(),
    )
    outcomes = ensure_outcomes(meeting, home)
    if created:
        link_outputs_to_outcomes(MeetingPage.objects.get(pk=meeting.pk), outcomes, cast)
    return outcomes
