"""Search in the visitor's language: Spanish pages are indexed and searched in Spanish (stems
and filler words), "did you mean" offers Spanish words at /es/search/, the header box suggests
Spanish titles, and a Spanish search that finds nothing shows the English pages that have the
words."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from tests.html import parse, text

pytestmark = pytest.mark.django_db

OBJECTIVES_ES = "Declaración de objetivos acordada"


@pytest.fixture
def objectives(home, translate):
    """The agreed statement of objectives in English and in Spanish."""
    from procedures.models import Objective
    from tests.factories import ObjectivesPageFactory

    english = ObjectivesPageFactory(
        parent=home,
        slug="objectives",
        objectives=["To strengthen the participation of the Global South.", "To share quince."],
    )
    translate(home, "es", title="Best Bits en español")
    spanish = translate(
        english,
        "es",
        title=OBJECTIVES_ES,
        objectives=[
            Objective(text="Reforzar la participación del Sur Global."),
            Objective(text="Compartir información entre las organizaciones."),
        ],
    )
    return {"en": english, "es": spanish}


def found(path, query, client=None):
    page = parse((client or Client()).get(path, {"query": query}))
    return [a["href"] for a in page.select(".search-results .search-hit__title a")]


def suggestion(response):
    """The word "did you mean" offers on a search page (in the page's language), or None."""
    link = parse(response).select_one(".search-suggestion a")
    return None if link is None else (text(link), link["href"])


def stems_in_spanish(backend):
    """Whether the backend stems Spanish: Whoosh, and the database backend on PostgreSQL (its
    "spanish" configuration); SQLite's full-text search matches whole words only."""
    return backend == "whoosh" or connection.vendor == "postgresql"


def test_spanish_words_find_spanish_pages_by_their_spanish_stems(objectives, any_backend):
    call_command("update_index", verbosity=0)
    assert found("/es/search/", "objetivos") == ["/es/objectives/"]
    # Filler words of Spanish are left out, as English ones are in English.
    assert found("/es/search/", "los objetivos del Sur") == ["/es/objectives/"]
    if stems_in_spanish(any_backend):
        # "objetivo" and "objetivos", "participar" and "participación" share a Spanish stem
        # (English stemming leaves "participación" whole).
        assert found("/es/search/", "objetivo") == ["/es/objectives/"]
        assert found("/es/search/", "participar") == ["/es/objectives/"]
    # The English search finds the English page only.
    assert found("/search/", "participation") == ["/objectives/"]
    if stems_in_spanish(any_backend):
        assert found("/search/", "participating") == ["/objectives/"]
    assert found("/search/", "participación") == []


def test_a_question_in_spanish_is_read_for_its_subject(objectives, any_backend):
    assert found("/es/search/", "¿Cuáles son los objetivos?") == ["/es/objectives/"]
    spanish = Client().get("/es/search/autocomplete/", {"query": "cómo declar"})
    assert [s["title"] for s in spanish.json()["results"]] == [OBJECTIVES_ES]


def test_did_you_mean_offers_words_of_the_pages_in_the_language_being_read(objectives, any_backend):
    spanish = Client().get("/es/search/", {"query": "participasion"})
    assert suggestion(spanish)[0] == "participación"
    assert found("/es/search/", "participasion") == ["/es/objectives/"]
    # A typo close to a word of the English pages and of the Spanish ones: each language
    # offers its own word.
    assert suggestion(Client().get("/es/search/", {"query": "objectivos"}))[0] == "objetivos"
    assert suggestion(Client().get("/search/", {"query": "objectivos"}))[0] == "objectives"
    # A correct Spanish word no Spanish page uses is not "corrected" into an English one.
    assert suggestion(Client().get("/es/search/", {"query": "compartiendo"})) is None


def test_the_header_box_suggests_titles_in_the_language_being_read(objectives, any_backend):
    spanish = Client().get("/es/search/autocomplete/", {"query": "declar"}).json()["results"]
    assert [(s["title"], s["url"]) for s in spanish] == [(OBJECTIVES_ES, "/es/objectives/")]
    english = Client().get("/search/autocomplete/", {"query": "declar"}).json()["results"]
    assert english == []
    agreed = Client().get("/search/autocomplete/", {"query": "agreed stat"}).json()["results"]
    assert [s["url"] for s in agreed] == ["/objectives/"]


def test_a_spanish_search_that_finds_nothing_shows_the_english_pages_with_the_words(
    objectives, any_backend
):
    page = parse(Client().get("/es/search/", {"query": "quince"}))
    assert found("/es/search/", "quince") == []
    source = page.select_one(".search-source")
    assert [a["href"] for a in source.select(".search-hit__title a")] == ["/objectives/"]
    assert source.select_one(".search-hit__title")["lang"] == "en-gb"
    assert "quince" in [text(mark) for mark in source.select("mark")]
    # The Spanish pages that have the words come first, and alone.
    page = parse(Client().get("/es/search/", {"query": "objetivos"}))
    assert page.select_one(".search-source") is None
    # Nothing in English either: nothing to show, and nothing in English for /search/.
    page = parse(Client().get("/es/search/", {"query": "zzyzx"}))
    assert page.select_one(".search-source") is None
    assert parse(Client().get("/search/", {"query": "zzyzx"})).select_one(".search-source") is None


def test_rebuild_vocabulary_reports_each_language(objectives):
    from io import StringIO

    out = StringIO()
    call_command("rebuild_vocabulary", stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "Spelling vocabulary rebuilt (en)",
        "Spelling vocabulary rebuilt (es)",
    ]
    assert lines[1].endswith("from 2 pages.")  # the Spanish home page and objectives
