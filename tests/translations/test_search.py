"""Search in the language being read: /es/search/ finds the Spanish pages, and offers the
English search when it finds nothing."""

from tests.html import parse


def test_search_finds_pages_in_the_language_being_read(client, spanish, whoosh):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    english = parse(client.get("/search/", {"query": "Unirse"}))
    assert english.select_one(".search-count").get_text(" ", strip=True).startswith("Nothing found")
    spanish_results = parse(client.get("/es/search/", {"query": "Unirse"}))
    assert [a["href"] for a in spanish_results.select(".search-hits h2 a, .search-hits h3 a")][
        :1
    ] == ["/es/procedures/joining-the-network/"]
    nothing = parse(client.get("/es/search/", {"query": "quince"}))
    assert nothing.select_one(".search-notice a[lang=en-gb]")["href"] == ("/search/?query=quince")


def test_spanish_search_finds_the_spanish_objectives_by_a_word_and_its_stem(
    client, home, translate, any_backend
):
    from django.core.management import call_command
    from django.db import connection

    from procedures.models import Objective
    from tests.factories import ObjectivesPageFactory

    objectives = ObjectivesPageFactory(parent=home, slug="objectives")
    translate(home, "es", title="Best Bits en español")
    translate(
        objectives,
        "es",
        title="Declaración de objetivos acordada",
        objectives=[Objective(text="Reforzar la participación del Sur Global.")],
    )
    call_command("update_index", verbosity=0)
    # Whoosh (a fresh clone's backend) and PostgreSQL's "spanish" configuration stem
    # "objetivos" and "objetivo" alike; SQLite's full-text search, under the database
    # backend, matches whole words only.
    stems = any_backend == "whoosh" or connection.vendor == "postgresql"
    words = ("objetivos", "objetivo") if stems else ("objetivos",)
    for word in words:
        found = parse(client.get("/es/search/", {"query": word}))
        hrefs = [a["href"] for a in found.select(".search-hit__title a")]
        assert hrefs == ["/es/objectives/"], word
