"""The stories' RSS and Atom feeds, under each language's prefix (/en/feeds/…): the language is the feed's."""

from django.urls import re_path

from solidarity.stories import feeds

FORMAT = r"(?P<fmt>rss|atom)"

urlpatterns = [
    re_path(rf"^stories/{FORMAT}/$", feeds.all_stories, name="stories_feed"),
    re_path(rf"^countries/(?P<code>[^/]+)/{FORMAT}/$", feeds.country, name="country_feed"),
    re_path(rf"^topics/(?P<slug>[^/]+)/{FORMAT}/$", feeds.topic, name="topic_feed"),
    re_path(rf"^kinds/(?P<kind>[^/]+)/{FORMAT}/$", feeds.kind, name="kind_feed"),
]
