"""Admin hooks of the public record: how change summaries read in the page's admin log."""

from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .summaries import CHANGE_SUMMARY_ACTION


@hooks.register("register_log_actions")
def register_history_log_actions(actions):
    @actions.register_action(CHANGE_SUMMARY_ACTION)
    class ChangeSummaryAction(LogFormatter):
        label = "Change summary"

        def format_message(self, log_entry):
            return f"Change summary: “{log_entry.data.get('summary', '')}”"
