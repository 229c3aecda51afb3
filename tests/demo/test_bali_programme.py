"""The demo's Bali 2013 meeting, checked against the programme it was built from."""

import re

import pytest
from django.core.management import call_command
from pytest_django.asserts import assertInHTML
from wagtail.models import Locale, Page

from meetings.models import MeetingPage, OutcomePage, Session
from network.models import MembershipPage, Organisation, Person, SeatTerm
from procedures.models import ObjectivesPage
from statements.models import Signature, StatementPage
from tests.html import parse, text
from tests.shared_files import not_found_reason, shared_file

SEED = shared_file("seed", "bestbits-2013.txt")
needs_seed = pytest.mark.skipif(
    SEED is None, reason="the seed programme: " + not_found_reason("seed", "bestbits-2013.txt")
)

# The programme's sessions and facilitators, kept here so the check runs without the seed too.
SESSIONS = [
    ("Welcome, introductions, logistics, and meeting opening", ["Jeremy Malcolm"]),
    (
        "Global Internet governance principles, enhanced cooperation and the IGF",
        ["Parminder Jeet Singh", "Joy Liddicoat"],
    ),
    ("Lunch and networking break", []),
    (
        "The ITU, the WSIS+10 process and other IG-related spaces",
        ["Joana Varon Ferraz", "Matthew Shears"],
    ),
    ("State surveillance and human rights", ["Andrew Puddephatt", "Deborah Brown"]),
    ("Lunch and networking break", []),
    ("Best Bits", ["Jeremy Malcolm", "Anja Kovacs"]),
    ("Joint Best Bits/Web We Want dinner at Nusa Dua Beach Grill", []),
]
SHORTCODE_MARKS = ["[participants", "[backgroundpapers", "[eventreports", "event="]
FACILITATORS_LINE = re.compile(r"^Facilitators?: (?P<names>.+), background documents$")


@pytest.fixture
def demo(demo_content, db):
    """Each test runs in its own savepoint inside the module's demo transaction."""


def visible_text(response):
    """The text a reader sees in the page's main part, whitespace collapsed, words kept apart
    where tags separate them, for comparing with the programme."""
    return " ".join(parse(response).main.get_text(" ").split())


def session_sections(response):
    """[(session title, session section)] for every session on a meeting page, in page order."""
    return [(text(section.h3), section) for section in parse(response).select("section.session")]


def test_meeting_page_shows_every_session_with_its_facilitators(demo, client):
    meeting = MeetingPage.objects.get(slug="best-bits-2013-bali")
    response = client.get(meeting.url)
    people = {p.name: p for p in Person.objects.all()}
    membership = MembershipPage.objects.get()

    sections = session_sections(response)

    assert [title for title, _ in sections] == [title for title, _ in SESSIONS]
    for (title, section), (_, names) in zip(sections, SESSIONS, strict=True):
        for name in names:
            link = f'<a href="{membership.url}people/{people[name].pk}/">{name}</a>'
            assertInHTML(link, str(section), msg_prefix=f"{title}: {name}")
        assert ("Facilitator" in text(section)) == bool(names), title


@needs_seed
def test_sessions_and_facilitators_match_the_seed():
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    from_seed = []
    for index, line in enumerate(lines):
        match = FACILITATORS_LINE.match(line)
        if match:
            from_seed.append((lines[index - 1], match["names"].split(" and ")))
    # The opening session names its host on a line of their own, without "Facilitator:".
    opening = lines.index(SESSIONS[0][0])
    from_seed.insert(0, (lines[opening], [lines[opening + 1]]))

    assert from_seed == [(title, names) for title, names in SESSIONS if names]
    for title, _ in SESSIONS:
        assert title in "\n".join(lines)


def seed_fragments(line):
    """The pieces of one programme line a reader should find, minus labels the page restyles."""
    line = re.sub(r"^- ?", "", line.strip())
    line = re.sub(r", background documents$", "", line)
    is_facilitators = bool(re.match(r"^Facilitators?:", line))
    line = re.sub(
        r"^(Facilitators?:|Output:?|Potential output from group \d:|Discussion questions:-)\s*",
        "",
        line,
    )
    line = re.sub(r"\s*[\[(]\d+ (?:mins?|hours?)[\])]$", "", line)  # durations become badges
    pieces = re.split(r"\s*\((own cost[^)]*)\)", line)  # the dinner's practical note
    if is_facilitators:
        pieces = line.split(" and ")
    return [piece.strip() for piece in pieces if piece.strip()]


