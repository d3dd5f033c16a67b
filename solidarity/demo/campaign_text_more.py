"""The demo campaign's pages in Ukrainian, Belarusian, German and French (English and Russian: campaign_text).

The stories of the campaign are in English and Russian only (as the demo's other translated stories),
so these pages have no "sign the open letter" way and no linked stories. Titles carry ``{year}``.
"""

from __future__ import annotations

from typing import Any

SERIES_MORE = {
    "uk": (
        "Міжнародний день солідарності з громадянським суспільством",
        "Щороку 30 квітня групи з багатьох країн підтримують тих, хто зберігає громадянське суспільство в Білорусі, "
        "Росії та всьому регіоні: юристів, спостерігачів, журналістів і волонтерів.",
    ),
    "be": (
        "Міжнародны дзень салідарнасці з грамадзянскай супольнасцю",
        "Кожны год 30 красавіка групы з многіх краін падтрымліваюць тых, хто захоўвае грамадзянскую супольнасць "
        "у Беларусі, Расіі і ва ўсім рэгіёне: юрыстаў, назіральнікаў, журналістаў і валанцёраў.",
    ),
    "de": (
        "Internationaler Tag der Solidarität mit der Zivilgesellschaft",
        "Jedes Jahr am 30. April stehen Gruppen in vielen Ländern an der Seite derer, die die Zivilgesellschaft in "
        "Belarus, Russland und der ganzen Region am Leben halten: Anwältinnen, Beobachter, Journalistinnen und "
        "Freiwillige.",
    ),
    "fr": (
        "Journée internationale de solidarité avec la société civile",
        "Chaque année, le 30 avril, des groupes de nombreux pays se tiennent aux côtés de celles et ceux qui font "
        "vivre la société civile au Bélarus, en Russie et dans toute la région : avocats, observateurs, "
        "journalistes et bénévoles.",
    ),
}

HISTORY_MORE = {
    "uk": (
        "Історія дня починається 30 квітня 2012 року. Того ранку суд в одній зі столиць регіону ліквідував "
        "останню незалежну асоціацію адвокатів у країні, а двох її членів затримали просто на сходах суду. "
        "До вечора волонтери в одинадцяти містах — здебільшого незнайомі між собою люди — вийшли на вулиці зі "
        "свічками й саморобними плакатами.",
        "Наступного року ті самі волонтери домовилися зустрітися того ж дня й покликати всіх охочих. Відтоді "
        "30 квітня групи з різних країн роблять кожна щось своє: пікет, кінопоказ, вечір листів, концерт, "
        "лекцію. Ніщо з цього не виглядає масштабно. Але разом це каже людям, яких переслідують за їхню роботу: "
        "їх бачать.",
        "Наприкінці квітня зазвичай виходять доповіді про минулий рік, тож цей день став і нагодою прочитати їх "
        "уголос, поширити й обговорити, що робити далі.",
    ),
    "be": (
        "Гісторыя дня пачынаецца 30 красавіка 2012 года. Раніцай таго дня суд у адной са сталіц рэгіёна "
        "ліквідаваў апошнюю незалежную асацыяцыю адвакатаў у краіне, а двух яе ўдзельнікаў затрымалі проста на "
        "прыступках суда. Да вечара валанцёры ў адзінаццаці гарадах — большасць з іх не былі знаёмыя паміж "
        "сабой — выйшлі на вуліцы са свечкамі і самаробнымі плакатамі.",
        "Праз год тыя ж валанцёры дамовіліся сустрэцца ў той жа дзень і паклікаць усіх, хто захоча далучыцца. "
        "З таго часу 30 красавіка групы з розных краін робяць кожная нешта сваё: пікет, кінапаказ, вечар "
        "лістоў, канцэрт, лекцыю. Нічога з гэтага не выглядае маштабна. Але разам гэта кажа людзям, якіх "
        "пераследуюць за іх працу: іх бачаць.",
        "Напрыканцы красавіка звычайна выходзяць даклады пра мінулы год, таму гэты дзень стаў і нагодай "
        "прачытаць іх уголас, падзяліцца імі і абмеркаваць, што рабіць далей.",
    ),
    "de": (
        "Der Tag geht auf den 30. April 2012 zurück. An jenem Morgen löste ein Gericht in einer der Hauptstädte "
        "der Region die letzte unabhängige Vereinigung von Strafverteidigern des Landes auf; zwei ihrer "
        "Mitglieder wurden auf den Stufen des Gerichtsgebäudes festgenommen. Am Abend standen Freiwillige in elf "
        "Städten – die meisten kannten einander nicht – mit Kerzen und handgeschriebenen Schildern auf der Straße.",
        "Im Jahr darauf verabredeten sich dieselben Freiwilligen für denselben Tag und luden alle ein, die "
        "mitmachen wollten. Seitdem tut am 30. April jede Gruppe in vielen Ländern eine Sache: eine Mahnwache, "
        "eine Filmvorführung, einen Briefabend, ein Konzert, einen Vortrag. Nichts davon ist groß. Zusammen sagt "
        "es den Menschen, die für ihre Arbeit verfolgt werden: Ihr werdet gesehen.",
        "Ende April erscheinen zudem viele Berichte über das vergangene Jahr. So ist der Tag auch ein Anlass "
        "geworden, sie laut vorzulesen, sie weiterzugeben und zu fragen, was als Nächstes kommt.",
    ),
    "fr": (
        "La journée remonte au 30 avril 2012. Ce matin-là, un tribunal d’une des capitales de la région a "
        "dissous la dernière association indépendante d’avocats de la défense du pays, et deux de ses membres "
        "ont été arrêtés sur les marches du palais de justice. Le soir même, des bénévoles de onze villes — pour "
        "la plupart inconnus les uns des autres — se tenaient dehors avec des bougies et des pancartes écrites "
        "à la main.",
        "L’année suivante, les mêmes bénévoles se sont donné rendez-vous à la même date, en invitant toutes "
        "celles et ceux qui voulaient se joindre à eux. Depuis, le 30 avril, chaque groupe fait une chose : un "
        "piquet, une projection, une soirée de lettres, un concert, une conférence. Rien de tout cela n’est "
        "grand. Ensemble, cela dit aux personnes poursuivies pour leur travail qu’on les voit.",
        "Fin avril paraissent aussi de nombreux rapports sur l’année écoulée : la journée est devenue un moment "
        "pour les lire à voix haute, les partager et se demander ce qui vient ensuite.",
    ),
}

