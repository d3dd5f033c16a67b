"""Demo stories written in Ukrainian and in German (not translations), so those languages have their own.

Organisations and people are invented (the places are real). `demo.py` makes them after the English
and Russian stories, the same way as the Russian-only ones.
"""

from __future__ import annotations

from solidarity.demo.content import DemoStory, StoryText
from solidarity.stories.models import StoryKind

INDEX_UK = ("", "Усі матеріали мережі")
INDEX_DE = ("", "Alle Beiträge des Netzwerks")

UKRAINIAN = (
    (
        DemoStory(kind=StoryKind.NEWS, countries=("UA",), days_ago=3, image="arcs"),
        StoryText(
            slug="u-kharkovi-vidkryly-punkt-bezoplatnoi-pravovoi-dopomohy-dlia-pereselentsiv",
            title="У Харкові відкрили пункт безоплатної правової допомоги для переселенців",
            summary=(
                "Юристи громадської організації «Правова варта Слобожанщини» щовівторка й щочетверга консультують "
                "людей, які втратили житло або документи через війну."
            ),
            lead=(
                "У центрі Харкова запрацював пункт безоплатної правової допомоги для внутрішньо переміщених осіб. "
                "Його відкрила громадська організація «Правова варта Слобожанщини» разом із волонтерами з "
                "прифронтових громад області.",
                "Найчастіше люди звертаються через втрачені документи, компенсацію за зруйноване житло та "
                "виплати переселенцям. За перший місяць юристи провели понад двісті консультацій.",
            ),
            heading="«Людині потрібно, щоб її вислухали»",
            more=(
                "Тим, хто не може приїхати до Харкова, юристи відповідають телефоном і допомагають скласти заяви "
                "онлайн. Для літніх людей волонтери організовують виїзні консультації в гуртожитках, де мешкають "
                "переселенці.",
                "Організація веде знеособлену статистику звернень, щоб показати місцевій владі, з якими "
                "перешкодами люди стикаються найчастіше.",
            ),
            quote=(
                "Люди приходять з пакетом паперів і не знають, з чого почати. Ми разом розкладаємо все по "
                "поличках, і за годину в людини вже є план.",
                "Оксана Л., юристка пункту правової допомоги",
            ),
            caption="Консультації відбуваються щовівторка й щочетверга.",
            topics=("переселенці", "правова допомога"),
            link=INDEX_UK,
        ),
    ),
    (
        DemoStory(kind=StoryKind.REPORT, countries=("UA",), days_ago=11, image="windows"),
        StoryText(
            slug="dopovid-yak-rodyny-znyklykh-bezvisty-shukaiut-svoikh-blyzkykh",
            title="Доповідь: як родини зниклих безвісти шукають своїх близьких",
            summary=(
                "Ми поговорили з 64 родинами з Херсонщини та Запоріжжя. Більшість із них роками не отримують "
                "жодної офіційної відповіді про долю рідних."
            ),
            lead=(
                "Упродовж пів року дослідниці ініціативи «Голоси родин» записували розповіді людей, чиї близькі "
                "зникли на окупованих територіях або під час бойових дій. Усі імена в доповіді змінено.",
                "Родини розповідають про однакові труднощі: запити залишаються без відповіді, відомості в різних "
                "реєстрах не збігаються, а про місце утримання людини часто дізнаються лише від тих, кого звільнили.",
            ),
            heading="Що ми рекомендуємо",
            more=(
                "Ми закликаємо створити єдине вікно для звернень родин, регулярно повідомляти їм про хід пошуку "
                "та забезпечити безоплатну психологічну підтримку. Міжнародні організації мають отримати доступ до "
                "всіх місць несвободи.",
            ),
            quote=(
                "Найважче — не знати. Я пишу листи всюди, куди можна, і щоразу чекаю, що наступна відповідь "
                "буде іншою.",
                "Мати зниклого безвісти, Запоріжжя",
            ),
            caption="Родини роками зберігають копії всіх своїх запитів.",
            topics=("зниклі безвісти", "війна"),
            link=INDEX_UK,
        ),
    ),
    (
        DemoStory(kind=StoryKind.STATEMENT, countries=("UA", "BY", "RU"), days_ago=19, image="stripes"),
        StoryText(
            slug="zaiava-tsyvilni-zaruchnyky-maiut-povernutysia-dodomu",
            title="Заява: цивільні заручники мають повернутися додому",
            summary=(
                "Організації мережі «Солідарність» вимагають звільнити цивільних, яких незаконно утримують у Росії "
                "та Білорусі, і допустити до них адвокатів та міжнародних спостерігачів."
            ),
            lead=(
                "Тисячі цивільних громадян України — журналістів, волонтерів, посадовців місцевих громад — "
                "утримують у російських в’язницях без жодного вироку. Родини роками не можуть передати їм листа.",
                "Утримання цивільних як заручників заборонене міжнародним гуманітарним правом за будь-яких обставин.",
            ),
            heading="Наші вимоги",
            more=(
                "Ми вимагаємо негайно звільнити всіх незаконно утримуваних цивільних, оприлюднити списки місць "
                "утримання та допустити туди Міжнародний комітет Червоного Хреста.",
            ),
            quote=(
                "За кожним прізвищем у списку — людина, яку чекають удома. Ми не дамо світові про них забути.",
                "Із заяви мережі «Солідарність»",
            ),
            caption="Родини заручників щотижня збираються на мирні акції.",
            topics=("політв’язні", "війна"),
            link=INDEX_UK,
        ),
    ),
    (
        DemoStory(kind=StoryKind.NEWS, countries=("UA", "MD"), days_ago=27, image="triangles"),
        StoryText(
            slug="v-odesi-ta-kyshynevi-zavershylasia-shkola-molodykh-pravozakhysnykiv",
            title="В Одесі та Кишиневі завершилася школа молодих правозахисників",
            summary=(
                "Тридцять студентів і студенток з України та Молдови тиждень вчилися документувати порушення прав "
                "людини та безпечно працювати зі свідками."
            ),
            lead=(
                "Літня школа «Права без кордонів» пройшла у два етапи: перші три дні учасники навчалися в Одесі, "
                "решту — у Кишиневі. Заняття вели практики з правозахисних організацій обох країн.",
                "Учасники вчилися брати інтерв’ю у свідків, перевіряти фото й відео та зберігати зібрані дані так, "
                "щоб вони не потрапили до сторонніх.",
            ),
            heading="Від навчання до практики",
            more=(
                "Наприкінці школи команди підготували власні невеликі дослідження: про доступ переселенців до "
                "медицини, про умови в місцях тимчасового тримання, про мову ворожнечі в місцевих медіа.",
            ),
            quote=(
                "Я приїхала з думкою, що права людини — це про суди й міжнародні конвенції. А виявилося, що це "
                "насамперед про уважність до людини, яка поруч.",
                "Дарина, учасниця школи з Одеси",
            ),
            caption="Учасники школи на занятті з документування.",
            topics=("правозахисники", "навчання"),
            link=INDEX_UK,
        ),
    ),
)

