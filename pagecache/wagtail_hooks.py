"""What a page tells the page cache as it is served."""

from wagtail import hooks

from . import rules


# Before Wagtail's own check (order 0), which answers a restricted page's reader first.
@hooks.register("before_serve_page", order=-1)
def note_page(page, request, serve_args, serve_kwargs):
    """The query parameters the page (or its route) reads; a view-restricted page is never
    cached, whoever asks."""
    if not rules.is_candidate(request):
        return
    route = serve_args[0] if serve_args and callable(serve_args[0]) else page.serve
    rules.note_view(request, route)
    if page.get_view_restrictions().exists():
        rules.do_not_cache(request)
