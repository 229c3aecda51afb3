"""Hooks of the public record: how change summaries read in the page's admin log, and a
view-restricted page's data is never served."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from core.data_responses import json_error

from .mixin import JSON_SUFFIX
from .summaries import CHANGE_SUMMARY_ACTION

NO_PUBLIC_PAGE = "There is no public page at this address."


# Before Wagtail's own check, which would send the visitor to log in instead.
@hooks.register("before_serve_page", order=-1)
def refuse_restricted_page_data(page, request, serve_args, serve_kwargs):
    """A page's JSON routes (`history.json`, `as-of/<day>.json`) answer only for pages anyone
    may read: for a view-restricted page they are not found, whoever asks."""
    if request.path.endswith(JSON_SUFFIX) and page.get_view_restrictions().exists():
        return json_error(NO_PUBLIC_PAGE)


@hooks.register("register_log_actions")
def register_history_log_actions(actions):
    @actions.register_action(CHANGE_SUMMARY_ACTION)
    class ChangeSummaryAction(LogFormatter):
        label = _("Change summary")

        def format_message(self, log_entry):
            return _("Change summary: “%(summary)s”") % {
                "summary": log_entry.data.get("summary", "")
            }
