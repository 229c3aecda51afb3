"""Helpers for the search tests: run a search as a visitor does, read the results page, rebuild
the index."""

from django.core.management import call_command
from django.test import Client

from tests.html import parse, text


def reindex():
    call_command("update_index", verbosity=0)


def get(client=None, **params):
    return (client or Client()).get("/search/", params)


def results(response):
    """The title link of each result on a search page, in rank order."""
    return parse(response).select(".search-hit__title > a")


def titles(response):
    """The titles of the results on a search page, in rank order."""
    return [text(link) for link in results(response)]


def suggestion(response):
    """The spelling a search page offers, as (word, link): the link right after "Did you
    mean" or "Showing results for"; None when it offers none."""
    for link in parse(response).select("a[href]"):
        before = link.previous_sibling
        if isinstance(before, str) and before.split()[-3:] in (
            ["Did", "you", "mean"],
            ["Showing", "results", "for"],
        ):
            return text(link), link["href"]
    return None


def searched_as_typed(response):
    """The link to search for the words as typed, as (words, link): the link right after
    "Search instead for"; None when there is none."""
    for link in parse(response).select("a[href]"):
        before = link.previous_sibling
        if isinstance(before, str) and before.split()[-3:] == ["Search", "instead", "for"]:
            return text(link), link["href"]
    return None
