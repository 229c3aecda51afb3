"""The site in several languages: addresses, the language of each page, the switcher and
the alternates search engines read."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

PROCEDURE = "/procedures/joining-the-network/"


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_enabled_languages_have_locales(db):
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert {"en-gb", "es", "fr", "pt", "ar"} <= codes


def test_english_addresses_are_unchanged_and_say_they_are_english(client, procedure):
    response = client.get(PROCEDURE)
    assert response.status_code == 200
    html = parse(response).html
    assert (html["lang"], html["dir"]) == ("en-gb", "ltr")
    assert response["Content-Language"] == "en-gb"
    assert "Accept-Language" not in response.get("Vary", "")


def test_a_translation_is_served_under_its_language_prefix_in_its_language(client, spanish):
    assert spanish["procedure"].url == "/es/procedures/joining-the-network/"
    response = client.get("/es/procedures/joining-the-network/")
    assert response.status_code == 200
    soup = parse(response)
    assert (soup.html["lang"], soup.html["dir"]) == ("es", "ltr")
    assert soup.h1.get_text(strip=True) == "Unirse a la red"
    assert soup.select_one(".site-name")["href"] == "/es/"
    assert client.get("/es/").status_code == 200


def test_arabic_pages_read_right_to_left(client, home, translate):
    translate(home, "ar", title="بيست بيتس")
    html = parse(client.get("/ar/")).html
    assert (html["lang"], html["dir"]) == ("ar", "rtl")


@pytest.mark.parametrize("address", ["/de/", "/xx/procedures/", "/en/", "/es-xx/"])
def test_an_unknown_language_prefix_is_not_found(client, spanish, address):
    assert client.get(address).status_code == 404


def test_an_address_in_a_language_the_home_page_is_not_in_leads_to_the_page(client, procedure):
    response = client.get("/pt/procedures/joining-the-network/")
    assert response.status_code == 302
    assert response["Location"] == PROCEDURE


def test_the_switcher_lists_the_languages_the_page_can_be_read_in(
    client, home, wiki, procedure, spanish, translate
):
    translate(home, "fr")
    translate(wiki, "fr")
    translate(procedure, "fr").unpublish()
    soup = parse(client.get(PROCEDURE))
    switcher = soup.select_one("nav.languages")
    assert [a["href"] for a in switcher.select("a")] == ["/es/procedures/joining-the-network/"]
    assert switcher.select_one("[aria-current]").get_text() == "English"
    alternates = {
        link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')
    }
    assert alternates == {
        "en-gb": "http://localhost" + PROCEDURE,
        "x-default": "http://localhost" + PROCEDURE,
        "es": "http://localhost/es/procedures/joining-the-network/",
    }


def test_a_page_in_one_language_has_no_switcher(client, procedure):
    soup = parse(client.get(PROCEDURE))
    assert soup.select_one("nav.languages") is None
    assert not soup.select('link[rel="alternate"][hreflang]')


def test_sections_without_a_translation_link_to_their_english_page(client, home, wiki, translate):
    translate(home, "es", title="Best Bits en español")
    section = parse(client.get("/es/")).select_one(".site-nav a")
    assert (section["href"], section["hreflang"], section.get_text()) == (
        "/procedures/",
        "en-gb",
        "Procedures",
    )
    translate(wiki, "es", title="Procedimientos")
    section = parse(client.get("/es/")).select_one(".site-nav a")
    assert (section["href"], section.get("hreflang"), section.get_text()) == (
        "/es/procedures/",
        None,
        "Procedimientos",
    )


def test_the_interface_is_in_the_page_language(client, spanish, translate, home):
    spanish_home = parse(client.get("/es/"))
    assert spanish_home.select_one("#sections-heading").get_text() == "Secciones"
    assert spanish_home.select_one(".skip-link").get_text() == "Saltar al contenido"
    english_home = parse(client.get("/"))
    assert english_home.select_one("#sections-heading").get_text() == "Sections"
    translate(home, "fr")
    french_home = parse(client.get("/fr/"))
    assert french_home.select_one("#sections-heading").get_text() == "Rubriques"
    procedure = parse(client.get("/es/procedures/joining-the-network/"))
    assert procedure.select_one("#toc-heading").get_text() == "Contenido"
