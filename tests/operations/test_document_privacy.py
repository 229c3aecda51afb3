"""A document in a restricted collection is read only through Wagtail's document view, which
checks who asks: its file is at no address an anonymous visitor can reach, on the development
server as in the production set-up README describes (the proxy serves the images alone)."""

import importlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import clear_url_caches
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db
SECRET = b"SECRET-COMMITTEE-PLAN"


def reload_urls():
    import bbwiki.urls

    importlib.reload(bbwiki.urls)
    clear_url_caches()


@pytest.fixture
def development_server(settings):
    """The site's URLs as `make run` serves them (DEBUG: static and media files too)."""
    settings.DEBUG = True
    reload_urls()
    yield
    settings.DEBUG = False
    reload_urls()


@pytest.fixture
def restricted_document(home):
    papers = Collection.get_first_root_node().add_child(name="Committee papers")
    CollectionViewRestriction.objects.create(
        collection=papers, restriction_type=CollectionViewRestriction.LOGIN
    )
    return get_document_model().objects.create(
        title="Plan", file=ContentFile(SECRET, name="plan.txt"), collection=papers
    )


def test_a_restricted_document_is_not_reachable_anonymously(
    client, development_server, restricted_document, member
):
    name = restricted_document.file.name
    assert name.startswith("documents/")
    addresses = [
        restricted_document.url,
        f"/media/{name}",
        f"/media/images/../{name}",
        f"/media/original_images/../{name}",
        f"/media/images/%2e%2e/{name}",
        f"/static/../media/{name}",
    ]

    for address in addresses:
        response = client.get(address)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 302 or 400 <= response.status_code < 500, address
        assert SECRET not in body, address
    assert "login" in client.get(restricted_document.url)["Location"]

    client.force_login(member)
    allowed = client.get(restricted_document.url)
    assert allowed.status_code == 200
    assert b"".join(allowed.streaming_content) == SECRET


def test_the_development_server_still_serves_images(client, development_server):
    name = default_storage.save("images/logo.txt", ContentFile(b"PUBLIC-IMAGE"))

    response = client.get(f"/media/{name}")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"PUBLIC-IMAGE"
