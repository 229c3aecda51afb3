"""Who may read which pages in the admin.

Members' edit rights cover the whole page tree, but a page restricted to groups on the site
(a `PageViewRestriction` to groups, on the page or an ancestor) is for those groups in the
admin too. A signed-in user outside its groups gets no right at all on it: they cannot open it
in the editor, preview it, read its draft, revisions, history or usage, nor act on it, and it
is left out of every admin listing (the explorer, the admin's search, the admin API behind
them, the page chooser). Superusers and the steering committee, who approve every change,
read every page. Restrictions to a login or a password keep nobody signed in to the admin out.

`PageAccessPolicy` is Wagtail's page permission policy with this rule; `apps.py` registers
it, and `core.models.BasePage.permissions_for_user` asks it for the permission tester.
"""

from wagtail.models import BaseViewRestriction, PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.visibility import hidden_paths, outside

from .constants import STEERING_COMMITTEE_GROUP

# The paths hidden from a user, worked out once per request (the user object is the request's).
HIDDEN_ATTRIBUTE = "_bbwiki_admin_hidden_paths"


def hidden_in_admin(user):
    """[path, …]: the subtrees `user` may not read in the admin."""
    hidden = getattr(user, HIDDEN_ATTRIBUTE, None)
    if hidden is None:
        reads_everything = (
            not user.is_authenticated
            or user.is_superuser
            or user.groups.filter(name=STEERING_COMMITTEE_GROUP).exists()
        )
        hidden = [] if reads_everything else hidden_paths(user, (BaseViewRestriction.GROUPS,))
        setattr(user, HIDDEN_ATTRIBUTE, hidden)
    return hidden


def is_hidden(page, user):
    return any(page.path.startswith(path) for path in hidden_in_admin(user))


class PageAccessTester(PagePermissionTester):
    """Wagtail's permission tester, allowing nothing on a page hidden from the user."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self.hidden = is_hidden(page, user)
        if self.hidden:
            self.permissions = set()

    def can_edit(self):
        return not self.hidden and super().can_edit()

    def can_view_revisions(self):
        return not self.hidden and super().can_view_revisions()

    def can_lock(self):
        return not self.hidden and super().can_lock()

    def can_unlock(self):
        return not self.hidden and super().can_unlock()


class PageAccessPolicy(PagePermissionPolicy):
    """Wagtail's page permission policy, leaving out the pages hidden from the user."""

    def permission_tester(self, user, page):
        return PageAccessTester(user, page)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if is_hidden(instance, user):
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        found = super().instances_user_has_any_permission_for(user, actions)
        return found.filter(outside(hidden_in_admin(user)))

    def explorable_instances(self, user):
        return super().explorable_instances(user).filter(outside(hidden_in_admin(user)))


def readable_pages(pages, user):
    """`pages` (a queryset) without those hidden from `user` in the admin."""
    return pages.filter(outside(hidden_in_admin(user)))
