"""The default database (SQLite) holds a small team's concurrent work: approvals posted
together, and searches while those approvals publish, over HTTP to a threaded server with
its own database connections. No request fails and no write is lost."""

import http.client
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit

import pytest
from django.db import connection
from django.test import Client
from django.utils.crypto import get_random_string

from moderation.models import QuorumDecision
from tests.factories import ProcedurePageFactory, clause_data
from tests.moderation.helpers import review_url, submit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROUNDS = 3
SEARCHERS = 4
# Near misses of the proposals' words, and words already live: the spelling vocabulary changes
# while they are searched.
QUERIES = ["quilwort", "quillwort rule", "membrship", "joining", "quorom"]
CSRF_SECRET = get_random_string(32)


class Browser:
    """A logged-in person's browser against the live server: their session and CSRF cookies."""

    def __init__(self, live_server, user=None):
        address = urlsplit(live_server.url)
        self.host, self.port = address.hostname, address.port
        cookies = {"csrftoken": CSRF_SECRET}
        if user is not None:
            client = Client()
            client.force_login(user)
            cookies["sessionid"] = client.cookies["sessionid"].value
        self.cookie = "; ".join(f"{name}={value}" for name, value in cookies.items())

    def request(self, method, path, data=None):
        """The response's status and body."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
        headers = {"Cookie": self.cookie}
        body = None
        if data is not None:
            body = urlencode({**data, "csrfmiddlewaretoken": CSRF_SECRET})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            return response.status, response.read().decode()
        finally:
            connection.close()


@pytest.fixture
def proposals(wiki, member, committee):
    """ROUNDS live procedures, each with a change submitted for approval."""
    client = Client()
    client.force_login(member)
    pages = []
    for n in range(ROUNDS):
        page = ProcedurePageFactory(
            parent=wiki,
            title=f"Rule {n}",
            slug=f"rule-{n}",
            body=[clause_data("Quorum", "<p>The old text.</p>")],
        )
        page.save_revision().publish()
        assert submit(client, page, f"Quillwort rule {n}.").status_code == 302
        pages.append(page)
    return pages


def test_the_test_database_is_a_file_in_write_ahead_log_mode():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's own settings")
    assert not connection.is_in_memory_db()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    assert connection.transaction_mode == "IMMEDIATE"


def test_approvals_posted_together_during_a_burst_of_searches_all_succeed(
    live_server, proposals, committee
):
    approvers = [Browser(live_server, user) for user in committee[:2]]
    visitor = Browser(live_server)
    approvals = [
        (browser, review_url(page), page.get_latest_revision().pk)
        for page in proposals
        for browser in approvers
    ]
    start = threading.Barrier(len(approvals) + SEARCHERS)
    approving = threading.Event()

    def approve(browser, url, revision_id):
        start.wait()
        data = {"action": "approve", "comment": "", "revision_id": revision_id}
        return browser.request("POST", url, data)[0]

    def search(n):
        start.wait()
        statuses = []
        while approving.is_set() or not statuses:
            query = QUERIES[(n + len(statuses)) % len(QUERIES)]
            statuses.append(visitor.request("GET", f"/search/?{urlencode({'query': query})}")[0])
        return statuses

    approving.set()
    with ThreadPoolExecutor(len(approvals) + SEARCHERS) as pool:
        searches = [pool.submit(search, n) for n in range(SEARCHERS)]
        decided = [pool.submit(approve, *approval) for approval in approvals]
        approved = [future.result() for future in decided]
        approving.clear()
        searched = [status for future in searches for status in future.result()]

    assert approved == [302] * len(approvals)
    assert searched and set(searched) == {200}
    # Nothing lost: every approval recorded, every change live and findable.
    assert QuorumDecision.objects.filter(decision="approve").count() == len(approvals)
    for n, page in enumerate(proposals):
        page.refresh_from_db()
        assert not page.workflow_in_progress
        status, html = visitor.request("GET", page.url)
        assert status == 200
        assert f"Quillwort rule {n}." in html
    status, html = visitor.request("GET", "/search/?query=quilwort")
    assert status == 200
    assert "quillwort" in html.lower()
