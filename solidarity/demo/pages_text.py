"""The demo's pages of text (About, Contact, Privacy) and its footer, in the six languages of the site.

The network, its address and its profiles are invented; the address is a post-office box, and
no email address is given anywhere (questions go through the coordinators' contact form).
"""

from __future__ import annotations

from dataclasses import dataclass

# A paragraph is a string (inline HTML allowed); a tuple of strings is a bulleted list.
Block = str | tuple[str, ...]


@dataclass(frozen=True)
class PageText:
    title: str
    intro: str
    sections: tuple[tuple[str, tuple[Block, ...]], ...]


@dataclass(frozen=True)
class FooterText:
    text: str
    country: str  # the last line of the postal address
    countries_label: str  # the menu's link to the list of countries


# The slugs are the same in every language (About is /ru/about/): the menu builder finds them so.
PAGE_SLUGS = ("about", "contact", "privacy")

ADDRESS_LINES = ("Solidarity Network e.V.", "Postfach 36 02 14", "10972 Berlin")
PROFILES = (
    ("Mastodon", "https://mastodon.example/@solidarity"),
    ("PeerTube", "https://video.example/c/solidarity"),
)


def postal_address(language: str) -> str:
    return "\n".join([*ADDRESS_LINES, FOOTERS[language].country])


def address_html(language: str) -> str:
    return "<br/>".join([*ADDRESS_LINES, FOOTERS[language].country])


FOOTERS = {
    "en": FooterText(
        text="Solidarity is run by its member organisations. Our texts may be republished with a link to the source.",
        country="Germany",
        countries_label="Countries",
    ),
    "ru": FooterText(
        text="Сетью «Солидарность» руководят её организации-участницы. Наши материалы можно перепечатывать "
        "со ссылкой на источник.",
        country="Германия",
        countries_label="Страны",
    ),
    "uk": FooterText(
        text="Мережею «Солідарність» керують її організації-учасниці. Наші матеріали можна передруковувати "
        "з посиланням на джерело.",
        country="Німеччина",
        countries_label="Країни",
    ),
    "be": FooterText(
        text="Сеткай «Салідарнасць» кіруюць яе арганізацыі-ўдзельніцы. Нашы матэрыялы можна перадрукоўваць "
        "са спасылкай на крыніцу.",
        country="Германія",
        countries_label="Краіны",
    ),
    "de": FooterText(
        text="Solidarity wird von seinen Mitgliedsorganisationen getragen. Unsere Texte dürfen mit Quellenangabe "
        "und Link weiterverbreitet werden.",
        country="Deutschland",
        countries_label="Länder",
    ),
    "fr": FooterText(
        text="Solidarity est animé par ses organisations membres. Nos textes peuvent être repris avec un lien "
        "vers la source.",
        country="Allemagne",
        countries_label="Pays",
    ),
}


