"""JSON for backups: natural keys only for rows that migrations create with varying ids.

Content types and permissions are created by `migrate`, with ids that differ between
databases, so they are written by natural key. Every other relation keeps its primary key:
pages, users and documents are referred to by id inside revisions and StreamField blocks,
and some relations (page log entries) may point to rows deleted since. The standard JSON
deserializer (`loaddata`) reads both forms.

Times are written to the microsecond. Django's JSON encoder cuts them to milliseconds (as
JavaScript reads them), so a restored log entry or revision would not be the one backed up.
"""

import datetime

from django.core.serializers.json import Deserializer, DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer

NATURAL_KEY_MODELS = {"contenttypes.contenttype", "auth.permission"}

__all__ = ["Deserializer", "Serializer"]


class ExactJSONEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder without the cut to milliseconds."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time) and o.utcoffset() is None:
            return o.isoformat()
        return super().default(o)


class Serializer(JSONSerializer):
    def _init_options(self):
        self.options.setdefault("cls", ExactJSONEncoder)
        super()._init_options()

    def _with_natural_keys_for(self, field, handle, obj):
        natural = self.use_natural_foreign_keys
        self.use_natural_foreign_keys = (
            natural and field.remote_field.model._meta.label_lower in NATURAL_KEY_MODELS
        )
        try:
            handle(obj, field)
        finally:
            self.use_natural_foreign_keys = natural

    def handle_fk_field(self, obj, field):
        self._with_natural_keys_for(field, super().handle_fk_field, obj)

    def handle_m2m_field(self, obj, field):
        self._with_natural_keys_for(field, super().handle_m2m_field, obj)
