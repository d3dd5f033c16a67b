"""Signing a call as a person, confirming, the link again and withdrawing: every rule of calls.services.

The answer to the visitor is the same whatever happened (``SignOutcome`` is for tests and logs); what differs is
only the email, which goes to the address's owner.
"""

from __future__ import annotations

import datetime
import re
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from solidarity.calls import queries, services
from solidarity.calls.models import NAME_LENGTH, PublicCallPage, Signature, SignatureCount
from solidarity.calls.services import SignOutcome
from solidarity.core.models import OutgoingEmail
from tests.calls import factories
from tests.mail import delivered, links_in
from tests.shared import shared_data

pytestmark = pytest.mark.django_db

EMAIL = "ana.petrova@example.org"


@pytest.fixture(scope="module")
def calls(request, django_db_setup, django_db_blocker):
    """An open call in English with its Russian translation, and a closed one: made once for the module."""
    with shared_data(request, django_db_blocker):
        open_call = factories.public_call(title="Free the journalists")
        russian = factories.call_translation(open_call, "ru", title="Свободу журналистам")
        closed = factories.public_call(
            title="An old call",
            opens_on=timezone.localdate() - datetime.timedelta(days=30),
            closes_on=timezone.localdate() - datetime.timedelta(days=1),
        )
        yield SimpleNamespace(open=open_call, ru=russian, closed=closed)


def sign(call, **fields) -> str:
    values = {"name": "Ana Petrova", "email": EMAIL, "country": "BY", "language": "en", **fields}
    return services.signature_sign(call=call, **values)


def emails(purpose: str = "") -> list[OutgoingEmail]:
    rows = OutgoingEmail.objects.order_by("pk")
    return list(rows.filter(purpose=purpose) if purpose else rows)


def quiet_time_passes(signature: Signature) -> None:
    Signature.objects.filter(pk=signature.pk).update(
        link_sent_at=timezone.now() - datetime.timedelta(seconds=services.QUIET_SECONDS + 1)
    )


def token_of(link: str) -> str:
    return link.rstrip("/").rsplit("/", 1)[-1]


def last_link(purpose: str) -> str:
    """The link in the newest email of this purpose (sent now, as the worker would)."""
    body = OutgoingEmail.objects.filter(purpose=purpose).order_by("-pk").first().body
    return re.findall(r"https?://\S+", body)[0]


def count_of(call) -> int:
    return queries.call_total(call.call_key)


# Signing


def test_signing_makes_one_unconfirmed_signature_and_mails_its_link(calls):
    assert sign(calls.open) == SignOutcome.NEW

    signature = Signature.objects.get()
    assert (signature.name, signature.email, signature.country_id) == ("Ana Petrova", EMAIL, "BY")
    assert not signature.is_confirmed and not signature.show_name and not signature.keep_informed
    assert signature.call_key == calls.open.call_key
    assert count_of(calls.open) == 0
    (message,) = delivered()
    assert message.to == [EMAIL]
    assert "Free the journalists" in message.subject
    (link,) = links_in(message)
    assert link.startswith("http") and "/en/calls/confirm/" in link
    assert services.signature_by_confirm_token(token_of(link)) == signature


def test_the_email_is_in_the_signers_language(calls):
    sign(calls.ru, language="ru")

    (message,) = delivered()
    assert "Свободу журналистам" in message.subject  # the call's title in the signer's language
    assert "/ru/calls/confirm/" in links_in(message)[0]
    assert OutgoingEmail.objects.get().language == "ru"
    assert Signature.objects.get().language == "ru"


def test_signing_again_within_the_quiet_time_sends_nothing(calls):
    sign(calls.open)

    assert sign(calls.open) == SignOutcome.QUIET
    assert Signature.objects.count() == 1
    assert len(emails()) == 1


def test_signing_again_before_confirming_corrects_it_and_later_mails_a_new_link(calls):
    sign(calls.open)
    first = token_of(last_link("calls.signature_confirm"))
    quiet_time_passes(Signature.objects.get())

    assert sign(calls.open, name="Someone Else", country="GE") == SignOutcome.LINK_AGAIN

    second = token_of(last_link("calls.signature_confirm"))
    assert first != second
    assert services.signature_by_confirm_token(first) is None
    signature = services.signature_by_confirm_token(second)
    # What was given now replaces what was given before (a typo fixed): the mailbox's owner confirms what shows.
    assert (signature.name, signature.country_id) == ("Someone Else", "GE")
    assert Signature.objects.count() == 1


