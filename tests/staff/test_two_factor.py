"""Two-factor login of staff: set-up, the code after the password, recovery codes, and the admin held until then."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.images.models import Image
from wagtail.models import ModelLogEntry

from solidarity.staff import two_factor
from tests.photos import photo_bytes
from tests.staff_login import authenticator, login_staff, totp_code

pytestmark = pytest.mark.django_db

PASSWORD = "a long password 123"
VERIFY = "/admin/security/code/"
SETUP = "/admin/security/set-up/"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def password_login(client, user=None) -> None:
    """Wagtail's own login form, the password step only."""
    response = client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302, response.content


def audited(user, action: str) -> list[ModelLogEntry]:
    return list(ModelLogEntry.objects.filter(action=f"solidarity.{action}", object_id=str(user.pk)))


def wrong_code(device: TOTPDevice) -> str:
    return f"{(int(totp_code(device)) + 500_000) % 1_000_000:06d}"


# -- set-up ---------------------------------------------------------------------------------------


def test_a_staff_member_without_two_factor_is_sent_to_set_it_up_after_the_password(client, staff):
    password_login(client)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next=%2Fadmin%2F"


def test_the_set_up_page_shows_a_qr_code_and_the_secret(client, staff):
    password_login(client)

    response = client.get(SETUP)

    device = TOTPDevice.objects.get(user=staff)
    assert not device.confirmed
    assert re.search(r'<img class="two-factor__qr" src="data:image/svg\+xml', response.text)
    assert two_factor.secret(device) in response.text
    assert client.get(SETUP).context["secret"] == two_factor.secret(device)  # the same secret until confirmed


def test_another_session_with_the_password_gets_its_own_secret_not_the_one_being_set_up(client, staff):
    """Else someone who has the password could note the secret the real person is about to confirm."""
    password_login(client)
    mine = client.get(SETUP).context["secret"]
    intruder = Client()
    password_login(intruder)
    theirs = intruder.get(SETUP).context["secret"]

    assert theirs != mine
    assert client.get(SETUP).context["secret"] == mine
    device = TOTPDevice.objects.get(user=staff, confirmed=False, pk=client.session[two_factor.PENDING_DEVICE])
    assert client.post(SETUP, {"code": totp_code(device)}).status_code == 200
    assert TOTPDevice.objects.filter(user=staff).count() == 1  # the intruder's pending secret is gone
    assert two_factor.authenticator(staff).pk == device.pk


def test_set_up_is_confirmed_with_a_code_and_shows_ten_recovery_codes_once(client, staff):
    password_login(client)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=staff)

    response = client.post(SETUP, {"code": totp_code(device), "next": "/admin/pages/"})

    device.refresh_from_db()
    assert device.confirmed
    codes = response.context["codes"]
    assert len(codes) == 10
    assert sorted(StaticToken.objects.filter(device__user=staff).values_list("token", flat=True)) == sorted(codes)
    assert "no-store" in response["Cache-Control"]
    assert 'href="/admin/pages/"' in response.text
    assert client.get("/admin/").status_code == 200  # the session is verified
    assert [entry.data for entry in audited(staff, "two_factor_enabled")] == [{"replaced": False}]
    assert client.get(SETUP).status_code == 302  # no second set-up, no codes shown again


def test_set_up_refuses_a_wrong_code(client, staff):
    password_login(client)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=staff)

    response = client.post(SETUP, {"code": wrong_code(device)})

    assert response.status_code == 200
    assert "This code is wrong or has expired" in response.text
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/admin/").status_code == 302
    assert audited(staff, "two_factor_enabled") == []


# -- the code after the password ------------------------------------------------------------------


def test_a_staff_member_with_an_authenticator_is_asked_for_the_code(client, staff):
    authenticator(staff)
    password_login(client)

    response = client.get("/admin/pages/")

    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2Fpages%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Enter your code" in page.text


def test_the_right_code_opens_the_admin_page_asked_for(client, staff):
    device = authenticator(staff)
    password_login(client)
    session_before = client.session.session_key

    response = client.post(VERIFY, {"code": totp_code(device), "next": "/admin/pages/"})

    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    assert client.session.session_key != session_before  # a new session key with the new privilege


