"""The demo's words: invented stories, statements, calls and reports in English and Russian.

Organisations and people are invented (the places are real). `demo.py` turns this into pages,
images and PDFs; keep the content here and the making there.
"""

from __future__ import annotations

from dataclasses import dataclass

from solidarity.stories.models import StoryKind

# The public call that the home pages show as the current campaign.
HIGHLIGHT_STORY = "international-day-of-solidarity-with-political-prisoners"

# ---------------------------------------------------------------------------------------------
# What the content is made of
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class ReportFile:
    """The PDF of a report; its title is also the document's title in the library (its key)."""

    title: str
    subtitle: str
    organisation: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class StoryText:
    """A story in one language.

    ``link`` is (target, text): the target is "" for the story index of the language, an
    ``https://`` address, or the English slug of another demo story (its translation is used).
    """

    slug: str
    title: str
    summary: str
    lead: tuple[str, ...]
    heading: str
    more: tuple[str, ...]
    quote: tuple[str, str]
    caption: str
    topics: tuple[str, ...]
    link: tuple[str, str]
    report: ReportFile | None = None


@dataclass(frozen=True)
class CallUpdate:
    """What happened with a call since (a "handed over to … on …"), in English and Russian."""

    days_ago: int
    en: str
    ru: str


@dataclass(frozen=True)
class DemoCall:
    """What makes a story a public call (``calls.PublicCallPage``): to whom, when, its goal and its signers.

    ``closes_in_days`` is negative for a call that closed that many days ago (None: open until changed);
    ``stories`` are the English slugs of the stories it belongs to; ``signers`` how many invented people
    sign it (``demo/calls.py`` adds a few organisations: checked ones and one waiting for the check).
    """

    addressed_to: dict[str, str]
    opens_days_ago: int
    closes_in_days: int | None = None
    goal: int | None = None
    updates: tuple[CallUpdate, ...] = ()
    stories: tuple[str, ...] = ()
    signers: int = 0
    countries: tuple[str, ...] = ("BY", "RU", "UA", "GE", "KZ", "DE", "PL", "LT", "MD", "AM")


@dataclass(frozen=True)
class DemoStory:
    """One story: English, with a Russian translation, or Russian only; a public call when it has ``call``."""

    kind: str
    countries: tuple[str, ...]
    days_ago: int
    image: str
    en: StoryText | None = None
    ru: StoryText | None = None
    call: DemoCall | None = None


# ---------------------------------------------------------------------------------------------
# The content. Organisations and people are invented; a story links only to stories above it.
# ---------------------------------------------------------------------------------------------

UDHR_EN = "https://www.un.org/en/about-us/universal-declaration-of-human-rights"
UDHR_RU = "https://www.un.org/ru/about-us/universal-declaration-of-human-rights"
CAT_EN = "https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-against-torture-and-other-cruel-inhuman-or-degrading"
CAT_RU = "https://www.ohchr.org/ru/instruments-mechanisms/instruments/convention-against-torture-and-other-cruel-inhuman-or-degrading"

BELARUS_REPORT_EN = ReportFile(
    title="Behind the glass: trials of protesters in Belarus",
    subtitle="A monitoring report on 87 criminal trials",
    organisation="Minsk Observers’ Circle, with the Solidarity network",
    sections=(
        Section(
            "Summary",
            (
                "Over eight months, monitors working with the Minsk Observers’ Circle followed 87 criminal trials "
                "in Belarus of people prosecuted for peaceful protest, for comments on social media or for small "
                "donations to funds that the authorities call ‘extremist’. This report sets out what they saw and "
                "what defendants, relatives and lawyers told them.",
                "The trials share a common pattern: hearings closed to the public, defendants kept in cages, "
                "verdicts that repeat the indictment, and lawyers who risk their licence if they speak. Not one of "
                "the 87 trials ended in an acquittal. Sentences ranged from two to eleven years.",
            ),
        ),
        Section(
            "How we monitored",
            (
                "Monitors attended open hearings in person where this was safe. Where hearings were closed, or "
                "where attending would have put monitors at risk, they relied on structured interviews with "
                "relatives, lawyers and released defendants, conducted by secure means.",
                "Each trial was assessed against the same 24 questions, based on article 14 of the International "
                "Covenant on Civil and Political Rights. Names and identifying details have been removed from this "
                "report to protect the people concerned.",
            ),
        ),
        Section(
            "Closed hearings",
            (
                "In 52 of the 87 trials, the court closed the hearing to the public for all or most of its "
                "duration, usually citing the protection of ‘state secrets’ or the ‘safety of participants’. "
                "Relatives were often told the date only after the hearing had taken place.",
            ),
        ),
        Section(
            "Defendants in cages",
            (
                "In 71 trials, defendants were held in a glass or metal cage throughout. Several told their "
                "lawyers that they could not hear the witnesses clearly, and could not speak to their lawyer in "
                "confidence during the hearing.",
            ),
        ),
        Section(
            "Verdicts copied from indictments",
            (
                "In 64 trials, the verdict repeated the indictment almost word for word, down to its spelling "
                "mistakes. The arguments of the defence were mentioned in a single sentence or not at all.",
            ),
        ),
        Section(
            "Pressure on lawyers",
            (
                "At least five lawyers involved in the monitored cases lost their licence during the period. "
                "Lawyers described being warned by bar officials not to ‘discuss cases with the media’, and being "
                "searched when they entered detention centres to see their clients.",
            ),
        ),
        Section(
            "Recommendations",
            (
                "To the authorities of Belarus: release everyone imprisoned for the peaceful exercise of their "
                "rights; hold trials in public; stop placing defendants in cages; restore the independence of the bar.",
                "To other governments: press for releases through every diplomatic channel; do not extradite "
                "people sought by Belarus for their political activity; support lawyers and monitors in exile.",
                "To international bodies: keep documenting trials, and keep asking for access to the courts and "
                "places of detention.",
            ),
        ),
    ),
)

BELARUS_REPORT_RU = ReportFile(
    title="За стеклом: суды над участниками протестов в Беларуси",
    subtitle="Доклад о мониторинге 87 уголовных процессов",
    organisation="«Минский круг наблюдателей» при участии сети «Солидарность»",
    sections=(
        Section(
            "Краткое изложение",
            (
                "В течение восьми месяцев наблюдатели, сотрудничающие с «Минским кругом наблюдателей», следили за "
                "87 уголовными процессами в Беларуси над людьми, которых преследуют за мирный протест, комментарии "
                "в социальных сетях или небольшие пожертвования в фонды, признанные властями «экстремистскими». "
                "В докладе описано, что они увидели и что им рассказали подсудимые, родственники и адвокаты.",
                "У этих процессов общие черты: закрытые заседания, подсудимые в клетках, приговоры, повторяющие "
                "обвинительное заключение, и адвокаты, которые рискуют лицензией, если говорят публично. Ни один из "
                "87 процессов не закончился оправданием. Сроки составили от двух до одиннадцати лет.",
            ),
        ),
        Section(
            "Как мы проводили мониторинг",
            (
                "Там, где это было безопасно, наблюдатели присутствовали на открытых заседаниях лично. Если "
                "заседание было закрытым или присутствие подвергало наблюдателей риску, они проводили "
                "структурированные интервью с родственниками, адвокатами и освобождёнными подсудимыми по "
                "защищённым каналам связи.",
                "Каждый процесс оценивался по одним и тем же 24 вопросам, основанным на статье 14 Международного "
                "пакта о гражданских и политических правах. Имена и другие сведения, позволяющие установить "
                "личность, из доклада удалены, чтобы защитить упомянутых в нём людей.",
            ),
        ),
        Section(
            "Закрытые заседания",
            (
                "В 52 из 87 процессов суд закрыл заседание для публики полностью или почти полностью — как "
                "правило, ссылаясь на защиту «государственной тайны» или «безопасность участников процесса». "
                "Родственники часто узнавали дату заседания уже после того, как оно прошло.",
            ),
        ),
        Section(
            "Подсудимые в клетках",
            (
                "В 71 процессе подсудимые всё время находились в стеклянной или металлической клетке. Некоторые "
                "рассказывали адвокатам, что плохо слышали свидетелей и не могли конфиденциально поговорить с "
                "защитником во время заседания.",
            ),
        ),
        Section(
            "Приговоры, списанные с обвинения",
            (
                "В 64 процессах текст приговора почти дословно, вплоть до орфографических ошибок, повторял "
                "обвинительное заключение. Доводы защиты упоминались одной фразой или не упоминались вовсе.",
            ),
        ),
        Section(
            "Давление на адвокатов",
            (
                "Как минимум пятеро адвокатов, участвовавших в наблюдаемых делах, за этот период лишились "
                "лицензии. Адвокаты рассказывали, что руководство коллегии предупреждало их не «обсуждать дела "
                "со СМИ», а при входе в СИЗО к подзащитным их обыскивали.",
            ),
        ),
        Section(
            "Рекомендации",
            (
                "Властям Беларуси: освободить всех, кто находится в заключении за мирное осуществление своих прав; "
                "проводить процессы открыто; прекратить содержать подсудимых в клетках; восстановить "
                "независимость адвокатуры.",
                "Правительствам других стран: добиваться освобождений по всем дипломатическим каналам; не выдавать "
                "людей, которых Беларусь преследует за политическую деятельность; поддерживать адвокатов и "
                "наблюдателей в эмиграции.",
                "Международным органам: продолжать документировать судебные процессы и добиваться доступа в суды "
                "и места лишения свободы.",
            ),
        ),
    ),
)

