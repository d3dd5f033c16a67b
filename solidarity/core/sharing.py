"""Sharing a page: plain links to other services, and the Mastodon page that asks for the reader's instance.

Nothing here loads anything from these services: every link is an ordinary ``<a href>`` the reader
chooses to follow. Stories, public calls, campaigns and activities render them through the one
include ``core/_share.html`` (with the ``share_links`` tag).
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

# Patterns filled with the page's address (``url``) and title (``title``), both already percent-encoded.
SERVICES: list[tuple[str, str]] = [
    ("Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    ("X", "https://x.com/intent/post?url={url}&text={title}"),
    ("Telegram", "https://t.me/share/url?url={url}&text={title}"),
    ("VK", "https://vk.com/share.php?url={url}&title={title}"),
    ("WhatsApp", "https://wa.me/?text={title}%20{url}"),
    ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url={url}"),
]

# A Mastodon instance as readers type it: a host name, nothing else ("mastodon.social", "social.example.org").
_LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
_HOSTNAME = re.compile(rf"^{_LABEL}(\.{_LABEL})+$")
HOSTNAME_MAX_LENGTH = 253
TEXT_MAX_LENGTH = 500


@dataclass(frozen=True)
class ShareLink:
    name: str
    href: str
    # A link to another site (rel="noopener noreferrer"); the Mastodon page and email stay here.
    external: bool = True


def _encoded(value: str) -> str:
    return quote(value, safe="")


def share_links(url: str, title: str, *, mastodon_page: str) -> list[ShareLink]:
    """Links to share ``url`` (absolute) titled ``title``; ``mastodon_page`` is this site's Mastodon page address."""
    encoded_url, encoded_title = _encoded(url), _encoded(title)
    links = [ShareLink(name, pattern.format(url=encoded_url, title=encoded_title)) for name, pattern in SERVICES]
    mastodon_query = urlencode({"url": url, "text": title})
    links.append(ShareLink("Mastodon", f"{mastodon_page}?{mastodon_query}", external=False))
    links.append(ShareLink(_("Email"), f"mailto:?subject={encoded_title}&body={encoded_url}", external=False))
    return links


def mastodon_page_url() -> str:
    """This site's page that asks for the reader's Mastodon instance, in the current language."""
    return reverse("share_mastodon")


def clean_instance(value: str) -> str | None:
    """The instance's host name, lower-cased, or None when ``value`` is not a plain host name.

    "https://mastodon.social/" is forgiven (people paste what their browser shows); a name in another
    script ("мастодон.рф") is written the way DNS reads it (IDNA, "xn--…"); a path, a port, credentials, an IP
    address or anything but letters, digits, hyphens and dots is refused.
    """
    value = value.strip().lower()
    if value.startswith(("https://", "http://")):
        value = value.split("://", 1)[1]
    value = value.removesuffix("/").removeprefix("@")
    if "@" in value:  # "@me@mastodon.social": the part after the last @ is the instance
        value = value.rsplit("@", 1)[1]
    if not value.isascii():
        try:
            value = value.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    if len(value) > HOSTNAME_MAX_LENGTH or not _HOSTNAME.match(value) or _is_ip_address(value):
        return None
    return value


def _is_ip_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def is_own_url(request: HttpRequest, url: str) -> bool:
    """Whether ``url`` is an absolute http(s) address on the host this request came to (no open redirect)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False
    return url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=False)


def mastodon_share_url(instance: str, *, url: str, text: str) -> str:
    """The instance's own share page with the text and the address."""
    status = f"{text}\n{url}" if text else url
    return f"https://{instance}/share?{urlencode({'text': status})}"
