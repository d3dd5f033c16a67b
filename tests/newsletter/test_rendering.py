"""A mailing as each subscriber gets it: both parts in their language, the RFC 8058 headers, no image, no tracking,
links only to the site; the fallback to the default language told; the sample an editor previews."""

from __future__ import annotations

import re
from email.header import decode_header, make_header
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from solidarity.newsletter import services
from solidarity.newsletter.sending import email_message, render, render_sample
from tests.factories import StoryPageFactory, translate_story
from tests.newsletter.factories import mailing, subscriber

pytestmark = pytest.mark.django_db

SITE_HOST = urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc
TEXTS = {
    "en": ("News from the network", "What happened this week."),
    "ru": ("Новости сети", "Что случилось за неделю."),
}


@pytest.fixture
def story():
    story = StoryPageFactory(title="Prisoners freed", summary="Three prisoners walked free.")
    translate_story(story, "ru", title="Узники на свободе", summary="Трое узников вышли на свободу.")
    return story


def test_every_mailing_email_carries_the_one_click_unsubscribe_headers(story):
    reader = subscriber(language="ru")
    rendered = render(mailing(texts=TEXTS, stories=[story]), reader)

    message = email_message(rendered, reader.email).message()

    assert message["List-Unsubscribe"] == f"<{services.unsubscribe_link(reader)}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Id"].endswith("<newsletter.127.0.0.1>")
    assert message["Auto-Submitted"] == "auto-generated"


def test_a_site_name_that_is_not_ascii_keeps_the_list_id_readable(story, settings):
    settings.SOLIDARITY_SITE_NAME = "Солидарность"
    reader = subscriber()

    message = email_message(render(mailing(stories=[story]), reader), reader.email).message()

    assert message["List-Id"].endswith(" <newsletter.127.0.0.1>")  # outside the encoded name (RFC 2919)
    name = make_header(decode_header(message["List-Id"].removesuffix(" <newsletter.127.0.0.1>")))
    assert str(name) == "Солидарность"


def test_both_parts_are_in_the_subscribers_language(story):
    reader = subscriber(language="ru")

    rendered = render(mailing(texts=TEXTS, stories=[story]), reader)

    assert rendered.subject == "Новости сети" and not rendered.fell_back
    for part in (rendered.text, rendered.html):
        assert "Что случилось за неделю." in part
        assert "Узники на свободе" in part and "Prisoners freed" not in part
        assert services.preferences_link(reader) in part
        assert services.unsubscribe_link(reader) in part
    assert '<html lang="ru">' in rendered.html
    message = email_message(rendered, reader.email)
    assert message.body == rendered.text
    assert message.alternatives[0][1] == "text/html"


def test_a_language_without_a_text_falls_back_to_english_and_says_so(story):
    reader = subscriber(language="ru")

    rendered = render(mailing(stories=[story]), reader)

    assert rendered.fell_back and rendered.subject == "News from the network"
    with translation.override("ru"):
        note = gettext("This newsletter has not been translated into %(language)s; here it is in %(fallback)s.") % {
            "language": "русский",
            "fallback": "английский",
        }
    assert note in rendered.text and note in rendered.html
    english = render(mailing(stories=[story]), subscriber(language="en"))
    assert not english.fell_back and "translated" not in english.text


def test_a_story_without_a_translation_comes_as_it_is_its_language_named():
    untranslated = StoryPageFactory(title="Only in English")
    rendered = render(mailing(texts=TEXTS, stories=[untranslated]), subscriber(language="ru"))

    assert "Only in English" in rendered.text
    assert re.search(
        r"Only in English \(\w+: английский\)", rendered.text
    )  # its language named, in Russian (in lower case inside the sentence)
    same_language = render(mailing(texts=TEXTS, stories=[untranslated]), subscriber(language="en"))
    assert "Only in English\n" in same_language.text


def test_the_html_has_no_image_and_links_only_to_the_site(story):
    rendered = render(mailing(texts=TEXTS, stories=[story]), subscriber(language="ru"))

    assert "<img" not in rendered.html.lower()
    assert "src=" not in rendered.html.lower()
    links = re.findall(r'href="([^"]+)"', rendered.html)
    assert links
    assert {urlsplit(link).netloc for link in links} == {SITE_HOST}
    assert not [link for link in links if "?" in link]  # no tracking parameter
    assert f"http://{SITE_HOST}/ru/stories/prisoners-freed-ru/" in links


def test_the_editors_text_is_escaped_in_the_html_and_the_subject_stays_one_header(story):
    texts = {"en": ("Bad\r\nBcc: victim@example.org <b>", "<script>alert(1)</script>\n\nSecond <i>part</i>")}
    reader = subscriber()

    rendered = render(mailing(texts=texts, stories=[story]), reader)
    message = email_message(rendered, reader.email).message()

    assert message["Subject"] == "Bad Bcc: victim@example.org <b>" and message["Bcc"] is None
    assert "<script>" not in rendered.html and "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered.html
    assert "<b>" not in rendered.html and "<i>" not in rendered.html
    assert "<script>alert(1)</script>" in rendered.text  # plain text: as written


def test_a_story_nobody_may_see_any_more_is_left_out_and_nothing_left_is_no_email(story):
    kept = StoryPageFactory(title="Still there")
    story.get_translations(inclusive=True).unpublish()
    reader = subscriber(language="ru")

    assert "Prisoners freed" not in render(mailing(texts=TEXTS, stories=[story, kept]), reader).text
    assert render(mailing(texts=TEXTS, stories=[story]), reader) is None


def test_the_sample_shows_the_mailing_with_links_to_the_subscribe_page(story):
    rendered = render_sample(mailing(texts=TEXTS, stories=[story]), "ru")

    assert "Узники на свободе" in rendered.text
    with translation.override("ru"):
        sample = gettext(
            "SAMPLE: this is how the mailing looks to a subscriber of this language who chose no country and no topic."
        )
    assert rendered.text.startswith(sample[:20]) and sample[:20] in rendered.html
    assert rendered.headers["List-Unsubscribe"] == f"<http://{SITE_HOST}/ru/newsletter/>"
    assert "/unsubscribe/" not in rendered.text and "/preferences/" not in rendered.text


def test_an_empty_sample_is_rendered_and_says_nobody_gets_it():
    rendered = render_sample(mailing(texts=TEXTS), "en")

    assert "No story to show" in rendered.text and "No story to show" in rendered.html
