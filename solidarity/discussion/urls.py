"""The discussion's public addresses (under the language prefix): comments on a page, and the question form."""

from django.urls import path

from solidarity.discussion import comment_views, question_views

app_name = "discussion"

urlpatterns = [
    path("comments/page/<int:page_id>/", comment_views.comment_post, name="comment_post"),
    path("comments/page/<int:page_id>/all/", comment_views.comment_list, name="comment_list"),
    path("comments/<int:pk>/reply/", comment_views.comment_reply, name="comment_reply"),
    path("comments/<int:pk>/report/", comment_views.comment_report, name="comment_report"),
    path("comments/yours/<str:token>/", comment_views.comment_private, name="comment_private"),
    path("questions/", question_views.question, name="question"),
    path("questions/sent/", question_views.question_sent, name="question_sent"),
]
