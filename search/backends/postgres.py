"""Wagtail's PostgreSQL search backend, with each object's language.

Wagtail's backend analyses all text with one configuration (``SEARCH_CONFIG``). Here an
object's text is indexed with the configuration of its locale's language (`locales`): the
server's configuration named as Django names the language in English ("spanish" for es,
"french", "portuguese", "arabic" …; PostgreSQL 15 has all four), ``SEARCH_CONFIG`` for the
site's own language (``LANGUAGE_CODE``) and objects without a locale, and "simple" (words
lower-cased, none stemmed or left out) for a language the server has no configuration for.
A search's words are analysed with the configuration of the language active when it runs
(Django's `get_language()`): on the site's /es/search/, Spanish, the language of the pages it
looks through. Autocomplete keeps Wagtail's "simple" configuration (prefixes, no stemming).
"""

import copy
from functools import lru_cache

from django.conf import settings
from django.db import router
from django.utils import translation
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

from .locales import analysis_language, object_languages

SIMPLE = "simple"


@lru_cache(maxsize=8)
def server_configs(alias):
    """The text search configurations of database `alias`'s server."""
    from django.db import connections

    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_catalog.pg_ts_config")
        return frozenset(row[0] for row in cursor.fetchall())


class LanguagePostgresIndex(PostgresIndex):
    """Indexes each object with its language's configuration: objects are written in one
    batch per language, each by Wagtail's index with the backend set to that configuration."""

    def add_items(self, model, objs):
        objs = list(objs)
        batches = {}
        for obj, language in zip(objs, object_languages(model, objs), strict=True):
            batches.setdefault(self.backend.config_for(language), []).append(obj)
        for config, batch in batches.items():
            PostgresIndex(self.backend.with_config(config)).add_items(model, batch)


class LanguageQueryCompiler(PostgresSearchQueryCompiler):
    """Analyses the search's words for the language being read."""

    def get_config(self, backend):
        return backend.config_for(analysis_language(translation.get_language()))


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = LanguageQueryCompiler
    index_class = LanguagePostgresIndex

    def config_for(self, language):
        """The configuration text in `language` is analysed with."""
        if language is None or language == analysis_language(settings.LANGUAGE_CODE):
            return self.config
        try:
            name = translation.get_language_info(language)["name"].lower()
        except KeyError:  # a language Django does not know
            return SIMPLE
        return name if name in server_configs(router.db_for_write(IndexEntry)) else SIMPLE

    def with_config(self, config):
        """This backend, analysing every object's text with `config`."""
        copied = copy.copy(self)
        copied.config = config
        return copied
