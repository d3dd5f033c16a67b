"""The words of the demo campaign: its series and year pages in English and Russian, and its two stories.

Everything here is invented: the history of the day, the people and the groups (the cities are real).
The groups, activities and contacts that take part are in ``campaign_people``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from solidarity.demo.campaign_text_more import ARCHIVE_MORE, HISTORY_MORE, LIVE_MORE, SERIES_MORE, WAYS_MORE
from solidarity.demo.content import DemoCall, DemoStory, StoryText
from solidarity.stories.models import StoryKind

SERIES_SLUG = "day-of-solidarity"


@dataclass(frozen=True)
class Way:
    """A way to take part: its call to action is a form, the contacts, or a page (``target``)."""

    title: str
    text: str
    action: str  # a campaigns.blocks.JoinAction
    button: str
    target: str = ""  # for a link: "call" (the open letter story) or "series" (the campaign's own address)


@dataclass(frozen=True)
class CampaignText:
    title: str
    intro: str
    history: tuple[str, ...]  # paragraphs of "why this date" (plain text)
    ways: tuple[Way, ...]
    body: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, paragraphs)
    quote: tuple[str, str]


SERIES = {
    "en": (
        "International Day of Solidarity with Civil Society",
        "Every year on 30 April, groups in many countries stand with the people who keep civil society alive "
        "in Belarus, Russia and across the region: the lawyers, monitors, journalists and volunteers.",
    ),
    "ru": (
        "Международный день солидарности с гражданским обществом",
        "Каждый год 30 апреля группы из многих стран выражают поддержку тем, кто сохраняет гражданское общество "
        "в Беларуси, России и во всём регионе: юристам, наблюдателям, журналистам и волонтёрам.",
    ),
}

HISTORY = {
    "en": (
        "The day goes back to 30 April 2012. That morning a court in one of the region’s capitals closed the last "
        "independent association of defence lawyers in the country, and two of its members were detained on the "
        "steps of the court building. By the evening, volunteers in eleven cities — most of them people who had "
        "never met — stood outside with candles and hand-written signs.",
        "The next year the same volunteers agreed to meet again on the same date, and to invite anyone who wanted "
        "to join. Since then 30 April has been a day on which groups from many countries do one thing each: a "
        "picket, a screening, an evening of letters, a concert, a talk. None of it is big. Together it tells the "
        "people who are prosecuted for their work that they are seen.",
        "30 April is also the end of the month in which many reports on the past year are published, so the day "
        "has become a moment to read them aloud, to share them and to ask what comes next.",
    ),
    "ru": (
        "История дня начинается 30 апреля 2012 года. В то утро суд в одной из столиц региона ликвидировал последнюю "
        "независимую ассоциацию адвокатов в стране, а двоих её участников задержали прямо на ступенях суда. "
        "К вечеру волонтёры в одиннадцати городах — по большей части незнакомые друг с другом люди — вышли "
        "на улицы со свечами и самодельными плакатами.",
        "Через год те же волонтёры договорились встретиться в тот же день и позвать всех, кто захочет "
        "присоединиться. С тех пор 30 апреля группы из разных стран делают каждая что-то своё: пикет, кинопоказ, "
        "вечер писем, концерт, лекцию. Ничто из этого не выглядит масштабно. Но вместе это говорит людям, "
        "которых преследуют за их работу: их видят.",
        "К концу апреля обычно выходят доклады о прошедшем годе, поэтому этот день стал и поводом прочитать "
        "их вслух, поделиться ими и обсудить, что делать дальше.",
    ),
}

WAYS = {
    "en": (
        Way(
            "Join as a group",
            "An organisation, a collective or a few friends: tell us who you are and where you are. Once the "
            "coordinator of your country approves it, your group appears on this page with the others.",
            "join",
            "Join the campaign",
        ),
        Way(
            "Add your activity",
            "A picket, a screening, an evening of letters, a talk or an online meeting: add it with its time and "
            "place, and people nearby can find it and sign up.",
            "add_activity",
            "Add your activity",
        ),
        Way(
            "Sign the open letter",
            "Add your name to the open letter of this year’s day: we send it with all the signatures to the "
            "parliaments and ministries of the region on 30 April.",
            "link",
            "Read and sign the letter",
            target="call",
        ),
        Way(
            "Spread the word",
            "Share the campaign’s address with friends, colleagues and local media. It always leads to the day of "
            "the current year.",
            "link",
            "The address to share",
            target="series",
        ),
        Way(
            "Talk to your country coordinator",
            "Not sure where to start, or planning something that needs care? The coordinators for each country "
            "answer questions and help you keep your activity safe.",
            "contacts",
            "Find your coordinator",
        ),
    ),
    "ru": (
        Way(
            "Присоединиться как группа",
            "Организация, инициатива или несколько друзей: расскажите, кто вы и где находитесь. Когда "
            "координатор вашей страны подтвердит заявку, ваша группа появится на этой странице рядом с другими.",
            "join",
            "Присоединиться к кампании",
        ),
        Way(
            "Добавить свою акцию",
            "Пикет, кинопоказ, вечер писем, лекция или онлайн-встреча: укажите время и место, и люди поблизости "
            "смогут её найти и записаться.",
            "add_activity",
            "Добавить акцию",
        ),
        Way(
            "Подписать открытое письмо",
            "Поставьте свою подпись под открытым письмом этого года: 30 апреля мы отправим его со всеми подписями "
            "в парламенты и министерства стран региона.",
            "link",
            "Прочитать и подписать",
            target="call",
        ),
        Way(
            "Рассказать другим",
            "Поделитесь адресом кампании с друзьями, коллегами и местными СМИ. Он всегда ведёт на день текущего года.",
            "link",
            "Адрес, которым можно поделиться",
            target="series",
        ),
        Way(
            "Написать координатору своей страны",
            "Не знаете, с чего начать, или готовите что-то, что требует осторожности? Координаторы в каждой "
            "стране ответят на вопросы и помогут провести акцию безопасно.",
            "contacts",
            "Найти координатора",
        ),
    ),
}


SERIES.update(SERIES_MORE)


def _more_text(words: dict, language: str, year: int, *, ways: bool) -> CampaignText:
    """A year page in Ukrainian, Belarusian, German or French (campaign_text_more)."""
    return CampaignText(
        title=words["title"].format(year=year),
        intro=words["intro"],
        history=HISTORY_MORE[language],
        ways=tuple(
            Way(
                title,
                text,
                "link" if action == "series" else action,
                button,
                target="series" if action == "series" else "",
            )
            for title, text, action, button in (WAYS_MORE[language] if ways else ())
        ),
        body=words["body"],
        quote=words["quote"],
    )


def live_text(language: str, year: int) -> CampaignText:
    """The year page of the coming day."""
    if language in LIVE_MORE:
        return _more_text(LIVE_MORE[language], language, year, ways=True)
    if language == "ru":
        return CampaignText(
            title=f"30 апреля {year}: Международный день солидарности с гражданским обществом",
            intro=(
                "30 апреля группы из многих стран проводят пикеты, кинопоказы, вечера писем и концерты "
                "в поддержку тех, кого преследуют за правозащитную работу. Присоединяйтесь — "
                "в своём городе или онлайн."
            ),
            history=HISTORY["ru"],
            ways=WAYS["ru"],
            body=(
                (
                    "О чём мы говорим в этом году",
                    (
                        "В этом году мы говорим о законах, которые превращают обычную гражданскую работу "
                        "в преступление: о «нежелательных» организациях, о статусе «иностранного агента», "
                        "об уголовных делах против адвокатов за то, что они защищают своих клиентов.",
                        "Каждая группа сама решает, что сделает 30 апреля. Мы просим только об одном: "
                        "чтобы акция была мирной и открытой для всех, кто хочет прийти.",
                    ),
                ),
                (
                    "Безопасность",
                    (
                        "Если вы проводите акцию там, где за неё могут преследовать, поговорите сначала "
                        "с координатором своей страны. Адрес встречи можно не публиковать: укажите, что "
                        "сообщите его тем, кто записался.",
                    ),
                ),
            ),
            quote=(
                "Мы не можем вернуть людей домой одним днём. Но мы можем сделать так, чтобы в этот день "
                "о них говорили в сорока городах сразу.",
                "Из обращения координаторов дня",
            ),
        )
    return CampaignText(
        title=f"30 April {year}: International Day of Solidarity with Civil Society",
        intro=(
            "On 30 April groups in many countries hold pickets, screenings, evenings of letters and concerts for "
            "the people prosecuted for their human rights work. Join in — in your city or online."
        ),
        history=HISTORY["en"],
        ways=WAYS["en"],
        body=(
            (
                "What this year is about",
                (
                    "This year we speak about the laws that turn ordinary civic work into a crime: organisations "
                    "declared “undesirable”, the “foreign agent” label, criminal cases against lawyers for "
                    "defending their clients.",
                    "Each group decides for itself what it does on 30 April. We ask one thing only: that it is "
                    "peaceful and open to everyone who wants to come.",
                ),
            ),
            (
                "Staying safe",
                (
                    "If you hold an activity where it may lead to prosecution, talk to your country coordinator "
                    "first. You need not publish the address: say that you will send it to those who sign up.",
                ),
            ),
        ),
        quote=(
            "One day does not bring anyone home. But it can make forty cities speak about them on the same day.",
            "From the coordinators’ call for the day",
        ),
    )


def archive_text(language: str, year: int) -> CampaignText:
    """The year page of the last day, now the archive."""
    if language in ARCHIVE_MORE:
        return _more_text(ARCHIVE_MORE[language], language, year, ways=False)
    if language == "ru":
        return CampaignText(
            title=f"30 апреля {year}: Международный день солидарности с гражданским обществом",
            intro=(
                "Так прошёл день в прошлом году: группы из Беларуси, Грузии, Литвы, Польши и Армении провели "
                "выставки, вечера писем и онлайн-встречи."
            ),
            history=HISTORY["ru"],
            ways=(),
            body=(
                (
                    "Итоги дня",
                    (
                        "Больше трёхсот открыток ушло в места заключения; выставка в Вильнюсе работала неделю; "
                        "онлайн-встречу о наблюдении за судами посмотрели больше тысячи человек.",
                        "Спасибо всем, кто пришёл, написал и рассказал другим.",
                    ),
                ),
            ),
            quote=(
                "Мы не знали, дойдут ли письма. В июне пришли первые ответы.",
                "Волонтёрка вечера писем в Каунасе",
            ),
        )
    return CampaignText(
        title=f"30 April {year}: International Day of Solidarity with Civil Society",
        intro=(
            "How the day went last year: groups from Belarus, Georgia, Lithuania, Poland and Armenia held "
            "exhibitions, evenings of letters and online meetings."
        ),
        history=HISTORY["en"],
        ways=(),
        body=(
            (
                "The day in numbers",
                (
                    "More than three hundred postcards went to places of detention; the exhibition in Vilnius stayed "
                    "open for a week; more than a thousand people watched the online meeting on trial monitoring.",
                    "Thank you to everyone who came, wrote and told others.",
                ),
            ),
        ),
        quote=(
            "We did not know whether the letters would arrive. In June the first replies came.",
            "A volunteer of the evening of letters in Kaunas",
        ),
    )


# The stories of the campaign: the open letter of the coming day (an announcement) and the report on the last.

CALL = "open-letter-for-30-april-let-civil-society-do-its-work"
REPORT = "30-april-report-letters-exhibitions-and-a-thousand-viewers"


def call_story(year: int) -> DemoStory:
    """The open letter of the coming day: a public call, signed until the day itself."""
    return DemoStory(
        kind=StoryKind.PUBLIC_CALL,
        countries=("BY", "RU", "KZ", "GE"),
        days_ago=2,
        image="arcs",
        call=DemoCall(
            addressed_to={
                "en": "the parliaments and ministries of justice of the region",
                "ru": "парламентам и министерствам юстиции стран региона",
            },
            opens_days_ago=2,
            closes_in_days=(datetime.date(year, 4, 30) - timezone.localdate()).days,
            goal=1000,
            stories=(REPORT,),
            signers=60,
            countries=("BY", "RU", "KZ", "GE", "LT", "PL", "DE", "AM"),
        ),
        en=StoryText(
            slug=CALL,
            title=f"Open letter for 30 April {year}: let civil society do its work",
            summary=(
                "The coordinators of the Day of Solidarity with Civil Society ask the parliaments of the region to "
                "repeal the laws on “foreign agents” and “undesirable” organisations. Sign the letter."
            ),
            lead=(
                "Lawyers who lose their licence for defending a client. Monitors fined for sitting in a public "
                "hearing. Volunteers who send parcels and are questioned for it. This is what the laws on "
                "“foreign agents” and “undesirable” organisations mean in practice.",
                f"On 30 April {year}, the International Day of Solidarity with Civil Society, we will send this "
                "letter with every signature to the parliaments and ministries of justice of the region.",
            ),
            heading="What we ask for",
            more=(
                "Repeal the laws that punish people for working with organisations abroad or for receiving "
                "support from them. Release everyone held for their human rights work. Let lawyers defend their "
                "clients without fear of losing their licence.",
                "Anyone may sign: a person, a group or an organisation. Your signature is counted; your email "
                "address is never published.",
            ),
            quote=(
                "A civil society is not an enemy of the state. It is the part of society that still speaks up.",
                "From the open letter",
            ),
            caption="Illustration for the open letter of the Day of Solidarity with Civil Society.",
            topics=("human rights defenders", "freedom of association"),
            link=("", "All stories from the network"),
        ),
        ru=StoryText(
            slug="otkrytoe-pismo-k-30-aprelya-dayte-grazhdanskomu-obshchestvu-rabotat",
            title=f"Открытое письмо к 30 апреля {year} года: дайте гражданскому обществу работать",
            summary=(
                "Координаторы Дня солидарности с гражданским обществом призывают парламенты стран региона отменить "
                "законы об «иностранных агентах» и «нежелательных» организациях. Подпишите письмо."
            ),
            lead=(
                "Адвокаты, которых лишают статуса за защиту клиента. Наблюдатели, которых штрафуют за присутствие "
                "на открытом заседании. Волонтёры, которых вызывают на допрос за передачи. Вот что на практике "
                "означают законы об «иностранных агентах» и «нежелательных» организациях.",
                f"30 апреля {year} года, в Международный день солидарности с гражданским обществом, мы отправим "
                "это письмо со всеми подписями в парламенты и министерства юстиции стран региона.",
            ),
            heading="Чего мы требуем",
            more=(
                "Отменить законы, которые наказывают людей за работу с зарубежными организациями или за их "
                "поддержку. Освободить всех, кто задержан за правозащитную работу. Дать адвокатам защищать "
                "клиентов, не опасаясь потерять статус.",
                "Подписать может любой человек, группа или организация. Подпись учитывается, адрес почты "
                "никогда не публикуется.",
            ),
            quote=(
                "Гражданское общество — не враг государства. Это та часть общества, которая ещё не молчит.",
                "Из открытого письма",
            ),
            caption="Иллюстрация к открытому письму Дня солидарности с гражданским обществом.",
            topics=("правозащитники", "свобода объединений"),
            link=("", "Все материалы сети"),
        ),
    )


def report_story(year: int, days_ago: int) -> DemoStory:
    return DemoStory(
        kind=StoryKind.NEWS,
        countries=("BY", "GE", "PL", "AM"),
        days_ago=days_ago,
        image="triangles",
        en=StoryText(
            slug=REPORT,
            title=f"30 April {year}: letters, an exhibition and a thousand viewers",
            summary=(
                "Groups in five countries marked the Day of Solidarity with Civil Society: more than three hundred "
                "postcards, a week-long exhibition in Vilnius and an online meeting on trial monitoring."
            ),
            lead=(
                "In Kaunas and Warsaw, volunteers spent the evening writing postcards: more than three hundred of "
                "them went to places of detention in Belarus and Russia in the following days.",
                "In Vilnius, an exhibition of letters that reached prisoners — and the replies that came back — "
                "stayed open for a week. In Tbilisi and Yerevan, students held discussions on the right to "
                "assemble.",
            ),
            heading="Online, from Minsk to Berlin",
            more=(
                "More than a thousand people watched the online meeting of the Minsk Observers’ Circle, in which "
                "monitors explained how they record what happens in court and how anyone can help.",
                "The groups that took part have already agreed to meet again on 30 April next year.",
            ),
            quote=(
                "It was the first time my mother got letters from strangers. She kept every one of them.",
                "A relative of a prisoner, at the exhibition in Vilnius",
            ),
            caption="Illustration for the report on the Day of Solidarity with Civil Society.",
            topics=("political prisoners", "freedom of assembly"),
            link=("", "All stories from the network"),
        ),
        ru=StoryText(
            slug="30-aprelya-itogi-pisma-vystavka-i-tysyacha-zriteley",
            title=f"30 апреля {year} года: письма, выставка и тысяча зрителей",
            summary=(
                "Группы из пяти стран провели День солидарности с гражданским обществом: больше трёхсот открыток, "
                "недельная выставка в Вильнюсе и онлайн-встреча о наблюдении за судами."
            ),
            lead=(
                "В Каунасе и Варшаве волонтёры весь вечер писали открытки: в следующие дни больше трёхсот из них "
                "ушли в места заключения в Беларуси и России.",
                "В Вильнюсе неделю работала выставка писем, дошедших до заключённых, — и ответов на них. "
                "В Тбилиси и Ереване студенты обсуждали право на мирные собрания.",
            ),
            heading="Онлайн — от Минска до Берлина",
            more=(
                "Больше тысячи человек посмотрели онлайн-встречу Минского круга наблюдателей: наблюдатели "
                "рассказали, как они фиксируют происходящее в суде и чем может помочь каждый.",
                "Группы, которые участвовали в дне, уже договорились встретиться снова 30 апреля следующего года.",
            ),
            quote=(
                "Моя мама впервые получила письма от незнакомых людей. Она сохранила все до одного.",
                "Родственница заключённого, на выставке в Вильнюсе",
            ),
            caption="Иллюстрация к итогам Дня солидарности с гражданским обществом.",
            topics=("политзаключённые", "свобода собраний"),
            link=("", "Все материалы сети"),
        ),
    )
