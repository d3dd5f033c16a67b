"""Organisations' signatures: confirmed by email, then checked by an editor or the country's coordinator before
they are listed and counted (calls.services.organisation_review, through core.access). And call_in_language."""

from __future__ import annotations

import datetime
import uuid
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from solidarity.calls import queries, services
from solidarity.calls.models import PublicCallPage, Review, Signature
from solidarity.core.models import MemberOrganisation, OutgoingEmail
from tests.calls import factories
from tests.factories import staff_member, staff_roles_ensure
from tests.shared import shared_data

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def data(request, django_db_setup, django_db_blocker):
    """A call in English and Russian, an editor, coordinators of Georgia and of Belarus: made once."""
    with shared_data(request, django_db_blocker):
        staff_roles_ensure()
        call = factories.public_call(title="Stop the foreign agents law", countries=("GE",))
        russian = factories.call_translation(call, "ru", title="Остановите закон об иноагентах")
        yield SimpleNamespace(
            call=call,
            ru=russian,
            editor=staff_member("editor", "Editors"),
            georgia=staff_member("coordinator-ge", "Country coordinators", ["GE"]),
            belarus=staff_member("coordinator-by", "Country coordinators", ["BY"]),
            member=MemberOrganisation.objects.create(name="Human Rights House", country_id="GE"),
        )


def sign_as_organisation(call, **fields) -> Signature:
    values = {
        "name": "Nino Contact",
        "email": "nino@example.org",
        "country": "GE",
        "language": "en",
        "as_organisation": True,
        "organisation_name": "Georgian Letters",
        "organisation_website": "https://letters.example.org",
        **fields,
    }
    services.signature_sign(call=call, **values)
    return Signature.objects.get(call_key=call.call_key)


def confirmed_organisation(call, **fields) -> Signature:
    return services.signature_confirm(sign_as_organisation(call, **fields)).signature


def totals(call) -> tuple[int, int]:
    counts = queries.call_counts(call.call_key)
    return counts.people, counts.organisations


def test_an_organisation_counts_only_once_confirmed_and_approved(data):
    signature = sign_as_organisation(data.call)
    assert (signature.kind, signature.review, signature.show_name) == ("organisation", Review.PENDING, False)
    assert signature.display_name == "Georgian Letters"

    services.signature_confirm(signature)
    assert totals(data.call) == (0, 0)
    assert queries.organisations_listed(data.call.call_key) == []

    services.organisation_review(signature, user=data.georgia, approve=True)

    assert totals(data.call) == totals(data.ru) == (0, 1)
    assert [row.display_name for row in queries.organisations_listed(data.ru.call_key)] == ["Georgian Letters"]
    signature.refresh_from_db()
    assert (signature.reviewed_by, signature.reviewed_at is not None) == (data.georgia, True)
    assert OutgoingEmail.objects.filter(purpose="calls.organisation_approved").count() == 1
    assert services.counts_verify() == []


def test_declining_or_changing_ones_mind_adjusts_the_count(data):
    signature = confirmed_organisation(data.call)

    services.organisation_review(signature, user=data.editor, approve=True)
    assert totals(data.call) == (0, 1)
    services.organisation_review(signature, user=data.editor, approve=False)
    assert totals(data.call) == (0, 0)
    assert queries.organisations_listed(data.call.call_key) == []
    services.organisation_review(signature, user=data.editor, approve=False)  # declined twice: still nothing
    assert totals(data.call) == (0, 0)
    services.organisation_review(signature, user=data.editor, approve=True)
    assert totals(data.call) == (0, 1)
    assert services.counts_verify() == []
    assert OutgoingEmail.objects.filter(purpose="calls.organisation_declined").count() == 2


def test_an_organisation_approved_before_it_confirmed_counts_once_confirmed(data):
    signature = sign_as_organisation(data.call)

    services.organisation_review(signature, user=data.editor, approve=True)
    assert totals(data.call) == (0, 0)
    assert not OutgoingEmail.objects.filter(purpose="calls.organisation_approved").exists()  # not confirmed yet

    services.signature_confirm(signature)
    assert totals(data.call) == (0, 1)


def test_withdrawing_an_approved_organisation_takes_it_from_the_count(data):
    signature = confirmed_organisation(data.call)
    services.organisation_review(signature, user=data.editor, approve=True)

    services.signature_withdraw(signature)

    assert totals(data.call) == (0, 0)
    assert services.counts_verify() == []


def test_a_coordinator_of_another_country_may_not_check(data):
    signature = confirmed_organisation(data.call)

    with pytest.raises(PermissionDenied):
        services.organisation_review(signature, user=data.belarus, approve=True)
    signature.refresh_from_db()
    assert signature.review == Review.PENDING and totals(data.call) == (0, 0)


