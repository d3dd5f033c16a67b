"""How a comment's plain text is shown (discussion.text): escaped, paragraphs and line breaks, addresses made
links with rel="nofollow ugc noopener", nothing a reader typed ever becomes markup."""

from __future__ import annotations

import re

import pytest

from solidarity.discussion.text import comment_html, links_in


def test_a_blank_line_starts_a_paragraph_and_a_single_line_break_stays_one():
    assert comment_html("One\ntwo\n\nThree") == "<p>One<br>two</p><p>Three</p>"


def test_windows_line_ends_and_several_blank_lines_make_one_paragraph_break():
    assert comment_html("One\r\n\r\n\r\n\r\nTwo") == "<p>One</p><p>Two</p>"


def test_empty_text_is_nothing():
    assert comment_html("") == ""
    assert comment_html("  \n\n  ") == ""


@pytest.mark.parametrize(
    "typed",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">click</a>',
        "<b>bold</b>",
        '"><svg onload=alert(1)>',
    ],
)
def test_markup_typed_by_a_reader_is_shown_as_text(typed):
    html = comment_html(typed)

    assert "<script" not in html and "<img" not in html and "<b>" not in html and "<svg" not in html
    assert "javascript:" not in html or "&lt;a" in html
    assert "&lt;" in html


def test_an_address_becomes_a_link_that_search_engines_do_not_follow():
    assert comment_html("See https://example.org/a?b=1&c=2 now") == (
        '<p>See <a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener">'
        "https://example.org/a?b=1&amp;c=2</a> now</p>"
    )


def test_a_www_address_links_over_https():
    assert comment_html("www.example.org") == (
        '<p><a href="https://www.example.org" rel="nofollow ugc noopener">www.example.org</a></p>'
    )


def test_the_punctuation_ending_a_sentence_stays_out_of_the_link():
    html = comment_html("Read https://example.org/page. And (https://example.org/x), too!")

    assert 'href="https://example.org/page"' in html and "</a>." in html
    assert 'href="https://example.org/x"' in html and "</a>)," in html


def test_parentheses_that_belong_to_the_address_stay_in_it():
    assert 'href="https://en.wikipedia.org/wiki/Minsk_(city)"' in comment_html(
        "https://en.wikipedia.org/wiki/Minsk_(city)"
    )


def test_an_address_cannot_break_out_of_its_attribute():
    html = comment_html('https://example.org/"onmouseover="alert(1)')

    assert re.findall(r"<a [^>]*>", html) == ['<a href="https://example.org/" rel="nofollow ugc noopener">']


def test_other_schemes_are_not_linked():
    html = comment_html("ftp://example.org javascript:alert(1) data:text/html,x")

    assert "<a" not in html


def test_links_in_finds_the_addresses_as_the_page_links_them():
    assert links_in("a https://example.org/x. b www.example.org, c http://e.org") == [
        "https://example.org/x",
        "www.example.org",
        "http://e.org",
    ]
    assert links_in("") == []
