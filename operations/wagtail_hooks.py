"""The admin dashboard's warning, for superusers, when search cannot be trusted: the index is
unreadable or lost, or changes are waiting to be written into it."""

from wagtail import hooks
from wagtail.admin.ui.components import Component

from .health import check_search


class SearchHealthPanel(Component):
    """What is wrong with search and what fixes it, from the same check as /healthz (which
    also retries writing in the changes that wait)."""

    name = "search_health"
    order = 10
    template_name = "operations/search_health_panel.html"

    def __init__(self, problem):
        self.problem = problem

    def get_context_data(self, parent_context):
        return {"problem": self.problem}


@hooks.register("construct_homepage_panels")
def add_search_health_panel(request, panels):
    if not request.user.is_superuser:
        return
    problem = check_search()
    if problem is not None:
        panels.append(SearchHealthPanel(problem))
