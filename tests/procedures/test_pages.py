import pytest
from pytest_django.asserts import assertContains
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from procedures.models import ObjectivesPage, ProcedureIndexPage, ProcedurePage
from tests.factories import ObjectivesPageFactory, ProcedurePageFactory, clause_data
from tests.html import listing_groups, parse


class TestPageTypeRules(WagtailPageTestCase):
    def test_procedures_live_only_in_the_wiki(self):
        self.assertAllowedParentPageTypes(ProcedurePage, {ProcedureIndexPage})
        self.assertAllowedSubpageTypes(ProcedurePage, set())

    def test_wiki_holds_only_procedures(self):
        self.assertAllowedParentPageTypes(ProcedureIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProcedureIndexPage, {ProcedurePage})

    def test_objectives_page_sits_under_home(self):
        self.assertAllowedParentPageTypes(ObjectivesPage, {HomePage})
        self.assertAllowedSubpageTypes(ObjectivesPage, set())


@pytest.mark.django_db
def test_only_one_wiki_and_one_objectives_page(home, wiki):
    ObjectivesPageFactory(parent=home, slug="objectives")
    assert not ProcedureIndexPage.can_create_at(home)
    assert not ObjectivesPage.can_create_at(home)


def test_wiki_groups_procedures_by_topic_with_status(client, wiki):
    ProcedurePageFactory(parent=wiki, title="Joining", topic=ProcedurePage.Topic.MEMBERSHIP)
    ProcedurePageFactory(
        parent=wiki, title="Statements", topic=ProcedurePage.Topic.STATEMENTS, in_force=True
    )
    ProcedurePageFactory(parent=wiki, title="Unpublished", live=False)

    response = client.get(wiki.url)

    assert response.status_code == 200
    assert listing_groups(response) == [
        ("Membership", ["Joining"]),
        ("Joint statements", ["Statements"]),
    ]
    html = response.content.decode()
    assert "In force" in html and "Proposed" in html
    assert "Unpublished" not in html


def test_procedure_shows_numbered_clauses_toc_and_anchors(client, wiki):
    procedure = ProcedurePageFactory(
        parent=wiki,
        in_force=True,
        body=[
            clause_data("Purpose", anchor="purpose"),
            clause_data(
                "Steps",
                anchor="steps",
                subclauses=[("Notice", "notice", "<p>Give notice.</p>")],
            ),
        ],
    )

    response = client.get(procedure.url)

    assert response.status_code == 200
    assertContains(response, '<a href="#purpose"><span class="num">1</span> Purpose</a>', html=True)
    assertContains(response, '<a href="#notice"><span class="num">2.1</span> Notice</a>', html=True)
    soup = parse(response)
    assert soup.select_one("section.clause#steps") is not None
    assert soup.select_one("section.subclause#notice") is not None
    html = response.content.decode()
    assert "In force since 1 January 2014" in html


def test_related_procedures_are_linked(client, wiki):
    joining = ProcedurePageFactory(parent=wiki, title="Joining")
    procedure = ProcedurePageFactory(parent=wiki, title="Leaving")
    procedure.related_procedures.add(joining)
    procedure.save()

    response = client.get(procedure.url)

    assertContains(response, f'<a href="{joining.url}">Joining</a>', html=True)


def test_objectives_page_lists_objectives_in_order(client, home):
    page = ObjectivesPageFactory(parent=home, objectives=["To share.", "To amplify.", "To grow."])

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("To share.") < html.index("To amplify.") < html.index("To grow.")
    assert "Adopted on" in html and "20 October 2013" in html


class TestClauseAnchors:
    def test_missing_anchors_are_made_from_headings_once(self, wiki):
        procedure = ProcedurePageFactory(
            parent=wiki,
            body=[
                clause_data("Who can join"),
                clause_data("Who can join", subclauses=[("Fees", "", "<p>None.</p>")]),
            ],
        )
        anchors = [c["value"]["anchor"] for c in procedure.body.raw_data]
        assert anchors == ["who-can-join", "who-can-join-2"]
        assert procedure.body.raw_data[1]["value"]["subclauses"][0]["anchor"] == "fees"

    def test_anchor_survives_heading_edit_and_reordering(self, wiki):
        procedure = ProcedurePageFactory(
            parent=wiki, body=[clause_data("Purpose"), clause_data("Steps")]
        )
        procedure.refresh_from_db()
        data = list(procedure.body.raw_data)
        data[0]["value"]["heading"] = "Why this exists"
        procedure.body = [data[1], data[0]]
        procedure.save()
        procedure.refresh_from_db()

        numbered = [(c["number"], c["value"]["anchor"]) for c in procedure.clauses]
        assert numbered == [("1", "steps"), ("2", "purpose")]
        assert procedure.clauses[1]["value"]["heading"] == "Why this exists"
