"""A country coordinator logs in with the password and the authenticator's code and sees only their countries."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from solidarity.home.services import site_tree_ensure
from tests.browser.conftest import serious_axe_violations
from tests.factories import StoryPageFactory, staff_member, staff_roles_ensure
from tests.staff_login import authenticator, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long password 123"  # staff_member's


def submitted(title: str, slug: str, country: str, by) -> object:
    """A story of one country that a translator submitted for an editor's review."""
    story = StoryPageFactory(title=title, slug=slug, countries=[country], publish=False)
    revision = story.save_revision(user=by)
    story.get_workflow().start(story, by)
    assert story.get_latest_revision().pk == revision.pk
    return story


@pytest.fixture
def coordinator():
    site_tree_ensure()
    staff_roles_ensure()
    translator = staff_member("translator", "Translators")
    submitted("Trial in Minsk", "trial-in-minsk", "BY", translator)
    moscow = submitted("Search in Moscow", "search-in-moscow", "RU", translator)
    user = staff_member("coordinator-by", "Country coordinators", ["BY"])
    return user, moscow


def test_a_belarus_coordinator_logs_in_with_a_code_and_sees_belarus_in_review_not_russia(
    browser_page, live_server, coordinator
):
    user, moscow = coordinator
    device = authenticator(user)
    page = browser_page
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "coordinator-by")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
    page.get_by_label("Code").fill(totp_code(device))
    page.get_by_role("button", name="Continue").click()

    queue = page.locator("section[data-queue=in_review_in_your_countries]")
    expect(queue.get_by_role("heading", name="In review in your countries")).to_be_visible()
    expect(queue.get_by_role("link", name="Trial in Minsk")).to_be_visible()
    expect(page.get_by_text("Search in Moscow")).to_have_count(0)
    assert serious_axe_violations(page) == []
    page.wait_for_load_state("networkidle")
    page.problems.assert_clean()

    response = page.goto(f"{live_server.url}/admin/pages/{moscow.pk}/edit/")
    assert response is not None and response.status == 404
