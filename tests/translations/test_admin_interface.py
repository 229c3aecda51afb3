"""The editing admin in the editor's language: an editor whose Wagtail profile asks for Spanish
sees the network's own fields, panels, blocks and moderation warnings in Spanish, through the
admin's own views; the English admin stays as it was."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.users.models import UserProfile

from moderation.constants import STEERING_COMMITTEE_GROUP
from moderation.models import QuorumApprovalTask
from tests.admin_forms import clause_form, edit_url, procedure_form
from tests.factories import OrganisationFactory
from tests.html import parse, text
from tests.moderation.helpers import save_draft, submit, workflow_action

pytestmark = pytest.mark.django_db


def speaks(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def field_labels(response):
    """The labels of the form's fields, as the editor reads them (required marks left out)."""
    return {
        text(label).rstrip(" *")
        for label in parse(response).select("label.w-field__label, legend.w-field__label")
    }


def panel_headings(response):
    return {text(heading).rstrip(" *") for heading in parse(response).select(".w-panel__heading")}


def block_definitions(response):
    """The StreamField's blocks as the editor's JavaScript receives them: their definitions
    and their values with any errors, decoded."""
    return [
        json.loads(element[attribute])
        for attribute in ("data-w-block-data-value", "data-w-block-arguments-value")
        for element in parse(response).select(f"[{attribute}]")
    ]


def strings_in(value, key=None):
    """Every string in decoded JSON `value` (only those under `key`, when given)."""
    if isinstance(value, dict):
        for name, item in value.items():
            if key is None or name != key or not isinstance(item, str):
                yield from strings_in(item, key)
            else:
                yield item
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item, key)
    elif isinstance(value, str) and key is None:
        yield value


def block_labels(response):
    """Every label in the StreamField's block definitions (the editor draws the blocks from
    them)."""
    return set(strings_in(block_definitions(response), key="label"))


def test_a_spanish_editor_edits_a_procedure_in_spanish(client, superuser, procedure):
    client.force_login(speaks(superuser, "es"))

    response = client.get(edit_url(procedure))

    assert response.status_code == 200
    labels = field_labels(response)
    assert {"Tema", "Estado"} <= labels
    assert {"Topic", "Status"}.isdisjoint(labels)
    headings = panel_headings(response)
    assert {"Resumen", "Situación", "Cuerpo", "Procedimientos relacionados"} <= headings
    assert "Resumen del cambio" in headings
    assert {"Summary", "Standing", "Body", "Related procedures", "Change summary"}.isdisjoint(
        headings
    )
    blocks = block_labels(response)
    assert {"Cláusula", "Encabezado", "Ancla", "Texto", "Subcláusulas", "Subcláusula"} <= blocks
    assert {"Clause", "Heading", "Anchor", "Sub-clause"}.isdisjoint(blocks)


def test_the_english_editor_keeps_the_english_labels(client, superuser, procedure):
    client.force_login(superuser)

    response = client.get(edit_url(procedure))

    assert {"Topic", "Status"} <= field_labels(response)
    assert "Standing" in panel_headings(response)
    assert {"Clause", "Heading", "Sub-clause"} <= block_labels(response)


def test_a_duplicate_anchor_is_refused_in_spanish(client, superuser, procedure):
    client.force_login(speaks(superuser, "es"))
    clauses = [clause_form("Uno", anchor="mismo"), clause_form("Dos", anchor="mismo")]
    data = procedure_form(title=procedure.title, clauses=clauses)

    response = client.post(edit_url(procedure), data)

    assert response.status_code == 200
    errors = " ".join(strings_in(block_definitions(response)))
    assert "Otra cláusula ya usa el ancla «mismo»; las anclas deben ser únicas." in errors
    assert "anchors must be unique" not in errors


