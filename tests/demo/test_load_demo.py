"""`manage.py load_demo` builds the demo site and is safe to run again (what it does to a site
that has content or accounts already: test_demo_loader.py)."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page, Revision, Site

from home.models import HomePage
from procedures.models import ObjectivesPage, ProcedurePage
from tests.html import parse, text


def snapshot():
    """Every page with the content a visitor would see, and the revision count."""
    pages = [
        (p.pk, p.path, p.title, p.slug, p.live, p.latest_revision_id)
        for p in Page.objects.order_by("path")
    ]
    procedures = [
        (p.pk, p.summary, p.body.raw_data[:]) for p in ProcedurePage.objects.order_by("pk")
    ]
    return pages, procedures, Revision.objects.count()


@pytest.fixture
def demo(demo_content, db):
    """The demo, loaded once for this module (`demo_content`); each test in a savepoint."""


def test_builds_the_site_with_procedures_and_objectives(demo, client):
    home = HomePage.objects.get(locale=Locale.get_default())
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert ProcedurePage.objects.live().count() >= 5

    objectives = ObjectivesPage.objects.get(locale=Locale.get_default())
    texts = [o.text for o in objectives.objectives.all()]
    assert len(texts) == 6
    assert texts[0].startswith("To raise the level of shared understanding")
    assert texts[3].startswith("To strengthen involvement from civil society from the Global South")
    assert objectives.adopted_on.isoformat() == "2013-10-20"

    # Every page answers for an anonymous visitor and is reachable from the home page.
    home_page = parse(client.get("/"))
    for page in Page.objects.live().filter(depth__gt=1).specific():
        assert client.get(page.url).status_code == 200, page.url
    for section in ("/procedures/", "/objectives/"):
        assert home_page.select_one(f'a[href="{section}"]') is not None, section


def test_running_twice_changes_nothing(demo):
    before = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == before


def test_keeps_what_editors_changed(demo):
    procedure = ProcedurePage.objects.get(locale=Locale.get_default(), slug="joining-the-network")
    procedure.title = "Becoming a member"
    procedure.save_revision().publish()
    ProcedurePage.objects.get(locale=Locale.get_default(), slug="task-forces").delete()

    call_command("load_demo", verbosity=0)

    joining = ProcedurePage.objects.get(locale=Locale.get_default(), slug="joining-the-network")
    assert joining.title == "Becoming a member"
    # A page an editor deleted is recreated, since the demo promises the starting procedures.
    assert ProcedurePage.objects.filter(locale=Locale.get_default(), slug="task-forces").exists()


def test_demo_procedure_has_an_approved_history(demo, client):
    from history.versions import PageHistory
    from moderation.models import QuorumDecision

    procedure = ProcedurePage.objects.get(locale=Locale.get_default(), slug="joining-the-network")
    versions = PageHistory(procedure.pk).versions
    assert len(versions) == 3
    assert all(v.summary for v in versions)
    assert [v.published_at.year for v in versions] == [2013, 2014, 2015]
    assert versions[1].proposed_by == "Example Member"
    assert len(versions[2].approved_by) == 2
    assert (
        QuorumDecision.objects.filter(
            decision="approve", revision__object_id=str(procedure.pk)
        ).count()
        == 4
    )
    html = client.get(f"{procedure.url}as-of/2014-06-01/").content.decode()
    assert "version 2" in html and "twenty-one days" in html


def test_the_demo_has_a_change_in_its_notice_period(demo, client):
    from notice.models import Notice

    notice = Notice.objects.get()
    assert notice.status == Notice.Status.WAITING
    assert notice.page.slug == "making-joint-statements"
    assert notice.objections.count() == 1
    upcoming = client.get("/changes/upcoming/").content.decode()
    assert "Making joint statements" in upcoming
    page = client.get(notice.page.url).content.decode()
    assert "takes effect at 00:00" in page


def test_procedures_show_every_status_with_real_dates(demo, client):
    status = {p.slug: p for p in ProcedurePage.objects.all()}
    assert status["joining-the-network"].standing == "In force since 1 March 2014"
    assert status["making-joint-statements"].standing.startswith("Proposed: not yet adopted")
    assert status["interim-steering-group"].standing.startswith("Superseded")
    home = parse(client.get("/"))
    recent = text(home.select_one("#recent-heading").find_parent("section"))
    assert "changed 10 June 2015" in recent and "2026" not in recent


def test_the_committee_and_the_objectives_answer_for_2014_and_2015(demo, client):
    committee = parse(client.get("/steering-committee/as-of/2015-06-01/"))
    seats = {
        text(row.th): text(row)
        for row in committee.select("table.seats tbody tr")
        if row.th is not None
    }
    assert "Example Person B" in seats["Africa"] and "Chair" in seats["Africa"]
    assert "1 January 2014 to 1 January 2016" in seats["Africa"]
    assert "Vacant" in seats["Arab States"] and "since 1 March 2015" in seats["Arab States"]
    assert client.get("/objectives/as-of/2014-06-01/").status_code == 200

    # Today every seat held has a term that ends, and the vacancy says since when.
    today = parse(client.get("/steering-committee/"))
    rows = [row for row in today.select("table.seats tbody tr") if row.th is not None]
    held = [text(row) for row in rows if "Vacant" not in text(row)]
    assert held and all(" to " in row for row in held)
    assert any("Vacant" in text(row) and "since" in text(row) for row in rows)


def test_every_version_on_the_record_has_a_change_summary(demo, client):
    from history.models import RecordEntry

    assert not RecordEntry.objects.filter(summary="").exists()
    assert "No change summary" not in client.get("/changes/").content.decode()


def test_outcomes_without_text_point_to_the_message_from_bali(demo, client):
    message = Page.objects.get(slug="message-from-bali")
    for slug in ("statement-to-the-igf", "draft-recommendations"):
        outcome = parse(client.get(Page.objects.get(slug=slug).url))
        assert outcome.article.select_one(f'a[href="{message.url}"]') is not None, slug
    meeting = parse(client.get("/meetings/best-bits-2013-bali/"))
    igf = next(
        section
        for section in meeting.select("section.session")
        if "enhanced cooperation and the IGF" in text(section.h3 or section)
    )
    assert igf.select_one(f'a[href="{message.url}"]') is not None
