"""Organisations and people in the admin, under one "Network" menu.

A record that a live page shows is changed or deleted only by an administrator
(`network.permissions`): the edit and delete views refuse anyone else, with the reason.
"""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from .models import Organisation, Person
from .permissions import REFUSAL


class GuardedRecordMixin:
    """Refuses, before anything is shown or saved, to change or delete a record that a live
    page shows, unless the policy allows it for this person."""

    guarded_action = None

    def dispatch(self, request, *args, **kwargs):
        policy = self.permission_policy
        if not policy.user_has_permission_for_instance(
            request.user, self.guarded_action, self.object
        ):
            return TemplateResponse(request, "core/refused.html", {"message": REFUSAL}, status=403)
        return super().dispatch(request, *args, **kwargs)


class RecordEditView(GuardedRecordMixin, EditView):
    guarded_action = "change"


class RecordDeleteView(GuardedRecordMixin, DeleteView):
    guarded_action = "delete"


class RecordViewSet(SnippetViewSet):
    edit_view_class = RecordEditView
    delete_view_class = RecordDeleteView


class OrganisationViewSet(RecordViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "country", "region", "membership_status", "member_since", "is_example"]
    list_filter = ["region", "membership_status", "is_example"]
    search_fields = ["name", "country"]


class PersonViewSet(RecordViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "organisation", "country", "is_example"]
    list_filter = ["is_example"]
    search_fields = ["name"]


class NetworkViewSetGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, PersonViewSet)
    menu_icon = "globe"
    menu_label = _("Network")
    menu_name = "network"


register_snippet(NetworkViewSetGroup)