ABOUT = {
    "en": PageText(
        title="About the network",
        intro="Solidarity links human-rights organisations across the OSCE region: groups that document abuses, "
        "defend people in court and stand by those who are persecuted.",
        sections=(
            (
                "Who we are",
                (
                    "The network was founded in 2011 by eleven groups from Belarus, Russia and Ukraine that had "
                    "already been working together informally for years. Today it brings together more than forty "
                    "member organisations from the South Caucasus to Central Asia, from small volunteer groups to "
                    "established legal aid centres.",
                    "Members stay independent: each group decides its own work. What they share is a commitment to "
                    "human rights, to non-violence and to the safety of the people they work with.",
                ),
            ),
            (
                "What we do",
                (
                    (
                        "We publish stories, reports and statements by our members in the languages of the region.",
                        "We coordinate public calls and days of action, such as letter-writing evenings for "
                        "political prisoners.",
                        "We train monitors and lawyers, and help members keep their data and their people safe.",
                        "We bring evidence before the UN, the OSCE and the Council of Europe.",
                    ),
                ),
            ),
            (
                "How we are run",
                (
                    "Member organisations elect a coordination council of seven people for two years. Country "
                    "coordinators are responsible for the network's work in their countries. The network takes no "
                    "money from the governments of the countries it monitors, and it publishes its accounts "
                    "every year.",
                ),
            ),
            (
                "Taking part",
                (
                    "Organisations that share our aims can apply to join the network. Anyone can sign our public "
                    "calls, take part in an activity near them or subscribe to the newsletter.",
                ),
            ),
        ),
    ),
    "ru": PageText(
        title="О сети",
        intro="«Солидарность» объединяет правозащитные организации региона ОБСЕ: тех, кто документирует "
        "нарушения, защищает людей в суде и поддерживает преследуемых.",
        sections=(
            (
                "Кто мы",
                (
                    "Сеть основали в 2011 году одиннадцать групп из Беларуси, России и Украины, которые к тому "
                    "времени уже много лет работали вместе без всякого оформления. Сегодня в неё входят больше "
                    "сорока организаций от Южного Кавказа до Центральной Азии — от небольших волонтёрских групп "
                    "до известных центров юридической помощи.",
                    "Участники сети остаются независимыми: каждая группа сама определяет свою работу. Их объединяет "
                    "верность правам человека, ненасилию и безопасности людей, с которыми они работают.",
                ),
            ),
            (
                "Что мы делаем",
                (
                    (
                        "Публикуем новости, доклады и заявления наших участников на языках региона.",
                        "Координируем публичные обращения и дни действий — например, вечера писем политзаключённым.",
                        "Обучаем наблюдателей и юристов, помогаем организациям беречь свои данные и своих людей.",
                        "Передаём собранные доказательства в ООН, ОБСЕ и Совет Европы.",
                    ),
                ),
            ),
            (
                "Как устроена сеть",
                (
                    "Организации-участницы на два года избирают координационный совет из семи человек. "
                    "За работу сети в каждой стране отвечают страновые координаторы. Сеть не принимает денег от "
                    "правительств стран, за которыми наблюдает, и каждый год публикует свой финансовый отчёт.",
                ),
            ),
            (
                "Как присоединиться",
                (
                    "Организации, которые разделяют наши цели, могут подать заявку на вступление в сеть. "
                    "Любой человек может подписать наши обращения, прийти на акцию в своём городе или "
                    "подписаться на рассылку.",
                ),
            ),
        ),
    ),
    "uk": PageText(
        title="Про мережу",
        intro="«Солідарність» об'єднує правозахисні організації регіону ОБСЄ: тих, хто документує порушення, "
        "захищає людей у суді та підтримує переслідуваних.",
        sections=(
            (
                "Хто ми",
                (
                    "Мережу заснували 2011 року одинадцять груп із Білорусі, Росії та України, які на той час уже "
                    "багато років співпрацювали неформально. Сьогодні до неї входить понад сорок організацій від "
                    "Південного Кавказу до Центральної Азії — від невеликих волонтерських груп до знаних центрів "
                    "правової допомоги.",
                    "Учасники мережі залишаються незалежними: кожна група сама визначає свою роботу. Їх об'єднує "
                    "відданість правам людини, ненасильству та безпеці людей, з якими вони працюють.",
                ),
            ),
            (
                "Що ми робимо",
                (
                    (
                        "Публікуємо новини, доповіді та заяви наших учасників мовами регіону.",
                        "Координуємо публічні звернення та дні дій — наприклад, вечори листів політв'язням.",
                        "Навчаємо спостерігачів і юристів, допомагаємо організаціям берегти свої дані та своїх людей.",
                        "Передаємо зібрані докази до ООН, ОБСЄ та Ради Європи.",
                    ),
                ),
            ),
            (
                "Як влаштована мережа",
                (
                    "Організації-учасниці на два роки обирають координаційну раду із семи людей. За роботу мережі "
                    "в кожній країні відповідають координатори країн. Мережа не бере грошей від урядів країн, за "
                    "якими спостерігає, і щороку оприлюднює свій фінансовий звіт.",
                ),
            ),
            (
                "Як долучитися",
                (
                    "Організації, що поділяють наші цілі, можуть подати заявку на вступ до мережі. Будь-хто може "
                    "підписати наші звернення, прийти на акцію у своєму місті або підписатися на розсилку.",
                ),
            ),
        ),
    ),
    "be": PageText(
        title="Пра сетку",
        intro="«Салідарнасць» аб'ядноўвае праваабарончыя арганізацыі рэгіёна АБСЕ: тых, хто дакументуе "
        "парушэнні, абараняе людзей у судзе і падтрымлівае пераследаваных.",
        sections=(
            (
                "Хто мы",
                (
                    "Сетку заснавалі ў 2011 годзе адзінаццаць груп з Беларусі, Расіі і Украіны, якія да таго часу "
                    "ўжо шмат гадоў супрацоўнічалі неафіцыйна. Сёння ў яе ўваходзіць больш за сорак арганізацый "
                    "ад Паўднёвага Каўказа да Цэнтральнай Азіі — ад невялікіх валанцёрскіх груп да вядомых цэнтраў "
                    "юрыдычнай дапамогі.",
                    "Удзельнікі сеткі застаюцца незалежнымі: кожная група сама вызначае сваю працу. Іх яднае "
                    "вернасць правам чалавека, негвалтоўнасці і бяспецы людзей, з якімі яны працуюць.",
                ),
            ),
            (
                "Што мы робім",
                (
                    (
                        "Публікуем навіны, даклады і заявы нашых удзельнікаў на мовах рэгіёна.",
                        "Каардынуем публічныя звароты і дні дзеянняў — напрыклад, вечары лістоў палітвязням.",
                        "Навучаем назіральнікаў і юрыстаў, дапамагаем арганізацыям берагчы свае даныя і сваіх людзей.",
                        "Перадаём сабраныя доказы ў ААН, АБСЕ і Савет Еўропы.",
                    ),
                ),
            ),
            (
                "Як уладкавана сетка",
                (
                    "Арганізацыі-ўдзельніцы на два гады абіраюць каардынацыйную раду з сямі чалавек. За працу "
                    "сеткі ў кожнай краіне адказваюць каардынатары краін. Сетка не бярэ грошай ад урадаў краін, "
                    "за якімі назірае, і штогод публікуе сваю фінансавую справаздачу.",
                ),
            ),
            (
                "Як далучыцца",
                (
                    "Арганізацыі, якія падзяляюць нашы мэты, могуць падаць заяўку на ўступленне ў сетку. Кожны "
                    "можа падпісаць нашы звароты, прыйсці на акцыю ў сваім горадзе або падпісацца на рассылку.",
                ),
            ),
        ),
    ),
    "de": PageText(
        title="Über das Netzwerk",
        intro="Solidarity verbindet Menschenrechtsorganisationen im gesamten OSZE-Raum: Gruppen, die "
        "Menschenrechtsverletzungen dokumentieren, Betroffene vor Gericht verteidigen und Verfolgten beistehen.",
        sections=(
            (
                "Wer wir sind",
                (
                    "Das Netzwerk wurde 2011 von elf Gruppen aus Belarus, Russland und der Ukraine gegründet, die "
                    "schon seit Jahren informell zusammengearbeitet hatten. Heute gehören ihm mehr als vierzig "
                    "Organisationen vom Südkaukasus bis Zentralasien an – von kleinen ehrenamtlichen Initiativen bis "
                    "zu etablierten Rechtshilfezentren.",
                    "Die Mitglieder bleiben unabhängig: Jede Gruppe entscheidet selbst über ihre Arbeit. Gemeinsam ist "
                    "ihnen das Eintreten für die Menschenrechte, für Gewaltfreiheit und für die Sicherheit der "
                    "Menschen, mit denen sie arbeiten.",
                ),
            ),
            (
                "Was wir tun",
                (
                    (
                        "Wir veröffentlichen Berichte, Meldungen und Stellungnahmen unserer Mitglieder in den "
                        "Sprachen der Region.",
                        "Wir koordinieren öffentliche Aufrufe und Aktionstage, etwa Briefabende für politische "
                        "Gefangene.",
                        "Wir schulen Beobachterinnen, Beobachter und Anwälte und helfen unseren Mitgliedern, "
                        "ihre Daten und ihre Leute zu schützen.",
                        "Wir tragen Belege vor die Vereinten Nationen, die OSZE und den Europarat.",
                    ),
                ),
            ),
            (
                "Wie wir organisiert sind",
                (
                    "Die Mitgliedsorganisationen wählen für zwei Jahre einen Koordinationsrat aus sieben Personen. "
                    "Länderkoordinatorinnen und -koordinatoren verantworten die Arbeit des Netzwerks in ihren "
                    "Ländern. Das Netzwerk nimmt kein Geld von den Regierungen der Länder an, die es beobachtet, und "
                    "legt jedes Jahr seine Finanzen offen.",
                ),
            ),
            (
                "Mitmachen",
                (
                    "Organisationen, die unsere Ziele teilen, können die Aufnahme ins Netzwerk beantragen. Alle "
                    "können unsere Aufrufe unterzeichnen, bei einer Aktion in ihrer Nähe mitmachen oder den "
                    "Newsletter abonnieren.",
                ),
            ),
        ),
    ),
    "fr": PageText(
        title="Le réseau",
        intro="Solidarity relie des organisations de défense des droits humains de toute la région de l'OSCE : "
        "des groupes qui documentent les violations, défendent les personnes devant les tribunaux et soutiennent "
        "celles et ceux qui sont persécutés.",
        sections=(
            (
                "Qui sommes-nous",
                (
                    "Le réseau a été fondé en 2011 par onze groupes du Bélarus, de Russie et d'Ukraine qui "
                    "travaillaient déjà ensemble de manière informelle depuis des années. Il réunit aujourd'hui plus "
                    "de quarante organisations, du Caucase du Sud à l'Asie centrale, des petits collectifs bénévoles "
                    "aux centres d'aide juridique reconnus.",
                    "Chaque membre reste indépendant et décide lui-même de son travail. Tous partagent le même "
                    "attachement aux droits humains, à la non-violence et à la sécurité des personnes qu'ils "
                    "accompagnent.",
                ),
            ),
            (
                "Ce que nous faisons",
                (
                    (
                        "Nous publions les actualités, rapports et déclarations de nos membres dans les langues "
                        "de la région.",
                        "Nous coordonnons des appels publics et des journées d'action, comme des soirées d'écriture "
                        "de lettres aux prisonniers politiques.",
                        "Nous formons des observateurs et des avocats, et aidons nos membres à protéger leurs données "
                        "et leurs équipes.",
                        "Nous portons les preuves recueillies devant l'ONU, l'OSCE et le Conseil de l'Europe.",
                    ),
                ),
            ),
            (
                "Notre fonctionnement",
                (
                    "Les organisations membres élisent pour deux ans un conseil de coordination de sept personnes. "
                    "Des coordinateurs et coordinatrices par pays répondent du travail du réseau dans leur pays. "
                    "Le réseau n'accepte aucun financement des gouvernements des pays qu'il observe et publie ses "
                    "comptes chaque année.",
                ),
            ),
            (
                "Participer",
                (
                    "Les organisations qui partagent nos objectifs peuvent demander à rejoindre le réseau. Chacun "
                    "peut signer nos appels, participer à une action près de chez soi ou s'abonner à la lettre "
                    "d'information.",
                ),
            ),
        ),
    ),
}


