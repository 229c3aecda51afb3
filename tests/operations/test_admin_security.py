"""The admin: failed logins are throttled, and its pages are never cached."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


@pytest.fixture
def axes_on(db, settings):
    settings.AXES_ENABLED = True
    call_command("axes_reset", verbosity=0)
    yield
    call_command("axes_reset", verbosity=0)


def login(client, password):
    return client.post("/admin/login/", {"username": "editor", "password": password})


@pytest.mark.usefixtures("axes_on")
def test_the_sixth_failed_login_is_refused_with_a_clear_message(client, editor):
    for _ in range(4):
        response = login(client, "wrong")
        assert response.status_code == 200  # the form again, with its error
    response = login(client, "wrong")  # the fifth failure locks the account out
    assert response.status_code == 429

    response = login(client, "wrong")
    assert response.status_code == 429
    assert b"Too many failed logins" in response.content
    assert b"15 minutes" in response.content


@pytest.mark.usefixtures("axes_on")
def test_the_right_password_is_refused_too_until_the_block_is_lifted(client, editor):
    for _ in range(5):
        login(client, "wrong")
    response = login(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session

    call_command("axes_reset_username", "editor", verbosity=0)
    response = login(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


@pytest.mark.usefixtures("axes_on")
def test_a_successful_login_clears_earlier_failures(client, editor):
    for _ in range(4):
        login(client, "wrong")
    assert login(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert login(client, "wrong").status_code == 200
    assert login(client, PASSWORD).status_code == 302


PROXY = "10.0.0.1"


def login_through_the_proxy(client_address, password, forwarded=None):
    """A login posted from `client_address` through the one reverse proxy, which adds the
    address it was reached from to whatever X-Forwarded-For the client sent."""
    forwarded = f"{forwarded}, {client_address}" if forwarded else client_address
    client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    return client.post("/admin/login/", {"username": "editor", "password": password})


@pytest.mark.usefixtures("axes_on", "behind_one_proxy")
def test_behind_a_proxy_one_attacker_locks_the_username_out_only_for_themself(editor):
    for _ in range(5):
        login_through_the_proxy("198.51.100.66", "wrong")
    assert login_through_the_proxy("198.51.100.66", PASSWORD).status_code == 429

    assert login_through_the_proxy("203.0.113.5", PASSWORD).status_code == 302
    assert AccessAttempt.objects.get().ip_address == "198.51.100.66"


@pytest.mark.usefixtures("axes_on", "behind_one_proxy")
def test_behind_a_proxy_a_forged_forwarded_address_buys_no_fresh_attempts(editor):
    for n in range(5):
        login_through_the_proxy("198.51.100.66", "wrong", forwarded=f"192.0.2.{n}")
    # Counted at the proxy's own address, not at the forged ones: the attacker is locked out.
    response = login_through_the_proxy("198.51.100.66", PASSWORD, forwarded="192.0.2.99")
    assert response.status_code == 429
    assert login_through_the_proxy("203.0.113.5", PASSWORD).status_code == 302


@pytest.mark.usefixtures("axes_on")
def test_without_a_proxy_a_forwarded_address_is_not_believed(editor):
    for n in range(5):
        login_through_the_proxy("198.51.100.66", "wrong", forwarded=f"192.0.2.{n}")
    assert AccessAttempt.objects.get().ip_address == PROXY


@pytest.mark.parametrize("path", ["/admin/login/", "/admin/", "/admin/pages/"])
def test_admin_pages_are_never_cached(client, editor, home, path):
    if path != "/admin/login/":
        client.force_login(editor)
    response = client.get(path)
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    for directive in ("no-cache", "no-store", "private"):
        assert directive in cache_control, (path, cache_control)


@pytest.fixture
def csrf_client(editor):
    """A browser logged in to the admin whose requests Django checks for a CSRF token."""
    client = Client(enforce_csrf_checks=True)
    assert client.get("/admin/login/").status_code == 200  # sets the csrftoken cookie
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    return client


def still_logged_in(client):
    return client.get("/admin/").status_code == 200


@pytest.mark.parametrize("method", ["get", "head", "options"])
def test_logout_other_than_by_post_changes_nothing(csrf_client, method):
    """A cross-site image (GET) neither ends the session nor clears its cookie."""
    response = getattr(csrf_client, method)("/admin/logout/")
    assert response.status_code in (200, 405)
    assert "sessionid" not in response.cookies
    assert still_logged_in(csrf_client)


def test_logout_by_post_without_a_csrf_token_is_refused_and_changes_nothing(csrf_client):
    response = csrf_client.post("/admin/logout/")
    assert response.status_code == 403
    assert "sessionid" not in response.cookies
    assert still_logged_in(csrf_client)


def test_logout_by_post_with_the_csrf_token_ends_the_session(csrf_client):
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post("/admin/logout/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert response.cookies["sessionid"].value == ""
    assert not still_logged_in(csrf_client)
