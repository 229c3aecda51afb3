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

from .pages import ensure_child

EXAMPLE_NOTE = (
    "<p><strong>Demo content:</strong> the entries below marked “example” are invented to show "
    "how this page works; they are not the network's real {}.</p>"
)

EXAMPLE_ORGANISATIONS = [
    # (name, country, region, member since)
    ("Example Digital Rights Forum", "Kenya", Region.AFRICA, datetime.date(2013, 10, 20)),
    ("Example Open Net Collective", "South Africa", Region.AFRICA, datetime.date(2014, 3, 1)),
    ("Example Online Freedom Centre", "Egypt", Region.ARAB_STATES, datetime.date(2014, 6, 1)),
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
]

SELECTED = "Elected by the members after an open call for nominations (example)."
EXAMPLE_SEATS = [
    # (seat, holder or None for a vacancy, role, term start, term end)
    ("Africa", "Example Person B", SeatTerm.Role.CHAIR, (2014, 1, 1), (2016, 1, 1)),
    ("Africa", "Example Person A", SeatTerm.Role.CHAIR, (2016, 1, 1), None),
    ("Asia and the Pacific", "Example Person C", SeatTerm.Role.MEMBER, (2014, 1, 1), None),
    (
        "Latin America and the Caribbean",
        "Example Person D",
        SeatTerm.Role.MEMBER,
        (2014, 1, 1),
        None,
    ),
    ("Europe and North America", "Example Person E", SeatTerm.Role.MEMBER, (2014, 1, 1), None),
    ("Arab States", None, SeatTerm.Role.MEMBER, (2014, 1, 1), None),
]


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
    people = ensure_example_people(organisations)
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
        title="Steering committee",
        show_in_menus=True,
        search_description="Who holds which seat on the steering committee, and on which terms.",
        intro=(
            "<p>The steering committee looks after the network between meetings: it approves "
            "changes to the procedures, admits members and convenes task forces.</p>"
            + EXAMPLE_NOTE.format("committee")
        ),
        seat_terms=[
            SeatTerm(
                seat=seat,
                holder=people[holder] if holder else None,
                role=role,
                term_start=datetime.date(*start),
                term_end=datetime.date(*end) if end else None,
                how_selected=SELECTED,
            )
            for seat, holder, role, start, end in EXAMPLE_SEATS
        ],
    )
    task_forces, _ = ensure_child(
        home,
        TaskForceIndexPage,
        "task-forces",
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
        title="IGF evolution (example)",
        search_description="An invented example of a closed task force.",
        status=TaskForcePage.Status.CLOSED,
        mandate=(
            "<p><strong>Example:</strong> follow up the network's positions on the reform and "
            "evolution of the Internet Governance Forum.</p>"
        ),
        set_up_at=set_up_at,
        convenors=[people["Example Person A"], people["Example Person E"]],
    )
