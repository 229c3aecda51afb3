"""Rows by a long list of primary keys (`core.keys.keys_in`): the same rows as `pk__in`."""

import pytest
from django.db import connection
from wagtail.models import Page

from core.keys import keys_in
from procedures.models import ProcedurePage
from tests.factories import ProcedurePageFactory

pytestmark = pytest.mark.django_db


def found(queryset, pks):
    return sorted(queryset.filter(keys_in(queryset, pks)).values_list("pk", flat=True))


def test_the_same_pages_as_an_in_list_for_page_and_specific_keys(wiki):
    procedures = [ProcedurePageFactory(parent=wiki) for _ in range(3)]
    every = list(Page.objects.values_list("pk", flat=True))
    asked = [procedures[2].pk, wiki.pk, procedures[0].pk, 10**9, procedures[0].pk]

    for queryset in (Page.objects.order_by(), ProcedurePage.objects.order_by()):
        for pks in (asked, every, asked[:1]):
            expected = sorted(queryset.filter(pk__in=pks).values_list("pk", flat=True))
            assert found(queryset, pks) == expected
    assert found(ProcedurePage.objects.all(), asked) == sorted({procedures[0].pk, procedures[2].pk})


def test_on_sqlite_integer_keys_are_one_parameter():
    queryset = Page.objects.order_by()
    sql, params = queryset.filter(keys_in(queryset, list(range(1, 2001)))).query.sql_with_params()

    if connection.vendor == "sqlite":
        assert "json_each" in sql
        assert len(params) == 1
    assert found(queryset, ["1", "2"]) == found(queryset.filter(pk__in=[1, 2]), [1, 2])
