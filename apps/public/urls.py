"""The public site's addresses, mounted at the site's root (see claimtrack/urls.py).

A fact-check's and a speaker's address carry the record's id (what finds it) and its slug
(what a reader sees in a link); an old or mistyped slug redirects to the current one."""

from django.urls import path

from . import views

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("fact-checks/<int:pk>-<slug:slug>/", views.fact_check, name="fact-check"),
    path("speakers/<int:pk>-<slug:slug>/", views.speaker, name="speaker"),
    path("topics/", views.topic_index, name="topics"),
    path("topics/<slug:slug>/", views.topic, name="topic"),
    path("search/", views.search, name="search"),
]