def test_signing_again_after_confirming_mails_already_signed_with_the_same_private_link(calls):
    sign(calls.open, show_name=True)
    confirmed = services.signature_confirm(Signature.objects.get())
    before = Signature.objects.values().get()
    quiet_time_passes(confirmed.signature)

    assert sign(calls.open, name="Changed", show_name=False, keep_informed=True) == SignOutcome.ALREADY_SIGNED

    link = last_link("calls.signature_already")
    assert "/en/calls/signature/" in link
    # The same link: someone who knows the address cannot revoke the link its owner kept by signing again.
    assert token_of(link) == confirmed.private_token
    assert services.signature_by_private_token(confirmed.private_token).pk == confirmed.signature.pk
    after = Signature.objects.values().get()
    changed = {key for key in before if before[key] != after[key]}
    assert changed == {"link_sent_at"}
    assert count_of(calls.open) == 1


def test_the_caller_cannot_tell_a_new_address_from_a_signed_one(calls):
    """The form's view answers the same for every outcome: no exception, nothing returned but the outcome."""
    sign(calls.open)
    services.signature_confirm(Signature.objects.get())
    quiet_time_passes(Signature.objects.get())

    assert sign(calls.open) in {SignOutcome.NEW, SignOutcome.ALREADY_SIGNED}
    assert sign(calls.open, email="new@example.org") == SignOutcome.NEW


@pytest.mark.parametrize(
    "variant",
    ["ANA.Petrova@Example.ORG", "ana.petrova+calls@example.org", "ana.pe\u200btrova@example.org", f" {EMAIL} "],
)
def test_case_plus_tags_and_invisible_characters_are_one_mailbox(calls, variant):
    sign(calls.open)

    assert sign(calls.open, email=variant) == SignOutcome.QUIET
    assert Signature.objects.count() == 1


def test_an_idna_domain_is_one_mailbox_with_its_ascii_form(calls):
    sign(calls.open, email="ana@bücher.de")

    assert sign(calls.open, email="ana@xn--bcher-kva.de") == SignOutcome.QUIET
    assert Signature.objects.count() == 1


