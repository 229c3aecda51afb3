from django.urls import path

from . import views
from .feeds import UpcomingChangesFeed

urlpatterns = [
    path("", views.upcoming, name="upcoming"),
    path("feed/", UpcomingChangesFeed(), name="upcoming_feed"),
    path("<int:notice_id>/", views.change, name="upcoming_change"),
    path("<int:notice_id>/object/", views.object_to, name="upcoming_object"),
    path(
        "<int:notice_id>/withdraw-objection/",
        views.withdraw_objection,
        name="upcoming_withdraw_objection",
    ),
]
