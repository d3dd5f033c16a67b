"""The site's addresses and the test app's guarded form (tests that need it set ROOT_URLCONF to this module)."""

from django.urls import path

from solidarity.urls import handler404, handler500
from solidarity.urls import urlpatterns as site_urlpatterns
from tests.testapp import views

urlpatterns = [
    path("guarded/", views.guarded_form, name="testapp_guarded"),
    path("guarded-other/", views.guarded_form, {"scope": "testapp.other"}, name="testapp_guarded_other"),
    *site_urlpatterns,
]

__all__ = ["handler404", "handler500", "urlpatterns"]
