"""Helpers for the search tests: run a search as a visitor does, rebuild the index."""

from django.core.management import call_command
from django.test import Client


def reindex():
    call_command("update_index", verbosity=0)


def get(client=None, **params):
    return (client or Client()).get("/search/", params)