KAZAKHSTAN_REPORT_EN = ReportFile(
    title="Locked in waiting: conditions in pre-trial detention in Kazakhstan",
    subtitle="Findings from 40 monitoring visits in six regions",
    organisation="Steppe Monitoring Group, with the Solidarity network",
    sections=(
        Section(
            "Summary",
            (
                "This report presents the findings of 40 visits to temporary holding facilities and pre-trial "
                "detention centres in six regions of Kazakhstan, carried out between October and April by members "
                "of the Steppe Monitoring Group within the national preventive mechanism against torture.",
                "Conditions have improved where new facilities have been built. But older buildings still hold "
                "people in overcrowded, damp cells without daylight, and in 17 of the facilities visited, detainees "
                "described beatings during arrest or in the first hours of police custody.",
            ),
        ),
        Section(
            "How the visits were made",
            (
                "Teams of three to five people, always including a doctor, made unannounced visits. They inspected "
                "cells, registers and medical records, and interviewed detainees in private. Every allegation was "
                "recorded with the detainee’s consent and, where there were visible injuries, photographed.",
            ),
        ),
        Section(
            "Material conditions",
            (
                "In 14 facilities, cells had no natural light or working ventilation. In nine, detainees had no "
                "daily exercise in the open air. Several facilities had no separate cells for women or for minors.",
            ),
        ),
        Section(
            "Allegations of ill-treatment",
            (
                "Monitors recorded 63 allegations of beatings, threats or other ill-treatment. Almost all concerned "
                "the first hours after arrest, before the detainee had been formally registered or had seen a lawyer.",
            ),
        ),
        Section(
            "Medical care",
            (
                "Medical examinations on admission were often carried out with police officers present, and "
                "injuries were recorded without noting how the detainee said they had been caused.",
            ),
        ),
        Section(
            "Recommendations",
            (
                "Record on video every interrogation, and every room where detainees are held in police custody.",
                "Guarantee an examination by an independent doctor within 24 hours of arrest, without police present.",
                "Register every detainee from the moment of actual arrest, and give them a lawyer from that moment.",
                "Close or rebuild cells without daylight and ventilation.",
            ),
        ),
    ),
)

KAZAKHSTAN_REPORT_RU = ReportFile(
    title="Взаперти в ожидании: условия содержания под стражей в Казахстане",
    subtitle="Итоги 40 мониторинговых посещений в шести регионах",
    organisation="«Степная мониторинговая группа» при участии сети «Солидарность»",
    sections=(
        Section(
            "Краткое изложение",
            (
                "В докладе представлены итоги 40 посещений изоляторов временного содержания и следственных "
                "изоляторов в шести регионах Казахстана. Посещения с октября по апрель провели участники "
                "«Степной мониторинговой группы» в составе национального превентивного механизма против пыток.",
                "Там, где построены новые учреждения, условия улучшились. Но в старых зданиях людей по-прежнему "
                "держат в переполненных сырых камерах без дневного света, а в 17 из посещённых учреждений "
                "задержанные рассказали о побоях при задержании или в первые часы в полиции.",
            ),
        ),
        Section(
            "Как проводились посещения",
            (
                "Группы из трёх–пяти человек, в каждую из которых входил врач, приезжали без предупреждения. Они "
                "осматривали камеры, журналы и медицинские документы и беседовали с задержанными наедине. Каждая "
                "жалоба записывалась с согласия задержанного, а видимые телесные повреждения фотографировались.",
            ),
        ),
        Section(
            "Условия содержания",
            (
                "В 14 учреждениях в камерах не было естественного освещения или работающей вентиляции. В девяти "
                "задержанных не выводили на ежедневную прогулку. В нескольких учреждениях не было отдельных камер "
                "для женщин и несовершеннолетних.",
            ),
        ),
        Section(
            "Жалобы на жестокое обращение",
            (
                "Наблюдатели зафиксировали 63 жалобы на побои, угрозы и другое жестокое обращение. Почти все они "
                "касались первых часов после задержания — до официального оформления и встречи с адвокатом.",
            ),
        ),
        Section(
            "Медицинская помощь",
            (
                "Медицинский осмотр при поступлении часто проводился в присутствии сотрудников полиции, а "
                "телесные повреждения записывались без указания того, как, по словам задержанного, они появились.",
            ),
        ),
        Section(
            "Рекомендации",
            (
                "Вести видеозапись каждого допроса и во всех помещениях, где задержанные находятся в полиции.",
                "Гарантировать осмотр независимым врачом в течение 24 часов после задержания, без сотрудников полиции.",
                "Регистрировать задержанного с момента фактического задержания и с этого же момента предоставлять "
                "ему адвоката.",
                "Закрыть или перестроить камеры без дневного света и вентиляции.",
            ),
        ),
    ),
)

MEDIA_REPORT_EN = ReportFile(
    title="Newsrooms under pressure: media freedom in Azerbaijan and Armenia",
    subtitle="A comparative study based on 60 interviews with journalists",
    organisation="Caspian Rights Monitor and Ararat Civic Defence Network",
    sections=(
        Section(
            "Summary",
            (
                "Based on 60 interviews with journalists, editors and media lawyers, this report compares the "
                "pressure on independent media in two neighbouring countries whose paths have diverged.",
                "In Azerbaijan, criminal prosecution is the main threat: journalists of several independent outlets "
                "are in detention on charges such as smuggling or tax evasion. In Armenia, journalists are rarely "
                "detained, but face defamation lawsuits with high damages and organised harassment online, which "
                "falls hardest on women reporters.",
            ),
        ),
        Section(
            "How we worked",
            (
                "Researchers of both organisations used the same questionnaire in both countries and interviewed "
                "people in person or through secure messaging. Everyone interviewed is quoted anonymously.",
            ),
        ),
        Section(
            "Criminal cases against newsrooms",
            (
                "All the detained Azerbaijani journalists we know of worked for outlets that had published "
                "investigations into corruption. Searches of their offices followed such publications within weeks.",
            ),
        ),
        Section(
            "Lawsuits and online harassment",
            (
                "Armenian interviewees described defamation claims for sums far beyond a small newsroom’s annual "
                "budget, and coordinated waves of abusive comments after critical reports. Eleven of the fourteen "
                "women reporters we interviewed had received threats of sexual violence.",
            ),
        ),
        Section(
            "Self-censorship",
            (
                "In both countries, interviewees named self-censorship as the most lasting effect: topics ‘not "
                "worth the trouble’, sources who no longer call back, colleagues who have left the profession.",
            ),
        ),
        Section(
            "Recommendations",
            (
                "To the authorities of Azerbaijan: release all detained journalists and media workers, drop the "
                "charges against them, and lift travel bans on those already released.",
                "To the authorities of Armenia: cap damages in defamation cases, introduce protection against "
                "abusive lawsuits, and investigate threats against journalists promptly.",
            ),
        ),
    ),
)

UKRAINE_REPORT_EN = ReportFile(
    title="Held without charge: civilians detained in the occupied territories of Ukraine",
    subtitle="A report based on 112 testimonies",
    organisation="Left Bank Documentation Workshop and partner groups of the Solidarity network",
    sections=(
        Section(
            "Summary",
            (
                "This report brings together 112 testimonies of civilians who were detained in the occupied parts "
                "of the Kharkiv, Kherson and Zaporizhzhia regions and later released, and of relatives of people "
                "who are still missing.",
                "Former detainees describe being held in basements, police stations and improvised facilities, "
                "often for weeks, without being told why. At least 23 of the people described in the testimonies "
                "were transferred to pre-trial prisons in Russia.",
            ),
        ),
        Section(
            "How the testimonies were recorded",
            (
                "Trained lawyers recorded each testimony with the informed consent of the person giving it, using a "
                "common protocol based on international standards for documenting serious violations. Where "
                "possible, accounts were checked against other testimonies, photographs and documents.",
            ),
        ),
        Section(
            "Treatment during interrogation",
            (
                "Most former detainees report beatings during interrogation; many describe electric shocks, mock "
                "executions and threats against their families. Questions focused on relatives serving in the "
                "army, contacts with local authorities and messages on their phones.",
            ),
        ),
        Section(
            "Families without answers",
            (
                "For relatives, the heaviest burden is uncertainty. Requests for information go unanswered for "
                "months, and families often learn where a person is held only from someone released from the "
                "same place.",
            ),
        ),
        Section(
            "Recommendations",
            (
                "Disclose the whereabouts of every civilian detainee, release those held without charge, and give "
                "independent monitors access to all places of detention.",
                "Support the families of the missing, register every disappearance, and preserve evidence for "
                "future prosecutions.",
            ),
        ),
    ),
)

