"""Every translation says which approved version of its source it follows, and says so on the
page when the source has moved on."""

import pytest
from django.urls import reverse

from tests.html import parse, text
from translations.models import TranslationRecord

pytestmark = pytest.mark.django_db

SPANISH = "/es/procedures/joining-the-network/"


@pytest.fixture
def spanish_procedure(home, wiki, procedure, translate):
    translate(home, "es", title="Best Bits en español")
    translate(wiki, "es", title="Procedimientos")
    return translate(procedure, "es", title="Unirse a la red")


def publish_new_version(page, text_html):
    page.refresh_from_db()
    page = page.specific
    page.body[0].value["text"] = type(page.body[0].value["text"])(text_html)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def notice(client):
    return parse(client.get(SPANISH)).select_one(".staleness")


def test_an_up_to_date_translation_says_nothing(client, spanish_procedure):
    assert notice(client) is None


def test_a_new_source_version_shows_on_the_translation_with_the_diff(
    client, procedure, spanish_procedure
):
    procedure.refresh_from_db()
    first = procedure.live_revision_id
    procedure = publish_new_version(procedure, "<p>The amended text.</p>")
    shown = notice(client)
    assert text(shown).startswith(
        "Esta traducción sigue la versión 1 del texto original (Inglés); "
        "el original va ya por la versión 2."
    )
    link = shown.select_one("a")
    assert link["href"] == (
        f"/procedures/joining-the-network/history/{first}/{procedure.live_revision_id}/"
    )
    diff = client.get(link["href"])
    assert diff.status_code == 200
    assert "amended" in diff.content.decode()


def test_the_notice_goes_when_an_update_from_that_version_is_published(
    client, member, procedure, spanish_procedure
):
    procedure = publish_new_version(procedure, "<p>The amended text.</p>")
    client.force_login(member)
    screen = client.get(reverse("translations_update", args=[spanish_procedure.pk]))
    assert "amended" in screen.content.decode()
    client.post(reverse("translations_update", args=[spanish_procedure.pk]))
    client.logout()
    assert notice(client) is not None

    publish_new_version(spanish_procedure, "<p>El texto enmendado.</p>")
    assert notice(client) is None
    record = TranslationRecord.objects.get(translation=spanish_procedure)
    assert (record.follows_id, record.updating_to_id) == (procedure.live_revision_id, None)


def test_a_translation_change_without_an_update_keeps_the_notice(
    client, procedure, spanish_procedure
):
    publish_new_version(procedure, "<p>The amended text.</p>")
    publish_new_version(spanish_procedure, "<p>Una corrección.</p>")
    assert notice(client) is not None


def test_the_report_lists_out_of_date_translations_by_language(
    client, superuser, procedure, spanish_procedure
):
    client.force_login(superuser)
    report = reverse("translations_out_of_date")
    assert "Unirse a la red" not in text(parse(client.get(report)))
    publish_new_version(procedure, "<p>The amended text.</p>")
    listed = text(parse(client.get(report)))
    assert "Unirse a la red" in listed
    french = spanish_procedure.locale.__class__.objects.get(language_code="fr")
    assert "Unirse a la red" not in text(parse(client.get(report, {"locale": french.pk})))
    spanish = spanish_procedure.locale
    assert "Unirse a la red" in text(parse(client.get(report, {"locale": spanish.pk})))


def test_clause_anchors_are_the_same_in_every_language(client, procedure, spanish_procedure):
    english = parse(client.get(procedure.url)).select("[id=who-can-join]")
    spanish = parse(client.get(SPANISH)).select("[id=who-can-join]")
    assert len(english) == len(spanish) == 1


def test_members_who_translate_find_the_report(client, member, procedure, spanish_procedure):
    publish_new_version(procedure, "<p>The amended text.</p>")
    client.force_login(member)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("translations_out_of_date") in menu
    assert "Unirse a la red" in text(parse(client.get(reverse("translations_out_of_date"))))
