"""What partner sites embed: a call's counter (a framed page) and its counts as JSON, from another origin.

The counter is the one kind of page another site may frame; every other page keeps ``frame-ancestors 'none'``
and ``X-Frame-Options: DENY``. Both answers are the same for everyone (cached a minute, no cookie) and name the
call by its key, whatever its slug or language; the partner picks the language.
"""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse

from solidarity.calls import embed, queries
from solidarity.calls.models import Review
from tests.calls import factories
from tests.campaigns.factories import campaign_page
from tests.core.test_security_headers import parts_of
from tests.factories import StoryPageFactory
from tests.shared import shared_data

pytestmark = pytest.mark.django_db

PARTNER = "https://partner.example.org"


@pytest.fixture(scope="module")
def calls(request, django_db_setup, django_db_blocker):
    """A call in English and Russian with a goal and signatures from two countries; a closed one; a draft."""
    with shared_data(request, django_db_blocker):
        call = factories.public_call(title="Free the journalists", countries=("BY",), goal=10, slug="free-them")
        russian = factories.call_translation(call, "ru", title="Свободу журналистам")
        factories.signature(call, country="BY")
        factories.signature(call, country="BY", language="ru")
        factories.signature(call, country="GE", organisation="Georgian letters")
        factories.signature(call, country="GE", organisation="Not checked yet", review=Review.PENDING)
        factories.signature(call, country="LT", confirmed=False)
        closed = factories.public_call(
            title="An old call", opens_on=datetime.date(2020, 6, 1), closes_on=datetime.date(2020, 6, 30)
        )
        draft = factories.public_call(title="Not published", publish=False)
        yield {"call": call, "russian": russian, "closed": closed, "draft": draft}


def counter_url(call, language: str = "") -> str:
    return embed.embed_path(call.call_key, language)


def counts_url(call, language: str = "") -> str:
    return embed.counts_path(call.call_key, language)


def frame_ancestors(response) -> str:
    policy = response["Content-Security-Policy"]
    return next(part.strip() for part in policy.split(";") if part.strip().startswith("frame-ancestors"))


# The counter page


def test_the_counter_may_be_framed_by_any_site_and_is_cached_for_everyone(client, calls):
    response = client.get(counter_url(calls["call"]), headers={"referer": PARTNER + "/news/"})

    assert response.status_code == 200
    assert frame_ancestors(response) == "frame-ancestors *"
    assert "X-Frame-Options" not in response
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=60"}
    assert not response.cookies
    # The rest of the strict policy stays.
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "style-src 'self'" in response["Content-Security-Policy"]


def test_the_counter_frames_allow_only_the_configured_partners_when_set(client, calls, settings):
    settings.EMBED_FRAME_ANCESTORS = [PARTNER]

    assert frame_ancestors(client.get(counter_url(calls["call"]))) == f"frame-ancestors {PARTNER}"


def test_the_counter_shows_title_count_progress_and_a_sign_link_in_a_new_tab(client, calls):
    response = client.get(counter_url(calls["call"]))
    html = response.text
    parts = parts_of(response)

    assert "Free the journalists" in html
    assert "<strong>3</strong> signatures" in html  # two people, one checked organisation
    assert '<progress class="embed__progress" max="10" value="3"' in html
    assert "30%" in html
    sign = f'href="http://testserver{calls["call"].url}" target="_blank" rel="noopener">Sign'
    assert sign in html
    assert parts.inline_scripts == [] and parts.style_elements == 0 and parts.style_attributes == []
    assert "site-header" not in html  # its own small layout


def test_the_counter_speaks_the_partners_language_whatever_the_visitors_browser(client, calls):
    response = client.get(counter_url(calls["call"], "ru"), headers={"accept-language": "de"})

    assert response["Content-Language"] == "ru"
    assert '<html lang="ru">' in response.text
    assert "Свободу журналистам" in response.text
    assert f'href="http://testserver{calls["russian"].url}"' in response.text


def test_without_a_language_or_with_an_unknown_one_the_counter_is_in_the_default_language(client, calls):
    for url in (counter_url(calls["call"]), counter_url(calls["call"]) + "?lang=xx"):
        response = client.get(url, headers={"accept-language": "ru"})

        assert response["Content-Language"] == "en"
        assert "Free the journalists" in response.text


def test_a_language_the_call_is_not_translated_into_shows_the_default_languages_call(client, calls):
    response = client.get(counter_url(calls["call"], "de"))

    assert '<html lang="de">' in response.text
    assert '<h1 class="embed__title" lang="en">Free the journalists</h1>' in response.text


def test_the_address_stays_the_same_when_the_slug_changes(client, calls):
    call = calls["call"]
    before = counter_url(call)
    call.slug = "free-the-journalists-now"
    call.save_revision().publish()

    response = client.get(before)

    assert response.status_code == 200
    assert "/free-the-journalists-now/" in response.text


def test_a_closed_call_shows_its_final_count_and_no_sign_link(client, calls):
    response = client.get(counter_url(calls["closed"]))

    assert "This call is closed" in response.text
    assert ">Sign<" not in response.text
    assert "Read the call" in response.text


