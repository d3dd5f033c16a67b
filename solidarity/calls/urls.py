"""The public calls' forms and private links (under each language's prefix: /en/calls/…).

The call itself is a page (``PublicCallPage``); signing, the thank-you page, confirming and the private
link are here, on addresses of their own. No address carries personal data or what signing did; only the
private links carry their token (``core.logs.PRIVATE_PATH_PREFIXES`` keeps it out of the logs).
"""

from django.urls import path

from solidarity.calls import views

app_name = "calls"

urlpatterns = [
    path("<int:page_id>/sign/", views.sign, name="sign"),
    path("<int:page_id>/thanks/", views.thanks, name="thanks"),
    path("<int:page_id>/link-again/", views.link_again, name="link_again"),
    path("embed/<int:page_id>/sign/", views.embed_sign, name="embed_sign"),
    path("embed/<int:page_id>/thanks/", views.embed_thanks, name="embed_thanks"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("signature/<str:token>/", views.signature, name="signature"),
    path("signature/<str:token>/data.json", views.signature_data, name="signature_data"),
]
