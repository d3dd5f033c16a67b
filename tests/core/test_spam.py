"""The public forms' spam guard (core/spam.py): each rule, a person passing next to what it refuses."""

from __future__ import annotations

import base64
import json
from io import StringIO

import altcha
import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import RequestFactory

from solidarity.core import clients, spam
from tests.spam import guard_fields

pytestmark = pytest.mark.django_db

HERE = "203.0.113.7"
ELSEWHERE = "198.51.100.20"
TYPED = "Our picket on 30 April"


@pytest.fixture(autouse=True)
def _guard_settings(settings):
    settings.ROOT_URLCONF = "tests.testapp.urls"
    settings.SPAM_SOFT_LIMIT = 2
    settings.SPAM_HARD_LIMIT = 4
    settings.SPAM_ALTCHA_COST = 1  # a proof of work the test solves at once
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = None


def send(client, *, address: str = HERE, url: str = "/guarded/", guard: dict | None = None, **headers):
    data = {"message": TYPED, **(guard if guard is not None else guard_fields())}
    return client.post(url, data, REMOTE_ADDR=address, **headers)


def solved(client) -> str:
    """A proof of work as the widget sends it: a challenge from the site, solved."""
    challenge = altcha.Challenge.from_dict(client.get("/altcha/challenge/").json())
    solution = altcha.solve_challenge(challenge)
    assert solution is not None
    return altcha.Payload(challenge, solution).to_base64()


def with_proof(payload: str) -> dict:
    return {**guard_fields(), "guard_altcha": payload}


def is_sent(response) -> bool:
    return response.status_code == 200 and b"<body>sent</body>" in response.content


def refused(response, status: int, words: str) -> None:
    assert response.status_code == status
    text = response.content.decode()
    assert words in text
    assert TYPED in text  # what the person typed is kept


# Origin, honeypot, fill time ----------------------------------------------------------------------------------


def test_a_form_filled_by_a_person_passes(client):
    response = send(client, HTTP_SEC_FETCH_SITE="same-origin", HTTP_ORIGIN="http://testserver")
    assert is_sent(response)


def test_a_form_sent_from_another_site_is_refused(client):
    refused(send(client, HTTP_SEC_FETCH_SITE="cross-site"), 403, "only be sent from this site")
    refused(send(client, HTTP_ORIGIN="https://elsewhere.example"), 403, "only be sent from this site")


def test_an_origin_the_site_trusts_passes(client, settings):
    """Over Tor the proxy says https while Tor Browser sends the onion address's http origin."""
    settings.CSRF_TRUSTED_ORIGINS = ["http://example2xyz.onion"]
    assert is_sent(send(client, HTTP_SEC_FETCH_SITE="same-origin", HTTP_ORIGIN="http://example2xyz.onion"))
    refused(send(client, HTTP_ORIGIN="http://other3xyz.onion"), 403, "only be sent from this site")


def test_a_filled_honeypot_is_refused(client):
    refused(send(client, guard={**guard_fields(), "guard_homepage": "https://spam.example"}), 400, "Leave the last")


def test_a_form_sent_too_fast_is_refused(client, settings):
    refused(send(client, guard=guard_fields(seconds_ago=1)), 400, "very fast")
    settings.SPAM_MIN_FILL_SECONDS = 0
    assert is_sent(send(client, guard=guard_fields(seconds_ago=1)))


def test_a_form_open_for_more_than_a_day_is_refused(client):
    refused(send(client, guard=guard_fields(seconds_ago=25 * 60 * 60)), 400, "open for too long")


def test_a_forged_or_missing_timestamp_is_refused(client):
    refused(send(client, guard={**guard_fields(), "guard_started": "form:1:forged"}), 400, "could not be sent")
    refused(send(client, guard={"guard_homepage": ""}), 400, "could not be sent")


def test_a_form_sent_back_carries_a_fresh_timestamp_and_no_proof(client):
    response = send(client, guard=guard_fields(seconds_ago=1))
    form = response.context["form"]
    assert form["guard_started"].value() != guard_fields(seconds_ago=1)["guard_started"]
    assert form.data["guard_altcha"] == ""


# The rate limit and the proof of work ----------------------------------------------------------------------


