"""A member proposes a change; two committee members must approve it before it is live."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import WorkflowState

from moderation.constants import MEMBERS_GROUP, STEERING_COMMITTEE_GROUP
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


def open_footer_action(page, name):
    """Click an action in the editor's footer menu, opening the drop-down if needed."""
    button = page.locator(f"footer button[name='{name}']").first
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    button.click()


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
    with page.expect_navigation():
        open_footer_action(page, "action-submit")


def workflow_button(page, label_start):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    return page.locator("footer button", has_text=label_start).first


def public_text(browser_page, live_server, procedure):
    browser_page.goto(f"{live_server.url}{procedure.url}")
    return browser_page.locator("main").inner_text()


def test_approval_and_rejection_in_the_browser(new_page, live_server, people, procedure):
    # One test for both paths: transactional tests empty the database when they end.
    check_quorum_approval(new_page, live_server, procedure)
    check_rejection(new_page, live_server, procedure)


def check_quorum_approval(new_page, live_server, procedure):
    author = new_page()
    propose_change(author, live_server, procedure, "Any group that shares our aims.", "Widen it.")

    visitor = new_page()
    first = new_page()
    log_in(first, live_server, "sc1")
    first.goto(f"{live_server.url}/admin/pages/{procedure.pk}/edit/")
    assert first.locator("input[name=change_summary]").input_value() == "Widen it."
    with first.expect_navigation():
        workflow_button(first, "Approve (1 of 2)").click()

    text = public_text(visitor, live_server, procedure)
    assert "The original text." in text
    assert "Any group that shares our aims." not in text

    second = new_page()
    log_in(second, live_server, "sc2")
    second.goto(f"{live_server.url}/admin/pages/{procedure.pk}/edit/")
    with second.expect_navigation():
        workflow_button(second, "Approve (2 of 2)").click()

    text = public_text(visitor, live_server, procedure)
    assert "Any group that shares our aims." in text
    assert "The original text." not in text


def check_rejection(new_page, live_server, procedure):
    author = new_page()
    propose_change(author, live_server, procedure, "Only founders may join.", "Narrow it.")

    reviewer = new_page()
    log_in(reviewer, live_server, "sc1")
    reviewer.goto(f"{live_server.url}/admin/pages/{procedure.pk}/edit/")
    workflow_button(reviewer, "Request changes").click()
    reviewer.locator("textarea[name=comment]").fill("This contradicts the objectives.")
    with reviewer.expect_navigation():
        reviewer.locator(".modal button[type=submit]").click()

    workflow_state = WorkflowState.objects.for_instance(procedure).latest("created_at")
    assert workflow_state.status == "needs_changes"
    assert workflow_state.current_task_state.comment == "This contradicts the objectives."
    visitor = new_page()
    text = public_text(visitor, live_server, procedure)
    assert "Any group that shares our aims." in text and "Only founders may join." not in text