def test_a_spanish_editor_creates_and_edits_an_organisation_in_spanish(client, superuser):
    client.force_login(speaks(superuser, "es"))

    add = client.get(reverse("wagtailsnippets_network_organisation:add"))

    assert add.status_code == 200
    assert {"País", "Región", "Estado de membresía", "Miembro desde"} <= field_labels(add)
    assert {"Nombre", "Dónde", "Sitio web", "Membresía", "Ejemplo"} <= panel_headings(add)
    assert {"Where", "Country", "Membership status"}.isdisjoint(
        field_labels(add) | panel_headings(add)
    )
    organisation = OrganisationFactory(name="Red de ejemplo")
    edit = client.get(reverse("wagtailsnippets_network_organisation:edit", args=[organisation.pk]))
    assert edit.status_code == 200
    assert "Dónde" in panel_headings(edit) and "Where" not in panel_headings(edit)
    options = {text(o) for o in parse(edit).select('select[name="membership_status"] option')}
    assert {"Solicitada", "Suspendida", "Antiguo miembro"} <= options


@pytest.fixture
def four_committee_members(committee, django_user_model):
    """A committee of four, of whom three must approve a change."""
    fourth = django_user_model.objects.create_user("sc4", "sc4@example.org", "pw")
    fourth.groups.add(Group.objects.get(name=STEERING_COMMITTEE_GROUP))
    QuorumApprovalTask.objects.update(required_approvals=3)
    return [*committee, fourth]


def warnings_on_opening(client, user, page):
    client.logout()
    client.force_login(user)
    response = client.get(edit_url(page))
    assert response.status_code == 200
    return " ".join(str(message) for message in response.wsgi_request._messages)


def test_the_edit_warning_speaks_spanish_with_the_right_plurals(
    client, member, four_committee_members, procedure
):
    sc1, sc2, sc3, sc4 = four_committee_members
    client.force_login(member)
    submit(client, procedure, "The member's text.")
    client.logout()
    client.force_login(sc1)
    workflow_action(client, procedure, "approve")

    one = warnings_on_opening(client, speaks(sc3, "es"), procedure)

    assert "Este cambio está en revisión. Si guarda una edición de su texto:" in one
    assert "La 1 aprobación dada hasta ahora dejaría de contar." in one
    assert "3 personas aún podrían dar las aprobaciones que necesita (3)." in one
    assert "approval" not in one

    client.logout()
    client.force_login(sc2)
    workflow_action(client, procedure, "approve")
    two = warnings_on_opening(client, sc3, procedure)

    assert "Las 2 aprobaciones dadas hasta ahora dejarían de contar." in two
    assert "aprobación dada" not in two
    english = warnings_on_opening(client, sc4, procedure)
    assert "The 2 approvals given so far would no longer count." in english


def test_the_author_is_told_in_spanish_and_french_where_their_change_stands(
    client, member, committee, procedure
):
    client.force_login(member)
    submit(client, procedure, "The member's text.")

    spanish = warnings_on_opening(client, speaks(member, "es"), procedure)
    french = warnings_on_opening(client, speaks(member, "fr"), procedure)

    assert "Su cambio está en revisión (0 de 2 aprobaciones)." in spanish
    assert "Votre modification est en cours d’examen (0 approbations sur 2)." in french


def test_a_stale_decision_is_still_a_conflict_when_the_refusal_is_in_spanish(
    client, member, committee, procedure
):
    client.force_login(member)
    submit(client, procedure, "Text A.")
    procedure.refresh_from_db()
    read_a = procedure.get_latest_revision().pk
    client.logout()
    client.force_login(committee[2])
    save_draft(client, procedure, "Text B.")
    client.logout()
    client.force_login(speaks(committee[0], "es"))

    stale = workflow_action(client, procedure, "approve", revision_id=read_a)
    assert stale.status_code == 409
    assert "Este cambio se editó después de la versión que usted leyó" in text(parse(stale))

    workflow_action(client, procedure, "approve")
    client.logout()
    client.force_login(speaks(committee[2], "es"))
    own = workflow_action(client, procedure, "approve")
    assert own.status_code == 403
    assert "no puede aprobarlo" in text(parse(own))
