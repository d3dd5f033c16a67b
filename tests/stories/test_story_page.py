"""A story page: its countries, "More from", translations, documents to download."""

from __future__ import annotations

import pytest

from solidarity.stories.models import StoryPage
from tests.factories import DocumentFactory, ImageFactory, StoryPageFactory, days_ago, translate_story

pytestmark = pytest.mark.django_db


def more_from(response) -> list[str]:
    return [story.title for story in response.context["more_from"]]


def test_story_page_shows_its_title_summary_and_countries(client, site_tree):
    story = StoryPageFactory(title="Trial in Minsk", summary="A court sentenced three activists.", countries=["BY"])

    response = client.get(story.url)

    assert response.status_code == 200
    assert "<h1>Trial in Minsk</h1>" in response.text
    assert "A court sentenced three activists." in response.text
    assert '<a href="/en/countries/by/">Belarus</a>' in response.text


def test_story_page_shows_more_from_its_country_in_its_language_without_itself(client, site_tree):
    story = StoryPageFactory(title="Arrests in Moscow", countries=["RU"], date=days_ago(1))
    StoryPageFactory(title="Prison report", countries=["RU"], date=days_ago(2))
    StoryPageFactory(title="Trial in Minsk", countries=["BY"], date=days_ago(2))
    StoryPageFactory(title="Draft about Russia", countries=["RU"], publish=False)
    StoryPageFactory(title="Задержания", slug="zaderzhaniya", language="ru", countries=["RU"])

    response = client.get(story.url)

    assert more_from(response) == ["Prison report"]
    assert "More from Russia" in response.text


def test_more_from_cards_are_headed_under_the_more_from_heading(client, site_tree):
    story = StoryPageFactory(title="Arrests in Moscow", countries=["RU"], date=days_ago(1))
    StoryPageFactory(title="Prison report", countries=["RU"], date=days_ago(2))

    response = client.get(story.url)

    assert '<h2 id="more-from-title" class="section-title">More from Russia</h2>' in response.text
    assert '<h3 class="card__title"><a href="/en/stories/prison-report/">Prison report</a></h3>' in response.text


def test_story_of_two_countries_shows_more_from_either_country_under_their_names(client, site_tree):
    story = StoryPageFactory(title="Joint statement", countries=["BY", "RU"], date=days_ago(1))
    StoryPageFactory(title="Arrests in Moscow", countries=["RU"], date=days_ago(2))
    StoryPageFactory(title="Trial in Minsk", countries=["BY"], date=days_ago(3))
    StoryPageFactory(title="Protest in Tbilisi", countries=["GE"], date=days_ago(4))

    response = client.get(story.url)

    assert more_from(response) == ["Arrests in Moscow", "Trial in Minsk"]
    assert "More from Belarus and Russia" in response.text


def test_story_page_more_from_is_newest_first_and_limited_to_four(client, site_tree):
    story = StoryPageFactory(title="Arrests in Moscow", countries=["RU"], date=days_ago(10))
    for days in [3, 1, 5, 2, 4, 6]:
        StoryPageFactory(title=f"{days} days ago", countries=["RU"], date=days_ago(days))

    response = client.get(story.url)

    assert more_from(response) == ["1 days ago", "2 days ago", "3 days ago", "4 days ago"]


def test_story_page_without_other_stories_of_its_country_has_no_more_from(client, site_tree):
    story = StoryPageFactory(title="Protest in Tbilisi", countries=["GE"])

    response = client.get(story.url)

    assert more_from(response) == []
    assert "More from" not in response.text


def test_russian_story_page_names_its_countries_in_russian(client, site_tree):
    story = StoryPageFactory(title="Суд в Минске", slug="sud", language="ru", countries=["BY"])
    StoryPageFactory(title="Задержания", slug="zaderzhaniya", language="ru", countries=["BY"])

    response = client.get(story.url)

    assert '<html lang="ru">' in response.text
    assert "Беларусь" in response.text
    assert more_from(response) == ["Задержания"]


def test_story_page_links_to_its_live_russian_translation(client, site_tree):
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"])
    russian = translate_story(story, "ru", title="Суд в Минске")

    response = client.get(story.url)

    assert [translation.pk for translation in response.context["languages"].translations] == [russian.pk]
    assert "Also in:" in response.text
    assert f'<a href="{russian.url}" lang="ru" hreflang="ru">Русский</a>' in response.text


def test_story_page_does_not_offer_an_unpublished_translation(client, site_tree):
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"])
    russian = translate_story(story, "ru", title="Суд в Минске", publish=False)

    response = client.get(story.url)

    assert response.context["languages"].translations == []
    assert "Also in:" not in response.text
    assert russian.url not in response.text


def test_translation_links_back_to_the_original(client, site_tree):
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"])
    russian = translate_story(story, "ru", title="Суд в Минске")

    response = client.get(russian.url)

    assert response.status_code == 200
    assert "Другие языки:" in response.text
    assert f'<a href="{story.url}" lang="en" hreflang="en">English</a>' in response.text


def test_unpublished_story_is_not_found(client, site_tree):
    story = StoryPageFactory(title="Draft", publish=False)

    response = client.get(f"/en/stories/{story.slug}/")

    assert response.status_code == 404


def test_story_page_lists_attached_documents_for_download(client, site_tree):
    report = DocumentFactory(title="report-file")
    story = StoryPageFactory(
        title="Annual report",
        body=[
            ("paragraph", "<p>Our findings.</p>"),
            ("document", {"document": report, "title": "The full report", "description": "Forty pages."}),
            ("document", {"document": report, "title": "", "description": ""}),
        ],
    )

    response = client.get(story.url)

    assert [item["title"] for item in story.documents()] == ["The full report"]
    downloads = response.text.split('<section class="downloads ')[1].split("</section>")[0]
    assert f'<a href="{report.url}" download>The full report</a>' in downloads
    assert "PDF" in downloads
    assert "2.0\xa0KB" in downloads
    assert client.get(report.url).status_code == 200


def test_story_page_without_documents_has_no_download_section(client, site_tree):
    story = StoryPageFactory(title="News", body=[("paragraph", "<p>Just text.</p>")])

    response = client.get(story.url)

    assert 'class="downloads' not in response.text


def test_story_page_whose_document_was_deleted_still_renders(client, site_tree):
    report = DocumentFactory(title="Gone")
    story = StoryPageFactory(
        title="Annual report", body=[("document", {"document": report, "title": "", "description": ""})]
    )
    report.delete()

    response = client.get(StoryPage.objects.get(pk=story.pk).url)

    assert response.status_code == 200
    assert 'class="downloads' not in response.text


def test_story_page_shows_its_lead_image_from_this_site(client, site_tree):
    story = StoryPageFactory(title="Protest", lead_image=ImageFactory(title="Crowd in the square"))

    response = client.get(story.url)

    assert 'class="story__lead-image"' in response.text
    assert 'src="/media/images/' in response.text


def test_story_page_topic_links_filter_the_story_list(client, site_tree):
    story = StoryPageFactory(title="Protest", topics=["Freedom of assembly"])

    response = client.get(story.url)

    assert '<a href="/en/stories/?topic=freedom-of-assembly">Freedom of assembly</a>' in response.text


def test_story_page_share_links_are_plain_links_that_load_nothing(client, site_tree):
    story = StoryPageFactory(title="Protest")

    response = client.get(story.url)

    share = response.text.split('<section class="share"')[1].split("</section>")[0]
    assert 'href="https://t.me/share/url?url=' in share
    assert "<script" not in share
    assert "<iframe" not in share
