"""The public call's page: to whom, dates, one count in every language with its progress, who signed, updates,
its stories; closed and not yet open; and a story's box that leads to the call it belongs to."""

from __future__ import annotations

import datetime
import re

import pytest
from django.template.defaultfilters import date as date_format
from django.utils import timezone

from solidarity.calls.models import Review
from solidarity.core.services import organisation_create
from tests.calls import factories
from tests.factories import StoryPageFactory, translate_story
from tests.shared import shared_data

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture(scope="module")
def data(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        story = StoryPageFactory(title="Arrests after the march", countries=["BY"])
        russian_story = translate_story(story, "ru", title="Аресты после марша")
        member = organisation_create(name="Minsk Letters Circle", country="BY", city="Minsk")
        call = factories.public_call(
            title="Free the journalists",
            addressed_to="The Parliament of Belarus",
            goal=5000,
            closes_on=days(30),
            stories=[story],
            updates=[
                ("update", {"date": days(-5), "text": "<p>Handed over to the ombudsman.</p>"}),
                ("update", {"date": days(-2), "text": "<p>Handed over to the minister.</p>"}),
            ],
        )
        russian = factories.call_translation(call, "ru", title="Свободу журналистам")
        for _ in range(3):
            factories.signature(call, country="BY")
        factories.signature(russian, country="GE", language="ru")
        factories.signature(call, country="GE", name="Nino Beridze", show_name=True)
        factories.signature(call, country="DE", name="Hidden Person", show_name=False)
        factories.signature(call, country="BY", organisation="Minsk Letters Circle", member=member)
        factories.signature(call, country="GE", organisation="Tbilisi Watch", organisation_website="https://tw.example")
        factories.signature(call, country="GE", organisation="Waiting Group", review=Review.PENDING)
        factories.signature(call, country="GE", organisation="Declined Group", review=Review.DECLINED)
        factories.signature(call, country="GE", name="Unconfirmed Person", show_name=True, confirmed=False)
        no_goal = factories.public_call(title="Stop the law")
        closed = factories.public_call(title="Old call", opens_on=days(-40), closes_on=days(-10), goal=10)
        factories.signature(closed, country="BY")
        future = factories.public_call(title="Coming call", opens_on=days(5))
        yield {
            "call": call,
            "russian": russian,
            "story": story,
            "russian_story": russian_story,
            "no_goal": no_goal,
            "closed": closed,
            "future": future,
        }


def shown(day: datetime.date) -> str:
    return date_format(day, "DATE_FORMAT")


def page(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_page_shows_the_badge_addressee_dates_and_the_count_toward_the_goal(client, data):
    html = page(client, data["call"])

    assert 'class="tag tag--call" href="/en/stories/?kind=call">Public call</a>' in html
    assert "Addressed to: The Parliament of Belarus" in text(html)
    assert f"Open for signatures since {shown(days(-1))} · Last day to sign: {shown(days(30))}" in text(html)
    assert "8 of 5,000 signatures" in text(html)
    assert '<progress class="call__progress" max="5000" value="8" aria-labelledby="call-total">' in html
    assert 'href="#sign"' in html and 'id="sign"' in html
    assert " style=" not in html


def test_english_and_russian_show_one_count_and_the_same_organisations(client, data):
    english, russian = text(page(client, data["call"])), text(page(client, data["russian"]))

    assert "8 of 5,000 signatures" in english
    assert re.search(r"8 \w+ 5\W000", russian)
    for name in ("Minsk Letters Circle", "Tbilisi Watch"):
        assert name in english and name in russian


def test_organisations_are_listed_only_once_checked(client, data):
    html = text(page(client, data["call"]))

    assert "Minsk Letters Circle (Belarus)" in html and "Tbilisi Watch (Georgia)" in html
    assert "Waiting Group" not in html and "Declined Group" not in html


def test_an_organisations_website_is_linked_without_passing_credit(client, data):
    html = page(client, data["call"])

    assert '<a href="https://tw.example" rel="nofollow ugc noopener noreferrer">Tbilisi Watch</a>' in html


def test_names_are_shown_only_when_chosen_with_how_many_others_signed(client, data):
    html = text(page(client, data["call"]))

    assert "Nino Beridze (Georgia)" in html
    assert "Hidden Person" not in html and "Unconfirmed Person" not in html
    assert "And 5 other people signed without showing their names." in html


def test_counts_by_country_most_first(client, data):
    html = page(client, data["call"])
    countries = re.findall(r'call-countries__name">([^<]+)</span> <span class="call-countries__count">(\d+)', html)

    assert countries == [("Belarus", "4"), ("Georgia", "3"), ("Germany", "1")]


def test_updates_show_newest_first(client, data):
    html = text(page(client, data["call"]))

    assert html.index("Handed over to the minister") < html.index("Handed over to the ombudsman")


def test_the_calls_stories_are_shown_as_cards(client, data):
    html = page(client, data["call"])

    assert 'id="call-stories-title"' in html and "Arrests after the march" in html


def test_without_a_goal_the_count_shows_no_progress(client, data):
    html = page(client, data["no_goal"])

    assert "0 signatures" in text(html) and "<progress" not in html
    assert "No signatures yet." in text(html)


def test_a_closed_call_shows_its_final_count_instead_of_the_form(client, data):
    html = text(page(client, data["closed"]))

    assert f"This call closed on {shown(days(-10))} with 1 signature." in html
    assert "Closed on" in html and "Sign the call" not in html


def test_a_call_not_yet_open_says_when_it_opens(client, data):
    html = text(page(client, data["future"]))

    assert f"Signatures open on {shown(days(5))}." in html
    assert "Sign the call" not in html


def test_the_language_switch_leads_to_the_translation(client, data):
    html = page(client, data["call"])

    assert f'href="{data["russian"].url}"' in html


def test_a_story_of_the_call_leads_to_it(client, data):
    html = page(client, data["story"])

    assert f'<a href="{data["call"].url}">Sign the public call: Free the journalists</a>' in html


def test_a_translation_of_a_story_of_the_call_leads_to_the_call_in_its_language(client, data):
    html = page(client, data["russian_story"])

    assert f'<a href="{data["russian"].url}">' in html and "Свободу журналистам" in html


def test_a_story_of_no_call_shows_no_box(client, data):
    html = page(client, StoryPageFactory(title="Plain news", countries=["GE"]))

    assert "story-call" not in html


def test_call_cards_show_the_badge_and_their_count_in_lists(client, data):
    for url in ("/en/stories/?kind=call", "/en/countries/by/", "/en/"):
        html = text(client.get(url).content.decode())
        assert "Free the journalists" in html, url
        assert "Public call" in html, url
    listing = text(client.get("/en/stories/?kind=call").content.decode())
    assert "Free the journalists" in listing and "8 signatures" in listing
    assert "Arrests after the march" not in listing  # kind=call lists calls only


def test_the_admin_offers_a_public_call_under_the_stories_and_a_plain_story_lacks_the_kind(admin_client, data):
    index = data["call"].get_parent()

    choices = admin_client.get(f"/admin/pages/{index.pk}/add_subpage/").content.decode()
    story_form = admin_client.get(f"/admin/pages/add/stories/storypage/{index.pk}/").content.decode()

    assert f"/admin/pages/add/calls/publiccallpage/{index.pk}/" in choices
    assert re.search(r"Public call\s*</", choices, re.IGNORECASE)
    kinds = re.search(r'<select name="kind".*?</select>', story_form, re.DOTALL)
    assert kinds and 'value="news"' in kinds.group(0)
    assert 'value="call"' not in kinds.group(0)
