"""Demo content for the network's pages.

The source material names no member organisations, committee members or task forces, so every
organisation and person here is invented, marked `is_example` and shown with an "example" badge.
Real people from the source are created by the meetings demo, in the roles the source gives them.
"""

import datetime

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

from .pages import at, ensure_child, publish_change

EXAMPLE_NOTE = (
    "<p><strong>Demo content:</strong> the entries below marked “example” are invented to show "
    "how this page works; they are not the network's real {}.</p>"
)

EXAMPLE_ORGANISATIONS = [
    # (name, country, region, member since)
    ("Example Digital Rights Forum", "Kenya", Region.AFRICA, datetime.date(2013, 10, 20)),
    ("Example Open Net Collective", "South Africa", Region.AFRICA, datetime.date(2014, 3, 1)),
    ("Example Online Freedom Centre", "Egypt", Region.ARAB_STATES, datetime.date(2013, 10, 20)),
    ("Example Internet Policy Lab", "India", Region.ASIA_PACIFIC, datetime.date(2013, 10, 20)),
    ("Example Rights Online Network", "Indonesia", Region.ASIA_PACIFIC, datetime.date(2014, 1, 15)),
    ("Example Access Alliance", "Brazil", Region.LATIN_AMERICA, datetime.date(2013, 10, 20)),
    ("Example Privacy Watch", "Germany", Region.EUROPE, datetime.date(2014, 2, 1)),
    ("Example Free Expression Project", "Canada", Region.NORTH_AMERICA, datetime.date(2014, 9, 1)),
]

EXAMPLE_PEOPLE = [
    # (name, organisation, country)
    ("Example Person A", "Example Digital Rights Forum", "Kenya"),
    ("Example Person B", "Example Open Net Collective", "South Africa"),
    ("Example Person C", "Example Internet Policy Lab", "India"),
    ("Example Person D", "Example Access Alliance", "Brazil"),
    ("Example Person E", "Example Privacy Watch", "Germany"),
    ("Example Person F", "Example Online Freedom Centre", "Egypt"),
    ("Example Person G", "Example Free Expression Project", "Canada"),
    ("Example Person H", "Example Online Freedom Centre", "Egypt"),
    ("Example Person I", "Example Rights Online Network", "Indonesia"),
    ("Example Person J", "Example Access Alliance", "Brazil"),
]

SEATS = [
    "Africa",
    "Asia and the Pacific",
    "Latin America and the Caribbean",
    "Europe and North America",
    "Arab States",
]
# Two-year terms from 1 January of each year, a holder per seat in the order of SEATS (None: no
# candidate stood), and the seat whose holder chairs. Nobody serves more than two terms in a
# row, as the procedure on the steering committee says.
ELECTIONS = [
    (2014, ("Example Person B", "Example Person C", "Example Person D", "Example Person E",
            "Example Person F"), "Africa"),
    (2016, ("Example Person A", "Example Person C", "Example Person D", "Example Person G",
            None), "Africa"),
    (2018, ("Example Person A", "Example Person I", "Example Person J", "Example Person G",
            "Example Person H"), "Africa"),
    (2020, ("Example Person B", "Example Person I", "Example Person J", "Example Person E",
            "Example Person F"), "Asia and the Pacific"),
    (2022, ("Example Person B", "Example Person C", "Example Person D", "Example Person E",
            "Example Person F"), "Asia and the Pacific"),
    (2024, ("Example Person A", "Example Person C", "Example Person J", "Example Person G",
            "Example Person H"), "Africa"),
    (2026, ("Example Person A", "Example Person I", "Example Person J", "Example Person G",
            None), "Africa"),
]  # fmt: skip
ELECTED = "Elected by the members after an open call for nominations (example)."
RE_ELECTED = "Re-elected by the members (example)."
BY_ELECTION = "Elected in a by-election after the seat fell vacant (example)."
STEPPED_DOWN = "Vacant: its holder stepped down (example)."
NO_CANDIDATE = "Vacant: no candidate stood in the election (example)."


def _term(seat, holder, start, end, how_selected, role=SeatTerm.Role.MEMBER):
    return SeatTerm(
        seat=seat,
        holder=holder,
        role=role,
        term_start=start,
        term_end=end,
        how_selected=how_selected,
    )


