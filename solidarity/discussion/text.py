"""A comment's text: plain text as its author typed it, shown with paragraphs and automatic links.

The text is stored as typed and turned into HTML when shown: escaped, split into paragraphs at blank lines
(a single line break stays a line break), ``http(s)://`` and ``www.`` addresses made links, and the result put
through nh3 (only ``p``, ``br`` and ``a href`` survive; links get ``rel="nofollow ugc noopener"``), so no
markup a reader typed ever reaches the page.
"""

from __future__ import annotations

import re

import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

LINK_REL = "nofollow ugc noopener"
# An address: http(s):// or www., up to white space or a character that rarely ends one.
_ADDRESS = re.compile(r"(?i)\b((?:https?://|www\.)[^\s<>\"']+)")
_TRAILING = ".,;:!?)]}»”’"


def links_in(text: str) -> list[str]:
    """The addresses in ``text``, as the page would link them."""
    return [_trim(match.group(1))[0] for match in _ADDRESS.finditer(text or "")]


def _trim(address: str) -> tuple[str, str]:
    """An address without the punctuation that ends the sentence around it, and that punctuation."""
    trail = ""
    while address and address[-1] in _TRAILING:
        if address[-1] == ")" and address.count("(") >= address.count(")"):
            break
        trail = address[-1] + trail
        address = address[:-1]
    return address, trail


def _linked(line: str) -> str:
    """One escaped line with its addresses made links (the address is matched on the raw text, then escaped)."""
    out: list[str] = []
    position = 0
    for match in _ADDRESS.finditer(line):
        address, trail = _trim(match.group(1))
        out.append(escape(line[position : match.start(1)]))
        href = address if address.lower().startswith(("http://", "https://")) else "https://" + address
        out.append(f'<a href="{escape(href)}">{escape(address)}</a>{escape(trail)}')
        position = match.end(1)
    out.append(escape(line[position:]))
    return "".join(out)


def comment_html(text: str) -> SafeString:
    """The HTML of a comment's text, safe to put on a page."""
    paragraphs = [part.strip("\n") for part in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n")) if part.strip()]
    html = "".join("<p>" + "<br>".join(_linked(line) for line in part.split("\n")) + "</p>" for part in paragraphs)
    cleaned = nh3.clean(
        html,
        tags={"p", "br", "a"},
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel=LINK_REL,
    )
    return mark_safe(cleaned)  # nh3 leaves nothing but p, br and a href