REPORTS = (
    DemoStory(
        kind=StoryKind.REPORT,
        countries=("BY",),
        days_ago=62,
        image="arcs",
        en=StoryText(
            slug="behind-the-glass-trials-of-protesters-in-belarus",
            title="Behind the glass: trials of protesters in Belarus",
            summary=(
                "Our monitors followed 87 trials held behind closed doors or with the defendant in a cage. The "
                "report documents verdicts copied from indictments, pressure on lawyers and punishment for "
                "‘extremist’ donations."
            ),
            lead=(
                "Over eight months, monitors working with the Minsk Observers’ Circle followed 87 criminal trials of "
                "people prosecuted for taking part in protests, for comments online or for small donations to funds "
                "that the authorities label ‘extremist’. Many followed the hearings from abroad, through relatives "
                "and lawyers, because closed hearings have become the rule.",
                "In 71 of the trials, the defendants were held in a glass or metal cage throughout the hearing. In "
                "64, the verdict repeated the indictment almost word for word. Nobody was acquitted.",
            ),
            heading="Lawyers under pressure",
            more=(
                "Defence lawyers who speak publicly about their clients’ cases risk losing their licence. At least "
                "five lawyers involved in the monitored cases were disbarred during the period, and several others "
                "asked us not to mention that they had talked to us.",
            ),
            quote=(
                "The verdict was read in eleven minutes. The prosecutor had needed forty minutes for the indictment, "
                "and the judge’s text was the same, only shorter.",
                "A relative of a defendant in Grodno",
            ),
            caption="Closed hearings leave families outside the courtroom door.",
            topics=("fair trial", "political prisoners", "freedom of assembly"),
            link=(UDHR_EN, "The Universal Declaration of Human Rights, article 10: a fair and public hearing"),
            report=BELARUS_REPORT_EN,
        ),
        ru=StoryText(
            slug="za-steklom-sudy-nad-uchastnikami-protestov-v-belarusi",
            title="За стеклом: суды над участниками протестов в Беларуси",
            summary=(
                "Наблюдатели следили за 87 процессами, которые шли за закрытыми дверями или с подсудимым в клетке. "
                "В докладе — приговоры, списанные с обвинительного заключения, давление на адвокатов и наказания "
                "за «экстремистские» пожертвования."
            ),
            lead=(
                "В течение восьми месяцев наблюдатели, сотрудничающие с «Минским кругом наблюдателей», следили за "
                "87 уголовными процессами над людьми, которых преследуют за участие в протестах, комментарии в "
                "интернете или небольшие пожертвования в фонды, признанные властями «экстремистскими». Многим "
                "приходилось следить за заседаниями из-за границы — через родственников и адвокатов, потому что "
                "закрытые процессы стали нормой.",
                "В 71 процессе подсудимые всё заседание находились в стеклянной или металлической клетке. В 64 "
                "случаях приговор почти дословно повторял обвинительное заключение. Оправдательных приговоров не было.",
            ),
            heading="Адвокаты под давлением",
            more=(
                "Адвокаты, которые публично рассказывают о делах своих подзащитных, рискуют лишиться лицензии. За "
                "этот период как минимум пятеро адвокатов, участвовавших в наблюдаемых делах, были лишены права "
                "практиковать, а ещё несколько попросили не упоминать, что разговаривали с нами.",
            ),
            quote=(
                "Приговор зачитали за одиннадцать минут. Прокурору на обвинение понадобилось сорок, а текст судьи "
                "был тем же самым, только короче.",
                "Родственница подсудимого, Гродно",
            ),
            caption="На закрытые заседания родственников не пускают.",
            topics=("справедливый суд", "политзаключённые", "свобода собраний"),
            link=(
                UDHR_RU,
                "Всеобщая декларация прав человека, статья 10: право на справедливое и публичное разбирательство",
            ),
            report=BELARUS_REPORT_RU,
        ),
    ),
    DemoStory(
        kind=StoryKind.REPORT,
        countries=("KZ",),
        days_ago=76,
        image="triangles",
        en=StoryText(
            slug="locked-in-waiting-pre-trial-detention-in-kazakhstan",
            title="Locked in waiting: conditions in pre-trial detention in Kazakhstan",
            summary=(
                "Findings from 40 visits to temporary holding facilities and pre-trial prisons in six regions, "
                "carried out by members of the national preventive mechanism against torture."
            ),
            lead=(
                "Between October and April, members of the Steppe Monitoring Group took part in 40 visits to "
                "temporary holding facilities and pre-trial detention centres in six regions of Kazakhstan, as "
                "members of the national preventive mechanism against torture.",
                "The visiting teams found that conditions have improved in newly built facilities, but that in "
                "older buildings people are still held in overcrowded cells without daylight or ventilation, "
                "sometimes for months. In 17 facilities, detainees told monitors of beatings during arrest or in "
                "the first hours of police custody.",
            ),
            heading="The first hours are the most dangerous",
            more=(
                "Most allegations concerned the time before a detainee is formally registered and sees a lawyer. "
                "The report recommends video recording in every room where detainees are questioned, and an "
                "examination by an independent doctor within 24 hours of arrest.",
            ),
            quote=(
                "A detainee told us: ‘They only stopped when I signed.’ He showed us the marks. The facility’s "
                "register showed nothing.",
                "A member of one of the visiting teams",
            ),
            caption="Visits are unannounced and include private interviews with detainees.",
            topics=("torture prevention",),
            link=(CAT_EN, "The UN Convention against Torture"),
            report=KAZAKHSTAN_REPORT_EN,
        ),
        ru=StoryText(
            slug="vzaperti-v-ozhidanii-usloviya-soderzhaniya-v-kazakhstane",
            title="Взаперти в ожидании: условия содержания под стражей в Казахстане",
            summary=(
                "Итоги 40 посещений изоляторов временного содержания и следственных изоляторов в шести регионах, "
                "проведённых участниками национального превентивного механизма против пыток."
            ),
            lead=(
                "С октября по апрель участники «Степной мониторинговой группы» в составе национального "
                "превентивного механизма против пыток провели 40 посещений изоляторов временного содержания и "
                "следственных изоляторов в шести регионах Казахстана.",
                "Мониторинговые группы обнаружили, что в новых учреждениях условия улучшились, но в старых зданиях "
                "людей по-прежнему держат в переполненных камерах без дневного света и вентиляции — иногда "
                "месяцами. В 17 учреждениях задержанные рассказали о побоях при задержании или в первые часы в "
                "полиции.",
            ),
            heading="Самые опасные — первые часы",
            more=(
                "Большинство жалоб касается времени до того, как задержанного официально оформили и он встретился с "
                "адвокатом. Авторы доклада рекомендуют вести видеозапись во всех помещениях, где допрашивают "
                "задержанных, и обеспечить осмотр независимым врачом в течение 24 часов после задержания.",
            ),
            quote=(
                "Задержанный сказал нам: «Они остановились, только когда я подписал». Он показал следы. В журнале "
                "учреждения ничего записано не было.",
                "Участник одной из мониторинговых групп",
            ),
            caption="Посещения проходят без предупреждения, с задержанными беседуют наедине.",
            topics=("предотвращение пыток",),
            link=(CAT_RU, "Конвенция ООН против пыток"),
            report=KAZAKHSTAN_REPORT_RU,
        ),
    ),
    DemoStory(
        kind=StoryKind.REPORT,
        countries=("AZ", "AM"),
        days_ago=101,
        image="circles",
        en=StoryText(
            slug="newsrooms-under-pressure-azerbaijan-and-armenia",
            title="Newsrooms under pressure: media freedom in Azerbaijan and Armenia",
            summary=(
                "A comparative study based on 60 interviews with journalists: criminal prosecutions in one country, "
                "lawsuits and online harassment in the other."
            ),
            lead=(
                "This report compares the situation of independent journalists in two neighbouring countries whose "
                "paths have diverged. It is based on 60 interviews with reporters, editors and media lawyers "
                "conducted by the Caspian Rights Monitor and the Ararat Civic Defence Network.",
                "In Azerbaijan, the main threat is criminal prosecution: journalists of several independent outlets "
                "are in detention on charges of smuggling or tax evasion. In Armenia, journalists are rarely "
                "detained, but face defamation lawsuits with large damages and organised harassment online, "
                "particularly women reporters.",
            ),
            heading="Different threats, similar effect",
            more=(
                "In both countries, the people we interviewed described self-censorship as the most lasting effect: "
                "topics that ‘are not worth the trouble’, sources who no longer call back, and colleagues who have "
                "left the profession.",
            ),
            quote=(
                "In Baku you fear the knock on the door. In Yerevan you fear the court summons and the comments "
                "under your photo. Either way, you start to think twice before you write.",
                "An editor who has worked in both countries",
            ),
            caption="Sixty journalists, editors and media lawyers were interviewed for the study.",
            topics=("media freedom",),
            link=("", "More stories from the network"),
            report=MEDIA_REPORT_EN,
        ),
    ),
    DemoStory(
        kind=StoryKind.REPORT,
        countries=("UA", "RU"),
        days_ago=132,
        image="paths",
        en=StoryText(
            slug="held-without-charge-civilians-detained-in-occupied-ukraine",
            title="Held without charge: civilians detained in the occupied territories of Ukraine",
            summary=(
                "Based on 112 testimonies collected by our member organisations, the report describes how civilians "
                "were detained, where they were held and how some were transferred to prisons in Russia."
            ),
            lead=(
                "This report brings together 112 testimonies of civilians who were detained in the occupied parts of "
                "the Kharkiv, Kherson and Zaporizhzhia regions and later released, and of relatives of people who "
                "remain missing. Lawyers of the Left Bank Documentation Workshop and partner groups recorded them "
                "using a common protocol.",
                "Former detainees describe being held in basements, police stations and improvised facilities, often "
                "for weeks, without being told why. Many report beatings, electric shocks and mock executions during "
                "interrogation. At least 23 of the people described were transferred to pre-trial prisons in Russia.",
            ),
            heading="Families without answers",
            more=(
                "For relatives, the greatest burden is uncertainty. Requests for information go unanswered for "
                "months, and families often learn where a person is held only from someone released from the "
                "same place.",
            ),
            quote=(
                "For twenty days they asked me the same questions: who I knew, whom I had called. Nobody ever told "
                "me what I was accused of.",
                "A teacher from the Kherson region, released in an exchange",
            ),
            caption="Each testimony is recorded with the consent of the person who gives it.",
            topics=("documentation", "torture prevention"),
            link=("", "More stories from the network"),
            report=UKRAINE_REPORT_EN,
        ),
    ),
)

