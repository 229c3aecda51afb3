"""The public pages, the search box and Wagtail's admin all work under the site's
Content-Security-Policy: the browser logs no violation anywhere a visitor or an editor goes."""

import pytest
from wagtail.models import Revision

from tests.factories import ObjectivesPageFactory

# Transactional (the live server is another thread): each test starts from what the migrations
# made, restored after the last transactional test emptied the database.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct-horse-battery"  # noqa: S105

# Chromium logs each violation to the console itself; the event catches any it would not.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error(`Content Security Policy violation: ${event.violatedDirective} refused `
        + `${event.blockedURI || "inline code"} (${event.sourceFile}:${event.lineNumber})`);
});
"""


@pytest.fixture
def watched(new_page):
    """A browser page, and the list of the CSP violations logged while it is used."""
    page = new_page()
    violations = []
    page.add_init_script(REPORT_VIOLATIONS)

    def record(message):
        if "Content Security Policy" in message.text:
            violations.append(f"{page.url}: {message.text}")

    page.on("console", record)
    return page, violations


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def visit(page, url):
    response = page.goto(url)
    assert response.status == 200, url
    page.wait_for_load_state("networkidle")
    return response


def test_public_pages_and_the_search_box_run_under_the_policy(watched, live_server, whoosh, site):
    page, violations = watched
    response = visit(page, f"{live_server.url}/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "object-src 'none'" in policy
    assert response.headers["referrer-policy"] == "same-origin"
    assert "camera=()" in response.headers["permissions-policy"]

    for path in ("/procedures/", "/procedures/joining/", "/search/?query=committee", "/changes/"):
        visit(page, f"{live_server.url}{path}")

    page.locator("#site-search-query").press_sequentially("joi")
    page.wait_for_selector("#site-search-suggestions [role=option]")
    assert "Joining the network" in page.locator("#site-search-suggestions").inner_text()
    assert violations == [], "\n".join(violations)


def test_the_admin_runs_under_the_policy(watched, live_server, whoosh, site, home, editor):
    page, violations = watched
    objectives = ObjectivesPageFactory(parent=home, slug="objectives")
    objectives.save_revision().publish()

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    response = visit(page, f"{live_server.url}/admin/")
    assert "script-src 'self' 'unsafe-inline'" in response.headers["content-security-policy"]
    assert page.locator("#main h1, main h1").first.is_visible()

    visit(page, f"{live_server.url}/admin/pages/{home.pk}/")
    assert page.get_by_role("link", name="Agreed statement of objectives").count() >= 1
    visit(page, f"{live_server.url}/admin/searchpicks/add/")

    # The editor: rich text, an inline panel, a date picker and a page chooser, then a save.
    visit(page, f"{live_server.url}/admin/pages/{objectives.pk}/edit/")
    assert page.locator(".Draftail-Editor").first.is_visible()
    forms = page.locator("[id^='inline_child_objectives-']:not([id$='-FORM'])")
    before = forms.count()
    page.get_by_role("button", name="Add objective").first.click()
    page.wait_for_function(
        "n => document.querySelectorAll(\"[id^='inline_child_objectives-']\").length > n",
        arg=before,
    )
    page.get_by_role("button", name="Choose a page").first.click()
    chooser = page.locator(".modal-dialog")
    chooser.wait_for()
    chooser.get_by_text("Best Bits").first.wait_for()
    chooser.locator("[data-dismiss='modal']").first.click()
    chooser.wait_for(state="hidden")

    page.locator("[data-w-dropdown-target='toggle']").last.wait_for()
    page.locator("textarea[name$='-text']").last.fill("To learn from each other.")
    revisions = Revision.objects.filter(object_id=str(objectives.pk)).count()
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    with page.expect_navigation():
        page.locator("footer button.action-save").first.click()
    assert page.locator(".messages .success").first.is_visible()
    assert Revision.objects.filter(object_id=str(objectives.pk)).count() == revisions + 1

    # A public page as the editor sees it: with Wagtail's user bar, under the public policy.
    visit(page, f"{live_server.url}/procedures/joining/")
    page.locator("[data-wagtail-userbar-trigger]").click()
    assert page.locator("#wagtail-userbar-items").is_visible()
    assert violations == [], "\n".join(violations)
