"""Organisations and people in the admin, under one "Network" menu."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organisation, Person


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    list_display = ["name", "country", "region", "membership_status", "member_since", "is_example"]
    list_filter = ["region", "membership_status", "is_example"]
    search_fields = ["name", "country"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    list_display = ["name", "organisation", "country", "is_example"]
    list_filter = ["is_example"]
    search_fields = ["name"]


class NetworkViewSetGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, PersonViewSet)
    menu_icon = "globe"
    menu_label = "Network"
    menu_name = "network"


register_snippet(NetworkViewSetGroup)
