from django.urls import path

from . import views
from .feeds import RecentChangesFeed

urlpatterns = [
    path("", views.changes, name="changes"),
    # One feed object serves every request: it keeps no state of its own (see feeds.py).
    path("feed/", RecentChangesFeed(), name="changes_feed"),
    path("pages/<int:page_id>/", views.deleted_page, name="deleted_page"),
    path(
        "pages/<int:page_id>/<int:entry_id>/",
        views.deleted_page_version,
        name="deleted_page_version",
    ),
]