# (title, text, action, button) for each way; the open letter is in English and Russian only.
WAYS_MORE: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    "uk": (
        (
            "Долучитися як група",
            "Організація, ініціатива чи кілька друзів: розкажіть, хто ви і де ви. Щойно координатор вашої країни "
            "підтвердить заявку, ваша група з’явиться на цій сторінці поруч з іншими.",
            "join",
            "Долучитися до кампанії",
        ),
        (
            "Додати свою акцію",
            "Пікет, кінопоказ, вечір листів, лекція чи онлайн-зустріч: вкажіть час і місце, і люди поблизу зможуть "
            "її знайти й записатися.",
            "add_activity",
            "Додати акцію",
        ),
        (
            "Розповісти іншим",
            "Поділіться адресою кампанії з друзями, колегами й місцевими медіа. Вона завжди веде на день "
            "поточного року.",
            "series",
            "Адреса, якою можна поділитися",
        ),
        (
            "Написати координаторові своєї країни",
            "Не знаєте, з чого почати, або готуєте щось, що потребує обережності? Координатори в кожній країні "
            "відповідають на запитання й допомагають провести акцію безпечно.",
            "contacts",
            "Знайти координатора",
        ),
    ),
    "be": (
        (
            "Далучыцца як група",
            "Арганізацыя, ініцыятыва ці некалькі сяброў: раскажыце, хто вы і дзе вы. Калі каардынатар вашай "
            "краіны пацвердзіць заяўку, ваша група з’явіцца на гэтай старонцы побач з іншымі.",
            "join",
            "Далучыцца да кампаніі",
        ),
        (
            "Дадаць сваю акцыю",
            "Пікет, кінапаказ, вечар лістоў, лекцыя ці анлайн-сустрэча: пазначце час і месца, і людзі побач "
            "змогуць яе знайсці і запісацца.",
            "add_activity",
            "Дадаць акцыю",
        ),
        (
            "Расказаць іншым",
            "Падзяліцеся адрасам кампаніі з сябрамі, калегамі і мясцовымі медыя. Ён заўсёды вядзе на дзень "
            "бягучага года.",
            "series",
            "Адрас, якім можна падзяліцца",
        ),
        (
            "Напісаць каардынатару сваёй краіны",
            "Не ведаеце, з чаго пачаць, ці рыхтуеце штосьці, што патрабуе асцярожнасці? Каардынатары ў кожнай "
            "краіне адказваюць на пытанні і дапамагаюць правесці акцыю бяспечна.",
            "contacts",
            "Знайсці каардынатара",
        ),
    ),
    "de": (
        (
            "Als Gruppe mitmachen",
            "Eine Organisation, ein Kollektiv oder ein paar Freundinnen und Freunde: Sagt uns, wer ihr seid und wo. "
            "Sobald die Koordination eures Landes zustimmt, erscheint eure Gruppe mit den anderen auf dieser Seite.",
            "join",
            "Bei der Kampagne mitmachen",
        ),
        (
            "Eine Aktion eintragen",
            "Eine Mahnwache, eine Filmvorführung, ein Briefabend, ein Vortrag oder ein Online-Treffen: Tragt Zeit "
            "und Ort ein, damit Menschen in der Nähe sie finden und sich anmelden können.",
            "add_activity",
            "Aktion eintragen",
        ),
        (
            "Weitersagen",
            "Teilt die Adresse der Kampagne mit Freunden, Kolleginnen und der Lokalpresse. Sie führt immer zum Tag "
            "des laufenden Jahres.",
            "series",
            "Die Adresse zum Teilen",
        ),
        (
            "Mit der Koordination eures Landes sprechen",
            "Ihr wisst nicht, wo ihr anfangen sollt, oder plant etwas, das Vorsicht braucht? Die Koordinatorinnen "
            "und Koordinatoren jedes Landes beantworten Fragen und helfen, eure Aktion sicher zu halten.",
            "contacts",
            "Koordination finden",
        ),
    ),
    "fr": (
        (
            "Rejoindre la journée en tant que groupe",
            "Une organisation, un collectif ou quelques amis : dites-nous qui vous êtes et où vous êtes. Dès que la "
            "coordination de votre pays l’aura validé, votre groupe apparaîtra sur cette page avec les autres.",
            "join",
            "Rejoindre la campagne",
        ),
        (
            "Ajouter votre action",
            "Un piquet, une projection, une soirée de lettres, une conférence ou une rencontre en ligne : indiquez "
            "l’heure et le lieu pour que les personnes proches puissent la trouver et s’inscrire.",
            "add_activity",
            "Ajouter une action",
        ),
        (
            "Faire passer le mot",
            "Partagez l’adresse de la campagne avec vos amis, vos collègues et la presse locale. Elle mène toujours "
            "à la journée de l’année en cours.",
            "series",
            "L’adresse à partager",
        ),
        (
            "Contacter la coordination de votre pays",
            "Vous ne savez pas par où commencer, ou vous préparez une action qui demande de la prudence ? Les "
            "coordinateurs de chaque pays répondent aux questions et vous aident à agir en sécurité.",
            "contacts",
            "Trouver votre coordinateur",
        ),
    ),
}