def test_a_wrong_code_is_refused_with_a_clear_error(client, staff):
    device = authenticator(staff)
    password_login(client)

    response = client.post(VERIFY, {"code": wrong_code(device)})

    assert response.status_code == 200
    assert "This code is wrong or has expired" in response.text
    assert client.get("/admin/").status_code == 302


def test_a_code_is_not_accepted_twice(client, staff):
    device = authenticator(staff)
    password_login(client)
    code = totp_code(device)
    client.post(VERIFY, {"code": code})
    client.logout()
    password_login(client)

    response = client.post(VERIFY, {"code": code})

    assert "This code is wrong or has expired" in response.text


def test_guesses_are_slowed_down(client, staff):
    device = authenticator(staff)
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=5, throttling_failure_timestamp=timezone.now()
    )
    password_login(client)

    response = client.post(VERIFY, {"code": totp_code(device)})  # the right code, too soon after five wrong ones

    assert re.search(r"Too many wrong codes. Wait 1[56] seconds", response.text)
    assert client.get("/admin/").status_code == 302


def test_after_the_wait_the_right_code_works_again(client, staff):
    device = authenticator(staff)
    earlier = timezone.now() - timedelta(seconds=17)
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=5, throttling_failure_timestamp=earlier)
    password_login(client)

    response = client.post(VERIFY, {"code": totp_code(device)})

    assert response.status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 0


def test_the_next_address_is_never_another_site(client, staff):
    device = authenticator(staff)
    password_login(client)

    response = client.post(VERIFY, {"code": totp_code(device), "next": "https://evil.example/admin/"})

    assert response["Location"] == "/admin/"


# -- recovery codes -------------------------------------------------------------------------------


def test_a_recovery_code_works_once(client, staff):
    authenticator(staff)
    codes = two_factor.new_recovery_codes(staff)
    password_login(client)

    response = client.post(VERIFY, {"code": codes[3].upper()}, follow=True)

    assert response.redirect_chain[-1] == ("/admin/", 302)
    assert "Recovery codes left: 9" in response.text
    assert [entry.data for entry in audited(staff, "recovery_code_used")] == [{"left": 9}]
    client.logout()
    password_login(client)
    again = client.post(VERIFY, {"code": codes[3]})
    assert "This code is wrong or has expired" in again.text


def test_new_recovery_codes_replace_the_old_ones(client, staff):
    login_staff(client, staff)
    old = two_factor.new_recovery_codes(staff)

    response = client.post("/admin/security/recovery-codes/")

    new = response.context["codes"]
    assert len(new) == 10
    assert not set(old) & set(new)
    assert not StaticToken.objects.filter(token__in=old).exists()
    assert len(audited(staff, "recovery_codes")) == 2


# -- the admin held until the code ----------------------------------------------------------------

ADMIN_PAGES = ["/admin/", "/admin/pages/", "/admin/users/", "/admin/account/", "/admin/security/", "/admin/images/"]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_every_admin_page_sends_a_staff_member_without_two_factor_to_set_it_up(client, staff, path):
    client.force_login(staff)

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith(f"{SETUP}?next=")


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_an_unverified_session_reaches_no_admin_page(client, staff, path):
    authenticator(staff)
    client.force_login(staff)

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith(f"{VERIFY}?next=")


def test_an_admin_post_without_the_code_is_sent_to_the_code_page_and_does_nothing(client, staff):
    authenticator(staff)
    client.force_login(staff)

    response = client.post("/admin/security/log-out-everywhere/")

    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    assert audited(staff, "logout_everywhere") == []


def test_a_background_request_without_the_code_gets_a_403(client, staff):
    authenticator(staff)
    client.force_login(staff)

    response = client.get("/admin/pages/search/?q=x", headers={"HX-Request": "true"})

    assert response.status_code == 403
    assert "two-factor code" in response.text


@pytest.mark.parametrize("path", ["/admin/login/", "/admin/jsi18n/"])
def test_the_pages_the_login_needs_stay_open(client, staff, path):
    authenticator(staff)
    client.force_login(staff)

    assert client.get(path).status_code in (200, 302)
    assert not client.get(path).get("Location", "").startswith(VERIFY)


def test_logging_out_stays_possible_before_the_code(client, staff):
    authenticator(staff)
    client.force_login(staff)

    client.post("/admin/logout/")

    assert "_auth_user_id" not in client.session


