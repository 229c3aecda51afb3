"""The OpenSearch and Elasticsearch settings the site builds are the ones modelsearch reads.

No server is needed: building a backend makes its client without connecting.
"""

import os
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured
from modelsearch.backends import import_backend
from wagtail.models import Page

from bbwiki.settings.base import search_backends

SERVERS = ["opensearch", "elasticsearch"]


def build(options):
    """The backend modelsearch makes from `options`, and the options it left unread."""
    params = dict(options)
    backend_class = import_backend(params.pop("BACKEND"))
    # Each backend pops what it reads from params; whatever is left, it never looked at.
    return backend_class(params), params


@pytest.mark.parametrize("name", SERVERS)
def test_every_option_the_site_sets_is_read(name):
    backend, unread = build(search_backends(name, "https://search.example:9243")["default"])
    assert unread == {}
    assert [(host["host"], host["port"]) for host in backend.hosts] == [("search.example", 9243)]


@pytest.mark.parametrize("name", SERVERS)
def test_indexes_are_named_with_the_site_prefix(name):
    backend, _ = build(search_backends(name, "http://127.0.0.1:9200")["default"])
    assert backend.get_index_for_model(Page).name == "bbwiki_wagtailcore_page"


@pytest.mark.parametrize("name", SERVERS)
def test_the_prefix_comes_from_the_environment(name):
    with mock.patch.dict(os.environ, {"BBWIKI_SEARCH_INDEX_PREFIX": "staging_"}):
        options = search_backends(name, "http://127.0.0.1:9200")["default"]
    backend, _ = build(options)
    assert backend.get_index_for_model(Page).name == "staging_wagtailcore_page"


@pytest.mark.parametrize("name", SERVERS)
def test_a_server_backend_without_its_address_is_a_clear_error(name):
    with pytest.raises(ImproperlyConfigured, match="address in BBWIKI_SEARCH_URL"):
        search_backends(name, None)


@pytest.mark.parametrize("name", SERVERS)
def test_a_missing_client_library_says_how_to_install_it(name):
    with (
        mock.patch("importlib.util.find_spec", return_value=None),
        pytest.raises(ImproperlyConfigured, match=rf"pip install -e '\.\[{name}\]'"),
    ):
        search_backends(name, "http://127.0.0.1:9200")
