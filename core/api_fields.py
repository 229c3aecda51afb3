"""Fields of Wagtail's pages API (`opendata.api`) that several page types share: links to
other pages that name only public ones, and the network's records with only what pages show
of them (never a person's login)."""

from rest_framework import serializers
from wagtail.api.conf import APIField
from wagtail.models import Page


class PublicPageField(serializers.Field):
    """A link to another page, or a list of them (a many-to-many field): {id, title,
    html_url} for each that is live and public; a draft or a restricted page is left out (None
    for a single link). Wagtail's own field would name those too."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        many = hasattr(value, "all")
        wanted = list(value.all()) if many else [value]
        public = Page.objects.filter(pk__in=[page.pk for page in wanted]).live().public()
        request = self.context.get("request")
        links = [
            {"id": page.pk, "title": page.title, "html_url": page.get_full_url(request)}
            for page in public.order_by("path")
        ]
        return links if many else (links[0] if links else None)


class RecordField(serializers.Field):
    """A record (a person, an organisation, a session), or a list of them, as `fields`."""

    def __init__(self, fields, **kwargs):
        self.record_fields = fields
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        if hasattr(value, "all"):
            return [self.record(item) for item in value.all()]
        return self.record(value)

    def record(self, item):
        return {name: getattr(item, name) for name in self.record_fields}


PERSON_FIELDS = ("id", "name", "is_example")
ORGANISATION_FIELDS = ("id", "name", "country", "region", "website", "is_example")


def api_fields_for(*names, **serializers):
    """The APIFields for `names` as Wagtail serialises them, and for each of `serializers`
    (name=field) with the serializer given."""
    return [APIField(name) for name in names] + [
        APIField(name, serializer=serializer) for name, serializer in serializers.items()
    ]