GERMAN = (
    (
        DemoStory(kind=StoryKind.NEWS, countries=("BY", "DE"), days_ago=4, image="windows"),
        StoryText(
            slug="berlin-briefabend-fuer-politische-gefangene-in-belarus",
            title="Berlin: Briefabend für politische Gefangene in Belarus",
            summary=(
                "Mehr als achtzig Menschen schrieben in einem Kreuzberger Nachbarschaftscafé Postkarten an "
                "Inhaftierte in Belarus. Die Initiative „Post nach Minsk“ lädt jeden Monat dazu ein."
            ),
            lead=(
                "Seit zwei Jahren organisiert die Berliner Initiative „Post nach Minsk“ einmal im Monat einen "
                "Briefabend. Wer kommt, bekommt eine Liste mit Namen und Adressen, Hinweise zur Zensur in den "
                "Haftanstalten und so viele Postkarten, wie er oder sie schreiben möchte.",
                "Geschrieben wird auf Belarussisch, Russisch oder einfach auf Deutsch: Viele Gefangene freuen sich "
                "über jede Zeile, auch wenn sie sie erst übersetzen müssen.",
            ),
            heading="Was in einer Karte stehen darf",
            more=(
                "Politische Themen und das Strafverfahren lässt man besser weg, sonst kommt die Karte nicht an. "
                "Stattdessen erzählen die Schreibenden vom Wetter, von Büchern oder vom Alltag in Berlin.",
            ),
            quote=(
                "Ein ehemaliger Gefangener hat uns erzählt, dass er jede Karte aufgehoben hat. Seitdem weiß ich, "
                "wofür wir das machen.",
                "Jana W., Mitgründerin von „Post nach Minsk“",
            ),
            caption="Jeden Monat entstehen an einem Abend Dutzende Postkarten.",
            topics=("politische Gefangene", "Solidarität"),
            link=INDEX_DE,
        ),
    ),
    (
        DemoStory(kind=StoryKind.NEWS, countries=("GE",), days_ago=9, image="horizon"),
        StoryText(
            slug="tiflis-beobachterinnen-begleiten-prozesse-gegen-demonstrierende",
            title="Tiflis: Beobachterinnen begleiten Prozesse gegen Demonstrierende",
            summary=(
                "Ein georgisches Netzwerk freiwilliger Prozessbeobachterinnen und -beobachter besucht jede "
                "Verhandlung gegen Menschen, die bei Protesten festgenommen wurden."
            ),
            lead=(
                "Seit den Protesten vor dem Parlament in Tiflis stehen Dutzende junge Menschen vor Gericht. Das "
                "Netzwerk „Offener Saal“ sorgt dafür, dass bei keiner Verhandlung die Zuschauerbänke leer bleiben.",
                "Die Beobachtenden notieren, ob die Verhandlung öffentlich ist, ob die Angeklagten mit ihren "
                "Anwältinnen und Anwälten sprechen können und ob das Gericht auf die Beweise der Verteidigung eingeht.",
            ),
            heading="Protokolle für die Öffentlichkeit",
            more=(
                "Aus den Notizen entstehen kurze Berichte, die das Netzwerk jede Woche veröffentlicht. Sie werden "
                "auch an internationale Organisationen weitergegeben, die die Lage in Georgien verfolgen.",
            ),
            quote=(
                "Wenn Richter sehen, dass jemand mitschreibt, verändert das die Atmosphäre im Saal. Öffentlichkeit "
                "ist der einfachste Schutz, den wir bieten können.",
                "Nino K., Koordinatorin von „Offener Saal“",
            ),
            caption="Die Beobachtenden besuchen auch Verhandlungen außerhalb der Hauptstadt.",
            topics=("faires Verfahren", "Versammlungsfreiheit"),
            link=INDEX_DE,
        ),
    ),
    (
        DemoStory(kind=StoryKind.STATEMENT, countries=("AZ",), days_ago=16, image="paths"),
        StoryText(
            slug="erklaerung-freiheit-fuer-die-inhaftierten-journalistinnen-und-journalisten-in-aserbaidschan",
            title="Erklärung: Freiheit für die inhaftierten Journalistinnen und Journalisten in Aserbaidschan",
            summary=(
                "Die Organisationen des Netzwerks „Solidarität“ fordern die sofortige Freilassung der "
                "Medienschaffenden, die in Baku wegen ihrer Recherchen in Haft sitzen."
            ),
            lead=(
                "In Aserbaidschan sitzen so viele Journalistinnen und Journalisten in Haft wie seit Jahren nicht. "
                "Die meisten von ihnen haben über Korruption berichtet; angeklagt sind sie wegen angeblichen "
                "Schmuggels oder Steuerdelikten.",
                "Diese Vorwürfe dienen dazu, unabhängige Berichterstattung zum Schweigen zu bringen. Journalismus "
                "ist kein Verbrechen.",
            ),
            heading="Unsere Forderungen",
            more=(
                "Wir fordern die Behörden Aserbaidschans auf, alle wegen ihrer Arbeit inhaftierten "
                "Medienschaffenden freizulassen, die Verfahren gegen sie einzustellen und unabhängigen "
                "Beobachterinnen und Beobachtern Zugang zu den Gerichtsverhandlungen zu gewähren.",
            ),
            quote=(
                "Wer die Überbringer schlechter Nachrichten einsperrt, ändert nichts an den Nachrichten.",
                "Aus der Erklärung des Netzwerks „Solidarität“",
            ),
            caption="Angehörige der Inhaftierten vor einem Gericht in Baku.",
            topics=("Pressefreiheit", "politische Gefangene"),
            link=INDEX_DE,
        ),
    ),
    (
        DemoStory(kind=StoryKind.REPORT, countries=("UA", "DE"), days_ago=30, image="circles"),
        StoryText(
            slug="bericht-rechtsberatung-fuer-gefluechtete-aus-der-ukraine-in-sachsen",
            title="Bericht: Wie Geflüchtete aus der Ukraine in Sachsen Rechtsberatung finden",
            summary=(
                "Der Leipziger Verein „Brücke Ost“ hat ein Jahr lang seine Beratungsgespräche ausgewertet: Die "
                "meisten Fragen betreffen Aufenthalt, Arbeit und die Anerkennung von Abschlüssen."
            ),
            lead=(
                "Mehr als 1.200 Gespräche hat „Brücke Ost“ im vergangenen Jahr in Leipzig, Dresden und Chemnitz "
                "geführt, auf Ukrainisch, Russisch und Deutsch. Der Bericht fasst zusammen, wo Geflüchtete auf "
                "Hindernisse stoßen.",
                "Lange Wartezeiten bei den Ausländerbehörden, fehlende Dolmetscherinnen und Dolmetscher und "
                "Unsicherheit über die Zukunft des Aufenthaltsrechts ziehen sich durch fast alle Gespräche.",
            ),
            heading="Was sich ändern muss",
            more=(
                "Der Verein empfiehlt mehrsprachige Informationen in allen Behörden, feste Ansprechpersonen für "
                "Menschen mit Behinderungen und eine schnellere Anerkennung ukrainischer Berufsabschlüsse.",
            ),
            quote=(
                "Die Menschen wollen arbeiten und hier ankommen. Oft scheitert es an einem Formular, das niemand "
                "erklärt hat.",
                "Olena B., Beraterin bei „Brücke Ost“",
            ),
            caption="Beratung in drei Sprachen, in drei sächsischen Städten.",
            topics=("Geflüchtete", "Rechtsberatung"),
            link=INDEX_DE,
        ),
    ),
)

# (language, story, its text), in the order they are made.
STORIES_UK_DE: tuple[tuple[str, DemoStory, StoryText], ...] = (
    *(("uk", spec, text) for spec, text in UKRAINIAN),
    *(("de", spec, text) for spec, text in GERMAN),
)
