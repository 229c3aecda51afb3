"""Which pages a visitor may see: the one rule for search, for every page that names or links
to another page, for people's pages and for the admin.

A page is viewable when it is live and every view restriction on it or on an ancestor
(Wagtail's `PageViewRestriction`, which covers the restricted page's descendants) lets the
visitor in: a login restriction, anyone signed in; a group restriction, the members of its
groups and superusers; a password restriction, a session that gave the password.

- `may_view(page, request)`: one page, for a visitor (Wagtail's own `accept_request`);
  without a request, for anyone: only pages with no restriction. Templates use it as the
  filter `{% if other_page|visible_to:request %}` (`core_tags`) before naming or linking a page.
- `viewable(pages, request)`: the pages of a list the visitor may view, in its order.
- `visible_pages(user)`: the same rule as a queryset, for search and listings by user; it
  leaves password-protected pages out whoever asks (a password opens a session, not a user).
- `hidden_paths(user, restriction_types)`: the subtrees whose restrictions of those types keep
  `user` out, for rules built on a user's groups alone (the admin: `moderation`).
"""

from django.db.models import Q
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

EVERY_RESTRICTION = (
    BaseViewRestriction.LOGIN,
    BaseViewRestriction.GROUPS,
    BaseViewRestriction.PASSWORD,
)


# The site's view restrictions, read once per request (`may_view`), so that a page linking to
# many others asks no more queries than one linking to a few.
RESTRICTIONS_ATTRIBUTE = "_bbwiki_view_restrictions"


def may_view(page, request=None):
    """True if the visitor making `request` may view `page` on the site; with no request, if
    anyone may. Never true of a missing page (None) or one that is not live."""
    if page is None or not page.live:
        return False
    if request is None:
        return not page.get_view_restrictions().exists()
    restrictions = getattr(request, RESTRICTIONS_ATTRIBUTE, None)
    if restrictions is None:
        restrictions = list(PageViewRestriction.objects.select_related("page"))
        setattr(request, RESTRICTIONS_ATTRIBUTE, restrictions)
    return all(
        restriction.accept_request(request)
        for restriction in restrictions
        if page.path.startswith(restriction.page.path)
    )


def viewable(pages, request=None):
    """[page, …]: those of `pages` that `may_view` allows, in the order given."""
    return [page for page in pages if may_view(page, request)]


def hidden_paths(user, restriction_types=EVERY_RESTRICTION):
    """[path, …]: the pages whose view restrictions of `restriction_types` keep `user` out;
    each covers the subtree under it."""
    paths = []
    group_ids = None
    restrictions = PageViewRestriction.objects.filter(restriction_type__in=restriction_types)
    for restriction in restrictions.select_related("page").prefetch_related("groups"):
        kind = restriction.restriction_type
        if kind == BaseViewRestriction.LOGIN and user.is_authenticated:
            continue
        if kind == BaseViewRestriction.GROUPS and user.is_superuser:
            continue
        if kind == BaseViewRestriction.GROUPS and user.is_authenticated:
            if group_ids is None:
                group_ids = set(user.groups.values_list("pk", flat=True))
            if group_ids & {group.pk for group in restriction.groups.all()}:
                continue
        paths.append(restriction.page.path)
    return paths


def outside(paths):
    """A filter for pages in none of the subtrees at `paths` (Q() when there are none)."""
    hidden = Q()
    for path in paths:
        hidden |= Q(path__startswith=path)
    return ~hidden if paths else Q()


def restricted_paths():
    """[path, …]: the pages with a view restriction of any kind, the outermost of each
    subtree only: what Wagtail's `.public()` leaves out, read in one query without building
    a page for each restriction."""
    paths = []
    for path in sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))):
        # Sorted, a restricted page's restricted descendants follow it.
        if not paths or not path.startswith(paths[-1]):
            paths.append(path)
    return paths


def public(pages):
    """`pages` (a queryset) without those under a view restriction of any kind, as Wagtail's
    `.public()`, with one filter per restricted subtree."""
    return pages.filter(outside(restricted_paths()))


def visible_pages(user):
    """The live pages `user` may find: public ones for visitors; for members, also those
    behind a login or a group they belong to. Password-protected pages are left out."""
    pages = Page.objects.live()
    if not user.is_authenticated:
        return public(pages)
    return pages.filter(outside(hidden_paths(user)))
