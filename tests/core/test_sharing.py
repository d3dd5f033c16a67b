"""Share links (core/sharing.py): each service's address well formed and encoded; the Mastodon page that asks for
the reader's server, sends them there, and shares nothing but this site's own addresses."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import RequestFactory

from solidarity.core import sharing

pytestmark = pytest.mark.django_db

URL = "http://testserver/en/stories/protest-&-arrests/"
TITLE = "Free them & all: «now» #1?"
MASTODON = "/en/share/mastodon/"


def links() -> dict[str, str]:
    return {link.name: link.href for link in sharing.share_links(URL, TITLE, mastodon_page=MASTODON)}


def query(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def test_every_service_is_offered_once():
    assert list(links()) == ["Facebook", "X", "Telegram", "VK", "WhatsApp", "LinkedIn", "Mastodon", "Email"]


@pytest.mark.parametrize(
    ("name", "host", "url_key", "title_key"),
    [
        ("Facebook", "www.facebook.com", "u", None),
        ("X", "x.com", "url", "text"),
        ("Telegram", "t.me", "url", "text"),
        ("VK", "vk.com", "url", "title"),
        ("LinkedIn", "www.linkedin.com", "url", None),
    ],
)
def test_a_service_link_carries_the_address_and_title_encoded(name, host, url_key, title_key):
    href = links()[name]
    parts = urlsplit(href)

    assert (parts.scheme, parts.hostname) == ("https", host)
    assert query(href)[url_key] == [URL]
    if title_key:
        assert query(href)[title_key] == [TITLE]
    assert " " not in href
    assert "&all" not in href and "#1" not in href  # the title's & and # are encoded, not a new parameter


def test_whatsapp_gets_the_title_and_address_in_one_text():
    assert query(links()["WhatsApp"])["text"] == [f"{TITLE} {URL}"]


def test_email_link_has_subject_and_body_encoded():
    href = links()["Email"]

    assert href.startswith("mailto:?")
    assert query(href) == {"subject": [TITLE], "body": [URL]}


def test_mastodon_link_goes_to_this_sites_page_with_address_and_title():
    href = links()["Mastodon"]

    assert href.startswith(MASTODON + "?")
    assert query(href) == {"url": [URL], "text": [TITLE]}


@pytest.mark.parametrize(
    ("typed", "instance"),
    [
        ("mastodon.social", "mastodon.social"),
        ("  Mastodon.Social ", "mastodon.social"),
        ("https://social.example.org/", "social.example.org"),
        ("@me@fosstodon.org", "fosstodon.org"),
        ("xn--80ak6aa92e.com", "xn--80ak6aa92e.com"),
        ("мастодон.рф", "xn--80aiwgdbsi.xn--p1ai"),  # as readers type it, sent the way DNS reads it
        ("@я@Мастодон.РФ", "xn--80aiwgdbsi.xn--p1ai"),
    ],
)
def test_an_instance_is_a_plain_host_name(typed, instance):
    assert sharing.clean_instance(typed) == instance


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "localhost",
        "127.0.0.1",
        "10.0.0.1",
        "mastodon.social/share",
        "mastodon.social:8443",
        "evil.example/@x?y=1",
        "user:pass@",
        "javascript:alert(1)",
        "-bad.example",
        "exa mple.org",
        "a." * 130 + "org",
    ],
)
def test_anything_but_a_host_name_is_refused(typed):
    assert sharing.clean_instance(typed) is None


@pytest.mark.parametrize(
    ("url", "own"),
    [
        ("http://testserver/en/stories/a/", True),
        ("https://testserver/ru/", True),
        ("http://evil.example/en/", False),
        ("//evil.example/en/", False),
        ("/en/stories/a/", False),
        ("javascript:alert(1)", False),
        ("http://testserver.evil.example/", False),
        ("", False),
    ],
)
def test_only_this_sites_absolute_addresses_are_shared(url, own):
    assert sharing.is_own_url(RequestFactory().get("/"), url) is own


def test_mastodon_page_asks_for_the_server_and_sets_no_cookie(client, site_tree):
    response = client.get(MASTODON, {"url": URL, "text": TITLE})

    assert response.status_code == 200
    assert 'name="instance"' in response.text
    assert f'value="{URL.replace("&", "&amp;")}"' in response.text
    assert not response.cookies
    assert "private" not in response.get("Cache-Control", "")


def test_mastodon_page_sends_the_reader_to_their_servers_share_page(client, site_tree):
    response = client.get(MASTODON, {"url": URL, "text": TITLE, "instance": "https://Mastodon.Social/"})

    assert response.status_code == 302
    target = response["Location"]
    assert target.startswith("https://mastodon.social/share?")
    assert query(target) == {"text": [f"{TITLE}\n{URL}"]}


def test_mastodon_page_keeps_the_link_and_explains_a_bad_server(client, site_tree):
    response = client.get(MASTODON, {"url": URL, "text": TITLE, "instance": "mastodon.social/share"})

    assert response.status_code == 200
    assert "Enter only the server&#x27;s name, such as mastodon.social." in response.text
    assert 'value="mastodon.social/share"' in response.text
    assert response["Cache-Control"] == "no-store, private"


@pytest.mark.parametrize("url", ["https://evil.example/phish", "", "/en/"])
def test_mastodon_page_refuses_an_address_not_on_this_site(client, site_tree, url):
    response = client.get(MASTODON, {"url": url, "instance": "mastodon.social"})

    assert response.status_code == 400
    assert "Only pages of this site can be shared from here." in response.text
    assert "evil.example" not in response.get("Location", "")


def test_mastodon_page_in_russian(client, site_tree):
    response = client.get("/ru/share/mastodon/", {"url": "http://testserver/ru/"})

    assert response.status_code == 200
    assert '<html lang="ru">' in response.text
