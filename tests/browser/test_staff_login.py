"""A staff member logs in with the password and then the code from the authenticator app, or sets one up first."""

from __future__ import annotations

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from solidarity.home.services import site_tree_ensure
from tests.browser.conftest import serious_axe_violations
from tests.staff_login import authenticator, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long password for the browser 123"


@pytest.fixture
def editor(django_user_model):
    site_tree_ensure()
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def password(page, live_server) -> None:
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")


def test_a_staff_member_logs_in_with_the_password_and_the_code(browser_page, live_server, editor):
    device = authenticator(editor)
    page = browser_page
    password(page, live_server)

    expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
    assert serious_axe_violations(page) == []
    page.get_by_label("Code").fill(totp_code(device))
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="Write a story")).to_be_visible()  # the dashboard
    assert page.url == f"{live_server.url}/admin/"
    page.wait_for_load_state("networkidle")
    page.problems.assert_clean()


def test_a_wrong_code_shows_the_error_and_keeps_the_admin_closed(browser_page, live_server, editor):
    device = authenticator(editor)
    page = browser_page
    password(page, live_server)

    page.get_by_label("Code").fill(f"{(int(totp_code(device)) + 500_000) % 1_000_000:06d}")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("status").get_by_text("This code is wrong or has expired")).to_be_visible()
    page.goto(f"{live_server.url}/admin/pages/")
    expect(page).to_have_url(re.compile(r"/admin/security/code/\?next="))
    page.problems.assert_clean()


def test_a_staff_member_without_an_authenticator_sets_one_up_at_the_first_login(browser_page, live_server, editor):
    page = browser_page
    password(page, live_server)

    expect(page.get_by_role("heading", name="Set up two-factor authentication")).to_be_visible()
    qr_code = page.get_by_role("img", name="QR code of the secret for your authenticator app")
    expect(qr_code).to_be_visible()
    assert qr_code.evaluate("image => image.naturalWidth") > 0  # the data: URI is allowed by the admin's CSP
    assert serious_axe_violations(page) == []
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    page.get_by_label("Code from the app").fill(totp_code(device))
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    expect(page.locator(".two-factor__codes li")).to_have_count(10)
    page.get_by_role("link", name="I have saved them: continue").click()
    expect(page.get_by_role("heading", name="Write a story")).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.problems.assert_clean()