def test_a_person_without_the_role_may_not_check(data):
    signature = confirmed_organisation(data.call)

    with pytest.raises(PermissionDenied):
        services.organisation_review(signature, user=staff_member("someone"), approve=True)


def test_a_persons_signature_is_not_checked(data):
    services.signature_sign(call=data.call, name="Ana", email="ana@example.org", country="GE", language="en")
    signature = services.signature_confirm(Signature.objects.get()).signature

    with pytest.raises(ValidationError, match="Only an organisation"):
        services.organisation_review(signature, user=data.editor, approve=False)
    assert totals(data.call) == (1, 0)


def test_a_member_organisation_signs_with_its_directory_name(data):
    signature = sign_as_organisation(
        data.call, member=data.member, organisation_name="Typed Name", organisation_website="https://x.example"
    )

    assert (signature.member, signature.organisation_name, signature.organisation_website) == (
        data.member,
        "Human Rights House",
        "",
    )
    assert signature.display_name == "Human Rights House"


def test_a_member_organisation_signs_a_call_once_and_under_its_directory_country(data):
    first = sign_as_organisation(data.call, member=data.member, country="DE")
    assert first.country_id == "GE"  # the directory's country, whatever the contact chose

    with pytest.raises(ValidationError, match="signed this call already"):
        services.signature_sign(
            call=data.call,
            name="Another Contact",
            email="another@example.org",
            country="GE",
            language="en",
            as_organisation=True,
            member=data.member,
        )
    assert Signature.objects.filter(call_key=data.call.call_key).count() == 1


def test_an_organisation_needs_a_name_and_a_call_that_takes_organisations(data):
    with pytest.raises(ValidationError) as refused:
        sign_as_organisation(data.call, organisation_name="  ")
    assert "organisation_name" in refused.value.message_dict

    with pytest.raises(ValidationError):
        sign_as_organisation(data.call, organisation_name="N" * 201)
    with pytest.raises(ValidationError):
        sign_as_organisation(data.call, organisation_website="javascript:alert(1)")
    with pytest.raises(ValidationError) as refused:
        sign_as_organisation(data.call, organisation_name="Nul\x00l")
    assert "organisation_name" in refused.value.message_dict

    people_only = factories.public_call(accepts_organisations=False)
    with pytest.raises(ValidationError, match="people only"):
        sign_as_organisation(people_only)
    assert not Signature.objects.exists()


def test_the_check_of_a_deleted_calls_organisation_sends_no_email(data):
    call = factories.public_call()
    signature = confirmed_organisation(call)
    call.delete()

    services.organisation_review(signature, user=data.editor, approve=True)

    assert not OutgoingEmail.objects.filter(purpose="calls.organisation_approved").exists()


# call_in_language: the page an email speaks of


def test_call_in_language_finds_the_language_then_the_default_then_any(data):
    assert services.call_in_language(data.call.call_key, "ru").pk == data.ru.pk
    assert services.call_in_language(data.call.call_key, "en").pk == data.call.pk
    assert services.call_in_language(data.call.call_key, "de").pk == data.call.pk  # the site's default language

    russian_only = factories.public_call(language="ru")
    assert services.call_in_language(russian_only.call_key, "de").pk == russian_only.pk
    assert services.call_in_language(uuid.UUID(int=0), "en") is None


def test_call_in_language_prefers_a_live_page(data):
    PublicCallPage.objects.get(pk=data.ru.pk).unpublish()  # fresh copies: the module's objects stay as made

    assert services.call_in_language(data.call.call_key, "ru").pk == data.call.pk
    PublicCallPage.objects.get(pk=data.call.pk).unpublish()
    assert services.call_in_language(data.call.call_key, "ru").pk == data.ru.pk  # no live one: the language's


def test_a_calls_dates_goal_and_organisations_switch_follow_the_default_language_in_every_translation(site_tree):
    call = factories.public_call(goal=100, closes_on=datetime.date(2030, 1, 31))
    russian = factories.call_translation(call, "ru")
    russian.closes_on, russian.goal, russian.accepts_organisations = datetime.date(2040, 1, 1), 5, False
    russian.save_revision().publish()  # a translation published with terms of its own: the English ones win

    russian.refresh_from_db()
    assert (russian.closes_on, russian.goal, russian.accepts_organisations) == (datetime.date(2030, 1, 31), 100, True)

    call.goal, call.closes_on = 200, None
    call.save_revision().publish()  # the default language's change reaches every translation

    russian.refresh_from_db()
    assert (russian.goal, russian.closes_on) == (200, None)
