"""What a page tells the page cache as it is served.

Wagtail's own view-restriction check runs between the two hooks below (order 0) and answers
a restricted page's anonymous reader itself (a login redirect, a password form), so the
second hook is reached only when no restriction refused the request: a page is stored only
then, and finding that out costs no query of our own.
"""

from wagtail import hooks

from . import rules


@hooks.register("before_serve_page", order=-1)
def note_page(page, request, serve_args, serve_kwargs):
    """The query parameters the page (or its route) reads; no copy until the view
    restrictions are checked."""
    if not rules.is_candidate(request):
        return
    route = serve_args[0] if serve_args and callable(serve_args[0]) else page.serve
    rules.note_view(request, route)
    rules.do_not_cache(request, rules.RESTRICTIONS_UNCHECKED)


@hooks.register("before_serve_page", order=1)
def passed_view_restrictions(page, request, serve_args, serve_kwargs):
    if rules.is_candidate(request):
        rules.allow_cache(request, rules.RESTRICTIONS_UNCHECKED)
