"""The campaigns' public forms and private links (under each language's prefix: /en/campaigns/…).

The pages readers browse (the campaign, its activities, calendar, map, iCal feeds) are the campaign
page's own routes (``CampaignPage``); the forms are here, on addresses of their own that are never
cached, and the private links carry their token in the path.
"""

from django.urls import path

from solidarity.campaigns import views

app_name = "campaigns"

urlpatterns = [
    path("<int:page_id>/join/", views.group_join, name="group_join"),
    path("<int:page_id>/add-activity/", views.activity_add, name="activity_add"),
    path("activity/<int:pk>/sign-up/", views.sign_up_form, name="sign_up_form"),
    path("contact/<int:pk>/write/", views.contact_write, name="contact_write"),
    path("sent/<str:what>/", views.sent, name="sent"),
    path("group/<str:token>/", views.group_entry, name="group_entry"),
    path("activity-entry/<str:token>/", views.activity_entry, name="activity_entry"),
    path("sign-up/<str:token>/", views.sign_up, name="sign_up"),
]