STATEMENTS = (
    DemoStory(
        kind=StoryKind.STATEMENT,
        countries=("KZ", "RU"),
        days_ago=41,
        image="stripes",
        en=StoryText(
            slug="joint-statement-every-allegation-of-torture-must-be-investigated",
            title="Joint statement: every allegation of torture in custody must be investigated",
            summary=(
                "Eleven member organisations call on the authorities of Kazakhstan and Russia to investigate "
                "allegations of ill-treatment in police custody independently, and to stop prosecuting those who "
                "report it."
            ),
            lead=(
                "We, eleven organisations of the Solidarity network, are alarmed by the number of credible "
                "allegations of torture and ill-treatment in police custody and pre-trial detention in Kazakhstan "
                "and Russia, and by how rarely they lead to an effective investigation.",
                "In the cases our members documented over the past year, complaints were most often closed after a "
                "check by the same police unit whose officers were accused. In several cases, detainees who "
                "complained were themselves prosecuted for ‘knowingly false denunciation’.",
            ),
            heading="What must change",
            more=(
                "We call on the authorities to have every allegation investigated by a body that is independent of "
                "the police; to guarantee an examination by an independent doctor within 24 hours of arrest; to "
                "record on video every room where detainees are questioned; and to end the prosecution of "
                "detainees, lawyers and relatives who report ill-treatment.",
            ),
            quote=(
                "Torture is not a regional problem or the work of a few bad officers. It thrives wherever those who "
                "commit it know that nobody will check.",
                "From the joint statement",
            ),
            caption="Complaints are most often closed by the very unit that is accused.",
            topics=("torture prevention",),
            link=(
                "locked-in-waiting-pre-trial-detention-in-kazakhstan",
                "Read our report on pre-trial detention in Kazakhstan",
            ),
        ),
        ru=StoryText(
            slug="sovmestnoe-zayavlenie-kazhdaya-zhaloba-na-pytki-dolzhna-rassledovatsya",
            title="Совместное заявление: каждая жалоба на пытки под стражей должна расследоваться",
            summary=(
                "Одиннадцать организаций сети призывают власти Казахстана и России независимо расследовать жалобы на "
                "жестокое обращение в полиции и прекратить преследовать тех, кто о нём сообщает."
            ),
            lead=(
                "Мы, одиннадцать организаций сети «Солидарность», встревожены количеством достоверных сообщений о "
                "пытках и жестоком обращении в полиции и следственных изоляторах Казахстана и России — и тем, как "
                "редко они приводят к эффективному расследованию.",
                "В делах, которые наши организации задокументировали за последний год, жалобы чаще всего закрывали "
                "после проверки, которую проводило то же подразделение полиции, чьих сотрудников обвиняли. В "
                "нескольких случаях самих пожаловавшихся задержанных привлекли к ответственности за «заведомо "
                "ложный донос».",
            ),
            heading="Что должно измениться",
            more=(
                "Мы призываем власти поручать расследование каждой жалобы органу, независимому от полиции; "
                "гарантировать осмотр независимым врачом в течение 24 часов после задержания; вести видеозапись во "
                "всех помещениях, где допрашивают задержанных; прекратить преследование задержанных, адвокатов и "
                "родственников, которые сообщают о жестоком обращении.",
            ),
            quote=(
                "Пытки — это не проблема отдельных регионов и не дело нескольких «плохих» сотрудников. Они "
                "процветают там, где виновные знают, что их никто не проверит.",
                "Из совместного заявления",
            ),
            caption="Жалобы чаще всего закрывает то самое подразделение, которое обвиняют.",
            topics=("предотвращение пыток",),
            link=(
                "locked-in-waiting-pre-trial-detention-in-kazakhstan",
                "Наш доклад об условиях содержания под стражей в Казахстане",
            ),
        ),
    ),
    DemoStory(
        kind=StoryKind.STATEMENT,
        countries=("BY", "GE"),
        days_ago=53,
        image="horizon",
        en=StoryText(
            slug="statement-no-extradition-of-belarusian-activists",
            title="Statement: no extradition of Belarusian activists to face torture",
            summary=(
                "Georgia must not hand over people wanted in Belarus for their political activity. The risk of "
                "torture and of an unfair trial is real and well documented."
            ),
            lead=(
                "We are concerned by reports that two Belarusian citizens who fled to Georgia after taking part in "
                "peaceful protests have been detained at the request of Belarus, which seeks their extradition on "
                "charges of ‘mass disorder’.",
                "Under the European Convention on Human Rights and the UN Convention against Torture, Georgia may "
                "not send anyone to a country where they face a real risk of torture or a flagrantly unfair trial. "
                "Our own monitoring of trials in Belarus, and the reports of international bodies, show that this "
                "risk is real for people prosecuted for protest.",
            ),
            heading="What we ask",
            more=(
                "We ask the Georgian prosecutor’s office to refuse the extradition requests, the courts to release "
                "both men while the requests are decided, and the authorities to examine their asylum applications "
                "fairly and without delay.",
            ),
            quote=(
                "Georgia has been a refuge for thousands of people fleeing repression. It should remain one.",
                "Statement of the Solidarity network",
            ),
            caption="Thousands of people from Belarus and Russia have found refuge in Georgia.",
            topics=("political prisoners", "human rights defenders", "torture prevention"),
            link=("behind-the-glass-trials-of-protesters-in-belarus", "Our report on trials of protesters in Belarus"),
        ),
        ru=StoryText(
            slug="zayavlenie-ne-vydavat-belorusskikh-aktivistov",
            title="Заявление: белорусских активистов нельзя выдавать туда, где им грозят пытки",
            summary=(
                "Грузия не должна выдавать людей, которых Беларусь разыскивает за политическую деятельность. "
                "Риск пыток и несправедливого суда реален и хорошо задокументирован."
            ),
            lead=(
                "Нас тревожат сообщения о том, что двое граждан Беларуси, бежавших в Грузию после участия в мирных "
                "протестах, задержаны по запросу белорусских властей, которые добиваются их выдачи по обвинению в "
                "«массовых беспорядках».",
                "По Европейской конвенции о защите прав человека и Конвенции ООН против пыток Грузия не вправе "
                "передавать человека в страну, где ему реально грозят пытки или явно несправедливый суд. Наш "
                "собственный мониторинг судов в Беларуси и доклады международных органов показывают, что для людей, "
                "которых преследуют за протесты, этот риск реален.",
            ),
            heading="О чём мы просим",
            more=(
                "Мы просим прокуратуру Грузии отказать в выдаче, суды — освободить обоих мужчин до решения по "
                "запросам, а власти — рассмотреть их ходатайства об убежище справедливо и без промедления.",
            ),
            quote=(
                "Грузия стала убежищем для тысяч людей, спасающихся от репрессий. Она должна им оставаться.",
                "Заявление сети «Солидарность»",
            ),
            caption="Тысячи людей из Беларуси и России нашли убежище в Грузии.",
            topics=("политзаключённые", "правозащитники", "предотвращение пыток"),
            link=(
                "behind-the-glass-trials-of-protesters-in-belarus",
                "Наш доклад о судах над участниками протестов в Беларуси",
            ),
        ),
    ),
    DemoStory(
        kind=StoryKind.STATEMENT,
        countries=("AZ",),
        days_ago=17,
        image="stripes",
        en=StoryText(
            slug="statement-azerbaijan-must-release-all-detained-journalists",
            title="Statement: Azerbaijan must release all detained journalists",
            summary=(
                "The release of one reporter is welcome, but at least twelve media workers remain in detention on "
                "charges that are a pretext for silencing independent journalism."
            ),
            lead=(
                "We welcome the release of a journalist who spent eighteen months in pre-trial detention in Baku. "
                "But her release must not distract from the fact that at least twelve of her colleagues remain "
                "behind bars on charges of smuggling, tax evasion or illegal entrepreneurship.",
                "These charges are a pretext. All of the detained journalists worked for outlets that investigated "
                "corruption, and the searches of their newsrooms followed the publication of such investigations.",
            ),
            heading="Our demands",
            more=(
                "We call on the authorities of Azerbaijan to release all detained journalists and media workers, to "
                "drop the charges against them, to lift the travel bans on those already released, and to let "
                "independent outlets work without fear.",
            ),
            quote=(
                "Journalism is not a crime. Reporting on corruption is a service to the public, not smuggling.",
                "Statement of the Solidarity network",
            ),
            caption="Independent outlets keep publishing, often from abroad.",
            topics=("media freedom", "political prisoners"),
            link=(
                "newsrooms-under-pressure-azerbaijan-and-armenia",
                "Our report on media freedom in Azerbaijan and Armenia",
            ),
        ),
    ),
    DemoStory(
        kind=StoryKind.STATEMENT,
        countries=("AM",),
        days_ago=86,
        image="triangles",
        en=StoryText(
            slug="statement-on-the-prosecution-of-peaceful-protesters-in-yerevan",
            title="Statement on the prosecution of peaceful protesters in Yerevan",
            summary=(
                "Criminal charges against people who took part in street blockades must be proportionate: peaceful "
                "protest is protected even when it disrupts traffic."
            ),
            lead=(
                "After a series of demonstrations in Yerevan in which protesters blocked several streets, the police "
                "have opened criminal cases against 34 participants for ‘hooliganism’ and ‘mass disorder’. Most of "
                "them are students.",
                "Peaceful assemblies sometimes cause disruption. International standards are clear that a temporary "
                "disruption of traffic is not in itself a reason to treat an assembly as unlawful, and that any "
                "sanction must be proportionate.",
            ),
            heading="What we call for",
            more=(
                "We call on the prosecutor’s office to review the charges and to drop them wherever there is no "
                "evidence of violence, and to investigate the complaints of protesters who say they were beaten "
                "during arrest. We welcome the ombudsman’s decision to send observers to the hearings.",
            ),
            quote=(
                "Blocking a street for an hour is not mass disorder. Breaking a student’s arm during an arrest may "
                "well be a crime.",
                "Ararat Civic Defence Network",
            ),
            caption="Students make up most of those charged.",
            topics=("freedom of assembly",),
            link=("", "More stories from the network"),
        ),
    ),
)