def test_the_password_alone_opens_no_private_media(client, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = Image.objects.create(title="Protest", file=ContentFile(photo_bytes(), name="protest.jpg"))
    authenticator(staff)
    client.force_login(staff)

    assert client.get(f"/media/{image.file.name}").status_code == 404
    login_staff(client, staff)
    assert client.get(f"/media/{image.file.name}").status_code == 200


def test_a_non_staff_account_needs_no_code(client, django_user_model, site_tree):
    reader = django_user_model.objects.create_user("reader", "r@example.org", PASSWORD)
    client.force_login(reader)

    assert client.get("/en/").status_code == 200
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_the_development_switch_lets_staff_in_without_a_code(client, staff, settings):
    settings.SOLIDARITY_STAFF_TWO_FACTOR = False
    client.force_login(staff)

    assert client.get("/admin/").status_code == 200


# -- replacing and removing -----------------------------------------------------------------------


def test_replacing_the_authenticator_needs_a_current_code(client, staff):
    login_staff(client, staff)
    old = authenticator(staff)

    refused = client.post("/admin/security/replace/", {"code": wrong_code(old)}, follow=True)
    assert "This code is wrong or has expired" in refused.text
    assert client.get(SETUP)["Location"] == "/admin/"  # no set-up without the current code
    TOTPDevice.objects.filter(pk=old.pk).update(throttling_failure_count=0)  # past the wait after the wrong code

    response = client.post("/admin/security/replace/", {"code": totp_code(old)})
    assert response["Location"] == f"{SETUP}?next=%2Fadmin%2Fsecurity%2F"
    assert client.get(SETUP).context["replacing"]
    new = TOTPDevice.objects.get(user=staff, confirmed=False)
    confirmed = client.post(SETUP, {"code": totp_code(new), "next": "/admin/security/"})

    assert len(confirmed.context["codes"]) == 10
    assert list(TOTPDevice.objects.filter(user=staff).values_list("pk", flat=True)) == [new.pk]
    assert [entry.data for entry in audited(staff, "two_factor_enabled")] == [{"replaced": True}]


def test_removing_two_factor_ends_the_sessions_and_the_next_login_sets_it_up_again(client, staff, django_user_model):
    """A session that had passed the password step (a stolen cookie, say) must not set up the new authenticator."""
    administrator = django_user_model.objects.create_superuser("admin", "a@example.org", PASSWORD)
    login_staff(client, staff)
    two_factor.new_recovery_codes(staff)

    two_factor.remove(staff, by=administrator)

    assert not TOTPDevice.objects.filter(user=staff).exists()
    assert not StaticDevice.objects.filter(user=staff).exists()
    assert client.get(SETUP)["Location"].startswith("/admin/login/")
    password_login(client)
    assert client.get("/admin/")["Location"].startswith(SETUP)
    [entry] = audited(staff, "two_factor_removed")
    assert entry.user_id == administrator.pk


def test_the_account_page_links_to_security(client, staff):
    login_staff(client, staff)

    assert 'href="/admin/security/"' in client.get("/admin/account/").text
    page = client.get("/admin/security/")
    assert page.status_code == 200
    assert "Make new recovery codes" in page.text
    assert "Log out everywhere" in page.text


def test_the_reset_command_removes_a_lost_authenticator(staff):
    authenticator(staff)
    two_factor.new_recovery_codes(staff)

    call_command("two_factor_reset", "editor", stdout=io.StringIO())

    assert not two_factor.has_two_factor(staff)
    assert two_factor.recovery_codes_left(staff) == 0
    [entry] = audited(staff, "two_factor_removed")
    assert entry.user_id is None
    with pytest.raises(CommandError):
        call_command("two_factor_reset", "nobody", stdout=io.StringIO())


def test_the_password_alone_is_audited_as_accepted_and_the_login_only_with_the_code(client, staff):
    """Whoever knows a password but not the code must not look like someone who logged in."""
    device = authenticator(staff)
    password_login(client)
    assert [entry.action for entry in ModelLogEntry.objects.for_instance(staff)] == ["solidarity.password_accepted"]

    client.post("/admin/security/code/", {"code": totp_code(device)})

    [login] = audited(staff, "login")
    assert login.data == {"with": "authenticator"}
