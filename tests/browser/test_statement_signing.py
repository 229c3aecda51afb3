"""Signing a statement in the browser: a visitor fills in the form, confirms through the link
in the email, and is listed by region; a committee member approves the signature in the admin,
and the list and the CSV show it."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from moderation.constants import STEERING_COMMITTEE_GROUP
from statements.models import Signature
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_moderation_flow import PASSWORD, log_in
from tests.factories import StatementIndexPageFactory, StatementPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
CONFIRM_LINK = re.compile(r"^https?://[^/\s]+(/\S+/confirm/\?token=\S+)$", re.MULTILINE)


@pytest.fixture
def statement(home, django_user_model):
    committee = django_user_model.objects.create_user("sc1", password=PASSWORD)
    committee.groups.add(Group.objects.get(name=STEERING_COMMITTEE_GROUP))
    page = StatementPageFactory(
        parent=StatementIndexPageFactory(parent=home, slug="statements"),
        title="Keep the IGF open",
        slug="keep-the-igf-open",
        body="<p>We call on the IGF to stay open to all.</p>",
    )
    page.save_revision().publish()
    return page


def test_a_visitor_signs_and_confirms_and_the_committee_approves(new_page, live_server, statement):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    visitor = new_page()
    visitor.goto(f"{live_server.url}{statement.url}")
    form = visitor.locator("form.sign-form")
    form.get_by_label("An organisation").check()
    form.get_by_label("Organisation", exact=True).fill("Kenya ICT Action Network (test)")
    form.get_by_label("Your role in the organisation").fill("Convenor")
    form.get_by_label("Your name").fill("Grace Mutung'u")
    form.get_by_label("Country").select_option(label="Kenya")
    form.get_by_label("Your email address").fill("grace@example.org")
    form.get_by_label("Public comment (optional)").fill("Openness made the IGF.")
    visitor.screenshot(path=SCREENSHOTS / "statement-form.png", full_page=True)
    with visitor.expect_navigation():
        form.get_by_role("button", name="Sign").click()

    assert visitor.get_by_role("heading", level=1).inner_text() == "Check your email"
    path = CONFIRM_LINK.search(mail.outbox[-1].body).group(1)
    visitor.goto(f"{live_server.url}{path}")
    with visitor.expect_navigation():
        visitor.get_by_role("button", name="Confirm my signature").click()
    assert visitor.get_by_role("heading", level=1).inner_text() == "Your signature is confirmed"

    visitor.goto(f"{live_server.url}{statement.url}")
    signatories = visitor.locator("#signatories")
    assert "Kenya ICT Action Network (test)" in signatories.inner_text()
    africa = signatories.locator("tbody tr", has_text="Africa")
    assert africa.locator("td").last.inner_text() == "1"
    visitor.screenshot(path=SCREENSHOTS / "statement-signed.png", full_page=True)

    committee = new_page()
    log_in(committee, live_server, "sc1")
    committee.goto(f"{live_server.url}/admin/snippets/statements/signature/")
    with committee.expect_navigation():
        committee.get_by_role("link", name="Kenya ICT Action Network (test)").click()
    committee.locator("select[name=review]").select_option("approved")
    committee.screenshot(path=SCREENSHOTS / "statement-review.png", full_page=True)
    with committee.expect_navigation():
        committee.get_by_role("button", name="Save").click()
    assert Signature.objects.get().review == "approved"

    visitor.goto(f"{live_server.url}{statement.url}signatories/?region=africa")
    assert "Kenya ICT Action Network (test)" in visitor.locator(".signatories").inner_text()
    csv = visitor.request.get(f"{live_server.url}{statement.url}signatories/csv/").text()
    assert "Kenya ICT Action Network (test),Grace Mutung'u,Convenor,,KE,Kenya,africa" in csv
    assert "grace@example.org" not in csv