NEWS = (
    DemoStory(
        kind=StoryKind.NEWS,
        countries=("BY",),
        days_ago=12,
        image="windows",
        en=StoryText(
            slug="letters-reach-political-prisoners-in-belarus",
            title="Letters reach more than 200 political prisoners in Belarus",
            summary=(
                "Volunteers in eleven countries wrote over 1,400 letters and postcards this spring; at least 214 "
                "prisoners have confirmed that mail reached them."
            ),
            lead=(
                "Between March and May, the letter-writing circles coordinated by our network sent more than 1,400 "
                "letters and postcards to people imprisoned in Belarus for their political views. Relatives and "
                "released prisoners confirmed that at least 214 people received one or more of them.",
                "Prison censors often hold back mail to political prisoners without explanation. Volunteers "
                "therefore keep their letters short, write about everyday things, avoid politics and number every "
                "envelope, so that families can tell which letters went missing.",
            ),
            heading="Why letters matter",
            more=(
                "People released in the past year describe letters as a lifeline: proof that they have not been "
                "forgotten, and a small protection, because prison staff know that someone outside is watching.",
                "The circles meet in libraries, cafés and community centres from Vilnius to Lisbon. Anyone can join; "
                "a short guide explains what to write, and what to avoid so that a letter gets past the censor.",
            ),
            quote=(
                "For eight months I received nothing. Then, in one week, eleven postcards arrived from people I had "
                "never met. The guards started calling me by my first name.",
                "A former prisoner released in January, who asked not to be named",
            ),
            caption="Letters are written by hand and sent in plain envelopes.",
            topics=("political prisoners", "human rights defenders"),
            link=("", "More stories from the network"),
        ),
        ru=StoryText(
            slug="pisma-doshli-do-politzaklyuchennykh-v-belarusi",
            title="Письма дошли до более чем двухсот политзаключённых в Беларуси",
            summary=(
                "Этой весной волонтёры из одиннадцати стран написали больше 1400 писем и открыток; как минимум 214 "
                "заключённых подтвердили, что получили их."
            ),
            lead=(
                "С марта по май кружки письма, которые координирует наша сеть, отправили больше 1400 писем и "
                "открыток людям, заключённым в Беларуси за политические взгляды. Родственники и освободившиеся "
                "политзаключённые подтвердили, что как минимум 214 человек получили хотя бы одно из них.",
                "Тюремная цензура часто задерживает письма политзаключённым без всяких объяснений. Поэтому "
                "волонтёры пишут коротко, рассказывают о повседневном, обходят политику стороной и нумеруют каждый "
                "конверт, чтобы семьи могли понять, какие письма пропали.",
            ),
            heading="Почему письма важны",
            more=(
                "Люди, вышедшие на свободу за последний год, называют письма спасательным кругом: это доказательство "
                "того, что о них не забыли, и небольшая защита — сотрудники колонии знают, что снаружи кто-то следит "
                "за происходящим.",
                "Кружки собираются в библиотеках, кафе и общественных центрах от Вильнюса до Лиссабона. "
                "Присоединиться может каждый; короткая памятка объясняет, о чём писать и чего избегать, чтобы письмо "
                "прошло цензуру.",
            ),
            quote=(
                "Восемь месяцев я не получала ничего. А потом за одну неделю пришло одиннадцать открыток от "
                "незнакомых людей. Охранники стали называть меня по имени.",
                "Бывшая политзаключённая, освобождённая в январе, попросила не называть её имени",
            ),
            caption="Письма пишут от руки и отправляют в простых конвертах.",
            topics=("политзаключённые", "правозащитники"),
            link=("", "Все материалы сети"),
        ),
    ),
    DemoStory(
        kind=StoryKind.NEWS,
        countries=("UA",),
        days_ago=21,
        image="horizon",
        en=StoryText(
            slug="mobile-legal-clinic-reaches-villages-in-the-kharkiv-region",
            title="Mobile legal clinic reaches villages in the Kharkiv region",
            summary=(
                "Four lawyers have visited 36 villages since the winter, helping residents replace lost documents, "
                "claim compensation for destroyed homes and record what they lived through under occupation."
            ),
            lead=(
                "Since January, a minibus with four lawyers and a paralegal has been travelling through the villages "
                "of the Kharkiv region that were occupied in 2022. The team, run by the Left Bank Documentation "
                "Workshop, a member of our network, holds open consultations in schools, post offices and village "
                "councils.",
                "Most questions are practical: how to replace a passport lost during evacuation, how to claim "
                "compensation for a damaged house, how to prove ownership when the land register burned. But many "
                "residents also want to tell what happened to them or their neighbours during the occupation.",
            ),
            heading="Testimonies that can be used in court",
            more=(
                "With each person’s consent, the lawyers record testimonies about detention, ill-treatment and "
                "enforced disappearance using a shared protocol, so that the statements can later be used by "
                "prosecutors and international courts.",
                "So far the clinic has given 1,180 consultations and recorded 94 detailed testimonies. The Workshop "
                "plans to add a second team in the autumn.",
            ),
            quote=(
                "People come with a question about a pension and end up telling us about the basement where they "
                "were held for three weeks. We make sure they get help with both.",
                "Iryna V., lawyer with the mobile clinic",
            ),
            caption="The clinic opens wherever there is a room and electricity.",
            topics=("legal aid", "documentation"),
            link=(
                "held-without-charge-civilians-detained-in-occupied-ukraine",
                "Our report on civilians detained in the occupied territories",
            ),
        ),
    ),
    DemoStory(
        kind=StoryKind.NEWS,
        countries=("GE",),
        days_ago=9,
        image="arcs",
        en=StoryText(
            slug="trial-monitors-attend-thirty-hearings-in-tbilisi",
            title="Trial monitors attend thirty hearings in one week in Tbilisi",
            summary=(
                "Volunteer monitors followed the cases of protesters detained during the spring demonstrations; "
                "they report crowded courtrooms and hearings announced at short notice."
            ),
            lead=(
                "Thirty hearings in five days: that was last week’s schedule for the volunteer monitors of the Kura "
                "Valley Trial Observers in Tbilisi. Most of the cases concern people detained during the spring "
                "demonstrations on Rustaveli Avenue and charged with administrative offences or ‘group violence’.",
                "Monitors noted that several hearings were announced less than a day in advance, that relatives and "
                "journalists were turned away from small courtrooms for lack of space, and that in two cases the "
                "defendants said they had not been able to speak with their lawyer before the hearing.",
            ),
            heading="What the monitors look for",
            more=(
                "Each monitor fills in the same form: whether the hearing was public, whether the defendant had a "
                "lawyer of their choice, whether the judge gave reasons for detention, how long the hearing lasted. "
                "The forms go into a database that the group will publish at the end of the year.",
            ),
            quote=(
                "Our task is not to say who is guilty. It is to make sure that someone independent was in the room "
                "and wrote down what happened.",
                "Giorgi T., coordinator of the trial monitoring programme",
            ),
            caption="Monitors compare notes after a day in court.",
            topics=("freedom of assembly", "fair trial"),
            link=("", "More stories from the network"),
        ),
    ),
    DemoStory(
        kind=StoryKind.NEWS,
        countries=("MD",),
        days_ago=34,
        image="circles",
        en=StoryText(
            slug="lawyers-in-chisinau-train-to-document-torture",
            title="Lawyers in Chișinău train to document torture",
            summary=(
                "Twenty-four defence lawyers from across Moldova, including the Transnistrian region, took part in a "
                "three-day course on recognising and recording signs of ill-treatment."
            ),
            lead=(
                "Defence lawyers are often the first independent people to see a detainee after arrest. A three-day "
                "course organised in Chișinău by the Dniester Legal Aid Collective taught 24 lawyers how to recognise "
                "signs of ill-treatment, how to ask about it without re-traumatising their clients, and how to "
                "request a medical examination that will stand up in court.",
                "The course followed the Istanbul Protocol, the international standard for documenting torture, and "
                "was led by a forensic doctor and two lawyers with long experience of cases before the European "
                "Court of Human Rights.",
            ),
            heading="From the police station to the courtroom",
            more=(
                "Participants practised on anonymised case files and drafted complaints together. Six of them work "
                "on the left bank of the Dniester, where lawyers find it particularly hard to reach detainees.",
            ),
            quote=(
                "Before this course I would have written ‘the client complains of pain’. Now I know what to ask, "
                "what to photograph and whom to call.",
                "A participant from Bălți",
            ),
            caption="Working through case files during the training.",
            topics=("torture prevention", "legal aid"),
            link=(
                "joint-statement-every-allegation-of-torture-must-be-investigated",
                "Our joint statement on torture in custody",
            ),
        ),
    ),
    DemoStory(
        kind=StoryKind.NEWS,
        countries=("AZ",),
        days_ago=19,
        image="paths",
        en=StoryText(
            slug="azerbaijan-journalist-released-after-18-months",
            title="Azerbaijan: journalist released after 18 months in pre-trial detention",
            summary=(
                "A reporter for an independent news site has been released under a presidential pardon; at least "
                "twelve of her colleagues remain behind bars."
            ),
            lead=(
                "A 31-year-old reporter for an independent online news outlet was released in Baku on Tuesday after "
                "eighteen months in pre-trial detention on smuggling charges that her colleagues and lawyers describe "
                "as fabricated. She was freed under a presidential pardon; the charges were not withdrawn.",
                "Her arrest was part of a wave of prosecutions against journalists who investigated corruption. "
                "According to the Caspian Rights Monitor, a member of our network, at least twelve journalists and "
                "media workers from the same and related outlets remain in detention.",
            ),
            heading="A release, not an acquittal",
            more=(
                "A pardon leaves the conviction on record and does not let the journalist work freely: she may not "
                "leave the country and has been told that ‘any new publications will be looked at carefully’. Her "
                "lawyers intend to pursue the case before the European Court of Human Rights.",
            ),
            quote=(
                "We are relieved and we are angry. One person is home; the newsroom is still in prison.",
                "Leyla M., Caspian Rights Monitor",
            ),
            caption="Independent journalism in the region increasingly happens in exile or behind bars.",
            topics=("media freedom", "political prisoners"),
            link=(
                "statement-azerbaijan-must-release-all-detained-journalists",
                "Our statement on detained journalists",
            ),
        ),
    ),
    DemoStory(
        kind=StoryKind.NEWS,
        countries=("KZ",),
        days_ago=27,
        image="triangles",
        en=StoryText(
            slug="kazakhstan-fines-for-solitary-pickets-in-almaty",
            title="Kazakhstan: fines for solitary pickets in Almaty",
            summary=(
                "Three people who stood alone with posters in the centre of Almaty were fined for ‘violating the "
                "procedure for peaceful assemblies’, although the law requires no notice for a one-person picket."
            ),
            lead=(
                "Three residents of Almaty have been fined between 50 and 100 ‘monthly calculation indices’, up to "
                "several months of a pension, for solitary pickets held in May. One held a poster calling for an "
                "investigation into deaths in custody, another demanded clean air for the city, and the third "
                "protested against the felling of trees in a city square.",
                "Kazakhstan’s law on peaceful assemblies requires no notification for a picket by one person. The "
                "courts nonetheless found that all three had ‘held an unauthorised event’, because passers-by had "
                "stopped to read their posters.",
            ),
            heading="Appeals under way",
            more=(
                "The Steppe Monitoring Group, whose lawyers represent all three, has filed appeals and is preparing a "
                "complaint to the UN Human Rights Committee should they fail. The group has counted 41 fines for "
                "solitary pickets across the country since the start of the year.",
            ),
            quote=(
                "If one person with a sheet of paper is an unauthorised assembly, then the right of assembly exists "
                "only on paper.",
                "Aliya S., lawyer with the Steppe Monitoring Group",
            ),
            caption="Under Kazakh law, a solitary picket needs no permission.",
            topics=("freedom of assembly",),
            link=("", "More stories from the network"),
        ),
        ru=StoryText(
            slug="kazakhstan-shtrafy-za-odinochnye-pikety-v-almaty",
            title="Казахстан: штрафы за одиночные пикеты в Алматы",
            summary=(
                "Троих человек, которые в одиночку стояли с плакатами в центре Алматы, оштрафовали за «нарушение "
                "порядка проведения мирных собраний», хотя о пикете одного человека закон уведомлять не требует."
            ),
            lead=(
                "Троих жителей Алматы оштрафовали на суммы от 50 до 100 месячных расчётных показателей — это до "
                "нескольких месячных пенсий — за одиночные пикеты в мае. Один держал плакат с требованием "
                "расследовать смерти под стражей, другая требовала чистого воздуха для города, третий протестовал "
                "против вырубки деревьев в сквере.",
                "Закон Казахстана о мирных собраниях не требует уведомлять о пикете одного человека. Тем не менее "
                "суды решили, что все трое «провели несанкционированное мероприятие», потому что прохожие "
                "останавливались прочитать их плакаты.",
            ),
            heading="Решения обжалуются",
            more=(
                "«Степная мониторинговая группа», юристы которой защищают всех троих, подала апелляции и готовит "
                "жалобу в Комитет ООН по правам человека на случай, если их отклонят. С начала года группа насчитала "
                "по всей стране 41 штраф за одиночные пикеты.",
            ),
            quote=(
                "Если один человек с листом бумаги — это несанкционированное собрание, значит, право на собрания "
                "существует только на бумаге.",
                "Алия С., юрист «Степной мониторинговой группы»",
            ),
            caption="По закону Казахстана для одиночного пикета разрешение не нужно.",
            topics=("свобода собраний",),
            link=("", "Все материалы сети"),
        ),
    ),
    DemoStory(
        kind=StoryKind.NEWS,
        countries=("RU",),
        days_ago=6,
        image="stripes",
        en=StoryText(
            slug="russia-new-criminal-case-against-a-regional-human-rights-defender",
            title="Russia: new criminal case against a regional human-rights defender",
            summary=(
                "A defender who has helped prisoners’ families in the Volga region for fifteen years has been "
                "charged with ‘repeated discreditation’ of the army; he faces up to five years."
            ),
            lead=(
                "Investigators in Samara have opened a criminal case against a 58-year-old human-rights defender who "
                "for fifteen years has helped the families of prisoners in the Volga region to complain about "
                "conditions in penal colonies. He is charged with ‘repeated discreditation’ of the armed forces "
                "over two posts on social media.",
                "He had already been fined twice under the administrative version of the same article. After a "
                "search of his flat he was released under a ban on certain activities: he may not use the internet "
                "or send letters, which makes his work with prisoners’ families impossible.",
            ),
            heading="A pattern across the regions",
            more=(
                "The Volga Prisoners’ Support Circle, to which he belongs, says that at least nine regional "
                "defenders have faced criminal charges in the past two years, mostly under the laws on ‘fakes’, "
                "‘discreditation’ and ‘undesirable organisations’.",
                "Our network calls for the charges to be dropped and for the restrictions on his communication to "
                "be lifted.",
            ),
            quote=(
                "He answered every letter from every mother who wrote to him. Now he is forbidden to write letters.",
                "A colleague from the Volga Prisoners’ Support Circle",
            ),
            caption="Regional defenders often work alone, with little protection.",
            topics=("human rights defenders", "political prisoners"),
            link=("", "More stories from the network"),
        ),
        ru=StoryText(
            slug="rossiya-novoe-ugolovnoe-delo-protiv-regionalnogo-pravozashchitnika",
            title="Россия: новое уголовное дело против регионального правозащитника",
            summary=(
                "Правозащитнику, который пятнадцать лет помогает семьям заключённых в Поволжье, предъявили "
                "обвинение в «повторной дискредитации» армии; ему грозит до пяти лет."
            ),
            lead=(
                "Следователи в Самаре возбудили уголовное дело против 58-летнего правозащитника, который пятнадцать "
                "лет помогает семьям заключённых в Поволжье добиваться ответа на жалобы об условиях в колониях. Ему "
                "вменяют «повторную дискредитацию» вооружённых сил из-за двух публикаций в социальных сетях.",
                "До этого его дважды штрафовали по административной статье с тем же названием. После обыска в "
                "квартире его отпустили под запрет определённых действий: ему нельзя пользоваться интернетом и "
                "отправлять письма, а значит, помогать семьям заключённых он больше не может.",
            ),
            heading="Так происходит во многих регионах",
            more=(
                "По данным «Поволжского кружка поддержки заключённых», в который он входит, за последние два года "
                "уголовные дела возбудили как минимум против девяти региональных правозащитников — чаще всего по "
                "статьям о «фейках», «дискредитации» и «нежелательных организациях».",
                "Наша сеть требует прекратить уголовное преследование и снять ограничения на его общение.",
            ),
            quote=(
                "Он отвечал на каждое письмо каждой матери, которая ему писала. Теперь ему запрещено писать письма.",
                "Коллега из «Поволжского кружка поддержки заключённых»",
            ),
            caption="Региональные правозащитники часто работают в одиночку и почти без защиты.",
            topics=("правозащитники", "политзаключённые"),
            link=("", "Все материалы сети"),
        ),
    ),
    DemoStory(
        kind=StoryKind.NEWS,
        countries=("AM",),
        days_ago=46,
        image="windows",
        en=StoryText(
            slug="armenia-observers-report-on-local-elections-in-gyumri",
            title="Armenia: observers report on local elections in Gyumri",
            summary=(
                "Sixty-two observers covered every polling station in the city. Voting was largely calm, but they "
                "recorded pressure on public-sector employees and offers of money for votes."
            ),
            lead=(
                "Sixty-two volunteer observers from the Ararat Civic Defence Network were present at every polling "
                "station in Gyumri for Sunday’s municipal elections. They stayed from the opening of the stations "
                "until the results were signed.",
                "Voting was largely calm and well organised. Observers nevertheless recorded eleven cases in which "
                "voters said their employers, among them schools, kindergartens and the city administration, had "
                "asked them to photograph their ballots, and four reports of money offered for votes, which were "
                "passed on to the police.",
            ),
            heading="Recommendations",
            more=(
                "The network recommends that the Central Electoral Commission publish results for every polling "
                "station in a machine-readable form on election night, and that the prosecutor’s office report "
                "publicly on how it followed up every complaint of pressure on employees.",
            ),
            quote=(
                "The count itself was careful and transparent. The problems happened before people reached the "
                "polling station.",
                "Anush H., observer coordinator in Gyumri",
            ),
            caption="Observers worked in pairs and stayed for the count.",
            topics=("elections",),
            link=("", "More stories from the network"),
        ),
    ),
)

