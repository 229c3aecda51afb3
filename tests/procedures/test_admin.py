"""Editing the wiki through the Wagtail admin, as members and administrators do."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage
from procedures.models import ObjectivesPage, ProcedureIndexPage, ProcedurePage
from tests.admin_forms import add_url, clause_form, edit_url, procedure_form
from tests.factories import (
    HomePageFactory,
    ObjectivesPageFactory,
    ProcedureIndexPageFactory,
    ProcedurePageFactory,
    clause_data,
)


class AdminTestCase(WagtailPageTestCase):
    def setUp(self):
        self.login()
        root = Page.get_first_root_node()
        self.home = HomePageFactory(parent=root, slug="bb")
        self.wiki = ProcedureIndexPageFactory(parent=self.home, slug="procedures")


class TestCreateThroughAdmin(AdminTestCase):
    def test_create_home_page(self):
        Page.objects.filter(pk=self.home.pk).delete()
        root = Page.get_first_root_node()
        self.assertCanCreate(
            root,
            HomePage,
            nested_form_data(
                {
                    "title": "Home",
                    "slug": "new-home",
                    "intro": rich_text("Hi"),
                    "start_here": inline_formset([]),
                }
            ),
        )

    def test_create_procedure_index(self):
        self.wiki.delete()
        self.assertCanCreate(
            self.home,
            ProcedureIndexPage,
            nested_form_data({"title": "Procedures", "slug": "procedures", "intro": rich_text("")}),
        )

    def test_create_procedure_with_clauses_and_subclauses(self):
        data = procedure_form(
            clauses=[
                clause_form("Who can join"),
                clause_form("How to apply", subclauses=[("Endorsement", "", "Endorse.")]),
            ]
        )
        self.assertCanCreate(self.wiki, ProcedurePage, data)
        page = ProcedurePage.objects.get(slug="joining-the-network")
        assert [c["value"]["anchor"] for c in page.clauses] == ["who-can-join", "how-to-apply"]
        assert page.clauses[1]["subclauses"][0]["value"]["anchor"] == "endorsement"

    def test_create_objectives_page_with_objectives(self):
        data = nested_form_data(
            {
                "title": "Objectives",
                "slug": "objectives",
                "preamble": rich_text("Our aims."),
                "adopted_on": "2013-10-20",
                "adopted_at": "",
                "objectives": inline_formset([{"text": "To share."}, {"text": "To amplify."}]),
            }
        )
        self.assertCanCreate(self.home, ObjectivesPage, data)
        page = ObjectivesPage.objects.get()
        assert [o.text for o in page.objectives.all()] == ["To share.", "To amplify."]


class TestEditThroughAdmin(AdminTestCase):
    def test_every_page_type_opens_in_the_editor(self):
        procedure = ProcedurePageFactory(parent=self.wiki)
        objectives = ObjectivesPageFactory(parent=self.home)
        for page in (self.home, self.wiki, procedure, objectives):
            response = self.client.get(edit_url(page))
            assert response.status_code == 200, page

    def test_reorder_and_edit_clauses_keeps_anchors(self):
        procedure = ProcedurePageFactory(
            parent=self.wiki,
            slug="joining-the-network",
            body=[clause_data("Who can join"), clause_data("How to apply")],
        )
        data = procedure_form(
            clauses=[
                clause_form("How to apply", anchor="how-to-apply"),
                clause_form("Who may join", "Edited.", anchor="who-can-join"),
                clause_form("Fees"),
            ],
            **{"action-publish": "action-publish"},
        )
        response = self.client.post(edit_url(procedure), data)
        assert response.status_code == 302, response.context["form"].errors

        procedure.refresh_from_db()
        assert [
            (c["number"], c["value"]["heading"], c["value"]["anchor"]) for c in procedure.clauses
        ] == [
            ("1", "How to apply", "how-to-apply"),
            ("2", "Who may join", "who-can-join"),
            ("3", "Fees", "fees"),
        ]

    def test_reorder_and_edit_objectives(self):
        page = ObjectivesPageFactory(parent=self.home, objectives=["First.", "Second."])
        first, second = page.objectives.all()
        data = nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "preamble": rich_text("Aims."),
                "adopted_on": "2013-10-20",
                "adopted_at": "",
                "objectives": inline_formset(
                    [
                        # The admin keeps forms in place and renumbers ORDER when dragging.
                        {"id": str(first.pk), "text": "First.", "ORDER": "2"},
                        {"id": str(second.pk), "text": "Second, edited.", "ORDER": "1"},
                    ],
                    initial=2,
                ),
                "action-publish": "action-publish",
            }
        )
        response = self.client.post(edit_url(page), data)
        assert response.status_code == 302
        assert [o.text for o in ObjectivesPage.objects.get().objectives.all()] == [
            "Second, edited.",
            "First.",
        ]


class TestBadInputIsRefused(AdminTestCase):
    def assert_refused(self, data, field, message):
        count = ProcedurePage.objects.count()
        response = self.client.post(add_url(self.wiki, ProcedurePage), data)
        assert response.status_code == 200
        form = response.context["form"]
        assert field in form.errors, form.errors
        assert message in str(form.errors[field])
        assert ProcedurePage.objects.count() == count

    def test_duplicate_clause_anchor(self):
        data = procedure_form(
            clauses=[clause_form("One", anchor="same"), clause_form("Two", anchor="same")]
        )
        self.assert_refused(data, "body", "")
        response = self.client.post(add_url(self.wiki, ProcedurePage), data)
        assert "already uses the anchor" in response.content.decode()

    def test_duplicate_anchor_between_clause_and_subclause(self):
        data = procedure_form(
            clauses=[
                clause_form("One", anchor="same"),
                clause_form("Two", subclauses=[("Sub", "same", "Text.")]),
            ]
        )
        response = self.client.post(add_url(self.wiki, ProcedurePage), data)
        assert response.status_code == 200
        assert "already uses the anchor" in response.content.decode()
        assert not ProcedurePage.objects.exists()

    def test_empty_title(self):
        self.assert_refused(procedure_form(title=""), "title", "This field is required")

    def test_in_force_date_on_proposed_procedure(self):
        self.assert_refused(
            procedure_form(in_force_from="2014-01-01"), "in_force_from", "not in force yet"
        )

    def test_editing_with_bad_input_changes_nothing(self):
        procedure = ProcedurePageFactory(parent=self.wiki, slug="joining-the-network")
        before = (procedure.title, procedure.latest_revision_id)
        response = self.client.post(edit_url(procedure), procedure_form(title=""))
        assert response.status_code == 200
        procedure.refresh_from_db()
        assert (procedure.title, procedure.latest_revision_id) == before


@pytest.mark.django_db
def test_model_validation_refuses_duplicate_anchor_outside_the_admin(wiki):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as excinfo:
        ProcedurePageFactory(
            parent=wiki,
            body=[clause_data("One", anchor="same"), clause_data("Two", anchor="same")],
        )
    assert "same" in str(excinfo.value.message_dict["body"])
    assert not ProcedurePage.objects.exists()
