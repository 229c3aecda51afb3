"""Who may change the network's records (organisations and people).

What a live page shows changes only with a quorum's approval, or by an administrator. So:
anyone with the right may add a person or an applying organisation, and change or delete a
record no live page shows; changing or deleting a record that a live page shows (a seat
holder, a facilitator, a member organisation) is for administrators, and is on the public
record of each page that shows it (`network.signal_handlers`).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies import ModelPermissionPolicy

GUARDED_ACTIONS = {"change", "delete", "publish", "unpublish"}


class RecordPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        if action in GUARDED_ACTIONS and not user.is_superuser and instance.live_pages_showing():
            return False
        return super().user_has_permission_for_instance(user, action, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        found = super().instances_user_has_any_permission_for(user, actions)
        if user.is_superuser or not set(actions) <= GUARDED_ACTIONS:
            return found
        return found.filter(pk__in=[r.pk for r in found if not r.live_pages_showing()])


REFUSAL = _(
    "A live page shows this record, so changing or deleting it changes what the public "
    "reads: an administrator does it, and it goes on the record of each page."
)
ADMISSION_REFUSAL = _(
    "Admitting a member organisation puts it on the membership page at once: an "
    "administrator does it, once the steering committee has decided. Record it as applied."
)