def test_one_address_may_sign_two_calls(calls):
    other = factories.public_call()

    assert sign(calls.open) == sign(other) == SignOutcome.NEW
    assert Signature.objects.count() == 2


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"email": "not-an-email"}, "email"),
        ({"email": "ana@"}, "email"),
        ({"email": "<script>@example.org"}, "email"),
        ({"email": ""}, "email"),
        ({"name": "x" * 10_000}, "name"),
        ({"name": "  "}, "name"),
        ({"city": "y" * 10_000}, "city"),
        ({"country": "XX"}, "country"),
        ({"country": ""}, "country"),
        ({"language": "xx"}, "language"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_saved(calls, fields, field):
    with pytest.raises(ValidationError) as refused:
        sign(calls.open, **fields)

    assert field in refused.value.message_dict
    assert all(message and "<" not in message for message in refused.value.message_dict[field])
    assert not Signature.objects.exists()
    assert not OutgoingEmail.objects.exists()
    assert not SignatureCount.objects.exists()


def test_a_name_of_the_longest_length_is_taken(calls):
    sign(calls.open, name="n" * NAME_LENGTH)

    assert len(Signature.objects.get().name) == NAME_LENGTH


def test_a_lower_case_country_code_is_the_country(calls):
    sign(calls.open, country="ge")

    assert Signature.objects.get().country_id == "GE"


def test_html_is_stored_as_plain_text(calls):
    sign(calls.open, name="<b>Ana</b> <script>alert(1)</script>", city="<i>Minsk</i>")

    signature = Signature.objects.get()
    assert signature.name == "<b>Ana</b> <script>alert(1)</script>"
    assert signature.city == "<i>Minsk</i>"
    (message,) = delivered()
    # The address is not checked yet: nothing typed goes into its email (no relay for someone else's words).
    assert "Ana" not in message.body and "Minsk" not in message.body


def test_a_closed_or_unpublished_call_takes_no_signature(calls):
    with pytest.raises(ValidationError, match="closed"):
        sign(calls.closed)
    draft = factories.public_call(publish=False)
    with pytest.raises(ValidationError, match="closed"):
        sign(draft)
    soon = factories.public_call(opens_on=timezone.localdate() + datetime.timedelta(days=3))
    with pytest.raises(ValidationError, match="not open"):
        sign(soon)
    assert not Signature.objects.exists()


def test_a_member_given_for_a_person_is_ignored(calls):
    from solidarity.core.models import MemberOrganisation

    member = MemberOrganisation.objects.create(name="Viasna", country_id="BY")
    sign(calls.open, member=member)

    signature = Signature.objects.get()
    assert (signature.kind, signature.member_id, signature.organisation_name, signature.review) == (
        "person",
        None,
        "",
        "",
    )


# Confirming


def test_confirming_counts_once_and_the_link_works_once(calls):
    sign(calls.open, country="GE")
    token = token_of(last_link("calls.signature_confirm"))
    signature = services.signature_by_confirm_token(token)

    confirmed = services.signature_confirm(signature)

    assert confirmed.signature.is_confirmed
    assert count_of(calls.open) == 1
    assert SignatureCount.objects.get(call_key=calls.open.call_key).country_id == "GE"
    assert services.signature_by_confirm_token(token).is_confirmed  # opened again: it says so, confirms nothing
    with pytest.raises(ValidationError, match="confirmed already"):
        services.signature_confirm(signature)
    assert count_of(calls.open) == 1
    private = token_of(last_link("calls.signature_counted"))
    assert private == confirmed.private_token
    assert services.signature_by_private_token(private).pk == signature.pk
    assert services.counts_verify() == []


def test_the_russian_translation_counts_in_the_same_total(calls):
    sign(calls.ru, language="ru")
    services.signature_confirm(Signature.objects.get())

    assert count_of(calls.open) == count_of(calls.ru) == 1
    assert "/ru/calls/signature/" in last_link("calls.signature_counted")


def test_an_expired_link_is_refused_with_a_clear_message(calls):
    sign(calls.open)
    Signature.objects.update(
        link_sent_at=timezone.now() - datetime.timedelta(days=services.CONFIRM_LINK_DAYS, minutes=1)
    )

    with pytest.raises(ValidationError, match="expired"):
        services.signature_confirm(Signature.objects.get())
    assert count_of(calls.open) == 0


def test_a_link_of_a_call_that_closed_since_is_refused(calls):
    call = factories.public_call()
    sign(call)
    call.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    call.save_revision().publish()

    with pytest.raises(ValidationError, match="closed"):
        services.signature_confirm(Signature.objects.get())
    assert count_of(call) == 0


def test_a_link_of_a_deleted_call_is_refused(calls):
    call = factories.public_call()
    sign(call)
    call.delete()

    with pytest.raises(ValidationError, match="no longer published"):
        services.signature_confirm(Signature.objects.get())


def test_unknown_or_empty_tokens_find_nothing(calls):
    sign(calls.open)

    assert services.signature_by_confirm_token("") is None
    assert services.signature_by_confirm_token("tampered") is None
    assert services.signature_by_private_token("") is None
    assert services.signature_by_private_token("tampered") is None


# The link again


def test_the_link_again_for_an_address_that_never_signed_sends_nothing(calls):
    assert services.signature_link_again(call=calls.open, email="nobody@example.org", language="en") == (
        SignOutcome.NOTHING
    )
    assert not OutgoingEmail.objects.exists()


def test_the_link_again_mails_a_new_confirmation_link_after_the_quiet_time(calls):
    sign(calls.open)
    assert services.signature_link_again(call=calls.open, email=EMAIL, language="en") == SignOutcome.QUIET
    quiet_time_passes(Signature.objects.get())

    assert services.signature_link_again(call=calls.open, email=EMAIL.upper(), language="ru") == (
        SignOutcome.LINK_AGAIN
    )
    assert len(emails("calls.signature_confirm")) == 2
    assert "/ru/calls/confirm/" in last_link("calls.signature_confirm")


def test_the_link_again_for_a_closed_call_sends_no_link_to_confirm_but_still_the_private_link(calls):
    call = factories.public_call()
    sign(call)
    sign(call, email="confirmed@example.org")
    services.signature_confirm(Signature.objects.get(email_hash=Signature.objects.order_by("pk").last().email_hash))
    Signature.objects.update(link_sent_at=timezone.now() - datetime.timedelta(seconds=services.QUIET_SECONDS + 1))
    call.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    call.save_revision().publish()
    sent = len(emails())

    assert services.signature_link_again(call=call, email=EMAIL, language="en") == SignOutcome.NOTHING
    assert len(emails()) == sent
    assert services.signature_link_again(call=call, email="confirmed@example.org", language="en") == (
        SignOutcome.ALREADY_SIGNED
    )


# Withdrawing


def test_withdrawing_deletes_the_signature_and_takes_it_from_the_count(calls):
    sign(calls.open)
    confirmed = services.signature_confirm(Signature.objects.get())
    assert count_of(calls.open) == 1

    services.signature_withdraw(services.signature_by_private_token(confirmed.private_token))

    assert not Signature.objects.exists()
    assert count_of(calls.open) == 0
    assert services.counts_verify() == []
    services.signature_withdraw(confirmed.signature)  # twice (two tabs): nothing more happens


def test_withdrawing_an_unconfirmed_signature_leaves_the_count(calls):
    factories.signature(calls.open)
    sign(calls.open)

    services.signature_withdraw(Signature.objects.get(email_hash=Signature.objects.order_by("pk").last().email_hash))

    assert count_of(calls.open) == 1
    assert services.counts_verify() == []


def test_withdrawing_when_the_count_drifted_to_nothing_still_withdraws(calls):
    signature = factories.signature(calls.open)
    SignatureCount.objects.all().delete()

    services.signature_withdraw(signature)

    assert not Signature.objects.exists()
    assert services.counts_verify() == []


# What a database dump shows


def test_a_database_dump_holds_neither_the_email_nor_the_name(calls):
    sign(calls.open, name="Ana Petrova", email="Ana.Secret+x@Example.org", city="Minsk")
    services.signature_confirm(Signature.objects.get())
    queued = OutgoingEmail.objects.count()
    assert queued == 2  # the link to confirm, and the private link

    secrets = ["ana.secret", "Ana Petrova", "Petrova", "Minsk", "example.org"]
    for table in ("calls_signature", "core_outgoingemail", "calls_signaturecount"):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT * FROM {table}")
            rows = cursor.fetchall()
        assert rows
        dump = repr(rows).lower()
        for secret in secrets:
            assert secret.lower() not in dump, (table, secret)


def test_invisible_characters_pasted_with_the_address_are_not_stored(calls):
    sign(calls.open, email="\u200bana@example.org\ufeff")

    assert Signature.objects.get().email == "ana@example.org"


def test_the_same_address_signing_at_the_same_moment_makes_one_signature(calls, monkeypatch):
    """The other request saved between this one's look and its insert: the database's unique key decides."""
    sign(calls.open)
    from solidarity.calls.models import SignatureQuerySet

    original = SignatureQuerySet.first
    looks = []

    def first_look_misses(self):
        looks.append(1)
        return None if len(looks) == 1 else original(self)

    monkeypatch.setattr(SignatureQuerySet, "first", first_look_misses)

    assert sign(calls.open, email=EMAIL.upper()) == SignOutcome.QUIET
    assert Signature.objects.count() == 1
    assert len(emails()) == 1


def test_a_signature_made_while_the_call_was_open_may_be_confirmed_after_its_last_day(calls):
    sign(calls.open)
    signature = Signature.objects.get()
    PublicCallPage.objects.filter(pk=calls.open.pk).update(closes_on=timezone.localdate() - datetime.timedelta(days=1))
    Signature.objects.filter(pk=signature.pk).update(created_at=timezone.now() - datetime.timedelta(days=2))
    signature.refresh_from_db()

    assert services.confirm_refusal(signature, PublicCallPage.objects.get(pk=calls.open.pk)) == ""
    services.signature_confirm(signature)  # signed at 23:50 on the last day, confirmed the next morning
    assert count_of(calls.open) == 1


def test_a_signature_made_after_the_last_day_is_not_confirmed(calls):
    sign(calls.open)
    signature = Signature.objects.get()
    PublicCallPage.objects.filter(pk=calls.open.pk).update(closes_on=timezone.localdate() - datetime.timedelta(days=1))

    with pytest.raises(ValidationError, match="closed"):
        services.signature_confirm(signature)
    assert count_of(calls.open) == 0