CALLS = (
    DemoStory(
        kind=StoryKind.PUBLIC_CALL,
        countries=("BY", "RU"),
        days_ago=3,
        image="windows",
        call=DemoCall(
            addressed_to={"en": "the authorities of Belarus and Russia", "ru": "властям Беларуси и России"},
            opens_days_ago=3,
            goal=5000,
            stories=("letters-reach-political-prisoners-in-belarus",),
            signers=240,
            countries=("BY", "BY", "BY", "RU", "RU", "PL", "LT", "DE", "UA", "GE", "KZ"),
        ),
        en=StoryText(
            slug=HIGHLIGHT_STORY,
            title="International Day of Solidarity with Political Prisoners: write a letter",
            summary=(
                "On the day of solidarity, join a letter-writing evening near you or write from home. One postcard "
                "can tell a prisoner that they are not forgotten."
            ),
            lead=(
                "Thousands of people are in prison in Belarus and Russia for their views, their words or their "
                "peaceful protest. On the International Day of Solidarity with Political Prisoners, our network "
                "invites everyone to write to them.",
                "Member groups will hold letter-writing evenings in more than forty cities. If there is none near "
                "you, write from home: the guide below explains how to choose an addressee, what to write so that "
                "your letter gets past the censor, and how to send it.",
            ),
            heading="How to take part",
            more=(
                "Choose one person and write a short, warm letter by hand: about your day, the weather, a book you "
                "have read. Do not write about politics, the case or the war. Give a return address, number your "
                "letters, and write again even if no answer comes: replies are often held back.",
                "Tell us how many letters you sent, so that we can count them together and show the prisoners, and "
                "the authorities, how many people care.",
            ),
            quote=(
                "Every letter is a small window onto the world outside.",
                "A volunteer from a letter-writing circle in Warsaw",
            ),
            caption="Letter-writing evenings are open to everyone.",
            topics=("political prisoners",),
            link=("letters-reach-political-prisoners-in-belarus", "How letters reach political prisoners in Belarus"),
        ),
        ru=StoryText(
            slug="mezhdunarodnyy-den-solidarnosti-s-politzaklyuchennymi",
            title="Международный день солидарности с политзаключёнными: напишите письмо",
            summary=(
                "В день солидарности приходите на вечер писем рядом с вами или напишите из дома. Одна открытка может "
                "сказать заключённому, что о нём помнят."
            ),
            lead=(
                "Тысячи людей в Беларуси и России находятся в заключении за свои взгляды, слова или мирный протест. "
                "В Международный день солидарности с политзаключёнными наша сеть приглашает всех написать им.",
                "Организации сети проведут вечера писем больше чем в сорока городах. Если рядом с вами такого вечера "
                "нет, напишите из дома: ниже рассказано, как выбрать адресата, что написать, чтобы письмо прошло "
                "цензуру, и как его отправить.",
            ),
            heading="Как принять участие",
            more=(
                "Выберите одного человека и напишите от руки короткое тёплое письмо: о своём дне, о погоде, о "
                "прочитанной книге. Не пишите о политике, уголовном деле или войне. Укажите обратный адрес, "
                "нумеруйте письма и пишите снова, даже если ответа нет: ответы часто задерживают.",
                "Сообщите нам, сколько писем вы отправили, — мы посчитаем их вместе и покажем заключённым и властям, "
                "как много людей неравнодушны.",
            ),
            quote=(
                "Каждое письмо — маленькое окно в мир за стенами.",
                "Волонтёрка кружка письма в Варшаве",
            ),
            caption="Вечера писем открыты для всех.",
            topics=("политзаключённые",),
            link=("letters-reach-political-prisoners-in-belarus", "Как письма доходят до политзаключённых в Беларуси"),
        ),
    ),
    DemoStory(
        kind=StoryKind.PUBLIC_CALL,
        countries=("GE", "KZ"),
        days_ago=29,
        image="arcs",
        call=DemoCall(
            addressed_to={
                "en": "the Parliament of Georgia and the Mazhilis of Kazakhstan",
                "ru": "парламенту Грузии и Мажилису Казахстана",
            },
            opens_days_ago=29,
            closes_in_days=-8,
            goal=150,
            updates=(
                CallUpdate(
                    6,
                    "<p>Handed over to the Parliament of Georgia, with every signature, at a meeting with members "
                    "of its human rights committee in Tbilisi.</p>",
                    "<p>Передано в Парламент Грузии со всеми подписями на встрече с членами комитета по правам "
                    "человека в Тбилиси.</p>",
                ),
                CallUpdate(
                    3,
                    "<p>Handed over to the Mazhilis of Kazakhstan in Astana. We are waiting for its answer.</p>",
                    "<p>Передано в Мажилис Казахстана в Астане. Мы ждём ответа.</p>",
                ),
            ),
            stories=("russia-new-criminal-case-against-a-regional-human-rights-defender",),
            signers=170,
            countries=("GE", "GE", "GE", "KZ", "KZ", "AM", "UA", "DE", "PL", "MD"),
        ),
        en=StoryText(
            slug="protect-civil-society-say-no-to-foreign-agent-laws",
            title="Protect civil society: say no to ‘foreign agent’ laws",
            summary=(
                "Laws that brand independent organisations as ‘foreign agents’ are spreading across the region. "
                "Sign our call to the parliaments of Georgia and Kazakhstan."
            ),
            lead=(
                "Laws that make organisations funded from abroad register as ‘foreign agents’ or as ‘organisations "
                "serving the interests of a foreign power’ have been adopted or proposed in several countries of the "
                "region. Russia shows where they lead: first labels and inspections, then fines, then the closure of "
                "organisations and criminal cases.",
                "Such laws stigmatise groups that give legal aid, protect the environment, support people with "
                "disabilities or observe elections, and make it harder for them to work with the communities they "
                "serve.",
            ),
            heading="What we ask of the parliaments",
            more=(
                "We call on the parliaments of Georgia and Kazakhstan to repeal or reject laws and registers of "
                "‘foreign agents’ and ‘foreign influence’, to consult civil society before any new rules for "
                "non-profit organisations, and to follow the recommendations of international human-rights bodies "
                "on freedom of association.",
            ),
            quote=(
                "We are nobody’s agents. We are lawyers, teachers and neighbours who help people defend their rights.",
                "A member of a legal aid group in Kutaisi",
            ),
            caption="Across the region, independent groups face new registration rules.",
            topics=("freedom of association", "human rights defenders"),
            link=(
                "russia-new-criminal-case-against-a-regional-human-rights-defender",
                "What happens to defenders in Russia",
            ),
        ),
        ru=StoryText(
            slug="zashchitim-grazhdanskoe-obshchestvo-net-zakonam-ob-inoagentakh",
            title="Защитим гражданское общество: нет законам об «иностранных агентах»",
            summary=(
                "Законы, которые клеймят независимые организации «иностранными агентами», распространяются по "
                "региону. Подпишите наше обращение к парламентам Грузии и Казахстана."
            ),
            lead=(
                "Законы, обязывающие организации с зарубежным финансированием регистрироваться как «иностранные "
                "агенты» или «организации, служащие интересам иностранной державы», приняты или предложены в "
                "нескольких странах региона. Опыт России показывает, к чему они ведут: сначала ярлыки и проверки, "
                "потом штрафы, затем ликвидация организаций и уголовные дела.",
                "Такие законы клеймят группы, которые оказывают юридическую помощь, защищают природу, поддерживают "
                "людей с инвалидностью или наблюдают за выборами, и мешают им работать с теми, кому они помогают.",
            ),
            heading="Чего мы просим у парламентов",
            more=(
                "Мы призываем парламенты Грузии и Казахстана отменить или отклонить законы и реестры «иностранных "
                "агентов» и «иностранного влияния», советоваться с гражданским обществом перед любым новым "
                "регулированием некоммерческих организаций и выполнять рекомендации международных правозащитных "
                "органов о свободе объединений.",
            ),
            quote=(
                "Мы ничьи не агенты. Мы юристы, учителя и соседи, которые помогают людям защищать свои права.",
                "Участница юридической группы из Кутаиси",
            ),
            caption="По всему региону независимые группы сталкиваются с новыми правилами регистрации.",
            topics=("свобода объединений", "правозащитники"),
            link=(
                "russia-new-criminal-case-against-a-regional-human-rights-defender",
                "Что происходит с правозащитниками в России",
            ),
        ),
    ),
    DemoStory(  # a call for volunteers, not for signatures: news
        kind=StoryKind.NEWS,
        countries=("MD",),
        days_ago=56,
        image="circles",
        en=StoryText(
            slug="call-for-volunteers-election-observers-in-moldova",
            title="Call for volunteers: become an election observer in Moldova",
            summary=(
                "We are looking for 300 volunteers to observe the local elections in Moldova, including in Gagauzia "
                "and near the Transnistrian region. We provide the training."
            ),
            lead=(
                "Independent observers make elections more transparent and help prevent fraud. For the local "
                "elections in Moldova, the Dniester Legal Aid Collective and partner groups aim to have observers at "
                "300 polling stations, including in the autonomous region of Gagauzia and in villages near the "
                "administrative line with the Transnistrian region.",
                "Observers must be at least 18, may not be a candidate or a party member, and must be able to spend "
                "the whole of election day at a polling station. Romanian or Russian is required; knowing both helps.",
            ),
            heading="Training and support",
            more=(
                "Every volunteer attends a half-day training on the electoral code, the observation forms and what "
                "to do when they witness a violation. On election day, a team of lawyers will be on call to advise "
                "observers.",
            ),
            quote=(
                "The first time I observed, I was afraid of doing something wrong. By the evening I knew the rules "
                "better than some members of the commission.",
                "A student from Comrat who observed the last elections",
            ),
            caption="Observers are trained before election day.",
            topics=("elections",),
            link=("armenia-observers-report-on-local-elections-in-gyumri", "How observers worked in Armenia"),
        ),
        ru=StoryText(
            slug="ishchem-volonterov-nablyudateli-na-vyborakh-v-moldove",
            title="Ищем волонтёров: станьте наблюдателем на выборах в Молдове",
            summary=(
                "Мы ищем 300 волонтёров для наблюдения за местными выборами в Молдове, в том числе в Гагаузии и "
                "рядом с Приднестровьем. Обучение проводим сами."
            ),
            lead=(
                "Независимые наблюдатели делают выборы прозрачнее и помогают предотвращать фальсификации. На местных "
                "выборах в Молдове «Днестровский коллектив правовой помощи» и партнёрские группы хотят направить "
                "наблюдателей на 300 избирательных участков, в том числе в Гагаузию и в сёла у административной "
                "линии с Приднестровьем.",
                "Наблюдателю должно быть не меньше 18 лет; он не может быть кандидатом или членом партии и должен "
                "провести на участке весь день голосования. Нужно знать румынский или русский язык, знание обоих — "
                "преимущество.",
            ),
            heading="Обучение и поддержка",
            more=(
                "Каждый волонтёр пройдёт полудневное обучение: избирательный кодекс, формы наблюдения и что делать "
                "при нарушениях. В день голосования наблюдателей будут консультировать дежурные юристы.",
            ),
            quote=(
                "Когда я впервые пришёл наблюдать, я боялся сделать что-нибудь не так. К вечеру я знал правила лучше "
                "некоторых членов комиссии.",
                "Студент из Комрата, наблюдавший на прошлых выборах",
            ),
            caption="Перед днём голосования наблюдатели проходят обучение.",
            topics=("выборы",),
            link=("", "Все материалы сети"),
        ),
    ),
)

