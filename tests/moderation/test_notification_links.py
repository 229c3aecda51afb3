"""Every link in the workflow's notification emails is on the site's own address."""

import re

import pytest
from django.core import mail
from django.core.management import call_command

from tests.moderation.helpers import submit, workflow_action

ADDRESS = "http://127.0.0.1:8741"


@pytest.fixture
def address(settings, home):
    settings.WAGTAILADMIN_BASE_URL = ADDRESS
    call_command("migrate", verbosity=0)


def links(message):
    """The links a reader can follow: URLs in the text, and the HTML version's hrefs."""
    found = set(re.findall(r"https?://\S+", message.body))
    for content, _ in getattr(message, "alternatives", []):
        found |= set(re.findall(r'href="([^"]+)"', content))
    return found


def test_submitted_and_approved_emails_link_to_the_address(
    address, client, member, committee, procedure
):
    client.force_login(member)
    assert submit(client, procedure, "The amended text.").status_code == 302
    submitted_links = {url for message in mail.outbox for url in links(message)}
    mail.outbox.clear()
    for approver in committee[:2]:
        client.logout()
        client.force_login(approver)
        workflow_action(client, procedure, "approve")
    approved_links = {url for message in mail.outbox for url in links(message)}

    # The review screen, where the change is read against the live version.
    assert any("/admin/moderation/changes/" in url for url in submitted_links)
    # Once published: what changed, on the page's public history.
    assert any("/procedures/joining-the-network/history/" in url for url in approved_links)
    for url in submitted_links | approved_links:
        assert url.startswith(f"{ADDRESS}/"), url