# title (with {year}), intro, body sections ((heading, paragraphs), …), quote (text, attribution)
LIVE_MORE: dict[str, dict[str, Any]] = {
    "uk": {
        "title": "30 квітня {year}: Міжнародний день солідарності з громадянським суспільством",
        "intro": "30 квітня групи з багатьох країн проводять пікети, кінопокази, вечори листів і концерти на "
        "підтримку тих, кого переслідують за правозахисну роботу. Долучайтеся — у своєму місті чи онлайн.",
        "body": (
            (
                "Про що ми говоримо цього року",
                (
                    "Цього року ми говоримо про закони, які перетворюють звичайну громадянську роботу на злочин: "
                    "про «небажані» організації, про статус «іноземного агента», про кримінальні справи проти "
                    "адвокатів за те, що вони захищають своїх клієнтів.",
                    "Кожна група сама вирішує, що робитиме 30 квітня. Ми просимо лише про одне: щоб акція була "
                    "мирною й відкритою для всіх, хто хоче прийти.",
                ),
            ),
            (
                "Безпека",
                (
                    "Якщо ви проводите акцію там, де за неї можуть переслідувати, спершу поговоріть із "
                    "координатором своєї країни. Адресу можна не публікувати: напишіть, що надішлете її тим, хто "
                    "записався.",
                ),
            ),
        ),
        "quote": (
            "Один день нікого не поверне додому. Але він може зробити так, щоб цього дня про них говорили в сорока "
            "містах одразу.",
            "Зі звернення координаторів дня",
        ),
    },
    "be": {
        "title": "30 красавіка {year}: Міжнародны дзень салідарнасці з грамадзянскай супольнасцю",
        "intro": "30 красавіка групы з многіх краін праводзяць пікеты, кінапаказы, вечары лістоў і канцэрты ў "
        "падтрымку тых, каго пераследуюць за праваабарончую працу. Далучайцеся — у сваім горадзе ці анлайн.",
        "body": (
            (
                "Пра што мы гаворым сёлета",
                (
                    "Сёлета мы гаворым пра законы, якія ператвараюць звычайную грамадзянскую працу ў злачынства: "
                    "пра «экстрэмісцкія» і «непажаданыя» арганізацыі, пра статус «замежнага агента», пра "
                    "крымінальныя справы супраць адвакатаў за тое, што яны абараняюць сваіх кліентаў.",
                    "Кожная група сама вырашае, што зробіць 30 красавіка. Мы просім толькі пра адно: каб акцыя "
                    "была мірнай і адкрытай для ўсіх, хто хоча прыйсці.",
                ),
            ),
            (
                "Бяспека",
                (
                    "Калі вы праводзіце акцыю там, дзе за яе могуць пераследаваць, спачатку пагаварыце з "
                    "каардынатарам сваёй краіны. Адрас можна не публікаваць: напішыце, што паведаміце яго тым, "
                    "хто запісаўся.",
                ),
            ),
        ),
        "quote": (
            "Адзін дзень нікога не верне дадому. Але ён можа зрабіць так, каб у гэты дзень пра іх гаварылі ў "
            "сарака гарадах адначасова.",
            "З звароту каардынатараў дня",
        ),
    },
    "de": {
        "title": "30. April {year}: Internationaler Tag der Solidarität mit der Zivilgesellschaft",
        "intro": "Am 30. April veranstalten Gruppen in vielen Ländern Mahnwachen, Filmabende, Briefabende und "
        "Konzerte für die Menschen, die wegen ihrer Menschenrechtsarbeit verfolgt werden. Macht mit – in eurer "
        "Stadt oder online.",
        "body": (
            (
                "Worum es in diesem Jahr geht",
                (
                    "In diesem Jahr sprechen wir über Gesetze, die gewöhnliche zivilgesellschaftliche Arbeit zum "
                    "Verbrechen machen: Organisationen, die für „unerwünscht“ erklärt werden, das Etikett "
                    "„ausländischer Agent“, Strafverfahren gegen Anwältinnen und Anwälte, weil sie ihre Mandanten "
                    "verteidigen.",
                    "Jede Gruppe entscheidet selbst, was sie am 30. April tut. Wir bitten nur um eines: dass es "
                    "friedlich ist und allen offensteht, die kommen wollen.",
                ),
            ),
            (
                "Sicherheit",
                (
                    "Wenn ihr eine Aktion dort plant, wo sie zu Verfolgung führen kann, sprecht zuerst mit der "
                    "Koordination eures Landes. Die Adresse müsst ihr nicht veröffentlichen: Schreibt, dass ihr sie "
                    "den Angemeldeten schickt.",
                ),
            ),
        ),
        "quote": (
            "Ein Tag bringt niemanden nach Hause. Aber er kann vierzig Städte am selben Tag über sie sprechen lassen.",
            "Aus dem Aufruf der Koordination",
        ),
    },
    "fr": {
        "title": "30 avril {year} : Journée internationale de solidarité avec la société civile",
        "intro": "Le 30 avril, des groupes de nombreux pays organisent piquets, projections, soirées de lettres et "
        "concerts pour les personnes poursuivies en raison de leur travail en faveur des droits humains. "
        "Participez — dans votre ville ou en ligne.",
        "body": (
            (
                "Le thème de cette année",
                (
                    "Cette année, nous parlons des lois qui font d’un travail civique ordinaire un crime : les "
                    "organisations déclarées « indésirables », l’étiquette d’« agent de l’étranger », les "
                    "poursuites pénales contre des avocats parce qu’ils défendent leurs clients.",
                    "Chaque groupe décide lui-même de ce qu’il fera le 30 avril. Nous ne demandons qu’une chose : "
                    "que ce soit pacifique et ouvert à toutes celles et ceux qui veulent venir.",
                ),
            ),
            (
                "Sécurité",
                (
                    "Si votre action a lieu là où elle peut entraîner des poursuites, parlez-en d’abord à la "
                    "coordination de votre pays. Inutile de publier l’adresse : indiquez que vous l’enverrez aux "
                    "personnes inscrites.",
                ),
            ),
        ),
        "quote": (
            "Une journée ne ramène personne à la maison. Mais elle peut faire parler d’eux quarante villes le "
            "même jour.",
            "Extrait de l’appel des coordinateurs de la journée",
        ),
    },
}