def _contact(language: str) -> PageText:
    return CONTACT_WORDS[language](address_html(language))


CONTACT_WORDS = {
    "en": lambda address: PageText(
        title="Contact",
        intro="Write to us through the contact form: your message goes straight to the network's coordinators.",
        sections=(
            (
                "Questions and requests",
                (
                    "Questions about the network, requests from journalists and offers of help all reach the "
                    "coordinators through the contact form. Tell us which country your question is about, and the "
                    "coordinator for that country will answer you.",
                    "The form will open on this page soon. Until then, please write to us by post.",
                ),
            ),
            (
                "Your safety first",
                (
                    "If you are writing from a country where contacting a human-rights organisation is dangerous, "
                    "do not give your real name or anything else that could identify you. We reply only to the "
                    "address you give us, and we never pass your message on without your consent.",
                ),
            ),
            (
                "By post",
                (
                    address,
                    "We publish no email address: addresses on web pages are harvested by spam robots, and the "
                    "form lets us send each question to the right person.",
                ),
            ),
        ),
    ),
    "ru": lambda address: PageText(
        title="Контакты",
        intro="Напишите нам через форму обратной связи: ваше сообщение сразу попадёт к координаторам сети.",
        sections=(
            (
                "Вопросы и обращения",
                (
                    "Вопросы о сети, запросы журналистов и предложения помощи приходят к координаторам через форму "
                    "обратной связи. Укажите, какой страны касается ваш вопрос, — и вам ответит координатор по "
                    "этой стране.",
                    "Форма скоро появится на этой странице. А пока, пожалуйста, пишите нам по почте.",
                ),
            ),
            (
                "Прежде всего — безопасность",
                (
                    "Если вы пишете из страны, где связь с правозащитниками опасна, не указывайте настоящее имя и "
                    "ничего, по чему вас можно узнать. Мы отвечаем только на тот адрес, который вы нам дадите, и "
                    "никогда не передаём ваши сообщения третьим лицам без вашего согласия.",
                ),
            ),
            (
                "Почтовый адрес",
                (
                    address,
                    "Мы не публикуем адрес электронной почты: адреса с веб-страниц собирают спам-роботы, а форма "
                    "позволяет сразу направить вопрос нужному человеку.",
                ),
            ),
        ),
    ),
    "uk": lambda address: PageText(
        title="Контакти",
        intro="Напишіть нам через форму зворотного зв'язку: ваше повідомлення одразу потрапить до координаторів "
        "мережі.",
        sections=(
            (
                "Запитання та звернення",
                (
                    "Запитання про мережу, запити журналістів і пропозиції допомоги надходять до координаторів через "
                    "форму зворотного зв'язку. Зазначте, якої країни стосується ваше запитання, — і вам відповість "
                    "координатор цієї країни.",
                    "Форма невдовзі з'явиться на цій сторінці. А поки що, будь ласка, пишіть нам поштою.",
                ),
            ),
            (
                "Насамперед — безпека",
                (
                    "Якщо ви пишете з країни, де зв'язок із правозахисниками небезпечний, не вказуйте справжнього "
                    "імені й нічого, за чим вас можна впізнати. Ми відповідаємо лише на ту адресу, яку ви нам "
                    "дасте, і ніколи не передаємо ваших повідомлень іншим без вашої згоди.",
                ),
            ),
            (
                "Поштова адреса",
                (
                    address,
                    "Ми не публікуємо адреси електронної пошти: адреси з вебсторінок збирають спам-роботи, а форма "
                    "дає змогу одразу передати запитання потрібній людині.",
                ),
            ),
        ),
    ),
    "be": lambda address: PageText(
        title="Кантакты",
        intro="Напішыце нам праз форму зваротнай сувязі: ваша паведамленне адразу трапіць да каардынатараў сеткі.",
        sections=(
            (
                "Пытанні і звароты",
                (
                    "Пытанні пра сетку, запыты журналістаў і прапановы дапамогі трапляюць да каардынатараў праз "
                    "форму зваротнай сувязі. Пазначце, якой краіны датычыць ваша пытанне, — і вам адкажа "
                    "каардынатар па гэтай краіне.",
                    "Форма хутка з'явіцца на гэтай старонцы. А пакуль, калі ласка, пішыце нам поштай.",
                ),
            ),
            (
                "Перш за ўсё — бяспека",
                (
                    "Калі вы пішаце з краіны, дзе сувязь з праваабаронцамі небяспечная, не пазначайце сапраўднага "
                    "імя і нічога, па чым вас можна пазнаць. Мы адказваем толькі на той адрас, які вы нам дасце, і "
                    "ніколі не перадаём вашых паведамленняў іншым без вашай згоды.",
                ),
            ),
            (
                "Паштовы адрас",
                (
                    address,
                    "Мы не публікуем адрас электроннай пошты: адрасы з вэб-старонак збіраюць спам-робаты, а форма "
                    "дазваляе адразу накіраваць пытанне патрэбнаму чалавеку.",
                ),
            ),
        ),
    ),
    "de": lambda address: PageText(
        title="Kontakt",
        intro="Schreiben Sie uns über das Kontaktformular: Ihre Nachricht geht direkt an die Koordination des "
        "Netzwerks.",
        sections=(
            (
                "Fragen und Anliegen",
                (
                    "Fragen zum Netzwerk, Presseanfragen und Hilfsangebote erreichen die Koordination über das "
                    "Kontaktformular. Geben Sie an, um welches Land es geht – dann antwortet Ihnen die zuständige "
                    "Länderkoordination.",
                    "Das Formular wird in Kürze auf dieser Seite freigeschaltet. Bis dahin schreiben Sie uns bitte "
                    "per Post.",
                ),
            ),
            (
                "Ihre Sicherheit zuerst",
                (
                    "Wenn Sie aus einem Land schreiben, in dem der Kontakt zu Menschenrechtsorganisationen gefährlich "
                    "ist, nennen Sie weder Ihren echten Namen noch etwas anderes, woran man Sie erkennen könnte. Wir "
                    "antworten nur an die Adresse, die Sie uns angeben, und geben Ihre Nachricht nie ohne Ihre "
                    "Zustimmung weiter.",
                ),
            ),
            (
                "Postanschrift",
                (
                    address,
                    "Eine E-Mail-Adresse veröffentlichen wir nicht: Adressen auf Webseiten werden von Spam-Robotern "
                    "eingesammelt, und über das Formular erreicht jede Frage gleich die richtige Person.",
                ),
            ),
        ),
    ),
    "fr": lambda address: PageText(
        title="Contact",
        intro="Écrivez-nous via le formulaire de contact : votre message parvient directement aux coordinateurs "
        "du réseau.",
        sections=(
            (
                "Questions et demandes",
                (
                    "Les questions sur le réseau, les demandes de journalistes et les propositions d'aide parviennent "
                    "aux coordinateurs par le formulaire de contact. Indiquez le pays que concerne votre question : "
                    "la personne chargée de ce pays vous répondra.",
                    "Le formulaire sera bientôt disponible sur cette page. D'ici là, écrivez-nous par courrier.",
                ),
            ),
            (
                "Votre sécurité d'abord",
                (
                    "Si vous écrivez depuis un pays où il est dangereux de contacter une organisation de défense des "
                    "droits humains, ne donnez ni votre vrai nom ni aucun détail permettant de vous identifier. Nous "
                    "répondons uniquement à l'adresse que vous nous indiquez et ne transmettons jamais votre message "
                    "sans votre accord.",
                ),
            ),
            (
                "Par courrier",
                (
                    address,
                    "Nous ne publions pas d'adresse électronique : les adresses affichées sur le web sont récoltées "
                    "par des robots de spam, et le formulaire nous permet d'adresser chaque question à la bonne "
                    "personne.",
                ),
            ),
        ),
    ),
}

