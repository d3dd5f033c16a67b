"""Who takes part in the demo campaign: groups, their activities, sign-ups and the country contacts.

All invented: the groups that are not member organisations of the demo directory, the people, their
addresses (@example.org, reserved for examples) and their phone numbers, which come from the ranges
Ofcom keeps for drama (+44 20 7946 0xxx, +44 161 496 0xxx, +44 7700 900xxx): nobody's real number.
The cities and time zones are real.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from solidarity.campaigns.models import ActivityKind

LIVE, ARCHIVE = "live", "archive"
APPROVED, PENDING, DECLINED = "approved", "pending", "declined"


@dataclass(frozen=True)
class DemoGroup:
    name: str  # its key in the campaign; a member organisation's name when ``member``
    country: str
    city: str
    language: str  # the language it wrote in (and gets its emails in)
    contact: str
    description: str
    member: bool = False  # a member organisation of the demo directory, picked by its name
    website: str = ""
    status: str = APPROVED
    message: str = ""  # sent with the decision
    campaign: str = LIVE


@dataclass(frozen=True)
class DemoSignUp:
    name: str
    email: str
    people: int
    language: str
    confirm: bool = True


@dataclass(frozen=True)
class DemoActivity:
    """An activity; it starts ``day`` days after the campaign's day (negative: before it), or, with ``days_ago``,
    that many days before today (a preparatory event, over already)."""

    title: str  # its key in the campaign
    description: str
    kind: str
    language: str
    time_zone: str
    country: str
    city: str
    start: tuple[int, int]  # local hour and minute
    hours: float
    day: int = 0
    days_ago: int | None = None
    address: str = ""
    online_url: str = ""
    group: str = ""  # the organising group's name, else ``organiser``
    organiser: str = ""
    contact: str = ""
    capacity: int | None = None
    waiting_list: bool = False
    status: str = APPROVED
    sign_ups: tuple[DemoSignUp, ...] = ()
    campaign: str = LIVE


@dataclass(frozen=True)
class DemoContact:
    country: str
    name: str
    role: str
    phone: str = ""
    show_phone: bool = False
    accepts_messages: bool = True
    order: int = 0


def email_of(name: str) -> str:
    """An invented person's or group's private address, on example.org (reserved for examples)."""
    words = "".join(char if char.isascii() and char.isalnum() else " " for char in name.lower()).split()
    if not words:  # a name in Cyrillic: a volunteer's address with a number of its own
        return f"volunteer-{hashlib.sha1(name.encode()).hexdigest()[:6]}@example.org"
    return ".".join(words[:3]) + "@example.org"


GROUPS = (
    # Member organisations of the demo directory
    DemoGroup(
        "Minsk Observers’ Circle",
        "BY",
        "Vilnius",
        "ru",
        "Алеся Т.",
        "Наблюдатели за судами; в этом году проводим онлайн-встречу для всех, кто хочет помогать.",
        member=True,
    ),
    DemoGroup(
        "Volga Prisoners’ Support Circle",
        "RU",
        "Samara",
        "ru",
        "Марина Кузнецова",
        "Вечер писем политзаключённым и их семьям; адрес сообщаем тем, кто записался.",
        member=True,
    ),
    DemoGroup(
        "Left Bank Documentation Workshop",
        "UA",
        "Kharkiv",
        "uk",
        "Оксана Гнатюк",
        "Зустріч із родинами цивільних, яких утримують під вартою, і онлайн-марафон листів.",
        member=True,
    ),
    DemoGroup(
        "Steppe Monitoring Group",
        "KZ",
        "Almaty",
        "ru",
        "Айгерим Садыкова",
        "Лекция о свободе мирных собраний и разбор штрафов за одиночные пикеты.",
        member=True,
    ),
    DemoGroup(
        "Kura Valley Trial Observers",
        "GE",
        "Tbilisi",
        "en",
        "Eka Lomidze",
        "An evening of solidarity in the centre of Tbilisi, with stories from the courtroom.",
        member=True,
    ),
    DemoGroup(
        "Spree Bridge Legal Exchange",
        "DE",
        "Berlin",
        "de",
        "Lena Hoffmeister",
        "Kundgebung in Kreuzberg und ein Webinar zur Dokumentation von Festnahmen.",
        member=True,
    ),
    DemoGroup(
        "Warsaw Postcard Circle",
        "PL",
        "Warsaw",
        "en",
        "Kasia Wrona",
        "A postcard marathon: bring a pen, we bring the cards, the stamps and the addresses.",
        member=True,
    ),
    # Informal groups and organisations from outside the network
    DemoGroup(
        "Kaunas Tuesday Letters",
        "LT",
        "Kaunas",
        "ru",
        "Ирина Вайткуте",
        "Каждый вторник пишем письма политзаключённым; к 30 апреля готовим выставку ответов.",
    ),
    DemoGroup(
        "Yerevan Open Microphone",
        "AM",
        "Yerevan",
        "en",
        "Ani Sargsyan",
        "Students who read aloud, in public, the letters and last words of people on trial.",
    ),
    DemoGroup(
        "Second Row Film Club",
        "MD",
        "Chișinău",
        "ru",
        "Дорин Чобану",
        "Киноклуб: показываем документальное кино о судах и обсуждаем его после показа.",
        website="https://second-row-film-club.example.org/",
    ),
    DemoGroup(
        "Bishkek Sketchbook Collective",
        "KG",
        "Bishkek",
        "ru",
        "Бермет Асанова",
        "Художники, которые рисуют в залах суда; выставка рисунков с процессов.",
    ),
    DemoGroup(
        "Vltava Voices Choir",
        "CZ",
        "Prague",
        "en",
        "Tereza Novotná",
        "An amateur choir of people from Belarus, Ukraine and Czechia: a concert of songs of solidarity.",
    ),
    DemoGroup(
        "Leipzig Solidarity Kitchen",
        "DE",
        "Leipzig",
        "de",
        "Jonas Albrecht",
        "Wir kochen, essen und schreiben gemeinsam Briefe – offen für alle, die mitmachen wollen.",
    ),
    DemoGroup(
        "Tbilisi Students for Solidarity",
        "GE",
        "Tbilisi",
        "en",
        "Luka Chikovani",
        "A student group: a picket at the university gates and a film screening.",
    ),
    DemoGroup(
        "Riga Candle Evening",
        "LV",
        "Riga",
        "ru",
        "Ольга Берзиня",
        "Вечер свечей в центре Риги: читаем имена тех, кто находится в заключении.",
    ),
    # Waiting for the coordinator, and one declined
    DemoGroup(
        "Astana Poster Workshop",
        "KZ",
        "Astana",
        "ru",
        "Данияр Ж.",
        "Делаем плакаты к 30 апреля и хотим провести флешмоб.",
        status=PENDING,
    ),
    DemoGroup(
        "Helsinki Civic Choir",
        "FI",
        "Helsinki",
        "en",
        "Aino Virtanen",
        "We would like to sing at an open rehearsal on 30 April.",
        status=PENDING,
    ),
    DemoGroup(
        "Ural Family Consultation Point",
        "RU",
        "Yekaterinburg",
        "ru",
        "Сергей Н.",
        "Вечер поэзии для родственников задержанных.",
        member=True,
        status=PENDING,
    ),
    DemoGroup(
        "Best Deals Travel Club",
        "DE",
        "Hamburg",
        "en",
        "Max Sales",
        "Cheap flights and hotels for your trip on 30 April! Visit our website for the best deals.",
        website="https://best-deals-travel.example.org/",
        status=DECLINED,
        message="This entry advertises a business and does not take part in the day, so it is not listed.",
    ),
    # The groups of last year's day (the archive)
    DemoGroup(
        "Minsk Observers’ Circle",
        "BY",
        "Vilnius",
        "ru",
        "Алеся Т.",
        "Онлайн-встреча о наблюдении за судами.",
        member=True,
        campaign=ARCHIVE,
    ),
    DemoGroup(
        "Neman Letters Collective",
        "BY",
        "Grodno",
        "be",
        "Алесь Н.",
        "Вечар лістоў палітвязням і іх сем’ям.",
        member=True,
        campaign=ARCHIVE,
    ),
    DemoGroup(
        "Kura Valley Trial Observers",
        "GE",
        "Tbilisi",
        "en",
        "Eka Lomidze",
        "A discussion with students on the right to assemble.",
        member=True,
        campaign=ARCHIVE,
    ),
    DemoGroup(
        "Vilnius House of Exiles",
        "LT",
        "Vilnius",
        "ru",
        "Виктория Л.",
        "Выставка писем, дошедших до заключённых, и ответов на них.",
        member=True,
        campaign=ARCHIVE,
    ),
    DemoGroup(
        "Warsaw Postcard Circle",
        "PL",
        "Warsaw",
        "en",
        "Kasia Wrona",
        "An evening of postcards.",
        member=True,
        campaign=ARCHIVE,
    ),
    DemoGroup(
        "Kaunas Tuesday Letters",
        "LT",
        "Kaunas",
        "ru",
        "Ирина Вайткуте",
        "Вечер писем политзаключённым.",
        campaign=ARCHIVE,
    ),
    DemoGroup(
        "Yerevan Open Microphone",
        "AM",
        "Yerevan",
        "en",
        "Ani Sargsyan",
        "Reading aloud the last words of people on trial.",
        campaign=ARCHIVE,
    ),
)


def _people(*entries: tuple[str, int, str]) -> tuple[DemoSignUp, ...]:
    return tuple(DemoSignUp(name, email_of(name), people, language) for name, people, language in entries)


ACTIVITIES = (
    # Preparatory events in the autumn, over already
    DemoActivity(
        "Подготовительная встреча координаторов 30 апреля",
        "Обсуждаем план дня, безопасность акций в России и то, как помочь новым группам. Ссылку на встречу "
        "получат все, кто записался.",
        ActivityKind.ONLINE,
        "ru",
        "Europe/Moscow",
        "RU",
        "",
        (19, 0),
        1.5,
        days_ago=40,
        online_url="https://meet.example.org/volga-planning",
        group="Volga Prisoners’ Support Circle",
    ),
    DemoActivity(
        "Workshop: how to organise a safe picket",
        "Lawyers of the Spree Bridge Legal Exchange explain what to notify, what to bring and what to do if the "
        "police come. In English with whispered Russian translation.",
        ActivityKind.LECTURE,
        "en",
        "Europe/Berlin",
        "DE",
        "Berlin",
        (18, 30),
        2,
        days_ago=25,
        address="Nachbarschaftshaus, Oranienstraße 12",
        group="Spree Bridge Legal Exchange",
    ),
    DemoActivity(
        "Plakatwerkstatt für den 30. April",
        "Wir malen gemeinsam Plakate und Transparente für den Tag der Solidarität. Farben und Pappe sind da.",
        ActivityKind.OTHER,
        "de",
        "Europe/Berlin",
        "DE",
        "Leipzig",
        (16, 0),
        3,
        days_ago=18,
        address="Gemeinschaftsgarten Ost, Eisenbahnstraße 40",
        group="Leipzig Solidarity Kitchen",
    ),
    DemoActivity(
        "Вечер открыток: готовимся к 30 апреля",
        "Пишем первые открытки к дню солидарности и собираем адреса. Бумагу и марки приносим мы.",
        ActivityKind.LETTERS,
        "ru",
        "Europe/Vilnius",
        "LT",
        "Kaunas",
        (18, 0),
        2.5,
        days_ago=12,
        address="Кафе-библиотека на Лайсвес-аллее, 2-й этаж",
        group="Kaunas Tuesday Letters",
    ),
    DemoActivity(
        "Онлайн-лекція: звідки взявся день солідарності",
        "Розповідаємо про історію дня 30 квітня і про те, як до нього долучалися групи з України.",
        ActivityKind.ONLINE,
        "uk",
        "Europe/Kyiv",
        "UA",
        "",
        (19, 0),
        1,
        days_ago=8,
        online_url="https://video.example.org/left-bank-history",
        group="Left Bank Documentation Workshop",
    ),
    # Before and on the day
    DemoActivity(
        "Webinar: documenting detentions for international bodies",
        "How to record a detention so that it can be used by UN treaty bodies and the OSCE: what to write down, "
        "how to keep it safe, whom to send it to.",
        ActivityKind.ONLINE,
        "en",
        "Europe/Berlin",
        "DE",
        "",
        (16, 0),
        1.5,
        day=-3,
        online_url="https://meet.example.org/spree-bridge-webinar",
        group="Spree Bridge Legal Exchange",
    ),
    DemoActivity(
        "Discussion: exile and civil society",
        "Three people who had to leave their countries talk about keeping their work going from abroad. "
        "Questions from the audience welcome.",
        ActivityKind.LECTURE,
        "en",
        "Europe/Warsaw",
        "PL",
        "Warsaw",
        (18, 30),
        2,
        day=-1,
        address="Community library, ul. Nowolipki 14",
        group="Warsaw Postcard Circle",
    ),
    DemoActivity(
        "Выставка «Письма, которые дошли»",
        "Письма, которые дошли до заключённых, и ответы, которые пришли обратно. Выставка работает неделю, "
        "вход свободный.",
        ActivityKind.EXHIBITION,
        "ru",
        "Europe/Vilnius",
        "LT",
        "Kaunas",
        (10, 0),
        7 * 24 + 8,
        day=-1,
        address="Городская библиотека, зал на втором этаже",
        group="Kaunas Tuesday Letters",
    ),
    DemoActivity(
        "Evening of solidarity on Rustaveli Avenue",
        "Candles, hand-written signs and stories from the courtroom, told by the monitors who were there. "
        "Bring a candle; we bring the rest.",
        ActivityKind.STREET_ACTION,
        "en",
        "Asia/Tbilisi",
        "GE",
        "Tbilisi",
        (18, 0),
        2,
        address="Rustaveli Avenue, in front of the former parliament building",
        group="Kura Valley Trial Observers",
    ),
    DemoActivity(
        "Picket at the university gates",
        "A silent picket with the names of students detained for their views in the region.",
        ActivityKind.PICKET,
        "en",
        "Asia/Tbilisi",
        "GE",
        "Tbilisi",
        (13, 0),
        1,
        address="Main gates of the university, Chavchavadze Avenue",
        group="Tbilisi Students for Solidarity",
    ),
    DemoActivity(
        "Кинопоказ: «Второй ряд»",
        "Документальный фильм о родственниках, которые приходят на каждое заседание. После показа — разговор "
        "с авторами фильма по видеосвязи.",
        ActivityKind.SCREENING,
        "ru",
        "Asia/Tbilisi",
        "GE",
        "Tbilisi",
        (19, 30),
        2.5,
        address="Студенческий клуб, ул. Пекина, 21",
        group="Tbilisi Students for Solidarity",
        capacity=40,
    ),
    DemoActivity(
        "Лекция: свобода мирных собраний в Казахстане",
        "Юристы группы разбирают, за что штрафуют одиночных пикетчиков и как обжаловать штраф. Вход свободный, "
        "но нужно записаться: мест немного.",
        ActivityKind.LECTURE,
        "ru",
        "Asia/Almaty",
        "KZ",
        "Almaty",
        (17, 0),
        2,
        address="Коворкинг на ул. Жибек Жолы, 50",
        group="Steppe Monitoring Group",
        capacity=30,
        sign_ups=_people(("Асель", 2, "ru"), ("Тимур Б.", 1, "ru"), ("Dana K.", 3, "en")),
    ),
    DemoActivity(
        "Онлайн-марафон писем из Алматы",
        "Весь день пишем письма вместе онлайн: присылаем адреса, шаблоны и подсказки, как писать, чтобы письмо "
        "пропустили.",
        ActivityKind.ONLINE,
        "ru",
        "Asia/Almaty",
        "KZ",
        "",
        (10, 0),
        10,
        online_url="https://meet.example.org/steppe-letters",
        group="Steppe Monitoring Group",
    ),
    DemoActivity(
        "Kundgebung: Solidarität mit der Zivilgesellschaft",
        "Redebeiträge von Menschen aus Belarus, Russland und der Ukraine, Musik und eine offene Liste zum "
        "Unterschreiben des offenen Briefes.",
        ActivityKind.STREET_ACTION,
        "de",
        "Europe/Berlin",
        "DE",
        "Berlin",
        (17, 0),
        2,
        address="Oranienplatz, Berlin-Kreuzberg",
        group="Spree Bridge Legal Exchange",
    ),
    DemoActivity(
        "Solidaritätsküche: Abendessen und Briefe",
        "Wir kochen zusammen, essen zusammen und schreiben danach Briefe an politische Gefangene. Alle sind "
        "willkommen, Kochkenntnisse nicht nötig.",
        ActivityKind.LETTERS,
        "de",
        "Europe/Berlin",
        "DE",
        "Leipzig",
        (18, 0),
        3,
        day=1,
        address="Gemeinschaftsgarten Ost, Eisenbahnstraße 40",
        group="Leipzig Solidarity Kitchen",
    ),
    DemoActivity(
        "Postcard marathon",
        "Bring a pen: we bring the postcards, the stamps and the addresses, and help you write in Russian or "
        "Belarusian. The room is small, so please sign up; when it is full we keep a waiting list.",
        ActivityKind.LETTERS,
        "en",
        "Europe/Warsaw",
        "PL",
        "Warsaw",
        (12, 0),
        6,
        address="Community library, ul. Nowolipki 14",
        group="Warsaw Postcard Circle",
        capacity=20,
        waiting_list=True,
        sign_ups=(
            *_people(("Marta Z.", 6, "en"), ("Paweł", 4, "en"), ("Вольга С.", 5, "be"), ("Hanna", 5, "en")),
            *_people(("Yuliya D.", 2, "ru"), ("Tomasz", 1, "en")),  # the room is full: on the waiting list
            DemoSignUp("Kuba", email_of("Kuba"), 1, "en", confirm=False),  # has not opened the link yet
        ),
    ),
    DemoActivity(
        "Онлайн-встреча: как наблюдать за судами",
        "Наблюдатели рассказывают, как фиксировать происходящее на открытых заседаниях, и как помочь тем, кто "
        "не может прийти в суд сам.",
        ActivityKind.ONLINE,
        "ru",
        "Europe/Minsk",
        "BY",
        "",
        (19, 0),
        1.5,
        online_url="https://video.example.org/minsk-observers-2",
        group="Minsk Observers’ Circle",
    ),
    DemoActivity(
        "Open microphone: read a letter aloud",
        "Anyone may come to the microphone and read a letter from or to a prisoner, or a last word spoken in "
        "court. In Armenian, Russian and English.",
        ActivityKind.OTHER,
        "en",
        "Asia/Yerevan",
        "AM",
        "Yerevan",
        (18, 0),
        2,
        address="Northern Avenue, near the fountain",
        group="Yerevan Open Microphone",
    ),
    DemoActivity(
        "Показ документального фильма «Второй ряд»",
        "Показ фильма и обсуждение с юристами из Кишинёва. Фильм на русском языке с румынскими субтитрами.",
        ActivityKind.SCREENING,
        "ru",
        "Europe/Chisinau",
        "MD",
        "Chișinău",
        (18, 30),
        2.5,
        address="Кинозал в центре города, ул. Пушкина, 31",
        group="Second Row Film Club",
        capacity=60,
    ),
    DemoActivity(
        "Выставка рисунков из зала суда",
        "Рисунки, сделанные художниками на открытых процессах за последние три года. Выставка открыта весь день.",
        ActivityKind.EXHIBITION,
        "ru",
        "Asia/Bishkek",
        "KG",
        "Bishkek",
        (11, 0),
        8,
        address="Галерея во дворе на ул. Токтогула, 98",
        group="Bishkek Sketchbook Collective",
    ),
    DemoActivity(
        "Онлайн-дискуссия о свободе объединений",
        "Как работать группе, которую не хотят регистрировать: опыт Кыргызстана, Казахстана и Беларуси.",
        ActivityKind.ONLINE,
        "ru",
        "Asia/Bishkek",
        "KG",
        "",
        (18, 0),
        1.5,
        day=1,
        online_url="https://meet.example.org/ala-too-discussion",
        group="Bishkek Sketchbook Collective",
    ),
    DemoActivity(
        "Concert: songs of solidarity",
        "An amateur choir sings songs in Belarusian, Ukrainian, Czech and Russian. Entry free, donations go to "
        "parcels for prisoners.",
        ActivityKind.CONCERT,
        "en",
        "Europe/Prague",
        "CZ",
        "Prague",
        (19, 0),
        1.5,
        address="Church hall, Vinohradská 60",
        group="Vltava Voices Choir",
        capacity=120,
    ),
    DemoActivity(
        "Вечер свечей у Памятника Свободы",
        "Зажигаем свечи и читаем имена тех, кто находится в заключении за свои слова и свою работу.",
        ActivityKind.STREET_ACTION,
        "ru",
        "Europe/Riga",
        "LV",
        "Riga",
        (20, 0),
        1,
        address="Площадь у Памятника Свободы",
        group="Riga Candle Evening",
    ),
    DemoActivity(
        "Зустріч із родинами цивільних, утримуваних під вартою",
        "Родини розповідають про своїх близьких, юристи — про те, як шукати інформацію і куди звертатися.",
        ActivityKind.LECTURE,
        "uk",
        "Europe/Kyiv",
        "UA",
        "Kharkiv",
        (15, 0),
        2,
        address="Укриття громадського центру, адресу надішлемо після реєстрації",
        group="Left Bank Documentation Workshop",
    ),
    DemoActivity(
        "Онлайн-марафон листів",
        "Пишемо листи цивільним, яких утримують під вартою, і їхнім родинам. Підключайтеся будь-коли протягом дня.",
        ActivityKind.ONLINE,
        "uk",
        "Europe/Kyiv",
        "UA",
        "",
        (10, 0),
        10,
        online_url="https://video.example.org/left-bank-letters",
        group="Left Bank Documentation Workshop",
    ),
    DemoActivity(
        "Вечер писем политзаключённым",
        "Пишем письма и открытки. Адрес сообщим тем, кто записался; мест мало, поэтому запись обязательна.",
        ActivityKind.LETTERS,
        "ru",
        "Europe/Samara",
        "RU",
        "Samara",
        (18, 0),
        3,
        address="Адрес сообщим после записи",
        group="Volga Prisoners’ Support Circle",
        capacity=12,
        sign_ups=_people(("Наталья", 2, "ru"), ("Игорь П.", 1, "ru"), ("Лиза", 3, "ru"), ("Костя", 2, "ru")),
    ),
    DemoActivity(
        "Онлайн-чтения: последние слова подсудимых",
        "Читаем вслух последние слова людей, осуждённых за свои взгляды. Прочитать может каждый: напишите нам заранее.",
        ActivityKind.ONLINE,
        "ru",
        "Europe/Moscow",
        "RU",
        "",
        (20, 0),
        2,
        online_url="https://video.example.org/loud-reading",
        organiser="Инициатива «Громкое чтение»",
        contact="Громкое чтение",
    ),
    DemoActivity(
        "Вечар лістоў з Гародні",
        "Пішам лісты і паштоўкі палітвязням разам, анлайн. Спасылку на сустрэчу атрымаюць усе, хто запісаўся.",
        ActivityKind.LETTERS,
        "be",
        "Europe/Minsk",
        "BY",
        "",
        (19, 0),
        2,
        online_url="https://meet.example.org/neman-letters",
        organiser="Neman Letters Collective",
        contact="Алесь Н.",
    ),
    # Waiting for approval
    DemoActivity(
        "Флешмоб с плакатами",
        "Фотографируемся с плакатами в поддержку гражданского общества и публикуем снимки в один час.",
        ActivityKind.STREET_ACTION,
        "ru",
        "Asia/Almaty",
        "KZ",
        "Astana",
        (12, 0),
        1,
        organiser="Astana Poster Workshop",
        contact="Данияр Ж.",
        status=PENDING,
    ),
    DemoActivity(
        "Open choir rehearsal",
        "An open rehearsal of songs of solidarity: anyone may join in.",
        ActivityKind.CONCERT,
        "en",
        "Europe/Helsinki",
        "FI",
        "Helsinki",
        (17, 0),
        2,
        address="Community hall, Kallio",
        organiser="Helsinki Civic Choir",
        contact="Aino Virtanen",
        status=PENDING,
    ),
    DemoActivity(
        "Вечер поэзии для родственников задержанных",
        "Читаем стихи, которые пишут в заключении, и стихи тех, кто ждёт.",
        ActivityKind.OTHER,
        "ru",
        "Asia/Yekaterinburg",
        "RU",
        "Yekaterinburg",
        (19, 0),
        2,
        address="Адрес сообщим после записи",
        organiser="Ural Family Consultation Point",
        contact="Сергей Н.",
        status=PENDING,
    ),
    DemoActivity(
        "Lesung: Briefe aus dem Gefängnis",
        "Schauspielerinnen lesen Briefe politischer Gefangener, anschließend Gespräch.",
        ActivityKind.LECTURE,
        "de",
        "Europe/Berlin",
        "DE",
        "Hamburg",
        (19, 30),
        2,
        address="Stadtteilbibliothek Altona",
        organiser="Lesekreis Altona",
        contact="Frieda Lange",
        status=PENDING,
    ),
    # Last year's day (the archive): every activity over
    DemoActivity(
        "Онлайн-встреча о наблюдении за судами",
        "Наблюдатели рассказали, как фиксируют происходящее в суде и чем может помочь каждый.",
        ActivityKind.ONLINE,
        "ru",
        "Europe/Minsk",
        "BY",
        "",
        (19, 0),
        1.5,
        online_url="https://video.example.org/minsk-observers-1",
        group="Minsk Observers’ Circle",
        campaign=ARCHIVE,
    ),
    DemoActivity(
        "Вечар лістоў палітвязням",
        "Пісалі лісты і паштоўкі палітвязням і іх сем’ям.",
        ActivityKind.LETTERS,
        "be",
        "Europe/Minsk",
        "BY",
        "",
        (18, 0),
        2,
        online_url="https://meet.example.org/neman-letters-2026",
        group="Neman Letters Collective",
        campaign=ARCHIVE,
    ),
    DemoActivity(
        "Discussion: the right to assemble",
        "Students and trial monitors on what the right to peaceful assembly means in practice.",
        ActivityKind.LECTURE,
        "en",
        "Asia/Tbilisi",
        "GE",
        "Tbilisi",
        (18, 0),
        2,
        address="University library, reading room 3",
        group="Kura Valley Trial Observers",
        campaign=ARCHIVE,
    ),
    DemoActivity(
        "Выставка писем и ответов",
        "Письма, дошедшие до заключённых, и ответы на них. Выставка работала неделю.",
        ActivityKind.EXHIBITION,
        "ru",
        "Europe/Vilnius",
        "LT",
        "Vilnius",
        (11, 0),
        6 * 24 + 7,
        day=-1,
        address="Дом изгнанников, ул. Пилес, 8",
        group="Vilnius House of Exiles",
        campaign=ARCHIVE,
    ),
    DemoActivity(
        "Вечер писем в Каунасе",
        "Писали открытки политзаключённым в Беларуси и России.",
        ActivityKind.LETTERS,
        "ru",
        "Europe/Vilnius",
        "LT",
        "Kaunas",
        (18, 0),
        3,
        address="Кафе-библиотека на Лайсвес-аллее",
        group="Kaunas Tuesday Letters",
        campaign=ARCHIVE,
    ),
    DemoActivity(
        "An evening of postcards",
        "Postcards, stamps and addresses for everyone who came.",
        ActivityKind.LETTERS,
        "en",
        "Europe/Warsaw",
        "PL",
        "Warsaw",
        (17, 0),
        4,
        address="Community library, ul. Nowolipki 14",
        group="Warsaw Postcard Circle",
        campaign=ARCHIVE,
    ),
    DemoActivity(
        "Reading aloud: last words from the courtroom",
        "Students read the last words of people on trial in the region.",
        ActivityKind.OTHER,
        "en",
        "Asia/Yerevan",
        "AM",
        "Yerevan",
        (18, 0),
        1.5,
        address="Northern Avenue",
        group="Yerevan Open Microphone",
        campaign=ARCHIVE,
    ),
)

CONTACTS = (
    DemoContact(
        "GE", "Eka Lomidze", "Coordinator for Georgia", "+44 20 7946 0321", show_phone=True, accepts_messages=True
    ),
    DemoContact("GE", "Levan Kobakhidze", "Volunteer contact in Kutaisi", order=1),
    DemoContact("KZ", "Aigerim Sadykova", "Coordinator for Kazakhstan", "+44 161 496 0458", accepts_messages=True),
    DemoContact(
        "BY",
        "Hanna Zhuk",
        "Coordinator for Belarus (works from Vilnius)",
        "+44 7700 900512",
        show_phone=True,
        accepts_messages=False,
    ),
    DemoContact("BY", "Ales Marchuk", "Safety questions for groups in Belarus", order=1),
)
