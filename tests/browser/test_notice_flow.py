"""An approved change in its notice period, in the browser: two committee members approve, the
public page keeps the old text and shows the banner, a member objects, the threshold is
reached and the change goes back to the committee."""

import pytest
from django.contrib.auth.models import Group

from moderation.constants import MEMBERS_GROUP, STEERING_COMMITTEE_GROUP
from notice.models import Notice
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_moderation_flow import PASSWORD, log_in, propose_change, review_screen
from tests.factories import ProcedurePageFactory, clause_data

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def people(django_user_model):
    def make(username, group):
        user = django_user_model.objects.create_user(
            username, password=PASSWORD, first_name=username.title()
        )
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "member": make("member", MEMBERS_GROUP),
        "objector": make("objector", MEMBERS_GROUP),
        "sc1": make("sc1", STEERING_COMMITTEE_GROUP),
        "sc2": make("sc2", STEERING_COMMITTEE_GROUP),
    }


@pytest.fixture
def procedure(wiki):
    page = ProcedurePageFactory(
        parent=wiki,
        title="Joining the network",
        slug="joining-the-network",
        body=[clause_data("Who can join", "<p>The original text.</p>", anchor="who-can-join")],
    )
    page.save_revision().publish()
    task = page.get_workflow().tasks.get().specific
    task.notice_days, task.objection_threshold = 7, 1
    task.save()
    return page


def test_an_objection_sends_an_approved_change_back(new_page, live_server, people, procedure):
    propose_change(new_page(), live_server, procedure, "Anyone may join.", "Open it up.")
    for username in ("sc1", "sc2"):
        approver = review_screen(new_page(), live_server, username)
        with approver.expect_navigation():
            approver.get_by_role("button", name="Approve").click()

    visitor = new_page()
    visitor.goto(f"{live_server.url}{procedure.url}")
    main = visitor.locator("main").inner_text()
    assert "The original text." in main and "Anyone may join." not in main
    banner = visitor.locator(".notice-banner")
    assert "takes effect at 00:00" in banner.inner_text()
    visitor.screenshot(path=str(SCREENSHOTS / "notice-banner.png"), full_page=True)

    objector = new_page()
    log_in(objector, live_server, "objector")
    objector.goto(f"{live_server.url}{procedure.url}")
    with objector.expect_navigation():
        objector.locator(".notice-banner a").click()
    objector.locator("textarea[name=reason]").fill("It drops the endorsement of the objectives.")
    with objector.expect_navigation():
        objector.get_by_role("button", name="Object").click()
    assert "goes back to the steering committee" in objector.locator("main").inner_text()
    objector.screenshot(path=str(SCREENSHOTS / "notice-objection.png"), full_page=True)

    notice = Notice.objects.get()
    assert notice.status == Notice.Status.RETURNED
    visitor.goto(f"{live_server.url}{procedure.url}")
    assert "The original text." in visitor.locator("main").inner_text()