@needs_seed
def test_every_line_of_the_seed_is_on_the_meeting_or_its_outcomes(demo, client):
    meeting = MeetingPage.objects.get(slug="best-bits-2013-bali")
    pages = [meeting, *meeting.outcomes()]
    shown = " ".join(visible_text(client.get(page.url)) for page in pages)
    missing = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("[") or line in {"Background papers", "Reports"}:
            continue  # shortcodes, and the headings that only introduced them
        missing += [f for f in seed_fragments(line) if f.casefold() not in shown.casefold()]
    assert missing == []


def test_durations_from_the_programme_are_shown(demo, client):
    meeting = MeetingPage.objects.get(slug="best-bits-2013-bali")
    shown = visible_text(client.get(meeting.url))
    assert (
        "Outline of session one – group agreement on discussion objectives and proposed "
        "outputs 15 min" in shown
    )
    assert "Break 30 min" in shown
    assert "Report back in plenary 30 min" in shown
    assert "Research interest in Best Bits. 10 min" in shown
    # The programme gives no clock times, so none are invented.
    assert not Session.objects.exclude(start_time=None).exists()


def test_bali_message_is_published_in_full(demo, client):
    message = StatementPage.objects.get(slug="message-from-bali")
    shown = visible_text(client.get(message.url))
    assert message.title == "Message from Best Bits participants in Bali, 20 October 2013"
    assert len(parse(message.body).select("li")) == 4
    assert "participate on an equal footing." in shown
    assert "linked with the CSTD WGEC process as appropriate." in shown


def test_outputs_lead_to_their_outcomes_and_on(demo, client):
    meeting = MeetingPage.objects.get(slug="best-bits-2013-bali")
    soup = parse(client.get(meeting.url))
    for slug, output in [
        ("statement-to-the-igf", "Statement to the IGF"),
        ("draft-recommendations", "Set of draft recommendations"),
        ("setting-up-of-task-forces", "Setting up of task forces"),
        ("agreed-statement-of-objectives", "Agreed statement of objectives."),
        ("procedure-wiki", "Procedure wiki."),
    ]:
        # The outputs' own links: the list of outcomes links some of them under the same words.
        links = soup.select(f'.expected-outputs a[href="{meeting.url}{slug}/"]')
        assert any(text(link).startswith(output) for link in links), slug

    objectives = ObjectivesPage.objects.get(locale=Locale.get_default())
    assert objectives.adopted_at.slug == "agreed-statement-of-objectives"
    outcome_page = parse(client.get(objectives.adopted_at.url))
    # Within the article: the site's navigation links the objectives on every page.
    assert outcome_page.select_one(f'article a[href="{objectives.url}"]') is not None


def test_no_shortcode_text_on_any_page(demo, client):
    urls = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
    membership = MembershipPage.objects.get()
    urls += [f"{membership.url}people/{pk}/" for pk in Person.objects.values_list("pk", flat=True)]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert not [mark for mark in SHORTCODE_MARKS if mark in body], url


def test_invented_people_and_organisations_are_marked_as_examples(demo, client):
    real = {name for _, names in SESSIONS for name in names}
    for person in Person.objects.all():
        assert person.is_example == (person.name not in real), person.name
        if not person.is_example:  # real people: by name only, in the roles the source gives
            assert person.organisation is None and person.country == ""
            assert not person.seat_terms.exists() and not person.convened_task_forces.exists()
    assert Organisation.objects.exists()
    assert not Organisation.objects.filter(is_example=False).exists()

    terms = SeatTerm.objects.all()
    assert terms.filter(holder=None).exists()  # a vacant seat
    assert all(term.holder.is_example for term in terms.exclude(holder=None))
    steering = client.get(terms.first().page.url)
    assert "Past holders" in steering.content.decode()
    assert parse(steering).select_one(".badge--example") is not None


