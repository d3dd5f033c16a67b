"""No IP address appears in any table: comments, a reply, a report, a block and questions are sent from an IPv4 and
an IPv6 address, then every table of the database is read whole and searched for the addresses in every form
(as typed, expanded, the IPv6 /64 the rate limit counts, the reverse-DNS names, the packed bytes), and for the
senders' names and emails, which are kept only encrypted.

Twice: through the public addresses (as a browser sends the forms), and through the services with the source
``core.spam.source_fingerprint`` makes of a request (what the views pass on).
"""

from __future__ import annotations

import ipaddress

import pytest
from django.db import connection
from django.test import RequestFactory

from solidarity.core.discussable import CommentsMode
from solidarity.core.models import Country
from solidarity.core.roles import MODERATORS
from solidarity.core.spam import source_fingerprint
from solidarity.discussion import services
from solidarity.discussion.models import BlockedSource, Comment, Question, QuestionTopic
from tests.discussion.factories import moderation
from tests.factories import StoryPageFactory, staff_member
from tests.spam import guard_fields

pytestmark = pytest.mark.django_db

IPV4 = "203.0.113.77"
IPV6 = "2001:db8:85a3:4d2::8a2e:370:7334"
# Invented senders: each name and address must be found nowhere in clear.
SENDERS = {
    IPV4: ("Zoriana Kvitkovska", "zoriana.kvitkovska@example.org"),
    IPV6: ("Tadevos Mkrtchyanov", "tadevos.mkrtchyanov@example.net"),
}


def address_forms(text: str) -> tuple[list[str], list[bytes]]:
    """Every way an address could have been written down: as text (lower case) and as bytes."""
    address = ipaddress.ip_address(text)
    texts = {text, address.exploded, address.compressed, address.reverse_pointer}
    if isinstance(address, ipaddress.IPv4Address):
        texts.add(".".join(reversed(text.split("."))))  # 77.113.0.203
        texts.add("203.0.113.")  # its /24
    else:
        network = ipaddress.IPv6Network(f"{address}/64", strict=False)
        texts |= {str(network), network.network_address.compressed, network.network_address.exploded[:19]}
        texts.add(str(network.network_address).rstrip(":"))  # 2001:db8:85a3:4d2
    return sorted(t.lower() for t in texts), [address.packed, str(address).encode()]


def database_dump() -> list[tuple[str, str, bytes]]:
    """Every cell of every table: (table, the cell as lower-case text, the cell as bytes)."""
    cells = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                for value in row:
                    if value is None:
                        continue
                    raw = bytes(value) if isinstance(value, bytes | memoryview) else str(value).encode()
                    cells.append((table, raw.decode("utf-8", "replace").lower(), raw))
    return cells


def assert_nothing_identifying_is_stored() -> None:
    cells = database_dump()
    assert len(cells) > 100  # the dump read the tables (pages, settings …), not nothing
    for address, (name, email) in SENDERS.items():
        texts, raws = address_forms(address)
        for table, text, raw in cells:
            for needle in texts:
                assert needle not in text, f"{needle!r} found in {table}"
            for needle_bytes in raws:
                assert needle_bytes not in raw, f"{address} (bytes) found in {table}"
            for secret in (name.lower(), email.lower(), email.split("@")[0].lower()):
                assert secret not in text, f"{secret!r} in clear in {table}"


@pytest.fixture
def story(site_tree):
    moderation(CommentsMode.POST)
    return StoryPageFactory(title="Courts under watch")


@pytest.fixture
def moderator():
    return staff_member("moderator", MODERATORS.group)


def test_sending_through_the_public_forms_stores_no_address_and_no_name_in_clear(client, story, moderator):
    def post(url: str, data: dict, address: str):
        return client.post(url, {**data, **guard_fields()}, REMOTE_ADDR=address)

    first_url = f"/en/comments/page/{story.pk}/"
    for address, (name, email) in SENDERS.items():
        response = post(first_url, {"name": name, "email": email, "text": "The hearing was closed again."}, address)
        assert response.status_code < 400, response.status_code
    top = Comment.objects.published().order_by("pk").first()
    assert top is not None and Comment.objects.count() == 2
    reply = post(f"/en/comments/{top.pk}/reply/", {"name": SENDERS[IPV6][0], "text": "We were there too."}, IPV6)
    assert reply.status_code < 400 and Comment.objects.filter(parent=top).count() == 1
    assert post(f"/en/comments/{top.pk}/report/", {}, IPV6).status_code < 400
    top.refresh_from_db()
    assert top.reports == 1
    for address, (name, email) in SENDERS.items():
        post(
            "/en/questions/",
            {"name": name, "email": email, "country": "BY", "topic": QuestionTopic.OTHER, "message": "How to help?"},
            address,
        )
    assert Question.objects.count() == 2
    services.source_block(moderator, Comment.objects.exclude(source="").first(), days=1)

    assert Comment.objects.exclude(source="").count() >= 2  # the keyed source was kept …
    assert BlockedSource.objects.exists()
    assert_nothing_identifying_is_stored()  # … and never the address


def test_the_services_keep_the_keyed_source_of_a_request_and_never_its_address(
    story, moderator, django_capture_on_commit_callbacks
):
    requests = {address: RequestFactory().post("/", REMOTE_ADDR=address) for address in SENDERS}
    sources = {address: source_fingerprint(request) for address, request in requests.items()}
    assert all(sources.values()) and len(set(sources.values())) == 2

    with django_capture_on_commit_callbacks(execute=True):
        made = {}
        for address, (name, email) in SENDERS.items():
            made[address] = services.comment_post(
                page=story,
                name=name,
                email=email,
                text="The hearing was closed again.",
                language="en",
                source=sources[address],
            ).comment
        services.comment_post(
            page=story,
            name=SENDERS[IPV6][0],
            text="We were there too.",
            language="en",
            parent=made[IPV4],
            source=sources[IPV6],
        )  # a reply: its notice to the first author is queued, encrypted
        services.comment_report(made[IPV4], source=sources[IPV6])
        services.source_block(moderator, made[IPV6], days=1)
        for name, email in SENDERS.values():
            services.question_send(
                name=name,
                email=email,
                text="How to help?",
                language="en",
                country=Country.objects.get(pk="BY"),
                topic=QuestionTopic.OTHER,
            )

    assert set(Comment.objects.values_list("source", flat=True)) == set(sources.values())
    assert BlockedSource.objects.get().source == sources[IPV6]
    assert_nothing_identifying_is_stored()


def test_the_search_finds_an_address_where_one_is_written(story):
    """The check itself can fail: an address written into a table is found."""
    Comment.objects.create(page=story, author_name="x", text=f"seen from {IPV4}", language="en")

    with pytest.raises(AssertionError, match=r"203\.0\.113\.77"):
        assert_nothing_identifying_is_stored()
