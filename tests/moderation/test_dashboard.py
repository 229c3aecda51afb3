"""The committee's dashboard panel of changes awaiting a quorum: what it shows and what it costs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from moderation import review
from moderation.models import QuorumDecision
from tests.factories import ProcedurePageFactory, clause_data
from tests.moderation.helpers import submit, workflow_action

pytestmark = pytest.mark.django_db


def pending(client, member, wiki, count, first=0):
    """`count` live procedures, each with a change the member submitted."""
    client.force_login(member)
    pages = []
    for n in range(first, first + count):
        page = ProcedurePageFactory(
            parent=wiki, slug=f"rule-{n}", body=[clause_data("Rule", "<p>Old.</p>", "rule")]
        )
        page.save_revision().publish()
        assert submit(client, page, f"New text {n}.", summary=f"Change {n}").status_code == 302
        pages.append(page)
    client.logout()
    return pages


def dashboard_queries(client, user):
    client.force_login(user)
    client.get(reverse("wagtailadmin_home"))  # warms the caches of the first visit
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_panel_costs_the_same_for_one_change_as_for_twenty(client, member, committee, wiki):
    pages = pending(client, member, wiki, 1)
    one, html = dashboard_queries(client, committee[0])
    assert "Change 0" in html and "0 of 2 approvals" in html

    pages += pending(client, member, wiki, 19, first=1)
    twenty, html = dashboard_queries(client, committee[0])
    assert all(f"Change {n}" in html for n in range(1, 20))

    assert twenty == one


def test_the_panel_shows_approvals_so_far_and_who_gave_them(client, member, committee, wiki):
    (page,) = pending(client, member, wiki, 1)
    client.force_login(committee[0])
    workflow_action(client, page, "approve")

    _, html = dashboard_queries(client, committee[1])

    assert "1 of 2 approvals: Sc1" in html
    assert "Review and approve" in html


def test_an_approval_works_out_where_the_change_stands_once(
    client, member, committee, wiki, monkeypatch
):
    (page,) = pending(client, member, wiki, 1)
    calls = []
    work_out = review.reviews

    def counted(task_states):
        calls.append(task_states)
        return work_out(task_states)

    monkeypatch.setattr(review, "reviews", counted)
    page.refresh_from_db()
    task_state = page.current_workflow_task_state

    task_state.task.specific.on_action(
        task_state, committee[0], "approve", revision_id=page.get_latest_revision().pk
    )

    assert len(calls) == 1
    assert QuorumDecision.objects.filter(user=committee[0]).count() == 1