def demo_state():
    return (
        list(Person.objects.order_by("pk").values_list("pk", "name")),
        list(Organisation.objects.order_by("pk").values_list("pk", "name")),
        list(SeatTerm.objects.order_by("pk").values_list("pk", "seat", "holder_id")),
        [
            (s.pk, s.title, s.agenda.raw_data[:], s.expected_outputs.raw_data[:])
            for s in Session.objects.order_by("pk")
        ],
        list(ObjectivesPage.objects.values_list("adopted_at_id", flat=True)),
        list(Signature.objects.order_by("pk").values_list("pk", "name", "revision_id")),
        list(StatementPage.objects.order_by("pk").values_list("pk", "latest_revision_id")),
    )


def test_running_the_demo_again_changes_nothing(demo):
    before = demo_state()
    call_command("load_demo", verbosity=0)
    assert demo_state() == before


def test_an_editors_choice_of_adoption_outcome_is_kept(demo):
    objectives = ObjectivesPage.objects.get(locale=Locale.get_default())
    message = OutcomePage.objects.get(slug="statement-to-the-igf")
    objectives.adopted_at = message
    objectives.save_revision().publish()

    call_command("load_demo", verbosity=0)

    assert ObjectivesPage.objects.get(locale=Locale.get_default()).adopted_at == message


def test_the_bali_message_is_a_closed_statement_signed_from_every_region(demo, client):
    message = StatementPage.objects.get(slug="message-from-bali")
    assert message.url == "/meetings/best-bits-2013-bali/message-from-bali/"
    meeting = parse(client.get("/meetings/best-bits-2013-bali/"))
    assert message.url in [a["href"] for a in meeting.select("#outcomes a")]

    page = parse(client.get(message.url))

    assert "Closed" in text(page.select_one(".standing"))
    assert "no longer takes signatures" in text(page.select_one("#sign"))
    counts = {
        text(row.th): int(text(row.select("td")[-1]))
        for row in page.select("#signatories table tbody tr")
    }
    assert all(counts.values()) and sum(counts.values()) == 9
    signatories = page.select("#signatories .signatories > li")
    assert all(li.select_one(".badge--example") for li in signatories)
    earlier = [text(li.strong) for li in signatories if li.select_one(".badge--version")]
    assert earlier == ["Example Digital Rights Forum"]
    assert "8 of 9 signed the current text (version 2)" in text(page.select_one("#signatories"))
    assert len(message.history().versions) == 3


def test_the_open_example_statement_takes_signatures(demo, client):
    statement = StatementPage.objects.get(slug="example-open-statement")

    page = parse(client.get(statement.url))

    assert page.select_one("form.sign-form") is not None
    assert statement.get_parent().url == "/statements/"


def test_past_versions_say_when_the_decision_period_was_thirty_days(demo, any_backend, client):
    joining = Page.objects.get(locale=Locale.get_default(), slug="joining-the-network").specific
    v1, v2, _ = joining.history().versions

    response = client.get("/search/", {"query": '"thirty days"', "versions": "past"})

    [clause] = parse(response).select(".search-clause")
    assert text(clause.select_one(".search-hit__title")) == "§3.2 Decision"
    said, now = [text(line) for line in clause.select(".search-wording")]
    assert "from 21 October 2013 to 1 March 2014 (version 1)" in said
    assert now.startswith("Since version 2 it says “The steering committee decides within")
    assert "twenty-one days" in now
    diff = clause.find("a", string="Where it changed (version 2)")
    assert diff["href"] == joining.subpage_url("history_diff", v1.revision_id, v2.revision_id)
    assert "twenty-one" in client.get(diff["href"]).content.decode()


def test_a_phrase_inside_a_demo_background_paper_finds_it_and_its_session(
    demo, any_backend, client
):
    response = client.get("/search/", {"query": '"multistakeholder working group"', "in": "papers"})

    [paper] = parse(response).select(".search-paper")
    assert text(paper.select_one(".search-hit__title")).startswith("Example background paper")
    assert text(paper.select_one(".search-hit__part")) == "Page 2"
    session = Session.objects.get(title__startswith="Global Internet governance principles")
    place = paper.find("a", href=f"{session.meeting.url}#{session.anchor}")
    assert text(place) == f"Best Bits 2013 meeting in Bali · Session: {session.title}"
