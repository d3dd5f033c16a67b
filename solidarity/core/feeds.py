"""What every feed of the site shares: its two formats, RSS and Atom, chosen by the feed's address
(``…/rss/`` or ``…/atom/``). A feature writes one ``FormatFeed`` per kind of feed (the stories of a country,
a campaign's activities …) and serves ``by_format(ItsFeed)[fmt]``.
"""

from __future__ import annotations

from typing import TypeVar

from django.contrib.syndication.views import Feed
from django.utils import feedgenerator

FORMATS: dict[str, type[feedgenerator.SyndicationFeed]] = {
    "rss": feedgenerator.Rss201rev2Feed,
    "atom": feedgenerator.Atom1Feed,
}


class FormatFeed(Feed):
    """A Django syndication feed made in one of ``FORMATS`` (``feed_type``)."""

    def __init__(self, feed_type: type[feedgenerator.SyndicationFeed]) -> None:
        self.feed_type = feed_type


F = TypeVar("F", bound=FormatFeed)


def by_format(feed_class: type[F]) -> dict[str, F]:
    """The feed in each format, by the name its address gives it."""
    return {name: feed_class(feed_type) for name, feed_type in FORMATS.items()}
