"""Wagtail's pages API (v2), read-only, for public pages only, at /api/v2/pages/.

Each page type lists the fields its public template shows (`api_fields`); links to other
pages and people's records use `core.api_fields`, which name only public pages.
"""

from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Live pages without a view restriction, whoever asks: Wagtail's own endpoint would also
    show a signed-in visitor the restricted pages they may read. JSON only."""

    renderer_classes = [JSONRenderer]

    def get_base_queryset(self):
        return super().get_base_queryset().public()


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
