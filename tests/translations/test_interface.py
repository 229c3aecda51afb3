"""The interface in the visitor's language: the catalogues are complete, and the pages a
visitor reads in Spanish, French or Arabic speak it (English stays as it was)."""

import ast
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from network.models import Region
from tests.factories import (
    MeetingIndexPageFactory,
    MembershipPageFactory,
    OrganisationFactory,
    StatementIndexPageFactory,
    StatementPageFactory,
)

COMPLETE_LANGUAGES = ["es", "fr"]


def catalogue(language):
    """The entries of a language's django.po: [{"msgctxt", "msgid", "msgid_plural",
    "msgstr": [forms], "fuzzy"}], the header left out (a small reader of the PO format)."""
    path = Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"
    entries, entry, field = [], None, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = line.strip()
        if not line:
            if entry and entry.get("msgid"):
                entries.append(entry)
            entry, field = None, None
            continue
        entry = entry if entry is not None else {"msgstr": {}, "fuzzy": False}
        if line.startswith("#,"):
            entry["fuzzy"] = "fuzzy" in line
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            value = ast.literal_eval(line)
            if isinstance(field, int):
                entry["msgstr"][field] += value
            else:
                entry[field] += value
        else:
            keyword, _, quoted = line.partition(" ")
            value = ast.literal_eval(quoted)
            if keyword.startswith("msgstr"):
                field = int(keyword[7:-1]) if "[" in keyword else 0
                entry["msgstr"][field] = value
            else:
                field = keyword
                entry[field] = value
    return entries


@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
def test_the_catalogue_translates_every_string_and_guesses_none(language):
    entries = catalogue(language)
    assert len(entries) > 500
    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"].values())]
    fuzzy = [e["msgid"] for e in entries if e["fuzzy"]]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", ["pt", "ar"])
def test_the_portuguese_and_arabic_catalogues_guess_nothing(language):
    entries = catalogue(language)
    assert [e["msgid"] for e in entries if e["fuzzy"]] == []
    navigation = {"Search", "How to search", "Recent changes", "Past versions", "Previous", "Next"}
    found = {e["msgid"]: e for e in entries if e["msgid"] in navigation and "msgctxt" not in e}
    assert set(found) == navigation
    assert all(entry["msgstr"][0] for entry in found.values())


def test_the_catalogue_reader_sees_untranslated_and_fuzzy_entries(tmp_path, settings):
    po = tmp_path / "xx" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr "Language: xx\\n"\n\n'
        'msgid "Done"\nmsgstr "Fait"\n\n'
        '#, fuzzy\nmsgid "Guessed"\nmsgstr "Deviné"\n\n'
        'msgid "Missing"\nmsgstr ""\n\n'
        'msgid "one"\nmsgid_plural "many"\nmsgstr[0] "un"\nmsgstr[1] ""\n',
        encoding="utf-8",
    )
    settings.LOCALE_PATHS = [tmp_path]
    entries = {e["msgid"]: e for e in catalogue("xx")}
    assert entries["Done"]["msgstr"] == {0: "Fait"} and not entries["Done"]["fuzzy"]
    assert entries["Guessed"]["fuzzy"]
    assert not all(entries["Missing"]["msgstr"].values())
    assert entries["one"]["msgstr"] == {0: "un", 1: ""}


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def text_of(response):
    return " ".join(parse(response).get_text(" ").split())


@pytest.fixture
def meetings(home):
    return MeetingIndexPageFactory(parent=home, slug="meetings", title="Meetings")


@pytest.mark.parametrize(
    ("language", "upcoming", "none_planned"),
    [
        ("es", "Próximas reuniones", "Todavía no hay ninguna reunión prevista."),
        ("fr", "Réunions à venir", "Aucune réunion n’est encore prévue."),
    ],
)
def test_the_meetings_page_speaks_the_visitors_language(
    client, home, meetings, translate, language, upcoming, none_planned
):
    translate(home, language)
    translated = translate(meetings, language)
    response = client.get(translated.url)
    assert response.status_code == 200
    headings = [h.get_text(strip=True) for h in parse(response).select("main h2")]
    assert upcoming in headings
    assert none_planned in text_of(response)
    english = text_of(client.get(meetings.url))
    assert "Upcoming meetings" in english and upcoming not in english