@pytest.mark.parametrize("which", ["unknown", "draft"])
def test_an_unknown_or_unpublished_call_is_not_found(client, calls, which):
    key = uuid.uuid4() if which == "unknown" else calls["draft"].call_key

    page = client.get(reverse("calls_embed:counter", kwargs={"call_key": key}))
    counts = client.get(reverse("calls_embed:counts", kwargs={"call_key": key}))

    assert page.status_code == 404 and counts.status_code == 404
    assert counts.json() == {"error": "not found"}
    assert counts["Access-Control-Allow-Origin"] == "*"


def test_a_malformed_key_is_not_found(client, site_tree):
    # No embed route matches: the site's own answer to an unknown address (its 404 page, in a language).
    assert client.get("/embed/calls/not-a-key/", follow=True).status_code == 404
    assert client.get("/embed/calls/not-a-key/counts.json", follow=True).status_code == 404


def test_only_reading_is_allowed(client, calls):
    assert client.post(counter_url(calls["call"])).status_code == 405
    assert client.post(counts_url(calls["call"])).status_code == 405


# The JSON counter


def test_the_counts_equal_the_kept_counts_and_any_site_may_read_them(client, calls):
    call = calls["call"]
    response = client.get(counts_url(call), headers={"origin": PARTNER})
    counts = queries.call_counts(call.call_key)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=60"}
    assert not response.cookies
    assert response.json() == {
        "call": str(call.call_key),
        "title": "Free the journalists",
        "url": f"http://testserver{call.url}",
        "language": "en",
        "total": counts.total,
        "people": counts.people,
        "organisations": counts.organisations,
        "goal": 10,
        "opens_on": call.opens_on.isoformat(),
        "closes_on": None,
        "closed": False,
        "by_country": [{"code": "BY", "name": "Belarus", "count": 2}, {"code": "GE", "name": "Georgia", "count": 1}],
    }
    assert (counts.total, counts.people, counts.organisations) == (3, 2, 1)


def test_the_counts_in_another_language_name_its_call_and_countries_in_it(client, calls):
    data = client.get(counts_url(calls["call"], "ru")).json()

    assert (data["title"], data["language"]) == ("Свободу журналистам", "ru")
    assert data["url"].endswith(calls["russian"].url)
    assert data["by_country"][0] == {"code": "BY", "name": "Беларусь", "count": 2}
    assert data["total"] == 3  # one total across languages


def test_the_counts_of_a_closed_call_say_so(client, calls):
    data = client.get(counts_url(calls["closed"])).json()

    assert data["closed"] is True
    assert data["closes_on"] == "2020-06-30"


# The snippet editors copy


def test_the_snippet_frames_the_counter_in_the_calls_language_lazily(calls):
    snippet = embed.embed_snippet(calls["russian"])

    url = f"http://127.0.0.1:8000/embed/calls/{calls['call'].call_key}/?lang=ru"
    assert snippet == (
        f'<iframe src="{url}" title="Подписи под обращением «Свободу журналистам»" width="400" height="220" '
        'loading="lazy"></iframe>'
    )
    assert f'src="http://127.0.0.1:8000/embed/calls/{calls["call"].call_key}/"' in embed.embed_snippet(calls["call"])


def test_the_snippets_title_is_escaped(site_tree):
    call = factories.public_call(title='A "quoted" <call>')

    assert 'title="Signatures for “A &quot;quoted&quot; &lt;call&gt;”"' in embed.embed_snippet(call)


# Every other page still refuses frames


def test_every_other_page_refuses_to_be_framed(client, calls):
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"])
    campaign = campaign_page(accepts_groups=True)
    addresses = [
        story.url,
        reverse("campaigns:group_join", kwargs={"page_id": campaign.pk}),  # a public form
        "/en/search/?q=minsk",
    ]
    try:  # the call's page and its sign form come with the reading and the signing work (issue 11)
        get_template("calls/public_call_page.html")
        addresses.append(calls["call"].url)
        addresses.append(reverse("calls:sign", kwargs={"page_id": calls["call"].pk}))
    except (TemplateDoesNotExist, NoReverseMatch):
        pass

    for address in addresses:
        response = client.get(address)

        assert response.status_code == 200, address
        assert frame_ancestors(response) == "frame-ancestors 'none'", address
        assert response["X-Frame-Options"] == "DENY", address
        assert response["Cross-Origin-Resource-Policy"] == "same-origin", address


def test_the_call_page_offers_partner_sites_its_counter_and_form_to_paste(client, calls):
    call = calls["call"]
    html = client.get(call.url).content.decode()

    assert "Show this call on your site" in html
    assert f"/embed/calls/{call.call_key}/" in html  # the counter's iframe, shown as text to copy
    assert f"/en/calls/embed/{call.pk}/sign/" in html  # the sign form's
    assert "&lt;iframe src=" in html and "<iframe" not in html  # shown as code, never framed on the page itself
    assert f"/embed/calls/{call.call_key}/counts.json" in html
