from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from procedures.models import ObjectivesPage, ProcedureIndexPage
from tests.factories import ObjectivesPageFactory, ProcedurePageFactory
from tests.html import parse


class TestHomePageRules(WagtailPageTestCase):
    def test_home_sits_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_holds_the_sections(self):
        self.assertCanCreateAt(HomePage, ProcedureIndexPage)
        self.assertCanCreateAt(HomePage, ObjectivesPage)
        self.assertCanNotCreateAt(HomePage, HomePage)


def test_home_renders_for_anonymous_with_sections_and_recent_changes(client, home, wiki):
    objectives = ObjectivesPageFactory(parent=home, slug="objectives")
    older = ProcedurePageFactory(parent=wiki, title="Joining the network")
    newer = ProcedurePageFactory(parent=wiki, title="Making joint statements")
    older.save_revision().publish()
    newer.save_revision().publish()

    response = client.get("/")

    assert response.status_code == 200
    soup = parse(response)
    # Sections appear both in the header navigation and in the body.
    for href in ("/procedures/", "/objectives/"):
        assert soup.select_one(f'nav.site-nav a[href="{href}"]') is not None, href
        assert soup.select_one(f'main a[href="{href}"]') is not None, href
    html = response.content.decode()
    assert objectives.title in html
    recent = html[html.index("changed most recently") :]
    assert recent.index("Making joint statements") < recent.index("Joining the network")


def test_home_lists_nothing_unpublished(client, home, wiki):
    ProcedurePageFactory(parent=wiki, title="Secret draft procedure", live=False)

    response = client.get("/")

    assert "Secret draft procedure" not in response.content.decode()


def test_every_page_has_skip_link_landmarks_and_current_section(client, home, wiki):
    procedure = ProcedurePageFactory(parent=wiki, title="Task forces")

    soup = parse(client.get(procedure.url))

    assert soup.select_one('a.skip-link[href="#main"]') is not None
    assert soup.select_one("main#main") is not None
    assert soup.select_one('nav.site-nav[aria-label="Sections"]') is not None
    assert soup.select_one('a[href="/procedures/"][aria-current="true"]') is not None
    assert len(soup.select("h1")) == 1
