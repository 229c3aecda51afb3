"""A statement open for signatures, and helpers to sign it as a visitor would."""

import re

import pytest
from django.core import mail

from tests.factories import StatementIndexPageFactory, StatementPageFactory

LINK = re.compile(r"^(https?://\S+/(confirm|withdraw|reconfirm)/\?token=\S+)$", re.MULTILINE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with no signing attempts counted."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def statements(home):
    return StatementIndexPageFactory(parent=home, slug="statements")


@pytest.fixture
def statement(statements):
    """An open statement with one published version."""
    page = StatementPageFactory(
        parent=statements,
        title="Statement on surveillance",
        slug="surveillance",
        body="<p>We oppose mass surveillance.</p>",
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def individual(**overrides):
    return {
        "kind": "individual",
        "name": "Amina Odhiambo",
        "affiliation": "University of Nairobi",
        "country": "KE",
        "email": "amina@example.org",
        "comment": "Surveillance harms us all.",
        **overrides,
    }


def organisation(**overrides):
    return {
        "kind": "organisation",
        "organisation_name": "Derechos Digitales",
        "role": "Director",
        "website": "https://example.org/dd",
        "name": "Rosa Quispe",
        "country": "CL",
        "email": "rosa@example.org",
        **overrides,
    }


def links(message=None):
    """{action: absolute URL} of the links in the last email sent (or `message`)."""
    message = message or mail.outbox[-1]
    return {action: url for url, action in LINK.findall(message.body)}


def path_of(url):
    """The path and query of an absolute URL, for the test client."""
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def sign(client, statement, data):
    return client.post(statement.url + "sign/", data)


def sign_and_confirm(client, statement, data):
    response = sign(client, statement, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    confirmed = client.post(path_of(links()["confirm"]))
    assert confirmed.status_code == 200
