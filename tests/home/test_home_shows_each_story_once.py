"""The home page shows a story once: the campaign banner's page is not also the first featured story."""

from __future__ import annotations

import pytest

from tests.factories import StoryPageFactory, days_ago

pytestmark = pytest.mark.django_db


def highlight(home, page, title="Write to a prisoner"):
    home.highlight_title = title
    home.highlight_page = page
    home.save_revision().publish()


def titles(stories) -> list[str]:
    return [story.title for story in stories]


def test_the_campaign_page_is_not_repeated_among_the_latest_stories(client, site_tree):
    older = StoryPageFactory(title="Trial in Minsk", date=days_ago(3))
    campaign = StoryPageFactory(title="Write to a prisoner", date=days_ago(1))
    highlight(site_tree, campaign)

    response = client.get("/en/")

    assert titles(response.context["latest_stories"]) == ["Trial in Minsk"]
    assert response.text.count(f'href="{campaign.url}"') == 1  # the banner's button only
    assert f'href="{older.url}"' in response.text


def test_without_a_campaign_page_the_newest_story_leads_the_latest_stories(client, site_tree):
    StoryPageFactory(title="Trial in Minsk", date=days_ago(3))
    StoryPageFactory(title="Write to a prisoner", date=days_ago(1))
    highlight(site_tree, None, title="Write to a prisoner")

    response = client.get("/en/")

    assert titles(response.context["latest_stories"]) == ["Write to a prisoner", "Trial in Minsk"]


def test_the_latest_stories_still_number_seven_without_the_campaign_page(client, site_tree):
    campaign = StoryPageFactory(title="Write to a prisoner", date=days_ago(0))
    for days in range(1, 10):
        StoryPageFactory(title=f"{days} days ago", date=days_ago(days))
    highlight(site_tree, campaign)

    response = client.get("/en/")

    assert titles(response.context["latest_stories"]) == [f"{days} days ago" for days in range(1, 8)]


def test_a_language_whose_only_story_is_the_campaign_page_does_not_claim_to_have_none(client, site_tree):
    campaign = StoryPageFactory(title="Write to a prisoner")
    highlight(site_tree, campaign)

    response = client.get("/en/")

    assert response.context["latest_stories"] == []
    assert "No stories have been published in this language yet." not in response.text
    assert "All stories" in response.text
