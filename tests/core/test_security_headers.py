"""Every public page: a strict Content Security Policy, the other security headers, and HTML that needs no more."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.test import Client

from tests.factories import DocumentFactory, ImageFactory, StoryPageFactory, translate_story
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = {  # each page's address and the status it must answer (a 404 page must not stand in for a page)
    "home": ("/en/", 200),
    "home in Russian": ("/ru/", 200),
    "story list": ("/en/stories/", 200),
    "filtered story list": ("/en/stories/?country=by&kind=news", 200),
    "story": ("/en/stories/trial-in-minsk/", 200),
    "Russian story": ("{russian}", 200),
    "country list": ("/en/countries/", 200),
    "country": ("/en/countries/by/", 200),
    "search form": ("/en/search/", 200),
    "search results": ("/en/search/?q=Minsk", 200),
    "page not found": ("/en/no-such-page/", 404),
    "unknown country": ("/en/countries/zz/", 404),
}


@pytest.fixture
def pages(site_tree) -> dict[str, str]:
    """The address of each kind of public page, with a story that has an image, a document and a translation."""
    report = DocumentFactory(title="Report")
    story = StoryPageFactory(
        title="Trial in Minsk",
        countries=["BY"],
        topics=["Courts"],
        lead_image=ImageFactory(),
        body=[
            ("paragraph", '<p>Read <a href="https://example.com/source">the source</a>.</p>'),
            ("image", {"image": ImageFactory(), "caption": "The court"}),
            ("quote", {"text": "We will appeal.", "attribution": "A lawyer"}),
            ("document", {"document": report, "title": "Verdict", "description": ""}),
            ("link", {"page": None, "url": "https://example.com/more", "text": "More"}),
        ],
    )
    StoryPageFactory(title="Another trial in Minsk", countries=["BY"], lead_image=ImageFactory())
    russian = translate_story(story, "ru", title="Суд в Минске")
    return {name: url.format(russian=russian.url) for name, (url, _status) in PUBLIC_PAGES.items()}


def get(client, pages, name: str):
    """The page, after checking it answered the status it must (so a 404 page never passes for it)."""
    response = client.get(pages[name])
    assert response.status_code == PUBLIC_PAGES[name][1], pages[name]
    return response


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_has_a_strict_content_security_policy(client, pages, name):
    response = get(client, pages, name)

    policy = response["Content-Security-Policy"]
    for directive in [
        "default-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]:
        assert directive in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "*" not in policy


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_has_the_other_security_headers(client, pages, name):
    response = get(client, pages, name)

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


class PageParts(HTMLParser):
    """What the page asks the browser to run, style or load."""

    def __init__(self):
        super().__init__()
        self.inline_scripts: list[str] = []
        self.style_elements = 0
        self.style_attributes: list[str] = []
        self.event_handlers: list[str] = []
        self.loaded_urls: list[str] = []
        self._in_inline_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        # A JSON-LD block is data that browsers never run (core/previews.py); any other script without src is inline.
        if tag == "script" and not attributes.get("src") and attributes.get("type") != "application/ld+json":
            self._in_inline_script = True
            self.inline_scripts.append("")
        if tag == "style":
            self.style_elements += 1
        if "style" in attributes:
            self.style_attributes.append(f"<{tag} style={attributes['style']!r}>")
        self.event_handlers += [f"<{tag} {name}>" for name in attributes if name.startswith("on")]
        if tag in {"link", "script", "img", "iframe", "source", "video", "audio", "embed", "object"}:
            for name in ("src", "href", "srcset", "data"):
                if attributes.get(name):
                    self.loaded_urls += [part.strip().split(" ")[0] for part in attributes[name].split(",")]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_inline_script = False

    def handle_data(self, data):
        if self._in_inline_script:
            self.inline_scripts[-1] += data


def parts_of(response) -> PageParts:
    parser = PageParts()
    parser.feed(response.text)
    return parser


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_has_no_inline_script_or_style(client, pages, name):
    parts = parts_of(get(client, pages, name))

    assert parts.inline_scripts == []
    assert parts.style_elements == 0
    assert parts.style_attributes == []
    assert parts.event_handlers == []


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_loads_nothing_from_another_host(client, pages, name):
    parts = parts_of(get(client, pages, name))

    assert parts.loaded_urls, "every page loads at least its stylesheet"
    foreign = [url for url in parts.loaded_urls if urlsplit(url).netloc not in {"", "testserver"}]
    assert foreign == []
    assert not [url for url in parts.loaded_urls if url.startswith("//")]


def test_story_page_may_link_to_other_hosts_in_plain_links(client, pages):
    response = get(client, pages, "story")

    assert '<a href="https://t.me/share/url?url=' in response.text
    assert 'href="https://example.com/more"' in response.text


def test_admin_login_page_gets_the_admin_policy(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    policy = directives(response)
    assert policy["default-src"] == "default-src 'self'"
    assert policy["object-src"] == "object-src 'none'"
    assert policy["frame-ancestors"] == "frame-ancestors 'self'"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_admin_policy_stays_under_the_admin_prefix(client, site_tree):
    response = client.get("/en/stories/?admin/")

    assert response.status_code == 200
    assert directives(response)["default-src"] == "default-src 'none'"


def test_healthz_carries_the_strict_policy_too(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert directives(response)["default-src"] == "default-src 'none'"


def test_page_checks_notice_what_they_look_for():
    parser = PageParts()
    parser.feed(
        '<script>alert(1)</script><style>p{}</style><p style="color:red" onclick="x()"></p>'
        '<img src="https://cdn.example.com/a.png"><link rel="stylesheet" href="//fonts.example.com/x.css">'
        '<script src="/static/ok.js"></script>'
    )

    assert parser.inline_scripts == ["alert(1)"]
    assert parser.style_elements == 1
    assert parser.style_attributes == ["<p style='color:red'>"]
    assert parser.event_handlers == ["<p onclick>"]
    assert parser.loaded_urls == ["https://cdn.example.com/a.png", "//fonts.example.com/x.css", "/static/ok.js"]


def test_editors_preview_can_be_framed_by_the_admin_but_keeps_the_public_policy(client, site_tree, django_user_model):
    story = StoryPageFactory(title="Trial in Minsk", slug="trial-in-minsk")
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "a long password 123")
    login_staff(client, editor)
    edit_form = client.get(f"/admin/pages/{story.pk}/edit/")
    assert edit_form.status_code == 200

    client.post(
        f"/admin/pages/{story.pk}/edit/preview/",
        {
            "title": "Trial in Minsk (draft)",
            "slug": "trial-in-minsk",
            "kind": "news",
            "date": "2026-11-01",
            "countries": ["BY"],
            "summary": "A draft summary.",
            "topics": "",
            "body-count": "0",
        },
    )
    response = client.get(f"/admin/pages/{story.pk}/edit/preview/?in_preview_panel=true")

    assert response.status_code == 200
    assert "Trial in Minsk (draft)" in response.text
    policy = directives(response)
    assert policy["frame-ancestors"] == "frame-ancestors 'self'"
    assert policy["default-src"] == "default-src 'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_static_files_carry_the_security_headers_too(settings):
    settings.WHITENOISE_USE_FINDERS = True  # serve from the source folders, as no collectstatic ran
    settings.WHITENOISE_AUTOREFRESH = True
    response = Client().get("/static/img/logo.svg")

    assert response.status_code == 200
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
