"""The thesaurus in the admin, under Settings beside the editors' picks (Promoted search
results): the steering committee keeps both (permissions from migration 0004)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import ThesaurusEntry


class ThesaurusViewSet(ModelViewSet):
    model = ThesaurusEntry
    icon = "search"
    menu_label = _("Search thesaurus")
    add_to_settings_menu = True
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]
    form_fields = ["terms", "note"]


@hooks.register("register_admin_viewset")
def register_thesaurus():
    return ThesaurusViewSet("thesaurus")