@pytest.mark.parametrize(
    ("language", "how_to_search", "label"),
    [
        ("es", "Cómo buscar", "Buscar en las reglas, la red y todas las reuniones"),
        ("fr", "Comment chercher", "Chercher dans les règles, le réseau et toutes les réunions"),
    ],
)
def test_the_search_page_and_its_help_speak_the_visitors_language(
    client, home, language, how_to_search, label
):
    response = client.get(f"/{language}/search/")
    assert response.status_code == 200
    soup = parse(response)
    assert soup.html["lang"] == language
    assert soup.select_one("#search-guidance-heading").get_text(strip=True) == how_to_search
    assert soup.select_one('label[for="search-page-query"]').get_text(strip=True) == label
    assert "How to search" in text_of(client.get("/search/"))


@pytest.mark.parametrize(
    ("language", "nothing_found"),
    [("es", "No se encontró nada para"), ("fr", "Rien n’a été trouvé pour")],
)
def test_search_results_and_notes_speak_the_visitors_language(
    client, home, language, nothing_found
):
    response = client.get(f"/{language}/search/", {"query": "zzyzx", "versions": "someday"})
    text = text_of(response)
    assert nothing_found in text
    assert "versions=someday" in text and "is not a choice" not in text


def test_the_arabic_search_page_reads_right_to_left_in_arabic(client, home):
    response = client.get("/ar/search/")
    assert response.status_code == 200
    soup = parse(response)
    assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")
    assert soup.select_one("main h1").get_text(strip=True) == "بحث"
    assert soup.select_one("#search-guidance-heading").get_text(strip=True) == "كيف تبحث"
    assert "How to search" not in text_of(response)


@pytest.fixture
def open_statement(home, translate):
    statements = StatementIndexPageFactory(parent=home, slug="statements")
    statement = StatementPageFactory(
        parent=statements, title="Statement on surveillance", slug="surveillance"
    )
    statement.save_revision().publish()
    return statements, statement


@pytest.mark.parametrize(
    ("language", "sign", "name_label", "not_sent"),
    [
        ("es", "Firmar esta declaración", "Su nombre", "Su firma no se envió"),
        ("fr", "Signer cette déclaration", "Votre nom", "Votre signature n’a pas été envoyée"),
    ],
)
def test_a_statement_and_its_signing_form_speak_the_visitors_language(
    client, home, open_statement, translate, language, sign, name_label, not_sent
):
    statements, statement = open_statement
    translate(home, language)
    translate(statements, language)
    translated = translate(statement, language)
    response = client.get(translated.url)
    assert response.status_code == 200
    soup = parse(response)
    assert soup.select_one("#sign-heading").get_text(strip=True) == sign
    assert soup.select_one('label[for="id_name"]').get_text(strip=True) == name_label
    refused = client.post(translated.url + "sign/", {"kind": "individual"})
    assert refused.status_code == 400
    assert not_sent in text_of(refused)
    assert translated.signatures.count() == 0


@pytest.mark.parametrize(
    ("language", "heading", "africa"),
    [("es", "Miembros por región", "África"), ("fr", "Membres par région", "Afrique")],
)
def test_the_membership_page_speaks_the_visitors_language(
    client, home, translate, language, heading, africa
):
    membership = MembershipPageFactory(parent=home, slug="membership", title="Membership")
    OrganisationFactory(name="Nairobi Rights", country="Kenya", region=Region.AFRICA)
    translate(home, language)
    translated = translate(membership, language)
    response = client.get(translated.url)
    assert response.status_code == 200
    soup = parse(response)
    assert heading in [h.get_text(strip=True) for h in soup.select("main h2")]
    row_headers = [th.get_text(strip=True) for th in soup.select("tbody th")]
    assert africa in row_headers
    assert "Africa" in [
        th.get_text(strip=True) for th in parse(client.get(membership.url)).select("tbody th")
    ]


def test_a_visitor_signs_in_spanish_and_is_written_to_and_thanked_in_spanish(
    client, home, open_statement, translate, mailoutbox
):
    statements, statement = open_statement
    translate(home, "es")
    translate(statements, "es")
    translated = translate(statement, "es")
    response = client.post(
        translated.url + "sign/",
        {
            "kind": "individual",
            "name": "Amina Odhiambo",
            "country": "KE",
            "email": "amina@example.org",
        },
    )
    assert response.status_code == 302
    assert "Revise su correo" in text_of(client.get(response["Location"]))
    message = mailoutbox[-1]
    assert message.subject.startswith("Confirme su firma: ")
    assert message.body.startswith("Hola, Amina Odhiambo:")
    assert "Para confirmar la firma, abra este enlace:" in message.body
    confirm = next(line for line in message.body.splitlines() if "/confirm/?token=" in line)
    path = "/" + confirm.split("://", 1)[1].split("/", 1)[1]
    assert path.startswith(translated.url)
    done = client.post(path)
    assert parse(done).h1.get_text(strip=True) == "Su firma está confirmada"
    summary = " ".join(
        parse(client.get(translated.url)).select_one("#signatories").get_text(" ").split()
    )
    assert "Firmada por 0 organizaciones y 1 persona: 1 de 1 (100%) del Sur Global." in summary


