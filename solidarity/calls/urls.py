"""The public calls' forms and private links (under each language's prefix: /en/calls/…).

The call itself is a page (``PublicCallPage``); signing, the thank-you page, confirming and the private
link are here, on addresses of their own that are never cached; the private links carry their token.
"""

from django.urls import path

from solidarity.calls import views

app_name = "calls"

urlpatterns = [
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("signature/<str:token>/", views.signature, name="signature"),
]