def _election(year, people):
    """The terms an election gives: from 1 January `year` for two years."""

    def change(terms):
        holders, chair = next((h, c) for y, h, c in ELECTIONS if y == year)
        start, end = datetime.date(year, 1, 1), datetime.date(year + 2, 1, 1)
        previous = {term.seat: term for term in terms if term.term_end == start}
        for seat, name in zip(SEATS, holders, strict=True):
            if name is None:
                if seat not in previous:  # a vacancy that began earlier simply goes on
                    continue
                terms.append(_term(seat, None, start, None, NO_CANDIDATE))
                continue
            before = previous.get(seat)
            again = before is not None and before.holder_id == people[name].pk
            role = SeatTerm.Role.CHAIR if seat == chair else SeatTerm.Role.MEMBER
            terms.append(
                _term(seat, people[name], start, end, RE_ELECTED if again else ELECTED, role)
            )
        return terms

    return change


def _steps_down(seat, day):
    def change(terms):
        for term in terms:
            if term.seat == seat and term.term_start <= day and (term.term_end or day) >= day:
                term.term_end = day
        terms.append(_term(seat, None, day, None, STEPPED_DOWN))
        return terms

    return change


def _by_election(seat, name, day, end, people):
    def change(terms):
        for term in terms:
            if term.seat == seat and term.holder_id is None and term.term_end is None:
                term.term_end = day
        terms.append(_term(seat, people[name], day, end, BY_ELECTION))
        return terms

    return change


def committee_record(people):
    """The committee page's versions: (when, change to its terms, change summary)."""
    record = [
        (
            at(2013, 12, 15),
            _election(2014, people),
            "The first steering committee, elected by the members for two years from "
            "1 January 2014.",
        ),
        (
            at(2015, 3, 10),
            _steps_down("Arab States", datetime.date(2015, 3, 1)),
            "The Arab States seat is vacant: its holder stepped down on 1 March 2015.",
        ),
        (
            at(2015, 12, 15),
            _election(2016, people),
            "Results of the 2015 election: terms from 1 January 2016 to 1 January 2018. No "
            "candidate stood for the Arab States seat, which stays vacant until a by-election.",
        ),
        (
            at(2016, 6, 1),
            _by_election(
                "Arab States",
                "Example Person H",
                datetime.date(2016, 6, 1),
                datetime.date(2018, 1, 1),
                people,
            ),
            "By-election for the Arab States seat: a term from 1 June 2016 to 1 January 2018.",
        ),
    ]
    for year in (2018, 2020, 2022, 2024):
        record.append(
            (
                at(year - 1, 12, 15),
                _election(year, people),
                f"Results of the {year - 1} election: terms from 1 January {year} to "
                f"1 January {year + 2}.",
            )
        )
    record.append(
        (
            at(2025, 12, 15),
            _election(2026, people),
            "Results of the 2025 election: terms from 1 January 2026 to 1 January 2028. No "
            "candidate stood for the Arab States seat, which is vacant from 1 January 2026.",
        )
    )
    return record


def ensure_example_organisations():
    organisations = {}
    for name, country, region, member_since in EXAMPLE_ORGANISATIONS:
        organisations[name], _ = Organisation.objects.get_or_create(
            name=name,
            defaults={
                "country": country,
                "region": region,
                "member_since": member_since,
                "website": f"https://example.org/{name.lower().replace(' ', '-')}/",
                "is_example": True,
            },
        )
    return organisations


def ensure_example_people(organisations):
    people = {}
    for name, organisation, country in EXAMPLE_PEOPLE:
        people[name], _ = Person.objects.get_or_create(
            name=name,
            defaults={
                "organisation": organisations.get(organisation),
                "country": country,
                "is_example": True,
            },
        )
    return people


