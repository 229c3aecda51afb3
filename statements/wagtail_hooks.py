"""Signatures in the admin: the committee reviews confirmed ones, hides spam or impersonation
with a reason, and exports the list (CSV or XLSX) with the filters applied.

Nobody adds or deletes a signature here (`ReviewOnlyPolicy`): signatures come from the public
form only. The committee holds view and change permissions (migration 0002).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from .models import Signature


class ReviewOnlyPolicy(ModelPermissionPolicy):
    """Signatures are reviewed here, never added (no one signs for another) nor deleted (a
    signature is hidden with a reason, or its signer withdraws it): not even by a superuser."""

    def user_has_permission(self, user, action):
        return action not in {"add", "delete"} and super().user_has_permission(user, action)


class SignatureEditView(EditView):
    def save_instance(self):
        was_public = Signature.objects.get(pk=self.object.pk).is_public
        instance = super().save_instance()
        instance.record_review(self.request.user, was_public)
        return instance


class SignatureViewSet(SnippetViewSet):
    model = Signature
    icon = "pick"
    menu_label = _("Signatures")
    menu_order = 250
    add_to_admin_menu = True
    edit_view_class = SignatureEditView
    list_display = [
        "display_name",
        "kind",
        "statement",
        "country_name",
        "region",
        "status",
        "review",
        "organisation",
        "confirmed_at",
    ]
    list_filter = ["statement", "review", "kind", "region"]
    # Searched in the database: signatures are not in the site's search index.
    search_backend_name = None
    search_fields = ["name", "organisation_name", "email", "comment"]
    list_export = [
        "pk",
        "statement",
        "kind",
        "organisation_name",
        "name",
        "role",
        "email",
        "country",
        "region",
        "website",
        "comment",
        "confirmed_at",
        "withdrawn_at",
        "status",
        "review",
        "hidden_reason",
        "organisation",
    ]
    export_filename = "signatures"
    ordering = ["-confirmed_at", "-pk"]

    def get_queryset(self, request):
        """Confirmed signatures only: the others are not signatures yet."""
        return Signature.objects.filter(confirmed_at__isnull=False).select_related(
            "statement", "organisation"
        )


register_permission_policy(Signature, ReviewOnlyPolicy(Signature))
register_snippet(SignatureViewSet)