ARCHIVE_MORE: dict[str, dict[str, Any]] = {
    "uk": {
        "title": "30 квітня {year}: Міжнародний день солідарності з громадянським суспільством",
        "intro": "Так минув день торік: групи з Білорусі, Грузії, Литви, Польщі та Вірменії провели виставки, "
        "вечори листів і онлайн-зустрічі.",
        "body": (
            (
                "Підсумки дня",
                (
                    "Понад триста листівок вирушили до місць ув’язнення; виставка у Вільнюсі працювала тиждень; "
                    "онлайн-зустріч про спостереження за судами переглянули понад тисячу людей.",
                    "Дякуємо всім, хто прийшов, написав і розповів іншим.",
                ),
            ),
        ),
        "quote": (
            "Ми не знали, чи дійдуть листи. У червні прийшли перші відповіді.",
            "Волонтерка вечора листів у Каунасі",
        ),
    },
    "be": {
        "title": "30 красавіка {year}: Міжнародны дзень салідарнасці з грамадзянскай супольнасцю",
        "intro": "Так прайшоў дзень летась: групы з Беларусі, Грузіі, Літвы, Польшчы і Арменіі правялі выставы, "
        "вечары лістоў і анлайн-сустрэчы.",
        "body": (
            (
                "Вынікі дня",
                (
                    "Больш за трыста паштовак пайшлі ў месцы зняволення; выстава ў Вільні працавала тыдзень; "
                    "анлайн-сустрэчу пра назіранне за судамі паглядзелі больш за тысячу чалавек.",
                    "Дзякуй усім, хто прыйшоў, напісаў і расказаў іншым.",
                ),
            ),
        ),
        "quote": (
            "Мы не ведалі, ці дойдуць лісты. У чэрвені прыйшлі першыя адказы.",
            "Валанцёрка вечара лістоў у Каўнасе",
        ),
    },
    "de": {
        "title": "30. April {year}: Internationaler Tag der Solidarität mit der Zivilgesellschaft",
        "intro": "So verlief der Tag im vergangenen Jahr: Gruppen aus Belarus, Georgien, Litauen, Polen und Armenien "
        "veranstalteten Ausstellungen, Briefabende und Online-Treffen.",
        "body": (
            (
                "Der Tag in Zahlen",
                (
                    "Mehr als dreihundert Postkarten gingen an Haftorte; die Ausstellung in Vilnius war eine Woche "
                    "lang geöffnet; mehr als tausend Menschen verfolgten das Online-Treffen zur Prozessbeobachtung.",
                    "Danke allen, die gekommen sind, geschrieben und es weitererzählt haben.",
                ),
            ),
        ),
        "quote": (
            "Wir wussten nicht, ob die Briefe ankommen. Im Juni kamen die ersten Antworten.",
            "Eine Freiwillige des Briefabends in Kaunas",
        ),
    },
    "fr": {
        "title": "30 avril {year} : Journée internationale de solidarité avec la société civile",
        "intro": "La journée de l’an dernier : des groupes du Bélarus, de Géorgie, de Lituanie, de Pologne et "
        "d’Arménie ont organisé expositions, soirées de lettres et rencontres en ligne.",
        "body": (
            (
                "La journée en chiffres",
                (
                    "Plus de trois cents cartes postales sont parties vers des lieux de détention ; l’exposition de "
                    "Vilnius est restée ouverte une semaine ; plus de mille personnes ont suivi la rencontre en "
                    "ligne sur l’observation des procès.",
                    "Merci à toutes celles et ceux qui sont venus, ont écrit et en ont parlé autour d’eux.",
                ),
            ),
        ),
        "quote": (
            "Nous ne savions pas si les lettres arriveraient. En juin, les premières réponses sont venues.",
            "Une bénévole de la soirée de lettres à Kaunas",
        ),
    },
}

# The lead images' descriptions (the drawings "horizon" and "circles") in the languages illustrations.ALT lacks.
ALT_MORE = {
    "be": {
        "Abstract illustration: a pale sun rising behind horizontal bands of sage green, blue and slate.": (
            "Абстрактная ілюстрацыя: бледнае сонца ўзыходзіць за гарызантальнымі палосамі шалфейна-зялёнага, "
            "сіняга і шэра-сіняга колеру."
        ),
        "Abstract illustration: three large overlapping circles in dusty blue, terracotta and ochre.": (
            "Абстрактная ілюстрацыя: тры вялікія кругі, якія перакрываюць адзін аднаго, — прыглушана-сіні, "
            "тэракотавы і вохрысты."
        ),
    },
    "fr": {
        "Abstract illustration: a pale sun rising behind horizontal bands of sage green, blue and slate.": (
            "Illustration abstraite : un soleil pâle se lève derrière des bandes horizontales vert sauge, bleues "
            "et gris ardoise."
        ),
        "Abstract illustration: three large overlapping circles in dusty blue, terracotta and ochre.": (
            "Illustration abstraite : trois grands cercles qui se chevauchent, bleu poudré, terre cuite et ocre."
        ),
    },
}