def load(home):
    """Create the membership, steering committee and task force pages and their examples."""
    organisations = ensure_example_organisations()
    ensure_example_people(organisations)
    joining = home.get_descendants().filter(slug="joining-the-network").first()
    joining_link = (
        f'<a linktype="page" id="{joining.pk}">Joining the network</a>'
        if joining
        else "Joining the network"
    )
    ensure_child(
        home,
        MembershipPage,
        "membership",
        "How to join, and the member organisations by region and country.",
        at(2013, 10, 22),
        title="Membership",
        show_in_menus=True,
        search_description="Who the members are, by region and country, and how to join.",
        how_to_join=(
            "<p>Civil society organisations working on Internet governance or Internet rights "
            "that endorse the network's agreed statement of objectives may join. The procedure "
            f"{joining_link} says how to apply.</p>" + EXAMPLE_NOTE.format("members")
        ),
    )
    ensure_child(
        home,
        SteeringCommitteePage,
        "steering-committee",
        "The steering committee's page, ready for its first election.",
        at(2013, 10, 22, 12, 30),
        title="Steering committee",
        show_in_menus=True,
        search_description="Who holds which seat on the steering committee, and on which terms.",
        intro=(
            "<p>The steering committee looks after the network between meetings: it approves "
            "changes to the procedures, admits members and convenes task forces.</p>"
            + EXAMPLE_NOTE.format("committee")
        ),
    )
    task_forces, _ = ensure_child(
        home,
        TaskForceIndexPage,
        "task-forces",
        "The task forces the Bali meeting set up, with what they do.",
        at(2013, 11, 15, 9),
        title="Task forces",
        show_in_menus=True,
        search_description="The task forces the network has set up, and what they produced.",
        intro=(
            "<p>The programme of the network's 2013 meeting in Bali set as one of its outputs "
            "the setting up of task forces (as necessary) with the aim of building appropriate "
            "engagement roadmaps.</p>" + EXAMPLE_NOTE.format("task forces")
        ),
    )
    return task_forces


def load_task_forces(task_forces, set_up_at):
    """Two example task forces under `task_forces`, set up at the meeting outcome `set_up_at`."""
    people = {person.name: person for person in Person.objects.filter(is_example=True)}
    ensure_child(
        task_forces,
        TaskForcePage,
        "wsis-10-and-itu-roadmap-example",
        "The task force the Bali meeting set up for the WSIS+10 and ITU roadmap (example).",
        at(2013, 11, 15, 10),
        title="WSIS+10 and ITU Plenipotentiary roadmap (example)",
        search_description="An invented example of an active task force.",
        status=TaskForcePage.Status.ACTIVE,
        mandate=(
            "<p><strong>Example:</strong> build an engagement roadmap for civil society in the "
            "WSIS+10 review and the ITU Plenipotentiary 2014.</p>"
        ),
        set_up_at=set_up_at,
        convenors=[people["Example Person C"], people["Example Person D"]],
        members=[people["Example Person A"], people["Example Person E"]],
    )
    ensure_child(
        task_forces,
        TaskForcePage,
        "igf-evolution-example",
        "The task force the Bali meeting set up to follow the IGF's evolution (example).",
        at(2013, 11, 15, 10, 5),
        title="IGF evolution (example)",
        search_description="An invented example of a closed task force.",
        status=TaskForcePage.Status.ACTIVE,
        mandate=(
            "<p><strong>Example:</strong> follow up the network's positions on the reform and "
            "evolution of the Internet Governance Forum.</p>"
        ),
        set_up_at=set_up_at,
        convenors=[people["Example Person A"], people["Example Person E"]],
    )


def load_history(home, cast):
    """The committee's elections and vacancies, and a task force closing, once, when new."""
    people = {person.name: person for person in Person.objects.filter(is_example=True)}
    committee = SteeringCommitteePage.objects.child_of(home).first()
    if committee is not None and committee.revisions.count() == 1:
        for when, change, summary in committee_record(people):
            committee = SteeringCommitteePage.objects.get(pk=committee.pk)
            committee.seat_terms = change(list(committee.seat_terms.all()))
            publish_change(committee, summary, when, cast, proposer=cast.committee_proposer)
    closed = TaskForcePage.objects.filter(slug="igf-evolution-example").first()
    if closed is not None and closed.revisions.count() == 1:
        closed.status = TaskForcePage.Status.CLOSED
        publish_change(
            closed,
            "Closed: its mandate was done after the 2015 IGF (example).",
            at(2015, 12, 1),
            cast,
            proposer=cast.committee_proposer,
        )
