"""A page's view password can be guessed only so often from one address, like a login."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from wagtail.models import PageViewRestriction

PASSWORD = "s3cret-minutes"


@pytest.fixture
def restricted(procedure):
    """A procedure page that asks for a password, and the form its password is posted to."""
    restriction = PageViewRestriction.objects.create(
        page=procedure, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    cache.clear()
    yield procedure, f"/_util/authenticate_with_password/{restriction.pk}/{procedure.pk}/"
    cache.clear()


def visitor(address):
    return Client(REMOTE_ADDR=address)


def try_password(client, restricted, password):
    page, form_url = restricted
    return client.post(form_url, {"password": password, "return_url": page.url})


def test_the_page_asks_for_its_password_and_the_right_one_shows_it(restricted):
    page, _ = restricted
    client = visitor("203.0.113.5")
    assert b"The original text." not in client.get(page.url).content
    response = try_password(client, restricted, PASSWORD)
    assert response.status_code == 302
    assert b"The original text." in client.get(page.url).content


def test_after_five_wrong_passwords_the_address_is_asked_to_wait(restricted):
    page, _ = restricted
    client = visitor("198.51.100.66")
    for _ in range(5):
        response = try_password(client, restricted, "guess")
        assert response.status_code == 200  # the form again, with its error
        assert b"password" in response.content

    response = try_password(client, restricted, "guess")
    assert response.status_code == 429
    assert int(response["Retry-After"]) == 15 * 60
    assert "Too many wrong passwords" in response.content.decode()
    assert "15 minutes" in response.content.decode()

    # The right password is refused too, and shows nothing.
    assert try_password(client, restricted, PASSWORD).status_code == 429
    assert b"The original text." not in client.get(page.url).content
    # Another address is not blocked.
    other = visitor("203.0.113.5")
    assert try_password(other, restricted, PASSWORD).status_code == 302


def test_the_block_lifts_after_fifteen_minutes(restricted):
    client = visitor("198.51.100.66")
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC)) as clock:
        for _ in range(6):
            try_password(client, restricted, "guess")
        assert try_password(client, restricted, PASSWORD).status_code == 429
        clock.shift(datetime.timedelta(minutes=16))
        assert try_password(client, restricted, PASSWORD).status_code == 302


def test_the_right_password_clears_earlier_wrong_ones(restricted):
    client = visitor("198.51.100.66")
    for _ in range(4):
        try_password(client, restricted, "guess")
    assert try_password(client, restricted, PASSWORD).status_code == 302
    for _ in range(5):
        assert try_password(client, restricted, "guess").status_code == 200


@pytest.mark.usefixtures("behind_one_proxy")
def test_behind_a_proxy_each_client_is_counted_apart(restricted):
    proxy = "10.0.0.1"
    attacker = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.66")
    for _ in range(6):
        try_password(attacker, restricted, "guess")
    assert try_password(attacker, restricted, PASSWORD).status_code == 429

    reader = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert try_password(reader, restricted, PASSWORD).status_code == 302