def test_up_to_the_soft_limit_no_proof_of_work_is_needed(client):
    assert all(is_sent(send(client)) for _ in range(2))


def test_beyond_the_soft_limit_without_javascript_a_clear_message(client):
    send(client), send(client)
    refused(send(client), 429, "Switch JavaScript on for this site, or wait")


def test_beyond_the_soft_limit_a_valid_proof_of_work_passes(client):
    send(client), send(client)
    assert is_sent(send(client, guard=with_proof(solved(client))))


def test_a_proof_of_work_is_accepted_once(client):
    send(client), send(client)
    payload = solved(client)
    assert is_sent(send(client, guard=with_proof(payload)))
    refused(send(client, guard=with_proof(payload)), 400, "sent by a person failed")


def test_an_invalid_proof_of_work_is_refused(client, settings):
    settings.SPAM_HARD_LIMIT = 100
    send(client), send(client)
    payload = json.loads(base64.b64decode(solved(client)))
    payload["solution"]["counter"] += 1  # not the solution
    payload["solution"]["derivedKey"] = "00" * 32
    wrong = base64.b64encode(json.dumps(payload).encode()).decode()
    for bad in (wrong, "not base64 at all", base64.b64encode(b"[1, 2]").decode(), "A" * 5000):
        refused(send(client, guard=with_proof(bad)), 400, "sent by a person failed")


def test_a_challenge_signed_by_someone_else_is_refused(client):
    send(client), send(client)
    challenge = altcha.create_challenge(spam.ALTCHA_ALGORITHM, 1, hmac_secret="not our key")
    solution = altcha.solve_challenge(challenge)
    forged = altcha.Payload(challenge, solution).to_base64()
    refused(send(client, guard=with_proof(forged)), 400, "sent by a person failed")


def test_an_expired_challenge_is_refused(client, settings):
    send(client), send(client)
    challenge = altcha.create_challenge(spam.ALTCHA_ALGORITHM, 1, expires_at=1, hmac_secret=spam._altcha_key())
    expired = altcha.Payload(challenge, altcha.solve_challenge(challenge)).to_base64()
    refused(send(client, guard=with_proof(expired)), 400, "sent by a person failed")


def test_beyond_the_hard_limit_a_known_address_is_refused_even_with_a_proof_of_work(client):
    for _ in range(4):
        send(client, guard=with_proof(solved(client)))
    refused(send(client, guard=with_proof(solved(client))), 429, "sent too many times from your connection")


def test_every_sending_counts_passed_or_not(client):
    send(client, guard=guard_fields(seconds_ago=1)), send(client, HTTP_SEC_FETCH_SITE="cross-site")
    refused(send(client), 429, "Switch JavaScript on")


def test_the_limit_is_per_form_and_per_address(client):
    send(client), send(client)
    assert is_sent(send(client, url="/guarded-other/"))
    assert is_sent(send(client, address=ELSEWHERE))


def test_tor_visitors_share_one_count_and_a_proof_of_work_lets_each_through(client):
    """Every visitor of the onion service arrives from the loopback address: one unknown source. Beyond the
    hard limit a known address is refused, but these are many people: with JavaScript each gets through."""
    for _ in range(2):
        assert is_sent(send(client, address="127.0.0.1"))
    refused(send(client, address="127.0.0.1"), 429, "or wait")  # a Tor reader without JavaScript
    for _ in range(5):
        assert is_sent(send(client, address="127.0.0.1", guard=with_proof(solved(client))))


def test_the_count_is_kept_under_a_keyed_hash_and_never_the_address(client, settings):
    send(client)
    request = RequestFactory().post("/guarded/", REMOTE_ADDR=HERE)
    key = spam.source_key(request, "testapp.message")
    assert cache.get(key) == 1
    stored = repr(list(cache._cache.items())) + repr(list(cache._cache.keys()))  # type: ignore[attr-defined]
    assert HERE not in stored and HERE.replace(".", "") not in stored
    assert spam.source_key(RequestFactory().post("/", REMOTE_ADDR=ELSEWHERE), "testapp.message") != key
    settings.SOLIDARITY_LOOKUP_KEY = "another lookup key that is long enough 0123456789"
    assert spam.source_key(request, "testapp.message") != key  # keyed: nobody without the key can compute it
    dump = StringIO()
    call_command("dumpdata", stdout=dump)
    assert HERE not in dump.getvalue()


