"""The OpenSearch or Elasticsearch backend against a real server, when BBWIKI_SEARCH_URL answers.

CI runs no search server, so there these tests are skipped with the reason. To run them:
`BBWIKI_SEARCH_URL=http://127.0.0.1:9200 make test-sqlite`. The server's own answer says
whether it is OpenSearch or Elasticsearch; the tests build their indexes under a prefix of their
own and delete them afterwards, so they never touch the site's indexes on the same server.
"""

import json
import os
import urllib.error
import urllib.request
import uuid
from unittest import mock

import pytest
from django.core.management import call_command
from wagtail.models import Page

from bbwiki.settings.base import search_backends
from tests.factories import ProcedurePageFactory

SEARCH_URL = os.environ.get("BBWIKI_SEARCH_URL", "").strip()


def server_kind():
    """("opensearch" | "elasticsearch", None) for the server at SEARCH_URL, else (None, why not)."""
    if not SEARCH_URL:
        return None, "search server tests skipped: BBWIKI_SEARCH_URL is not set"
    try:
        with urllib.request.urlopen(SEARCH_URL, timeout=3) as response:  # noqa: S310 - the operator's URL
            about = json.load(response)
    except (OSError, ValueError) as error:
        return None, f"search server tests skipped: {SEARCH_URL} does not answer ({error})"
    distribution = about.get("version", {}).get("distribution", "elasticsearch")
    if distribution not in {"opensearch", "elasticsearch"}:
        return None, f"search server tests skipped: {SEARCH_URL} is {distribution!r}"
    return distribution, None


@pytest.fixture
def search_server(settings):
    """The site's backend for the server at BBWIKI_SEARCH_URL, on indexes of this test's own."""
    kind, reason = server_kind()
    if reason:
        pytest.skip(reason)
    from modelsearch.backends import get_search_backend

    prefix = f"bbwiki_test_{uuid.uuid4().hex[:12]}_"
    with mock.patch.dict(os.environ, {"BBWIKI_SEARCH_INDEX_PREFIX": prefix}):
        settings.WAGTAILSEARCH_BACKENDS = search_backends(kind, SEARCH_URL)
    backend = get_search_backend()
    yield backend, prefix
    # Named one by one: Elasticsearch refuses to delete indexes by wildcard by default.
    for name in backend.es.indices.get(index=f"{prefix}*"):
        backend.es.indices.delete(index=name)


def test_update_index_builds_the_indexes_under_the_site_prefix(search_server, wiki):
    backend, prefix = search_server
    ProcedurePageFactory(parent=wiki, title="Joining the network")
    call_command("update_index", verbosity=0)
    # Both clients answer with a mapping of index names (keys) to their aliases.
    answer = backend.es.indices.get_alias(index=f"{prefix}*")
    aliases = {alias for index in answer for alias in answer[index]["aliases"]}
    assert f"{prefix}wagtailcore_page" in aliases


def test_published_pages_are_found_and_unpublished_ones_are_not(search_server, wiki):
    backend, _ = search_server
    joining = ProcedurePageFactory(parent=wiki, title="Joining the network")
    ProcedurePageFactory(parent=wiki, title="Leaving the network")
    call_command("update_index", verbosity=0)
    backend.refresh_indexes()
    found = {page.title for page in Page.objects.live().search("joining", backend="default")}
    assert found == {"Joining the network"}

    joining.unpublish()
    backend.refresh_indexes()
    assert not list(Page.objects.live().search("joining", backend="default"))
