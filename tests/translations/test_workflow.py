"""A translation is a change like any other: a draft in its language, which goes live only
through the steering committee's approval."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from tests.admin_forms import edit_url, procedure_edit_form
from tests.html import parse, text
from tests.moderation.helpers import submit, workflow_action
from translations.models import TranslationRecord

pytestmark = pytest.mark.django_db


def translate_url(page):
    return reverse("simple_translation:submit_page_translation", args=[page.pk])


@pytest.fixture
def spanish_parents(home, wiki, translate):
    translate(home, "es", title="Best Bits en español")
    translate(wiki, "es", title="Procedimientos")


def locale(code):
    return Locale.objects.get(language_code=code)


def test_a_member_copies_a_page_into_a_draft_in_the_language(
    client, member, procedure, spanish_parents
):
    client.force_login(member)
    response = client.post(translate_url(procedure), {"locales": [locale("es").pk]})
    draft = procedure.get_translation(locale("es"))
    assert response.status_code == 302
    assert response["Location"] == edit_url(draft)
    assert not draft.live
    assert client.get("/es/procedures/joining-the-network/").status_code == 404
    record = TranslationRecord.objects.get(translation=draft)
    procedure.refresh_from_db()
    assert (record.source_id, record.follows_id) == (procedure.pk, procedure.live_revision_id)


def test_a_translator_cannot_publish_and_the_committee_approves_the_translation(
    client, member, committee, procedure, spanish_parents
):
    client.force_login(member)
    client.post(translate_url(procedure), {"locales": [locale("es").pk]})
    draft = procedure.get_translation(locale("es")).specific

    data = procedure_edit_form(draft, text="El texto traducido.", change_summary="Traducción.")
    data["action-publish"] = "action-publish"
    client.post(edit_url(draft), data)
    draft.refresh_from_db()
    assert not draft.live

    submit(client, draft, "El texto traducido.", summary="Primera traducción al español.")
    for approver in committee[:2]:
        client.force_login(approver)
        workflow_action(client, draft, "approve")
    draft.refresh_from_db()
    assert draft.live

    page = client.get("/es/procedures/joining-the-network/")
    assert "El texto traducido." in page.content.decode()
    history = text(parse(client.get("/es/procedures/joining-the-network/history/")))
    assert "Primera traducción al español." in history


def test_translating_into_a_language_that_is_not_enabled_is_refused(
    client, member, procedure, spanish_parents
):
    german = Locale.objects.create(language_code="de")
    client.force_login(member)
    response = client.post(translate_url(procedure), {"locales": [german.pk]})
    assert response.status_code == 200
    assert "is not a language this page can be translated into" in response.content.decode()
    assert not Page.objects.filter(locale=german).exists()


def test_translating_under_a_parent_not_in_the_language_is_refused(
    client, member, procedure, spanish_parents
):
    client.force_login(member)
    response = client.post(translate_url(procedure), {"locales": [locale("fr").pk]})
    assert response.status_code == 200
    assert "“Procedures” is not in Français yet" in response.content.decode()
    assert not Page.objects.filter(locale=locale("fr")).exists()


def test_the_translate_screen_offers_only_enabled_languages(
    client, member, procedure, spanish_parents
):
    Locale.objects.create(language_code="de")
    client.force_login(member)
    screen = parse(client.get(translate_url(procedure)))
    offered = {box["value"] for box in screen.select('input[name="locales"]')}
    assert offered == {str(locale(code).pk) for code in ("es", "fr", "pt", "ar")}
