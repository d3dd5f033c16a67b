"""Every public page anonymous readers see stays cacheable: it sets no cookie, does not vary by cookie, and carries
no per-visitor token (docs/security.md, "Public forms without per-visitor tokens").

``CACHEABLE_PAGES`` lists them: a feature with public pages adds its own (the campaign page, its activity list,
calendar and map, an activity, the join and add-activity forms …), with the shared data they need made in
``_make_pages``. Each listed page must answer 200: a page whose data is missing fails, nothing is skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

import pytest

from solidarity.core.discussable import CommentsMode
from solidarity.stories.models import StoryIndexPage
from tests.campaigns.factories import activity, campaign_page
from tests.discussion.factories import comment, moderation
from tests.factories import StoryPageFactory
from tests.shared import shared_data

pytestmark = pytest.mark.django_db

Pages = SimpleNamespace

# (what the page is, its address from the shared data). Extend this list for new public pages.
CACHEABLE_PAGES: list[tuple[str, Callable[[Pages], str]]] = [
    ("home", lambda pages: "/en/"),
    ("home in Russian", lambda pages: "/ru/"),
    ("story list", lambda pages: pages.story_index.url),
    ("story list, page 2", lambda pages: pages.story_index.url + "?page=2"),
    ("a story (with comments and the comment form)", lambda pages: pages.story.url),
    ("country list", lambda pages: "/en/countries/"),
    ("country page", lambda pages: "/en/countries/by/"),
    ("search", lambda pages: "/en/search/?q=Minsk"),
    ("search without words", lambda pages: "/en/search/"),
    ("a page with a guarded public form", lambda pages: "/guarded/"),
    ("the comment form page", lambda pages: f"/en/comments/page/{pages.story.pk}/"),
    ("all comments of a story", lambda pages: f"/en/comments/page/{pages.story.pk}/all/"),
    ("the reply form", lambda pages: f"/en/comments/{pages.comment.pk}/reply/"),
    ("the report form", lambda pages: f"/en/comments/{pages.comment.pk}/report/"),
    ("robots.txt", lambda pages: "/robots.txt"),
    ("the sitemap's index", lambda pages: "/sitemap.xml"),
    ("the sitemap of pages", lambda pages: "/sitemap-pages.xml"),
    ("the sitemap of countries", lambda pages: "/sitemap-countries.xml"),
    ("the sitemap of campaigns", lambda pages: "/sitemap-campaigns.xml"),
    ("stories feed (RSS)", lambda pages: "/en/feeds/stories/rss/"),
    ("stories feed (Atom)", lambda pages: "/en/feeds/stories/atom/"),
    ("stories feed of a language without stories", lambda pages: "/de/feeds/stories/rss/"),
    ("a country's feed", lambda pages: "/en/feeds/countries/by/atom/"),
    ("a topic's feed", lambda pages: "/en/feeds/topics/prisons/rss/"),
    ("a kind's feed", lambda pages: "/en/feeds/kinds/news/rss/"),
    ("a campaign's activities feed (RSS)", lambda pages: pages.campaign.url + "activities/rss/"),
    ("a campaign's activities feed (Atom)", lambda pages: pages.campaign.url + "activities/atom/"),
    ("the newsletter's subscribe form", lambda pages: "/en/newsletter/"),
    ("the newsletter's subscribe form in Russian", lambda pages: "/ru/newsletter/"),
]


@pytest.fixture(scope="module")
def pages(request, django_db_setup, django_db_blocker) -> Pages:
    with shared_data(request, django_db_blocker):
        yield _make_pages()


def _make_pages() -> Pages:
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"], topics=["Prisons"])
    for number in range(13):  # a second page of the story list
        StoryPageFactory(title=f"Report {number}", countries=["RU"])
    moderation(CommentsMode.POST)
    top = comment(story, text="We stand with you.")  # the story, its card and its comment pages show comments
    comment(story, text="So do we.", parent=top)
    campaign = campaign_page(title="Day of solidarity")
    activity(campaign, title="Letters to prisoners")
    return Pages(
        story=story,
        story_index=StoryIndexPage.objects.get(locale__language_code="en"),
        comment=top,
        campaign=campaign,
    )


@pytest.mark.parametrize(("what", "address"), CACHEABLE_PAGES, ids=[what for what, _address in CACHEABLE_PAGES])
def test_a_public_page_sets_no_cookie_and_carries_nothing_per_visitor(client, settings, pages, what, address):
    settings.ROOT_URLCONF = "tests.testapp.urls"  # the site's addresses and the test app's guarded form
    response = client.get(address(pages))

    assert response.status_code == 200, f"{what} answered {response.status_code}"
    assert response.cookies == {}, f"{what} set {list(response.cookies)}"
    assert "Set-Cookie" not in response.headers
    assert "cookie" not in response.get("Vary", "").lower(), f"{what} varies by cookie"
    assert "private" not in response.get("Cache-Control", "") and "no-store" not in response.get("Cache-Control", "")
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_the_list_names_each_page_once():
    names = [what for what, _address in CACHEABLE_PAGES]
    assert len(names) == len(set(names))