PRIVACY = {
    "en": PageText(
        title="Privacy",
        intro="This site is built to keep as little about you as possible. Here is exactly what it keeps, why, "
        "and for how long.",
        sections=(
            (
                "When you read",
                (
                    "Reading this site leaves no trace with us. We store no IP addresses, set no cookies for readers "
                    "and use no analytics or tracking of any kind.",
                    "Every page, font and image comes from this server: your browser contacts no other company when "
                    "you visit us. The share buttons are plain links, and nothing is loaded from those services "
                    "unless you choose one.",
                ),
            ),
            (
                "Protection against abuse",
                (
                    "To stop automated abuse, our forms count how often they are sent from the same connection. "
                    "They count a scrambled code made from the address with a secret key, never the address itself, "
                    "and forget it within an hour.",
                ),
            ),
            (
                "What we keep, and for how long",
                (
                    (
                        "<b>Signatures of public calls:</b> your name, email address, country and, if you sign for "
                        "one, your organisation. We keep them while the call is open and for one year after it "
                        "closes. Your email address is never published; your name appears on the list only if you "
                        "choose so. A signature that is not confirmed by email is deleted after 7 days.",
                        "<b>Sign-ups for activities:</b> your name, email address and, if you give one, a phone "
                        "number. Only the coordinator of the activity's country sees them; they are deleted 30 days "
                        "after the activity.",
                        "<b>Newsletter:</b> your email address and the language you chose. Every issue has a link to "
                        "unsubscribe, and your address is then deleted at once. An address that is not confirmed is "
                        "deleted after 7 days.",
                        "<b>Comments:</b> the name you choose and your text, shown with your comment. The email "
                        "address that confirms it is never shown, and is deleted with the comment, or 30 days after "
                        "a comment is turned down.",
                    ),
                ),
            ),
            (
                "How your data is protected",
                (
                    "Names, email addresses and phone numbers are stored encrypted. The key is kept apart from the "
                    "database, so a copy of the database alone reveals none of them. Staff see only the records of "
                    "the countries they are responsible for, and they log in with a second factor.",
                ),
            ),
            (
                "Your rights",
                (
                    "Every email we send you contains a link where you can see everything we hold about you, "
                    "download it or delete it. For any other question about your data, write to us through the "
                    "contact page.",
                ),
            ),
        ),
    ),
    "ru": PageText(
        title="Конфиденциальность",
        intro="Этот сайт устроен так, чтобы хранить о вас как можно меньше. Здесь точно написано, что он хранит, "
        "зачем и как долго.",
        sections=(
            (
                "Когда вы читаете",
                (
                    "Чтение сайта не оставляет у нас никаких следов. Мы не храним IP-адреса, не ставим читателям "
                    "куки и не пользуемся никакой аналитикой или слежкой.",
                    "Все страницы, шрифты и картинки загружаются с нашего сервера: ваш браузер не обращается ни к "
                    "каким другим компаниям. Кнопки «Поделиться» — это обычные ссылки: с этих сервисов ничего не "
                    "загружается, пока вы сами не выберете один из них.",
                ),
            ),
            (
                "Защита от злоупотреблений",
                (
                    "Чтобы отсечь автоматические рассылки, формы считают, сколько раз их отправляют с одного "
                    "подключения. Считается не сам адрес, а зашифрованный секретным ключом код, и через час он "
                    "забывается.",
                ),
            ),
            (
                "Что мы храним и сколько",
                (
                    (
                        "<b>Подписи под обращениями:</b> имя, адрес электронной почты, страна и, если вы "
                        "подписываете от имени организации, её название. Мы храним их, пока обращение открыто, и "
                        "ещё год после его закрытия. Адрес почты никогда не публикуется; имя появляется в списке, "
                        "только если вы этого хотите. Подпись, не подтверждённая по почте, удаляется через 7 дней.",
                        "<b>Запись на акции:</b> имя, адрес почты и, если вы его укажете, номер телефона. Их видит "
                        "только координатор страны, где проходит акция; через 30 дней после акции они удаляются.",
                        "<b>Рассылка:</b> адрес почты и выбранный язык. В каждом письме есть ссылка для отписки — "
                        "после неё адрес сразу удаляется. Неподтверждённый адрес удаляется через 7 дней.",
                        "<b>Комментарии:</b> имя, которое вы выбрали, и текст — они видны вместе с комментарием. "
                        "Адрес почты, которым вы его подтверждаете, не показывается никогда и удаляется вместе с "
                        "комментарием или через 30 дней после того, как комментарий отклонён.",
                    ),
                ),
            ),
            (
                "Как защищены ваши данные",
                (
                    "Имена, адреса почты и телефоны хранятся в зашифрованном виде. Ключ хранится отдельно от базы "
                    "данных, поэтому по одной копии базы их не прочитать. Сотрудники видят только записи тех стран, "
                    "за которые отвечают, и входят в систему со вторым фактором.",
                ),
            ),
            (
                "Ваши права",
                (
                    "В каждом нашем письме есть ссылка, по которой можно посмотреть всё, что мы о вас храним, "
                    "скачать это или удалить. С любыми другими вопросами о ваших данных пишите нам через страницу "
                    "контактов.",
                ),
            ),
        ),
    ),
    "uk": PageText(
        title="Конфіденційність",
        intro="Цей сайт створено так, щоб зберігати про вас якомога менше. Тут точно сказано, що він зберігає, "
        "навіщо і як довго.",
        sections=(
            (
                "Коли ви читаєте",
                (
                    "Читання сайту не залишає в нас жодних слідів. Ми не зберігаємо IP-адрес, не встановлюємо "
                    "читачам куків і не користуємося жодною аналітикою чи стеженням.",
                    "Усі сторінки, шрифти й зображення завантажуються з нашого сервера: ваш браузер не звертається "
                    "до жодних інших компаній. Кнопки «Поділитися» — це звичайні посилання: з цих сервісів нічого не "
                    "завантажується, доки ви самі не оберете один із них.",
                ),
            ),
            (
                "Захист від зловживань",
                (
                    "Щоб зупинити автоматичні розсилки, форми рахують, скільки разів їх надсилають з одного "
                    "підключення. Рахується не сама адреса, а зашифрований секретним ключем код, і за годину він "
                    "забувається.",
                ),
            ),
            (
                "Що ми зберігаємо і як довго",
                (
                    (
                        "<b>Підписи під зверненнями:</b> ім'я, адреса електронної пошти, країна та, якщо ви "
                        "підписуєте від імені організації, її назва. Ми зберігаємо їх, доки звернення відкрите, і "
                        "ще рік після його закриття. Адреса пошти ніколи не публікується; ім'я з'являється у списку, "
                        "лише якщо ви цього хочете. Непідтверджений поштою підпис видаляється через 7 днів.",
                        "<b>Реєстрація на акції:</b> ім'я, адреса пошти та, якщо ви його вкажете, номер телефону. "
                        "Їх бачить лише координатор країни, де відбувається акція; через 30 днів після акції їх "
                        "видаляють.",
                        "<b>Розсилка:</b> адреса пошти та обрана мова. У кожному листі є посилання, щоб відписатися, — "
                        "після цього адресу одразу видаляють. Непідтверджену адресу видаляють через 7 днів.",
                        "<b>Коментарі:</b> обране вами ім'я та текст — їх видно разом із коментарем. Адреса пошти, "
                        "якою ви його підтверджуєте, ніколи не показується й видаляється разом із коментарем або "
                        "через 30 днів після того, як коментар відхилено.",
                    ),
                ),
            ),
            (
                "Як захищено ваші дані",
                (
                    "Імена, адреси пошти й номери телефонів зберігаються зашифрованими. Ключ зберігається окремо "
                    "від бази даних, тож із самої копії бази їх не прочитати. Працівники бачать лише записи тих "
                    "країн, за які відповідають, і входять до системи з другим фактором.",
                ),
            ),
            (
                "Ваші права",
                (
                    "У кожному нашому листі є посилання, за яким можна переглянути все, що ми про вас зберігаємо, "
                    "завантажити це або видалити. З усіма іншими запитаннями про ваші дані пишіть нам через "
                    "сторінку контактів.",
                ),
            ),
        ),
    ),
    "be": PageText(
        title="Канфідэнцыяльнасць",
        intro="Гэты сайт зроблены так, каб захоўваць пра вас як мага менш. Тут дакладна напісана, што ён "
        "захоўвае, навошта і як доўга.",
        sections=(
            (
                "Калі вы чытаеце",
                (
                    "Чытанне сайта не пакідае ў нас ніякіх слядоў. Мы не захоўваем IP-адрасоў, не ставім чытачам "
                    "кукі і не карыстаемся ніякай аналітыкай ці сачэннем.",
                    "Усе старонкі, шрыфты і выявы загружаюцца з нашага сервера: ваш браўзер не звяртаецца ні да "
                    "якіх іншых кампаній. Кнопкі «Падзяліцца» — гэта звычайныя спасылкі: з гэтых сэрвісаў нічога не "
                    "загружаецца, пакуль вы самі не абярэце адзін з іх.",
                ),
            ),
            (
                "Абарона ад злоўжыванняў",
                (
                    "Каб спыніць аўтаматычныя рассылкі, формы лічаць, колькі разоў іх адпраўляюць з аднаго "
                    "падключэння. Лічыцца не сам адрас, а зашыфраваны сакрэтным ключом код, і праз гадзіну ён "
                    "забываецца.",
                ),
            ),
            (
                "Што мы захоўваем і як доўга",
                (
                    (
                        "<b>Подпісы пад зваротамі:</b> імя, адрас электроннай пошты, краіна і, калі вы падпісваеце "
                        "ад імя арганізацыі, яе назва. Мы захоўваем іх, пакуль зварот адкрыты, і яшчэ год пасля яго "
                        "закрыцця. Адрас пошты ніколі не публікуецца; імя з'яўляецца ў спісе, толькі калі вы гэтага "
                        "хочаце. Подпіс, не пацверджаны поштай, выдаляецца праз 7 дзён.",
                        "<b>Запіс на акцыі:</b> імя, адрас пошты і, калі вы яго пазначыце, нумар тэлефона. Іх бачыць "
                        "толькі каардынатар краіны, дзе праходзіць акцыя; праз 30 дзён пасля акцыі яны выдаляюцца.",
                        "<b>Рассылка:</b> адрас пошты і абраная мова. У кожным лісце ёсць спасылка, каб адпісацца, — "
                        "пасля гэтага адрас адразу выдаляецца. Непацверджаны адрас выдаляецца праз 7 дзён.",
                        "<b>Каментары:</b> імя, якое вы абралі, і тэкст — яны бачныя разам з каментаром. Адрас "
                        "пошты, якім вы яго пацвярджаеце, не паказваецца ніколі і выдаляецца разам з каментаром або "
                        "праз 30 дзён пасля таго, як каментар адхілены.",
                    ),
                ),
            ),
            (
                "Як абаронены вашы даныя",
                (
                    "Імёны, адрасы пошты і нумары тэлефонаў захоўваюцца ў зашыфраваным выглядзе. Ключ захоўваецца "
                    "асобна ад базы даных, таму з адной копіі базы іх не прачытаць. Супрацоўнікі бачаць толькі "
                    "запісы тых краін, за якія адказваюць, і ўваходзяць у сістэму з другім фактарам.",
                ),
            ),
            (
                "Вашы правы",
                (
                    "У кожным нашым лісце ёсць спасылка, па якой можна паглядзець усё, што мы пра вас захоўваем, "
                    "спампаваць гэта або выдаліць. З любымі іншымі пытаннямі пра вашы даныя пішыце нам праз "
                    "старонку кантактаў.",
                ),
            ),
        ),
    ),
    "de": PageText(
        title="Datenschutz",
        intro="Diese Website ist so gebaut, dass sie so wenig wie möglich über Sie speichert. Hier steht genau, "
        "was sie speichert, wozu und wie lange.",
        sections=(
            (
                "Beim Lesen",
                (
                    "Wer diese Website liest, hinterlässt bei uns keine Spuren. Wir speichern keine IP-Adressen, "
                    "setzen für Leserinnen und Leser keine Cookies und verwenden keinerlei Statistik- oder "
                    "Tracking-Dienste.",
                    "Alle Seiten, Schriften und Bilder kommen von unserem eigenen Server: Ihr Browser nimmt beim "
                    "Besuch keinen Kontakt zu anderen Unternehmen auf. Die Teilen-Schaltflächen sind einfache Links; "
                    "von diesen Diensten wird erst etwas geladen, wenn Sie selbst einen davon wählen.",
                ),
            ),
            (
                "Schutz vor Missbrauch",
                (
                    "Um automatisierten Missbrauch zu verhindern, zählen unsere Formulare, wie oft sie von derselben "
                    "Verbindung abgeschickt werden. Gezählt wird nicht die Adresse selbst, sondern ein mit einem "
                    "geheimen Schlüssel verschlüsselter Code, und der wird nach spätestens einer Stunde vergessen.",
                ),
            ),
            (
                "Was wir speichern und wie lange",
                (
                    (
                        "<b>Unterschriften unter Aufrufe:</b> Name, E-Mail-Adresse, Land und, wenn Sie für eine "
                        "Organisation unterzeichnen, deren Name. Wir bewahren sie auf, solange der Aufruf läuft, und "
                        "ein Jahr darüber hinaus. Ihre E-Mail-Adresse wird nie veröffentlicht, Ihr Name erscheint "
                        "nur auf Wunsch in der Liste. Eine Unterschrift, die nicht per E-Mail bestätigt wird, wird "
                        "nach 7 Tagen gelöscht.",
                        "<b>Anmeldungen zu Aktionen:</b> Name, E-Mail-Adresse und, falls angegeben, eine "
                        "Telefonnummer. Nur die Koordination des jeweiligen Landes sieht sie; 30 Tage nach der "
                        "Aktion werden sie gelöscht.",
                        "<b>Newsletter:</b> Ihre E-Mail-Adresse und die gewählte Sprache. Jede Ausgabe enthält einen "
                        "Abmeldelink; danach wird die Adresse sofort gelöscht. Eine unbestätigte Adresse wird nach "
                        "7 Tagen gelöscht.",
                        "<b>Kommentare:</b> der Name, den Sie wählen, und Ihr Text – beides ist mit dem Kommentar "
                        "sichtbar. Die E-Mail-Adresse, mit der Sie ihn bestätigen, wird nie angezeigt und mit dem "
                        "Kommentar gelöscht, oder 30 Tage nachdem ein Kommentar abgelehnt wurde.",
                    ),
                ),
            ),
            (
                "Wie Ihre Daten geschützt sind",
                (
                    "Namen, E-Mail-Adressen und Telefonnummern werden verschlüsselt gespeichert. Der Schlüssel liegt "
                    "getrennt von der Datenbank, sodass eine Kopie der Datenbank allein nichts davon preisgibt. "
                    "Mitarbeitende sehen nur die Einträge der Länder, für die sie zuständig sind, und melden sich "
                    "mit einem zweiten Faktor an.",
                ),
            ),
            (
                "Ihre Rechte",
                (
                    "Jede E-Mail von uns enthält einen Link, unter dem Sie alles einsehen, herunterladen oder löschen "
                    "können, was wir über Sie gespeichert haben. Bei allen anderen Fragen zu Ihren Daten schreiben "
                    "Sie uns über die Kontaktseite.",
                ),
            ),
        ),
    ),
    "fr": PageText(
        title="Confidentialité",
        intro="Ce site est conçu pour conserver le moins possible d'informations sur vous. Voici exactement ce "
        "qu'il garde, pourquoi et pendant combien de temps.",
        sections=(
            (
                "Quand vous lisez",
                (
                    "La lecture de ce site ne laisse aucune trace chez nous. Nous n'enregistrons aucune adresse IP, "
                    "ne déposons aucun cookie chez les lecteurs et n'utilisons ni outil de statistiques ni pistage "
                    "d'aucune sorte.",
                    "Toutes les pages, polices et images proviennent de notre propre serveur : votre navigateur ne "
                    "contacte aucune autre entreprise. Les boutons de partage sont de simples liens ; rien n'est "
                    "chargé depuis ces services tant que vous n'en choisissez pas un.",
                ),
            ),
            (
                "Protection contre les abus",
                (
                    "Pour empêcher les envois automatisés, nos formulaires comptent combien de fois ils sont envoyés "
                    "depuis une même connexion. Ils ne comptent pas l'adresse elle-même, mais un code brouillé à "
                    "l'aide d'une clé secrète, oublié au bout d'une heure au plus.",
                ),
            ),
            (
                "Ce que nous conservons, et combien de temps",
                (
                    (
                        "<b>Signatures des appels :</b> votre nom, votre adresse électronique, votre pays et, si vous "
                        "signez pour une organisation, son nom. Nous les gardons tant que l'appel est ouvert, puis un "
                        "an après sa clôture. Votre adresse n'est jamais publiée ; votre nom n'apparaît dans la "
                        "liste que si vous le souhaitez. Une signature non confirmée par courriel est supprimée au "
                        "bout de 7 jours.",
                        "<b>Inscriptions aux actions :</b> votre nom, votre adresse électronique et, si vous en "
                        "donnez un, un numéro de téléphone. Seule la personne qui coordonne le pays de l'action les "
                        "voit ; elles sont supprimées 30 jours après l'action.",
                        "<b>Lettre d'information :</b> votre adresse électronique et la langue choisie. Chaque envoi "
                        "contient un lien de désabonnement, après quoi l'adresse est supprimée aussitôt. Une adresse "
                        "non confirmée est supprimée au bout de 7 jours.",
                        "<b>Commentaires :</b> le nom que vous choisissez et votre texte, affichés avec le "
                        "commentaire. L'adresse électronique qui sert à le confirmer n'est jamais affichée ; elle est "
                        "supprimée avec le commentaire, ou 30 jours après le refus d'un commentaire.",
                    ),
                ),
            ),
            (
                "Comment vos données sont protégées",
                (
                    "Les noms, adresses électroniques et numéros de téléphone sont stockés chiffrés. La clé est "
                    "conservée à part de la base de données : une copie de la base seule n'en révèle rien. Notre "
                    "équipe ne voit que les données des pays dont elle a la charge et se connecte avec un second "
                    "facteur d'authentification.",
                ),
            ),
            (
                "Vos droits",
                (
                    "Chaque courriel que nous vous envoyons contient un lien pour consulter tout ce que nous "
                    "conservons à votre sujet, le télécharger ou le supprimer. Pour toute autre question sur vos "
                    "données, écrivez-nous via la page de contact.",
                ),
            ),
        ),
    ),
}


def page_text(slug: str, language: str) -> PageText:
    if slug == "about":
        return ABOUT[language]
    if slug == "contact":
        return _contact(language)
    return PRIVACY[language]
