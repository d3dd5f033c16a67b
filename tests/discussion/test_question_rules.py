"""Every rule of questions in ``discussion.services``: where a question goes (``question_route``), what sending it
mails and to whom (``question_send``), and who may mark it answered (``question_mark_answered``)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from solidarity.core.models import Country, OutgoingEmail
from solidarity.core.roles import COORDINATORS, EDITORS
from solidarity.discussion import services
from solidarity.discussion.models import Question, QuestionTopic
from tests.campaigns import factories as campaign_factories
from tests.discussion.factories import question
from tests.factories import staff_member
from tests.mail import delivered

pytestmark = pytest.mark.django_db

SENDER = "olga.sender@example.org"
TEXT = "Where do we meet on the day? We are five."


@pytest.fixture
def people(site_tree):
    """An editor, a coordinator for Belarus and one for Kazakhstan (Russia and Georgia have none)."""
    return {
        "editor": staff_member("editor", EDITORS.group),
        "by": staff_member("coordinator-by", COORDINATORS.group, ["BY"]),
        "kz": staff_member("coordinator-kz", COORDINATORS.group, ["KZ"]),
    }


@pytest.fixture
def campaign(site_tree):
    return campaign_factories.campaign_page()


def country(code: str) -> Country:
    return Country.objects.get(pk=code)


def emails(purpose: str) -> list[OutgoingEmail]:
    return list(OutgoingEmail.objects.filter(purpose=purpose).order_by("pk"))


# Where a question goes


def test_a_press_question_goes_to_the_editors_even_about_a_country_with_a_coordinator(people):
    route = services.question_route(country=country("BY"), topic=QuestionTopic.PRESS)

    assert route.inbox_country is None
    assert route.staff == [people["editor"]]


def test_a_question_about_a_country_with_a_coordinator_goes_to_that_country(people):
    route = services.question_route(country=country("BY"), topic=QuestionTopic.OTHER)

    assert route.inbox_country == country("BY")
    assert route.staff == [people["by"]]
    assert route.contacts == []


def test_a_question_about_a_country_with_only_a_chosen_campaign_contact_goes_to_that_country(people, campaign):
    contact = campaign_factories.contact(campaign, country="GE", email="nino@example.org")

    route = services.question_route(country=country("GE"), topic=QuestionTopic.OTHER, contact=contact)

    assert (route.inbox_country, route.contacts, route.staff) == (country("GE"), [contact], [])


def test_a_question_about_a_country_with_neither_or_about_no_country_goes_to_the_editors(people):
    for about in (country("GE"), None):
        route = services.question_route(country=about, topic=QuestionTopic.OTHER)
        assert (route.inbox_country, route.contacts, route.staff) == (None, [], [people["editor"]])


def test_the_chosen_contact_gets_the_question_by_email_with_the_sender_as_reply_to(people, campaign):
    contact = campaign_factories.contact(campaign, country="BY", email="alesia.contact@example.org")

    sent = question(contact=contact, email=SENDER, text=TEXT, country=None)

    assert (sent.inbox_country_id, sent.country_id, sent.campaign_key) == ("BY", "BY", campaign.campaign_key)
    [to_contact] = emails("discussion.question_to_contact")
    assert (to_contact.recipient, to_contact.reply_to) == ("alesia.contact@example.org", SENDER)
    assert TEXT in to_contact.body


def test_a_question_about_joining_goes_to_the_campaigns_contacts_of_that_country(people, campaign):
    first = campaign_factories.contact(campaign, country="BY", email="first@example.org")
    second = campaign_factories.contact(campaign, country="BY", email="second@example.org")
    campaign_factories.contact(campaign, country="BY", email="silent@example.org", accepts_messages=False)
    campaign_factories.contact(campaign, country="RU", email="russia@example.org")
    other_campaign = campaign_factories.campaign_page()
    campaign_factories.contact(other_campaign, country="BY", email="elsewhere@example.org")

    route = services.question_route(
        country=country("BY"), topic=QuestionTopic.JOINING, campaign_key=campaign.campaign_key
    )
    other = services.question_route(
        country=country("BY"), topic=QuestionTopic.OTHER, campaign_key=campaign.campaign_key
    )

    assert sorted(c.pk for c in route.contacts) == sorted([first.pk, second.pk])
    assert other.contacts == []


# Sending


def test_the_sender_is_acknowledged_in_their_language(people):
    question(email=SENDER, language="ru")

    [received] = emails("discussion.question_received")
    assert (received.recipient, received.language) == (SENDER, "ru")
    assert any(SENDER in message.to for message in delivered())


def test_the_acknowledgement_repeats_neither_the_text_nor_the_name_so_it_carries_no_strangers_words(people):
    """Anyone may type anyone's address: what they typed must not reach that address in the network's name."""
    question(name="Win a prize at http://phish.example", email=SENDER, text="Click http://phish.example now")

    [received] = emails("discussion.question_received")
    assert "phish.example" not in received.body and "phish.example" not in received.subject


def test_the_staff_notice_carries_neither_the_text_nor_the_senders_address(people):
    sent = question(country="BY", name="Olga Sender", email=SENDER, text=TEXT)

    [notice] = emails("discussion.question_arrived")
    assert notice.recipient == people["by"].email
    assert f"/{sent.pk}/" in notice.body
    for secret in (TEXT, SENDER, "Olga Sender"):
        assert secret not in notice.body and secret not in notice.subject
    assert notice.reply_to == ""


def test_the_same_question_sent_twice_is_kept_and_mailed_once(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = question(email=SENDER, text=TEXT)
    with django_capture_on_commit_callbacks(execute=True):
        again = question(email=" OLGA.sender@example.org", text=TEXT + "  ")
        other = question(email=SENDER, text="Something else entirely.")

    assert again.pk == first.pk and other.pk != first.pk
    assert Question.objects.count() == 2
    assert len(emails("discussion.question_received")) == 2


def test_a_contact_that_takes_no_messages_is_refused(people, campaign):
    contact = campaign_factories.contact(campaign, country="BY", accepts_messages=False)
    without_address = campaign_factories.contact(campaign, country="BY", email="")

    for each in (contact, without_address):
        with pytest.raises(ValidationError, match="does not take messages"):
            question(contact=each)
    assert not Question.objects.exists()
    assert not OutgoingEmail.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": " "}, "name"),
        ({"text": "\x00 "}, "text"),
        ({"text": "x" * (services.QUESTION_MAX_CHARS + 1)}, "text"),
        ({"topic": "gossip"}, "topic"),
        ({"email": "not an address"}, "email"),
        ({"email": " "}, "email"),
    ],
)
def test_a_question_that_breaks_a_rule_is_refused_with_the_field_named(people, fields, field):
    values = {"name": "Olga", "email": SENDER, "text": TEXT, "language": "en", **fields}

    with pytest.raises(ValidationError) as refused:
        services.question_send(**values)

    assert set(refused.value.message_dict) == {field}
    assert not Question.objects.exists()


def test_a_question_is_deleted_a_year_after_it_was_sent(people):
    old = question(text="An old question.")
    kept = question(text="A question of last month.")
    Question.objects.filter(pk=old.pk).update(created_at=old.created_at - timedelta(days=services.QUESTIONS_KEPT_DAYS))
    Question.objects.filter(pk=kept.pk).update(
        created_at=kept.created_at - timedelta(days=services.QUESTIONS_KEPT_DAYS - 1)
    )

    services.personal_data_purge()

    assert list(Question.objects.values_list("pk", flat=True)) == [kept.pk]


# Marking answered


def test_the_inboxs_coordinator_or_an_editor_marks_it_answered_and_another_coordinator_may_not(people):
    sent = question(country="BY")
    assert sent.inbox_country_id == "BY"

    with pytest.raises(PermissionDenied):
        services.question_mark_answered(people["kz"], sent)
    answered = services.question_mark_answered(people["by"], sent)
    assert answered.is_answered and answered.answered_by == people["by"]
    again = services.question_mark_answered(people["editor"], sent, answered=False)
    assert (again.answered_at, again.answered_by) == (None, None)


def test_a_coordinator_may_not_mark_a_question_of_the_editors_inbox(people):
    press = question(country="BY", topic=QuestionTopic.PRESS)

    with pytest.raises(PermissionDenied):
        services.question_mark_answered(people["by"], press)
    assert services.question_mark_answered(people["editor"], press).is_answered


# Who answers for a country (core.access.staff_answering_for, which the routing reads)


def test_the_coordinators_of_a_country_answer_for_it_and_the_editors_for_none(people):
    from solidarity.core import access

    staff_member("coordinator-gone", COORDINATORS.group, ["BY"], is_active=False)
    mute = staff_member("coordinator-mute", COORDINATORS.group, ["BY"])
    mute.email = ""
    mute.save(update_fields=["email"])
    staff_member("editor-by", EDITORS.group, ["BY"])  # an editor answers as an editor, not as BY's coordinator
    staff_member("root", is_superuser=True)

    assert access.staff_answering_for("BY") == [people["by"]]
    assert access.staff_answering_for("by") == [people["by"]]
    assert access.staff_answering_for("GE") == []
    assert [user.username for user in access.staff_answering_for(None)] == ["editor", "editor-by"]
