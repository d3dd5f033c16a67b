"""The demo's comments and questions: readers talk about a few English and Russian stories and the campaign day,
and write to the network through the question form. Everything goes through ``discussion.services``, as the public
forms and the moderators would: the site's comments are pre-moderated, the demo moderator approved most comments,
one still waits, one was reported by readers and waits again, one was marked spam; one question went to the
Belarus contact of the campaign, one to the editors from the press, one was answered by the coordinator for Russia.

The people, their words and the outlets are invented; addresses are on example.org (reserved for examples). A page
that has comments already is left alone, and so is a question whose sender's address is already there, so loading
the demo again adds nothing. The emails the services queued (reply notices, the question's copies, the staff's
notices) are deleted at the end, as ``demo.campaign`` does with its own.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.models import Page

from solidarity.campaigns.models import CampaignPage, CountryContact
from solidarity.core import crypto
from solidarity.core.discussable import CommentsMode
from solidarity.core.models import Country, OutgoingEmail
from solidarity.discussion import services
from solidarity.discussion.models import Comment, DiscussionSettings, Question, QuestionTopic
from solidarity.discussion.services import Decision
from solidarity.stories.models import StoryPage

if TYPE_CHECKING:
    from solidarity.demo.demo import Tally

Log = Callable[[str], None]

PUBLIC, WAITING, REPORTED, SPAM = "public", "waiting", "reported", "spam"


@dataclass(frozen=True)
class DemoComment:
    name: str
    text: str
    hours_ago: float  # when it was posted
    state: str = PUBLIC
    email: str = ""  # given for reply notices
    replies: tuple[DemoComment, ...] = ()


def _comment(name: str, hours_ago: float, text: str, **fields: Any) -> DemoComment:
    return DemoComment(name=name, text=text, hours_ago=hours_ago, **fields)


CAMPAIGN = "campaign"  # the coming campaign day, in English

# (language, a story's slug or CAMPAIGN, its comments)
COMMENTS: tuple[tuple[str, str, tuple[DemoComment, ...]], ...] = (
    (
        "en",
        "behind-the-glass-trials-of-protesters-in-belarus",
        (
            _comment(
                "Marta from Riga",
                70,
                "Thank you for writing this down. The detail about the glass cage stayed with me: people are tried "
                "as if they were dangerous, for standing in a square.",
                email="marta.demo@example.org",
                replies=(
                    _comment(
                        "Observer, Vilnius",
                        52,
                        "It is the same in every hearing we attended. Relatives may not even pass a note through.",
                    ),
                ),
            ),
            _comment(
                "Dzmitry K.",
                30,
                "Is there a list of addresses where one can send letters to those sentenced? The report links one "
                "organisation, but more would help.",
                replies=(
                    _comment(
                        "Network editors",
                        26,
                        "Yes: the story “Letters reach political prisoners in Belarus” explains how, and which "
                        "subjects to avoid so that a letter is handed over.",
                    ),
                ),
            ),
            _comment(
                "Helga", 3, "Shared it with our local group; we will read it aloud at our next meeting.", state=WAITING
            ),
        ),
    ),
    (
        "en",
        "letters-reach-political-prisoners-in-belarus",
        (
            _comment(
                "Paula W.",
                48,
                "Our school class wrote twelve postcards last month. Two answers came back: the children were "
                "overjoyed.",
                email="paula.demo@example.org",
                replies=(
                    _comment(
                        "Ines", 20, "That is wonderful. Which address did you use, the colony's or the pre-trial one?"
                    ),
                ),
            ),
            _comment(
                "Anonymous reader",
                9,
                "These people are criminals and deserve no letters.",
                state=REPORTED,
            ),
        ),
    ),
    (
        "en",
        "kazakhstan-fines-for-solitary-pickets-in-almaty",
        (
            _comment(
                "Sanzhar",
                40,
                "A fine of this size is two months of a teacher's salary. A solitary picket should need no permission "
                "at all.",
            ),
            _comment(
                "Best Deals 24",
                5,
                "Cheap watches and bags, best prices, visit www.deals-demo.example.com now!!!",
                state=SPAM,
            ),
        ),
    ),
    (
        "en",
        "trial-monitors-attend-thirty-hearings-in-tbilisi",
        (
            _comment(
                "Lena, law student",
                60,
                "How does one become a trial monitor? I would like to volunteer during the summer break.",
                replies=(
                    _comment(
                        "Giorgi",
                        44,
                        "Write to the network through the question form and choose Georgia: they train new monitors "
                        "twice a year.",
                    ),
                ),
            ),
        ),
    ),
    (
        "ru",
        "za-steklom-sudy-nad-uchastnikami-protestov-v-belarusi",
        (
            _comment(
                "Наталья",
                50,
                "Спасибо, что пишете об этом. Мой двоюродный брат тоже прошёл через такой суд — всё было именно так.",
                email="natalia.demo@example.org",
                replies=(
                    _comment("Игорь из Варшавы", 35, "Держитесь. Напишите ему, если можно: письма правда помогают."),
                ),
            ),
            _comment(
                "Ольга",
                12,
                "Можно ли перевести доклад на белорусский? Хотим раздать его в нашей общине.",
            ),
        ),
    ),
    (
        "ru",
        "pisma-doshli-do-politzaklyuchennykh-v-belarusi",
        (
            _comment(
                "Вера П.",
                28,
                "Пишу уже второй год. Главное — не сдаваться, даже если ответа нет: письмо всё равно видят.",
            ),
            _comment("Андрей", 2, "А можно ли отправлять открытки из-за границы?", state=WAITING),
        ),
    ),
    (
        "ru",
        "pravozashchitniki-ekaterinburga-otkryli-konsultatsii-dlya-semey-zaderzhannykh",
        (
            _comment(
                "Семья из Перми",
                22,
                "Очень нужная работа. Подскажите, будут ли такие консультации онлайн для других городов?",
            ),
        ),
    ),
    (
        "en",
        CAMPAIGN,
        (
            _comment(
                "Tomasz",
                36,
                "Our group in Gdańsk will hold a reading of letters on the day. Anyone nearby is welcome to join us.",
                email="tomasz.demo@example.org",
                replies=(_comment("Agnes", 18, "We will come from Sopot with a few friends!"),),
            ),
            _comment(
                "Mariam",
                8,
                "Could the organisers share the poster in several languages? We would print it for our university.",
            ),
        ),
    ),
)


@dataclass(frozen=True)
class DemoQuestion:
    name: str
    email: str
    text: str
    language: str
    topic: str = QuestionTopic.OTHER
    country: str | None = None
    contact: str = ""  # the name of a country contact of the coming campaign day, when the sender chose one
    answered_by: str = ""  # the username of the demo staff member who marked it answered


QUESTIONS = (
    DemoQuestion(
        name="Кастусь",
        email="kastus.demo@example.org",
        text="Добрый день! Мы небольшая группа из Гродно и хотим присоединиться ко дню солидарности. "
        "Как сделать это безопасно, чтобы не подставить участников?",
        language="ru",
        topic=QuestionTopic.JOINING,
        contact="Ales Marchuk",
    ),
    DemoQuestion(
        name="Rosa Lindqvist, Northern Lantern Weekly",
        email="rosa.press.demo@example.org",
        text="I am preparing an article about trial monitoring in the region. Could someone from the network give "
        "a short interview next week?",
        language="en",
        topic=QuestionTopic.PRESS,
    ),
    DemoQuestion(
        name="Мария",
        email="maria.demo@example.org",
        text="Подскажите, куда обратиться семье задержанного в Самаре за юридической помощью?",
        language="ru",
        country="RU",
        answered_by="coordinator-ru",
    ),
)


def _users() -> dict[str, Any]:
    names = ["moderator", "editor", "coordinator-ru"]
    return {user.username: user for user in get_user_model().objects.filter(username__in=names, is_active=True)}


def _pages() -> list[tuple[Page, tuple[DemoComment, ...]]]:
    found = []
    for language, slug, comments in COMMENTS:
        page: Page | None
        if slug == CAMPAIGN:
            page = (
                CampaignPage.objects.live()
                .filter(locale__language_code=language, starts_on__gte=timezone.localdate())
                .order_by("starts_on")
                .first()
            )
        else:
            page = StoryPage.objects.live().filter(locale__language_code=language, slug=slug).first()
        if page is not None:
            found.append((page, comments))
    return found


def _post(page: Page, spec: DemoComment, *, parent: Comment | None, moderator: Any) -> Comment:
    language = page.locale.language_code
    now = timezone.now()
    posted_at = now - datetime.timedelta(hours=spec.hours_ago)
    if page.first_published_at is not None:
        posted_at = max(posted_at, min(page.first_published_at + datetime.timedelta(hours=1), now))
    comment = services.comment_post(
        page=page,
        name=spec.name,
        text=spec.text,
        email=spec.email,
        language=language,
        parent=parent,
        # An invented source (a keyed hash of the demo's own words, no address): the spam can be blocked.
        source=crypto.keyed_hash(f"demo source:{spec.name}") if spec.state == SPAM else "",
        now=posted_at,
    ).comment
    if moderator is None or spec.state == WAITING:
        return comment
    decided_at = min(posted_at + datetime.timedelta(hours=1), now)
    services.comment_decide(
        moderator, comment, Decision.SPAM if spec.state == SPAM else Decision.APPROVE, now=decided_at
    )
    if spec.state == REPORTED:  # readers reported it: under pre-moderation it waits for a moderator again
        for reader in ("first", "second"):
            services.comment_report(comment, source=crypto.keyed_hash(f"demo reader:{reader}"), now=now)
    comment.refresh_from_db()
    return comment


def _comments_ensure(*, moderator: Any, tally: Tally, log: Log) -> None:
    for page, specs in _pages():
        if Comment.objects.filter(page=page).exists():
            tally.note("comments", created=False)
            continue
        for spec in specs:
            top = _post(page, spec, parent=None, moderator=moderator)
            for reply in spec.replies if top.is_public else ():  # a reply answers a public comment
                _post(page, reply, parent=top, moderator=moderator)
            tally.note("comments", created=True)
        log(f"Comments: {page.title}")


def _questions_ensure(*, users: dict[str, Any], tally: Tally, log: Log) -> None:
    sent = {question.email for question in Question.objects.only("email")}
    live = CampaignPage.objects.live().filter(starts_on__gte=timezone.localdate()).order_by("starts_on").first()
    for spec in QUESTIONS:
        if spec.email in sent:
            tally.note("questions", created=False)
            continue
        contact = None
        if spec.contact:
            if live is None:
                continue
            contact = CountryContact.objects.filter(campaign_key=live.campaign_key, name=spec.contact).first()
            if contact is None:
                continue
        question = services.question_send(
            name=spec.name,
            email=spec.email,
            text=spec.text,
            language=spec.language,
            topic=spec.topic,
            country=Country.objects.get(pk=spec.country) if spec.country else None,
            contact=contact,
        )
        answerer = users.get(spec.answered_by)
        if answerer is not None:
            services.question_mark_answered(answerer, question)
        tally.note("questions", created=True)
        log(f"Question ({question.inbox_label()}): {spec.name}")


@transaction.atomic
def discussion_load(*, tally: Tally, log: Log) -> None:
    """The demo's comments and questions; run after the stories, the campaign and the demo staff exist."""
    last_email = OutgoingEmail.objects.aggregate(last=Max("pk"))["last"] or 0
    users = _users()
    if not Comment.objects.exists():  # a new install: comments wait for a moderator (the default, said once)
        settings = DiscussionSettings.load()
        settings.moderation = CommentsMode.PRE
        settings.save()
    _comments_ensure(moderator=users.get("moderator") or users.get("editor"), tally=tally, log=log)
    _questions_ensure(users=users, tally=tally, log=log)
    # Nobody reads the invented senders' mail (reply notices, the copies of questions, the staff's notices): the
    # emails are dropped in the same transaction; the task queued after commit for each finds nothing to send.
    OutgoingEmail.objects.filter(pk__gt=last_email, purpose__startswith="discussion.").delete()
