from django.urls import path

from . import views
from .feeds import RecentChangesFeed

urlpatterns = [
    path("", views.changes, name="changes"),
    # One feed object serves every request: it keeps no state of its own (see feeds.py).
    path("feed/", RecentChangesFeed(), name="changes_feed"),
]
