from django.urls import path, re_path

from . import views

urlpatterns = [
    path("", views.index, name="data"),
    path("popolo.json", views.popolo, name="data_popolo"),
    path("procedures.json", views.procedures, name="data_procedures"),
    path("<str:kind>.json", views.popolo_list, name="data_list"),
    path("<str:kind>.csv", views.popolo_table, name="data_table"),
    # Anything else under /data/ answers in JSON too.
    re_path(r"^(?P<rest>.+)$", views.not_found),
]
