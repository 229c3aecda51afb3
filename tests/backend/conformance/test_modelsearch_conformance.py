"""django-modelsearch's own backend test suite, run against the Whoosh backend.

Besides ``BackendTests``, the modelsearch test modules that hold for any backend
(indexing functions, signal handlers, query parsing, related-field selection) run
here too, under the same settings.
"""

from django.test import TestCase
from modelsearch.tests.test_backends import BackendTests
from modelsearch.tests.test_index_functions import (
    TestGetIndexedInstance,
    TestInsertOrUpdateObject,
    TestRemoveObject,
    TestSignalHandlers,
    TestSignalHandlersSearchDisabled,
)
from modelsearch.tests.test_indexed_class import TestContentTypeNames, TestSearchFields
from modelsearch.tests.test_queries import (
    TestBalancedReduce,
    TestParseQueryString,
    TestQueryStringNormalisation,
    TestSeparateFiltersFromQuery,
)
from modelsearch.tests.test_related_fields import TestSelectOnQuerySet


class TestWhooshBackend(BackendTests, TestCase):
    backend_path = "search.backends.whoosh"


__all__ = [
    "TestBalancedReduce",
    "TestContentTypeNames",
    "TestGetIndexedInstance",
    "TestInsertOrUpdateObject",
    "TestParseQueryString",
    "TestQueryStringNormalisation",
    "TestRemoveObject",
    "TestSearchFields",
    "TestSelectOnQuerySet",
    "TestSeparateFiltersFromQuery",
    "TestSignalHandlers",
    "TestSignalHandlersSearchDisabled",
    "TestWhooshBackend",
]