RUSSIAN_ONLY = (
    DemoStory(
        kind=StoryKind.NEWS,
        countries=("RU",),
        days_ago=5,
        image="horizon",
        ru=StoryText(
            slug="pravozashchitniki-ekaterinburga-otkryli-konsultatsii-dlya-semey-zaderzhannykh",
            title="Правозащитники Екатеринбурга открыли бесплатные консультации для семей задержанных",
            summary=(
                "По субботам юристы отвечают на вопросы родственников людей, задержанных на акциях или за публикации "
                "в интернете: куда писать, как найти адвоката, что передать в СИЗО."
            ),
            lead=(
                "Уральские правозащитники открыли бесплатные консультации для родственников людей, которых "
                "задерживают за участие в акциях, посты в социальных сетях или пожертвования. Консультации проходят "
                "по субботам в небольшом помещении в центре Екатеринбурга, а тем, кто живёт в других городах Урала, "
                "юристы отвечают по видеосвязи.",
                "Чаще всего спрашивают о самом простом: как узнать, в каком отделе полиции находится человек, как "
                "передать ему вещи и лекарства, как выбрать адвоката и сколько стоит защита. За первые два месяца за "
                "помощью обратились 86 семей.",
            ),
            heading="«Главное — не оставаться одним»",
            more=(
                "Юристы советуют родственникам как можно раньше записывать всё, что происходит: даты, фамилии "
                "сотрудников, ответы на запросы. Это помогает и в суде, и в жалобах на условия содержания.",
                "Кроме консультаций, волонтёры собирают передачи в СИЗО и помогают семьям писать письма.",
            ),
            quote=(
                "Люди приходят растерянными: вчера сына увезли из дома, и никто ничего не объясняет. Отменить арест "
                "мы не можем, но можем сделать так, чтобы семья знала свои права.",
                "Марина К., юрист консультационного пункта",
            ),
            caption="Консультации проходят каждую субботу.",
            topics=("правозащитники", "юридическая помощь"),
            link=(HIGHLIGHT_STORY, "Как написать письмо политзаключённому"),
        ),
    ),
    DemoStory(
        kind=StoryKind.NEWS,
        countries=("RU",),
        days_ago=23,
        image="windows",
        ru=StoryText(
            slug="pisma-v-kolonii-kak-volontery-povolzhya-podderzhivayut-politzaklyuchennykh",
            title="Письма в колонии: как волонтёры Поволжья поддерживают политзаключённых",
            summary=(
                "Небольшая группа из Самары и Саратова за год отправила больше трёх тысяч писем. Рассказываем, как "
                "устроена их работа и почему письма доходят не всегда."
            ),
            lead=(
                "Всё началось с одного письма: преподавательница из Саратова написала бывшему студенту, которого "
                "арестовали за антивоенный пост. Сегодня в группе больше сорока человек из разных городов Поволжья, "
                "и они переписываются со 120 заключёнными.",
                "Волонтёры пишут и электронные письма через систему ФСИН, и обычные бумажные. Письма проходят "
                "цензуру, поэтому в них не обсуждают ни уголовное дело, ни политику — только новости, книги, погоду "
                "и смешные истории про кошек.",
            ),
            heading="Когда письма не доходят",
            more=(
                "Примерно каждое пятое письмо не доходит до адресата или задерживается на недели. Волонтёры "
                "нумеруют письма и ведут таблицу, чтобы понимать, какие из них пропали, и при необходимости вместе "
                "с адвокатами пишут жалобы.",
            ),
            quote=(
                "Один человек написал нам из колонии: «Я перечитываю ваши письма, когда становится совсем тяжело». "
                "Ради таких строчек мы и продолжаем.",
                "Ольга, волонтёр из Самары",
            ),
            caption="Письма пишут от руки и отправляют через электронную почту ФСИН.",
            topics=("политзаключённые", "правозащитники"),
            link=(HIGHLIGHT_STORY, "Международный день солидарности с политзаключёнными"),
        ),
    ),
    DemoStory(
        kind=StoryKind.STATEMENT,
        countries=("BY", "RU"),
        days_ago=38,
        image="paths",
        ru=StoryText(
            slug="zayavlenie-advokaty-ne-dolzhny-platit-svobodoy-za-zashchitu",
            title="Заявление: адвокаты не должны платить свободой за защиту клиентов",
            summary=(
                "Организации сети «Солидарность» требуют прекратить преследование адвокатов в России и Беларуси, "
                "которых лишают статуса и арестовывают за работу по политическим делам."
            ),
            lead=(
                "За последние годы в Беларуси статуса лишены десятки адвокатов, защищавших участников протестов и "
                "политзаключённых; некоторые из них сами оказались за решёткой. В России адвокатов по политическим "
                "делам всё чаще вызывают на допросы, обыскивают и привлекают к дисциплинарной ответственности за "
                "публичные высказывания.",
                "Без независимой защиты право на справедливый суд превращается в формальность. Когда адвокат "
                "боится говорить о деле своего клиента, страдает прежде всего обвиняемый.",
            ),
            heading="Наши требования",
            more=(
                "Мы призываем власти России и Беларуси прекратить уголовное преследование адвокатов за "
                "профессиональную деятельность, восстановить статус тех, кого лишили его за защиту по политическим "
                "делам, и гарантировать конфиденциальность общения адвоката с подзащитным.",
            ),
            quote=(
                "Адвокат — последний, кто стоит между обвиняемым и произволом. Его нельзя наказывать за то, что он "
                "делает свою работу.",
                "Из заявления сети «Солидарность»",
            ),
            caption="Встречи адвоката с подзащитным должны оставаться конфиденциальными.",
            topics=("справедливый суд", "правозащитники"),
            link=(
                "behind-the-glass-trials-of-protesters-in-belarus",
                "Наш доклад о судах над участниками протестов в Беларуси",
            ),
        ),
    ),
)

# In the order they are made: a story links only to stories made before it.
STORIES: tuple[DemoStory, ...] = (*REPORTS, *STATEMENTS, *NEWS, *CALLS, *RUSSIAN_ONLY)
