"""Signing a public call without JavaScript, through the pages: the form, "check your email", the emailed
confirmation link (its GET shows a button, its POST confirms), the count going up, the private link and
withdrawing; and every bad case of the issue — each with a clear message, nothing half-saved, no 500, and the
same answer whether an address had signed or not."""

from __future__ import annotations

import datetime
import re

import pytest
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import timezone

from solidarity.calls import queries, services
from solidarity.calls.models import Review, Signature, SignerKind
from solidarity.core.logs import without_private_links
from solidarity.core.services import organisation_create
from solidarity.core.tokens import private_token_hash
from tests.calls import factories
from tests.mail import delivered, links_in
from tests.shared import shared_data
from tests.spam import guard_fields

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def data(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        today = timezone.localdate()
        call = factories.public_call(title="Free the prisoners", goal=100)
        russian = factories.call_translation(call, "ru", title="Свободу заключённым")
        closed = factories.public_call(
            title="Last year's call",
            opens_on=today - datetime.timedelta(days=400),
            closes_on=today - datetime.timedelta(days=1),
        )
        future = factories.public_call(title="Next month's call", opens_on=today + datetime.timedelta(days=30))
        people_only = factories.public_call(title="People only", accepts_organisations=False)
        member = organisation_create(name="Viasna Friends", country="LT", city="Vilnius")
        yield {
            "call": call,
            "russian": russian,
            "closed": closed,
            "future": future,
            "people_only": people_only,
            "member": member,
        }


def sign_url(call, language: str = "en") -> str:
    return f"/{language}/calls/{call.pk}/sign/"


def thanks_url(call, language: str = "en") -> str:
    return f"/{language}/calls/{call.pk}/thanks/"


def person(**overrides) -> dict:
    return {
        "signer_kind": "person",
        "name": "Ana Kowalska",
        "email": "ana@example.org",
        "country": "PL",
        "city": "Gdańsk",
        "show_name": "on",
        **guard_fields(),
        **overrides,
    }


def sign(client, call, language: str = "en", **overrides):
    return client.post(sign_url(call, language), person(**overrides))


def earlier(signature: Signature, minutes: int = 10) -> None:
    """As if its last email had left ``minutes`` ago (past the quiet time that stops a flood of emails)."""
    Signature.objects.filter(pk=signature.pk).update(link_sent_at=timezone.now() - datetime.timedelta(minutes=minutes))


def the_link(email, part: str) -> str:
    [link] = [link for link in links_in(email) if part in link]
    return re.sub(r"^https?://[^/]+", "", link)  # the path: the test client asks this site


def confirm_link(email) -> str:
    return the_link(email, "/calls/confirm/")


def private_link(email) -> str:
    return the_link(email, "/calls/signature/")


def page_text(response) -> str:
    return response.content.decode()


# The journey


def test_a_person_signs_confirms_sees_the_count_go_up_and_withdraws(client, data):
    call = data["call"]
    before = queries.call_total(call.call_key)

    response = sign(client, call)
    assert response.status_code == 303
    assert response["Location"] == thanks_url(call)
    signature = Signature.objects.get(call_key=call.call_key)
    assert (signature.kind, signature.name, signature.country_id, signature.city) == (
        SignerKind.PERSON,
        "Ana Kowalska",
        "PL",
        "Gdańsk",
    )
    assert signature.show_name and not signature.keep_informed and not signature.is_confirmed

    thanks = client.get(thanks_url(call))
    assert "Check your email" in page_text(thanks)
    assert reverse("calls:link_again", kwargs={"page_id": call.pk}) in page_text(thanks)
    assert f"{before} signatures so far" in page_text(thanks) or f"{before} signature so far" in page_text(thanks)

    [email] = delivered()
    assert email.to == ["ana@example.org"]
    link = confirm_link(email)

    shown = client.get(link)  # a mail scanner opening the link confirms nothing
    assert shown.status_code == 200
    assert "Free the prisoners" in page_text(shown) and "Ana Kowalska" in page_text(shown)
    assert "Poland" in page_text(shown) and "Confirm my signature" in page_text(shown)
    assert queries.call_total(call.call_key) == before

    confirmed = client.post(link, {"action": "confirm"})
    assert confirmed.status_code == 200
    assert "Your signature counts" in page_text(confirmed)
    assert queries.call_total(call.call_key) == before + 1
    assert f"The call has {before + 1} signature" in page_text(confirmed)
    assert "/calls/signature/" not in page_text(confirmed)  # the private link goes by email only

    counted = delivered()[-1]
    assert "Thank you for signing" in counted.subject
    private = private_link(counted)
    mine = client.get(private)
    assert mine.status_code == 200
    assert "Ana Kowalska" in page_text(mine) and "Gdańsk" in page_text(mine)
    assert "confirmed: it counts" in page_text(mine)

    withdrawn = client.post(private, {"action": "withdraw"})
    assert withdrawn.status_code == 200
    assert "withdrawn and deleted" in page_text(withdrawn)
    assert queries.call_total(call.call_key) == before
    assert not Signature.objects.filter(call_key=call.call_key).exists()
    assert client.get(private).status_code == 404  # gone with the signature


def test_the_call_page_counts_one_more_once_confirmed(client, data):
    """The call page's own count (its template is the reading helper's: checked when it is there)."""
    call = data["call"]
    try:
        get_template(call.template)
    except TemplateDoesNotExist:
        pytest.skip("the call page's template is not in this branch yet")
    sign(client, call)
    before = client.get(call.url)
    client.post(confirm_link(delivered()[-1]), {"action": "confirm"})
    after = client.get(call.url)
    assert queries.call_total(call.call_key) == 1
    assert before.status_code == after.status_code == 200
    assert "Ana Kowalska" not in page_text(before)  # not counted, not listed before confirming
    assert "Ana Kowalska" in page_text(after)  # she chose to show her name
    assert 'name="signer_kind"' in page_text(after)  # the signing section is there
    assert "csrfmiddlewaretoken" not in page_text(after) and after.cookies == {}


def test_a_russian_reader_signs_and_is_mailed_in_russian(client, data):
    response = sign(client, data["russian"], "ru")
    assert response["Location"] == thanks_url(data["russian"], "ru")
    signature = Signature.objects.get(call_key=data["call"].call_key)  # the call's, whatever the language
    assert signature.language == "ru"
    [email] = delivered()
    assert "/ru/calls/confirm/" in confirm_link(email)
    assert client.get(thanks_url(data["russian"], "ru")).status_code == 200


# The pages' headers


def test_the_sign_form_is_a_cacheable_page_without_cookie_or_token(client, data):
    for url in (sign_url(data["call"]), f"/en/calls/{data['call'].pk}/link-again/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.cookies == {}, url
        assert "Cookie" not in response.get("Vary", ""), url
        assert "no-store" not in response.get("Cache-Control", ""), url
        assert "csrfmiddlewaretoken" not in page_text(response)


def test_the_call_pages_sign_section_is_the_same_for_every_reader(data):
    call = data["call"]
    context = queries.call_page_context(call)
    assert context["sign_form"].action == sign_url(call)
    html = render_to_string("calls/_sign_section.html", context)
    assert f'action="{sign_url(call)}"' in html
    assert 'name="signer_kind"' in html and 'name="organisation_name"' in html
    assert "csrfmiddlewaretoken" not in html
    assert queries.call_page_context(data["closed"])["sign_form"] is None
    assert render_to_string("calls/_sign_section.html", queries.call_page_context(data["closed"])).strip() == ""


def test_thanks_confirm_and_private_pages_are_never_stored(client, data):
    sign(client, data["call"])
    thanks = client.get(thanks_url(data["call"]))
    assert "no-cache" in thanks["Cache-Control"] or "no-store" in thanks["Cache-Control"]
    link = confirm_link(delivered()[-1])
    for response in (client.get(link), client.post(link, {"action": "confirm"})):
        assert response["Cache-Control"].startswith("no-store")
        assert response["Referrer-Policy"] == "no-referrer"
        assert response["X-Robots-Tag"] == "noindex"
    private = client.get(private_link(delivered()[-1]))
    assert private["Cache-Control"].startswith("no-store") and private["Referrer-Policy"] == "no-referrer"
    assert private["X-Robots-Tag"] == "noindex"


def test_a_form_sent_back_with_errors_is_never_stored(client, data):
    response = sign(client, data["call"], email="not an email")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("no-store")


# Bad input


def test_a_malformed_email_is_refused_with_a_message_and_what_was_typed_is_kept(client, data):
    response = sign(client, data["call"], email="ana@", city="Kraków")
    text = page_text(response)
    assert 'class="error-summary"' in text and 'href="#id_email"' in text
    assert "Enter an email address such as name@example.org." in text
    assert 'value="Ana Kowalska"' in text and 'value="Kraków"' in text
    assert not Signature.objects.exists()
    assert delivered() == []


def test_plus_tags_and_case_make_one_signature_and_the_same_answer(client, data):
    call = data["call"]
    first = sign(client, call, email="Ana+x@Example.org")
    signature = Signature.objects.get()
    earlier(signature)
    second = sign(client, call, email="ana@example.org", name="Ana K.")
    assert first.status_code == second.status_code == 303
    assert first["Location"] == second["Location"]
    assert Signature.objects.count() == 1
    assert Signature.objects.get().name == "Ana K."  # not confirmed yet: corrected by what was given now
    first_email, second_email = delivered()
    assert "Confirm your signature" in second_email.subject  # not confirmed yet: the link again
    assert confirm_link(first_email) != confirm_link(second_email)
    assert client.get(confirm_link(first_email)).status_code == 404  # the newer link replaces it

    client.post(confirm_link(second_email), {"action": "confirm"})
    earlier(signature)
    third = sign(client, call, email="ANA@example.org")
    assert third["Location"] == first["Location"]
    assert "You had already signed" in delivered()[-1].subject
    assert queries.call_total(call.call_key) == 1


def test_a_double_click_sends_one_email(client, data):
    sign(client, data["call"])
    sign(client, data["call"])
    assert Signature.objects.count() == 1
    assert len(delivered()) == 1


def test_a_name_of_10000_characters_is_refused_with_a_message(client, data):
    response = sign(client, data["call"], name="A" * 10_000)
    text = page_text(response)
    assert response.status_code == 200
    assert "This is too long: at most 200 characters, please." in text
    assert 'href="#id_name"' in text
    assert not Signature.objects.exists()


def test_html_in_every_field_is_kept_as_text_and_escaped_everywhere(client, data):
    call = data["call"]
    fields = {
        "name": f"Ana {SCRIPT}",
        "city": f"<b>City</b>{SCRIPT}"[:100],
        "signer_kind": "organisation",
        "organisation_name": f"Org {SCRIPT}",
        "organisation_website": "https://example.org/?q=<script>",
        "show_name": "",
    }
    response = sign(client, call, **fields)
    assert response.status_code == 303
    signature = Signature.objects.get()
    assert signature.name == f"Ana {SCRIPT}" and signature.organisation_name == f"Org {SCRIPT}"
    [email] = delivered()
    assert not getattr(email, "alternatives", [])  # plain text only: nothing in it is markup
    assert "Ana" not in email.body and "Org" not in email.body  # nothing typed goes to an unchecked address
    shown = page_text(client.get(confirm_link(email)))
    assert SCRIPT not in shown
    assert "Ana &lt;script&gt;alert(1)&lt;/script&gt;" in shown
    assert "Org &lt;script&gt;" in shown
    assert "&lt;b&gt;City&lt;/b&gt;" in shown


def test_html_in_a_refused_form_is_escaped_when_sent_back(client, data):
    response = sign(client, data["call"], name=SCRIPT, email=SCRIPT, city=SCRIPT, country=SCRIPT)
    text = page_text(response)
    assert response.status_code == 200
    assert SCRIPT not in text
    assert "&lt;script&gt;" in text


def test_an_unknown_country_is_refused_with_a_message(client, data):
    for country in ("XX", "", "Narnia"):
        text = page_text(sign(client, data["call"], country=country))
        assert 'href="#id_country"' in text, country
    assert "Choose a country from the list." in page_text(sign(client, data["call"], country="XX"))
    assert "Choose the country." in page_text(sign(client, data["call"], country=""))
    assert not Signature.objects.exists()


def test_a_lowercase_country_code_is_the_country(client, data):
    assert sign(client, data["call"], country="ge").status_code == 303
    assert Signature.objects.get().country_id == "GE"


def test_an_expired_link_says_so_and_offers_a_new_one(client, data):
    sign(client, data["call"])
    link = confirm_link(delivered()[-1])
    earlier(Signature.objects.get(), minutes=60 * 24 * (services.CONFIRM_LINK_DAYS + 1))
    shown = page_text(client.get(link))
    assert "This link has expired" in shown
    assert f'action="/en/calls/{data["call"].pk}/link-again/"' in shown
    assert "Confirm my signature" not in shown
    refused = client.post(link, {"action": "confirm"})
    assert refused.status_code == 200 and "This link has expired" in page_text(refused)
    assert queries.call_total(data["call"].call_key) == 0


def test_a_tampered_or_unknown_token_is_the_private_not_found_page(client, data):
    sign(client, data["call"])
    link = confirm_link(delivered()[-1])
    for url in (link[:-2] + "x/", "/en/calls/confirm/nothing/", "/en/calls/signature/nothing/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Cache-Control"].startswith("no-store")
        assert client.post(url, {"action": "confirm"}).status_code == 404
    assert not Signature.objects.get().is_confirmed


def test_confirming_twice_is_no_error(client, data):
    sign(client, data["call"])
    link = confirm_link(delivered()[-1])
    assert client.post(link, {"action": "confirm"}).status_code == 200
    again = client.post(link, {"action": "confirm"})  # the link has done its work: it says so
    opened_again = client.get(link)
    assert again.status_code == opened_again.status_code == 200
    assert "This signature is confirmed already" in opened_again.content.decode()
    assert queries.call_total(data["call"].call_key) == 1


def test_a_link_that_leads_nowhere_says_why_and_what_to_do(client, data):
    confirm = client.get("/en/calls/confirm/no-such-token/")
    private = client.get("/en/calls/signature/no-such-token/")

    assert confirm.status_code == private.status_code == 404
    assert "copy the whole link" in confirm.content.decode() and "use the newest" in confirm.content.decode()
    assert "If you withdrew your signature" in private.content.decode()
    assert confirm["Cache-Control"].startswith("no-store")


def test_confirming_at_the_same_moment_as_another_tab_says_it_is_confirmed(client, data, monkeypatch):
    sign(client, data["call"])
    link = confirm_link(delivered()[-1])
    stale = services.signature_by_confirm_token(link.rstrip("/").rsplit("/", 1)[-1])
    services.signature_confirm(stale)  # the other tab won
    monkeypatch.setattr(services, "signature_by_confirm_token", lambda token: stale)
    response = client.post(link, {"action": "confirm"})
    assert response.status_code == 200
    assert "This signature is confirmed already." in page_text(response)
    assert queries.call_total(data["call"].call_key) == 1


def test_a_closed_call_and_one_not_open_yet_take_no_signature(client, data):
    closed = sign(client, data["closed"])
    assert closed.status_code == 200
    assert "This call is closed: it no longer takes signatures." in page_text(closed)
    future = sign(client, data["future"])
    assert "This call takes signatures from" in page_text(future)
    assert 'name="email"' not in page_text(future)
    assert not Signature.objects.exists()
    assert delivered() == []


def test_a_call_that_closed_after_signing_cannot_be_confirmed(client, data):
    sign(client, data["call"])
    link = confirm_link(delivered()[-1])
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    type(data["call"]).objects.filter(translation_key=data["call"].translation_key).update(closes_on=yesterday)
    shown = client.get(link)
    assert "This call is closed" in page_text(shown) and "Confirm my signature" not in page_text(shown)
    refused = client.post(link, {"action": "confirm"})
    assert refused.status_code == 200 and "This call is closed" in page_text(refused)
    assert not Signature.objects.get().is_confirmed


def test_an_unknown_or_unpublished_call_has_no_form(client, data):
    assert client.get("/en/calls/999999/sign/").status_code == 404
    assert client.post("/en/calls/999999/sign/", person()).status_code == 404
    draft = factories.public_call(title="Draft", publish=False)
    assert client.get(sign_url(draft)).status_code == 404


# Organisations


def test_a_member_organisation_signs_by_picking_itself(client, data):
    response = sign(
        client, data["call"], signer_kind="organisation", member=str(data["member"].pk), country="", show_name="on"
    )
    assert response.status_code == 303
    signature = Signature.objects.get()
    assert signature.kind == SignerKind.ORGANISATION and signature.member == data["member"]
    assert signature.country_id == "LT"  # the member's
    assert signature.review == Review.PENDING and not signature.show_name
    client.post(confirm_link(delivered()[-1]), {"action": "confirm"})
    assert queries.call_total(data["call"].call_key) == 0  # counted once an editor checked it
    mine = page_text(client.get(private_link(delivered()[-1])))
    assert "Viasna Friends" in mine and "waiting for an editor" in mine


def test_another_organisation_signs_with_its_name_and_website(client, data):
    response = sign(
        client,
        data["call"],
        signer_kind="organisation",
        organisation_name="Letters to Minsk",
        organisation_website="letters.example.org",
        country="LT",
    )
    assert response.status_code == 303
    signature = Signature.objects.get()
    assert (signature.organisation_name, signature.organisation_website) == (
        "Letters to Minsk",
        "https://letters.example.org",
    )
    shown = page_text(client.get(confirm_link(delivered()[-1])))
    assert "the organisation Letters to Minsk" in shown and "Ana Kowalska" in shown


def test_an_organisation_needs_a_name_or_a_member_and_a_web_address(client, data):
    text = page_text(sign(client, data["call"], signer_kind="organisation", organisation_name=""))
    assert "Give the organisation&#x27;s name, or pick it from the list." in text
    text = page_text(
        sign(
            client,
            data["call"],
            signer_kind="organisation",
            organisation_name="X",
            organisation_website="javascript:alert(1)",
        )
    )
    assert 'href="#id_organisation_website"' in text
    assert not Signature.objects.exists()


def test_organisation_fields_are_ignored_for_a_person(client, data):
    sign(client, data["call"], organisation_name="Ignored", member=str(data["member"].pk))
    signature = Signature.objects.get()
    assert signature.kind == SignerKind.PERSON and signature.organisation_name == "" and signature.member is None


def test_a_call_signed_by_people_only_has_no_organisation_part(client, data):
    text = page_text(client.get(sign_url(data["people_only"])))
    assert 'name="organisation_name"' not in text and 'name="signer_kind"' not in text
    sign(client, data["people_only"], signer_kind="organisation", organisation_name="Org")
    assert Signature.objects.get().kind == SignerKind.PERSON


# Sending the link again


def test_the_link_again_for_an_address_that_never_signed_sends_nothing(client, data):
    url = f"/en/calls/{data['call'].pk}/link-again/"
    response = client.post(url, {"email": "nobody@example.org", **guard_fields()})
    assert response.status_code == 303 and response["Location"] == thanks_url(data["call"])
    assert delivered() == []


def test_the_link_again_mails_a_new_link_to_who_signed(client, data):
    sign(client, data["call"])
    earlier(Signature.objects.get())
    url = f"/en/calls/{data['call'].pk}/link-again/"
    response = client.post(url, {"email": "ANA+calls@example.org", **guard_fields()})
    assert response["Location"] == thanks_url(data["call"])
    first, second = delivered()
    assert confirm_link(first) != confirm_link(second)
    assert client.post(confirm_link(second), {"action": "confirm"}).status_code == 200


def test_the_link_again_form_refuses_a_malformed_email(client, data):
    url = f"/en/calls/{data['call'].pk}/link-again/"
    response = client.post(url, {"email": "nope", **guard_fields()})
    assert response.status_code == 200 and 'href="#id_email"' in page_text(response)


# The spam guard and other sites


def test_a_filled_honeypot_is_refused_and_nothing_is_saved(client, data):
    response = sign(client, data["call"], guard_homepage="https://spam.example")
    assert response.status_code == 400
    assert not Signature.objects.exists()


def test_another_sites_post_on_a_private_link_is_refused(client, data):
    sign(client, data["call"])
    link = confirm_link(delivered()[-1])
    response = client.post(link, {"action": "confirm"}, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    assert not Signature.objects.get().is_confirmed


# The embedded form


def test_the_embedded_form_may_be_framed_and_its_thanks_stay_in_the_frame(client, data):
    call = data["call"]
    url = f"/en/calls/embed/{call.pk}/sign/"
    shown = client.get(url)
    assert shown.status_code == 200
    assert "frame-ancestors 'none'" not in shown.get("Content-Security-Policy", "")
    assert "X-Frame-Options" not in shown
    assert 'class="site-header"' not in page_text(shown)
    assert f'action="{url}"' in page_text(shown)
    response = client.post(url, person())
    assert response.status_code == 303
    assert response["Location"] == f"/en/calls/embed/{call.pk}/thanks/"
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200 and "Check your email" in page_text(thanks)
    assert "X-Frame-Options" not in thanks
    assert "frame-ancestors 'none'" in client.get(sign_url(call)).get("Content-Security-Policy", "")


def test_the_emailed_links_never_reach_a_log(client, data):
    sign(client, data["call"])
    link = confirm_link(delivered()[-1])
    assert without_private_links(link) == "/en/calls/confirm/[private]/"
    client.post(link, {"action": "confirm"})
    assert without_private_links(private_link(delivered()[-1])) == "/en/calls/signature/[private]/"


def test_the_private_link_lets_the_signer_download_everything_kept_about_the_signature(client, data):
    signature = factories.signature(data["call"], name="Ana Data", email="ana.data@example.org", city="Minsk")
    token = services._private_token(signature)
    Signature.objects.filter(pk=signature.pk).update(private_token_hash=private_token_hash(token))

    page = client.get(f"/en/calls/signature/{token}/")
    download = client.get(f"/en/calls/signature/{token}/data.json")

    assert f"/en/calls/signature/{token}/data.json" in page.content.decode()
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]
    assert download["Cache-Control"].startswith("no-store")
    kept = download.json()
    assert (kept["name"], kept["email"], kept["city"]) == ("Ana Data", "ana.data@example.org", "Minsk")
    assert kept["country"] == "BY" and kept["organisation"] is None
    assert kept["call"]["url"] == "http://testserver" + data["call"].url  # as the request reached the site
    assert client.get("/en/calls/signature/not-a-token/data.json").status_code == 404


def test_the_embedded_form_of_a_closed_call_gives_its_final_count_and_the_way_to_the_call(client, data):
    closed = data["closed"]
    page = client.get(f"/en/calls/embed/{closed.pk}/sign/").content.decode()

    assert "This call closed on" in page and 'name="email"' not in page
    assert f'href="{closed.url}" target="_blank"' in page
