"""Admin hooks of the public record: change summaries are stored with the edit they describe."""

from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .summaries import CHANGE_SUMMARY_ACTION, record_change_summary


@hooks.register("register_log_actions")
def register_history_log_actions(actions):
    @actions.register_action(CHANGE_SUMMARY_ACTION)
    class ChangeSummaryAction(LogFormatter):
        label = "Change summary"

        def format_message(self, log_entry):
            return f"Change summary: “{log_entry.data.get('summary', '')}”"


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def store_change_summary(request, page):
    if request.method == "POST":
        record_change_summary(page, request.POST.get("change_summary", ""), user=request.user)