def test_countries_are_named_and_ordered_in_the_visitors_language(
    client, home, open_statement, translate
):
    statements, statement = open_statement
    translate(home, "es")
    translate(statements, "es")
    translated = translate(statement, "es")
    options = parse(client.get(translated.url)).select("#id_country option")
    names = {option["value"]: option.get_text() for option in options}
    assert (names["KE"], names["DE"], names["GB"]) == ("Kenia", "Alemania", "Reino Unido")
    shown = [option.get_text() for option in options[1:]]
    assert shown.index("Alemania") < shown.index("Austria") < shown.index("Kenia")
    english = parse(client.get(statement.url)).select("#id_country option")
    assert {option["value"]: option.get_text() for option in english}["DE"] == "Germany"


# The network's own apps, whose editing admin speaks the editor's language; the models that
# only the site itself reads (counts, indexes, journals and caches) are left out, as their
# fields are never shown to an editor.
ADMIN_APPS = [
    "core",
    "history",
    "home",
    "meetings",
    "moderation",
    "network",
    "notice",
    "opendata",
    "papers",
    "procedures",
    "search",
    "statements",
    "translations",
]
INTERNAL_MODELS = {
    "SignatureCount",
    "RevisionText",
    "PageWords",
    "IndexStatus",
    "VocabularyChange",
    "VocabularyState",
    "VocabularyWord",
}


def _blocks_under(block):
    """`block` and every block inside it (struct children, list items, stream children)."""
    yield block
    children = getattr(block, "child_blocks", None)
    if children:
        for child in children.values():
            yield from _blocks_under(child)
    elif getattr(block, "child_block", None) is not None:
        yield from _blocks_under(block.child_block)


def _fields_from_elsewhere(model):
    """The names of the fields `model` takes from abstract models of Wagtail or Django (a
    document's file, a task's groups), which their own catalogues translate."""
    return {
        field.name
        for base in model.__mro__[1:]
        if hasattr(base, "_meta") and base.__module__.split(".")[0] not in ADMIN_APPS
        for field in base._meta.local_fields + base._meta.local_many_to_many
    }


def admin_texts():
    """{(where, English text)} for every field label, help text, choice and StreamField block
    label of the models of ADMIN_APPS, read untranslated."""
    from django.apps import apps
    from django.utils import translation
    from modelcluster.fields import ParentalKey
    from wagtail.fields import StreamField

    texts = set()
    with translation.override(None):
        for app in ADMIN_APPS:
            for model in apps.get_app_config(app).get_models():
                if model.__name__ in INTERNAL_MODELS:
                    continue
                where = f"{app}.{model.__name__}"
                meta = model._meta
                texts |= {(where, str(meta.verbose_name)), (where, str(meta.verbose_name_plural))}
                inherited = _fields_from_elsewhere(model)
                for field in meta.local_fields + meta.local_many_to_many:
                    if field.auto_created or not field.editable or field.name in inherited:
                        continue
                    if isinstance(field, ParentalKey):  # an inline row's link to its page
                        continue
                    name = f"{where}.{field.name}"
                    texts.add((name, str(field.verbose_name)))
                    if field.help_text:
                        texts.add((name, str(field.help_text)))
                    texts |= {(name, str(label)) for _value, label in field.flatchoices or ()}
                    if isinstance(field, StreamField):
                        for block in _blocks_under(field.stream_block):
                            if block.label:
                                texts.add((name, str(block.label)))
                            if getattr(block.meta, "help_text", None):
                                texts.add((name, str(block.meta.help_text)))
    return texts


@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
def test_every_label_of_the_editing_admin_is_marked_and_translated(language):
    translated = {
        e["msgid"] for e in catalogue(language) if all(e["msgstr"].values()) and not e["fuzzy"]
    }
    texts = admin_texts()
    assert len(texts) > 300
    missing = sorted(f"{where}: {english}" for where, english in texts if english not in translated)
    assert missing == []
