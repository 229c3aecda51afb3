"""The quorum in the browser: a member proposes, committee member A reads the changed words on
the review screen and approves, B approves, and the page changes; then B proposes to withdraw
a procedure with a reason, A and C approve, and the page leaves the site with its history."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import WorkflowState

from moderation.constants import MEMBERS_GROUP, STEERING_COMMITTEE_GROUP
from moderation.models import Withdrawal
from tests.browser.conftest import SCREENSHOTS
from tests.factories import clause_data

pytestmark = [
    pytest.mark.browser,
    # The live server is another thread; the migrations' groups and workflow are restored after
    # another transactional test emptied the database.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct-horse-battery"  # noqa: S105


@pytest.fixture
def people(django_user_model):
    def make(username, group):
        user = django_user_model.objects.create_user(username, password=PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "member": make("member", MEMBERS_GROUP),
        "sc1": make("sc1", STEERING_COMMITTEE_GROUP),
        "sc2": make("sc2", STEERING_COMMITTEE_GROUP),
        "sc3": make("sc3", STEERING_COMMITTEE_GROUP),
    }


@pytest.fixture
def procedure(wiki):
    from tests.factories import ProcedurePageFactory

    page = ProcedurePageFactory(
        parent=wiki,
        title="Joining the network",
        slug="joining-the-network",
        body=[clause_data("Who can join", "<p>The original text.</p>", anchor="who-can-join")],
    )
    page.save_revision().publish()
    return page


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def propose_change(page, live_server, procedure, text, summary):
    log_in(page, live_server, "member")
    page.goto(f"{live_server.url}/admin/pages/{procedure.pk}/edit/")
    editor = page.locator(".Draftail-Editor [contenteditable=true]").first
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    # Draftail writes its content to the form's hidden input a moment after typing.
    page.wait_for_function(
        "text => document.querySelector(\"input[name='body-0-value-text']\").value.includes(text)",
        arg=text,
    )
    page.fill("input[name=change_summary]", summary)
    # "Submit for approval" is the editor's main button.
    main = page.locator("footer .w-dropdown-button > button").first
    assert main.get_attribute("name") == "action-submit"
    with page.expect_navigation():
        main.click()
    assert "Sent for approval" in page.locator(".messages").inner_text()


SCREENSHOTS.mkdir(parents=True, exist_ok=True)


def review_screen(page, live_server, username):
    """Log in as `username` and open the change from the dashboard's review link."""
    log_in(page, live_server, username)
    with page.expect_navigation():
        page.get_by_role("link", name="Review and approve").first.click()
    return page


def public_text(browser_page, live_server, procedure):
    browser_page.goto(f"{live_server.url}{procedure.url}")
    return browser_page.locator("main").inner_text()


def test_the_quorum_in_the_browser(new_page, live_server, people, procedure, wiki):
    # One test for every journey: transactional tests empty the database when they end.
    check_quorum_approval(new_page, live_server, procedure)
    check_request_for_changes(new_page, live_server, procedure)
    check_withdrawal(new_page, live_server, procedure)


def check_quorum_approval(new_page, live_server, procedure):
    author = new_page()
    propose_change(author, live_server, procedure, "Any group that shares our aims.", "Widen it.")

    visitor = new_page()
    first = review_screen(new_page(), live_server, "sc1")
    diff = first.locator(".diff")
    assert "[inserted:" in diff.locator("ins").first.inner_text()
    assert "Widen it." in first.locator("main").inner_text()
    first.screenshot(path=str(SCREENSHOTS / "review-screen.png"), full_page=True)
    with first.expect_navigation():
        first.get_by_role("button", name="Approve (1 of 2)").click()
    assert "Your approval is recorded: 1 of 2" in first.locator(".messages").inner_text()

    text = public_text(visitor, live_server, procedure)
    assert "The original text." in text
    assert "Any group that shares our aims." not in text

    second = review_screen(new_page(), live_server, "sc2")
    with second.expect_navigation():
        second.get_by_role("button", name="Approve (2 of 2)").click()
    assert "Approved and published" in second.locator(".messages").inner_text()

    text = public_text(visitor, live_server, procedure)
    assert "Any group that shares our aims." in text
    assert "The original text." not in text


def check_request_for_changes(new_page, live_server, procedure):
    author = new_page()
    propose_change(author, live_server, procedure, "Only founders may join.", "Narrow it.")

    reviewer = review_screen(new_page(), live_server, "sc1")
    reviewer.locator("textarea[name=comment]").fill("This contradicts the objectives.")
    with reviewer.expect_navigation():
        reviewer.get_by_role("button", name="Request changes").click()

    workflow_state = WorkflowState.objects.for_instance(procedure).latest("created_at")
    assert workflow_state.status == "needs_changes"
    author.goto(f"{live_server.url}/admin/")
    dashboard = author.locator("main").inner_text()
    assert "Changes requested" in dashboard and "This contradicts the objectives." in dashboard
    visitor = new_page()
    text = public_text(visitor, live_server, procedure)
    assert "Any group that shares our aims." in text and "Only founders may join." not in text


def check_withdrawal(new_page, live_server, procedure):
    proposer = new_page()
    log_in(proposer, live_server, "sc2")
    proposer.goto(f"{live_server.url}/admin/moderation/withdraw/{procedure.pk}/")
    proposer.get_by_label("Take it off the site").check()
    proposer.locator("textarea[name=reason]").fill("Replaced by the membership page.")
    with proposer.expect_navigation():
        proposer.get_by_role("button", name="Send the proposal").click()
    withdrawal = Withdrawal.objects.get()

    for username in ("sc1", "sc3"):
        approver = new_page()
        log_in(approver, live_server, username)
        approver.goto(f"{live_server.url}/admin/moderation/withdrawals/{withdrawal.pk}/")
        with approver.expect_navigation():
            approver.get_by_role("button", name="Approve").click()

    visitor = new_page()
    assert visitor.goto(f"{live_server.url}{procedure.url}").status == 404
    visitor.goto(f"{live_server.url}/changes/")
    changes = visitor.locator("main").inner_text()
    assert "Replaced by the membership page." in changes
    visitor.screenshot(path=str(SCREENSHOTS / "changes-withdrawal.png"), full_page=True)
    history = visitor.goto(f"{live_server.url}{procedure.url}history/")
    assert history.status == 200
    assert "Taken off the site" in visitor.locator("main").inner_text()