def test_the_challenge_is_json_never_cached_and_sets_no_cookie(client):
    first, second = client.get("/altcha/challenge/"), client.get("/altcha/challenge/")
    assert first.status_code == 200 and first["Content-Type"] == "application/json"
    assert "no-cache" in first["Cache-Control"] and "no-store" in first["Cache-Control"]
    assert not first.cookies and "Cookie" not in first.get("Vary", "")
    assert first.json()["parameters"]["nonce"] != second.json()["parameters"]["nonce"]
    assert first.json()["parameters"]["algorithm"] == spam.ALTCHA_ALGORITHM
    assert client.post("/altcha/challenge/").status_code == 405


def test_the_guard_renders_the_widget_from_our_static_files_without_inline_script(client, settings):
    settings.LANGUAGE_CODE = "en"
    html = client.get("/guarded/").content.decode()
    assert '<altcha-widget class="guard-proof" name="guard_altcha" challenge="/altcha/challenge/"' in html
    # Its style and scripts load when the reader starts filling in the form (core/on-use.js), not with the page.
    assert 'data-use-modules="/static/core/vendor/altcha/altcha.min.js /static/core/spam-guard.js"' in html
    assert 'data-use-styles="/static/core/vendor/altcha/altcha.css"' in html
    assert '<script type="module" src="/static/core/on-use.js"></script>' in html
    assert 'src="/static/core/vendor/altcha/altcha.min.js"' not in html
    assert 'data-worker="/static/core/vendor/altcha/workers/pbkdf2.js"' in html
    assert "<script>" not in html and " style=" not in html and "<style" not in html
    assert "I am a person" in html


# The client's address behind trusted proxies ----------------------------------------------------------------


def address(**meta: str) -> str | None:
    found = clients.client_address(RequestFactory().get("/", **meta))
    return str(found) if found is not None else None


def test_without_a_proxy_the_connection_is_the_client(settings):
    settings.TRUSTED_PROXIES = 0
    assert address(REMOTE_ADDR=HERE, HTTP_X_FORWARDED_FOR=ELSEWHERE) == HERE
    assert address(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=HERE) is None  # a local or onion request


def test_behind_one_proxy_the_client_is_the_last_forwarded_address(settings):
    settings.TRUSTED_PROXIES = 1
    assert address(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"{ELSEWHERE}, {HERE}") == HERE
    assert address(REMOTE_ADDR=HERE, HTTP_X_FORWARDED_FOR=ELSEWHERE) == HERE  # only our own proxy is believed


def test_behind_two_proxies_the_client_is_the_second_address_from_the_right(settings):
    settings.TRUSTED_PROXIES = 2
    # The client wrote "192.0.2.1" itself; the outer proxy appended the client, ours appended the outer proxy.
    assert address(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"192.0.2.1, {HERE}, 10.0.0.5") == HERE
    assert address(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.5") is None  # fewer than the proxies
    assert address(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="not an address, 10.0.0.5") is None


def test_trusted_proxies_default_to_behind_proxy(settings):
    settings.TRUSTED_PROXIES = None
    settings.BEHIND_PROXY = True
    assert clients.trusted_proxies() == 1
    settings.BEHIND_PROXY = False
    assert clients.trusted_proxies() == 0


def test_an_ipv6_client_counts_by_its_network(settings):
    settings.TRUSTED_PROXIES = 0
    first = RequestFactory().get("/", REMOTE_ADDR="2001:db8::1")
    same_network = RequestFactory().get("/", REMOTE_ADDR="2001:db8::2")
    other_network = RequestFactory().get("/", REMOTE_ADDR="2001:db8:0:1::1")
    assert spam.source_key(first, "x") == spam.source_key(same_network, "x") != spam.source_key(other_network, "x")


def test_the_widget_speaks_the_readers_language(client):
    from django.template.loader import render_to_string
    from django.utils import translation

    from tests.testapp.views import MessageForm

    with translation.override("de"):
        html = render_to_string("core/spam_guard_fields.html", {"form": MessageForm()})
    assert 'language="de"' in html
