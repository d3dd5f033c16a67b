"""What staff meet when the admin refuses them something: the admin's own 404, no link to what they may not open."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from solidarity.core import access
from tests.factories import StoryPageFactory, staff_member
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(site_tree):
    return staff_member("coordinator-by", "Country coordinators", ["BY"])


def test_another_countrys_story_answers_the_admins_404_not_the_public_one(client, coordinator):
    moscow = StoryPageFactory(title="Search in Moscow", countries=["RU"], publish=False)
    login_staff(client, coordinator)

    response = client.get(f"/admin/pages/{moscow.pk}/edit/")

    assert response.status_code == 404
    assert "wagtailadmin/404.html" in [template.name for template in response.templates]
    assert 'href="/admin/"' in response.text and "Search in Moscow" not in response.text


def test_a_public_404_stays_the_sites_own(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    assert "wagtailadmin/404.html" not in [template.name for template in response.templates]


def test_a_coordinators_dashboard_has_no_link_to_the_history_of_every_record(client, coordinator):
    StoryPageFactory(title="Trial in Minsk", countries=["BY"])
    login_staff(client, coordinator)
    page = client.get("/admin/").text

    assert "Recent changes" in page
    assert "/admin/reports/site-history/" not in page  # neither the dashboard's link nor the Reports menu's
    assert "/admin/reports/page-types-usage/" not in page
    assert "/admin/reports/workflow/" in page  # a report they may open stays in the menu


def test_an_editors_dashboard_links_to_every_change(client, site_tree):
    StoryPageFactory(title="Trial in Minsk", countries=["BY"])
    login_staff(client, staff_member("editor", "Editors"))

    page = client.get("/admin/").text
    assert "/admin/reports/site-history/" in page and "/admin/reports/page-types-usage/" in page


def test_a_moderators_dashboard_shows_no_page_panels(client, site_tree):
    """A moderator sees no pages: "No page has been changed yet" would be untrue."""
    login_staff(client, staff_member("moderator", "Moderators"))
    page = client.get("/admin/").text

    assert "Recent changes" not in page and "Your drafts" not in page


def test_the_page_trees_language_switch_asks_for_translations_of_a_page_the_coordinator_may_see(coordinator):
    minsk = StoryPageFactory(title="Trial in Minsk", countries=["BY"], publish=False)
    moscow = StoryPageFactory(title="Search in Moscow", countries=["RU"], publish=False)
    listing = "wagtailadmin_api:pages:listing"

    assert access.may_open_admin_view(coordinator, listing, (), {}, QueryDict(f"translation_of={minsk.pk}"))
    assert not access.may_open_admin_view(coordinator, listing, (), {}, QueryDict(f"translation_of={moscow.pk}"))
    assert not access.may_open_admin_view(coordinator, listing, (), {}, QueryDict("translation_of=²"))


def test_staff_choose_their_admin_language_among_the_sites_belarusian_included(client, settings):
    from wagtail.admin.localization import get_available_admin_languages

    assert [code for code, _name in get_available_admin_languages()] == [code for code, _ in settings.LANGUAGES]


def test_the_time_zones_offered_are_the_ones_browsers_know(settings):
    assert "Europe/Minsk" in settings.WAGTAIL_USER_TIME_ZONES
    assert not {"localtime", "EST5EDT", "Etc/GMT+3"} & set(settings.WAGTAIL_USER_TIME_ZONES)
