"""Who said a quotation in an article written in Russian, Ukrainian, German, French, Spanish,
Italian or Portuguese.

quotes.py reads English articles with many rules. Here the same reading is done, more simply, for
the other languages a desk reads, with a table of each language's words (`LANGUAGES`): its verbs
of saying in the forms the press uses, its "according to" phrases ("по словам", "laut",
"selon", "según"), its pronouns, the words of office written before a name ("пресс-секретарь",
"Bundeskanzlerin", "ministre") and the words that make a name an organisation's.

A quotation's speaker is read, in this order, from
1. the verb after it, inverted as these languages write it: «…», — сказал Токаев. / „…“, sagte
   sie. / « … », a-t-il déclaré. / «…», afirmó el ministro;
2. an "according to" phrase in its sentence: По словам политолога Андрея Суздальцева, …;
3. a verb of saying before it in its sentence, and that verb's subject: Песков отметил, что
   Москва «высоко ценит»… / Am Mittwoch sagte Scholz: „…“;
4. for a quoted sentence with none of these, the quotation before it in the paragraph, or the
   person the sentence before it is about.
A pronoun is the last person named before it (of its gender when the language tells it); a
second reference ("Песков", "die Ministerin", "le ministre") is the fullest name the article
gives that person. A quoted word or phrase with no cue in its sentence is the writer's own
scare quote, and a quoted name (ООО «Ромашка», партия «Единая Россия») is no quotation. The
narrator's words inside one pair of marks («…, — сказал он, — …») are cut out (`interruption`).
A person read from a pronoun or the sentences around the quotation, rather than a name by a verb
of saying, is marked for a person to check (`person_checks`).

Russian names are inflected: "по словам Андрея Суздальцева" is said by Андрей Суздальцев.
pymorphy3 (the `russian` runtime dependency; its OpenCorpora dictionary ships in the wheel) gives
the nominative; without it the name is left as the text writes it.
"""

import bisect
import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from .names import first_name_gender, is_first_name, person_gender
from .types import QuoteSpan, SpeakerMention

logger = logging.getLogger(__name__)

MARK = "\ue000"  # what quotes.py puts in place of a quotation mark in the masked text
WORDS_MASK = "\ue001"  # ... and of the quoted words
UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ"
LOWER = "a-zß-öø-ÿā-žа-яёіїєґәғқңөұүһ"
# a capitalised word of a name: "Токаев", "Касым-Жомарт", "O’Neill", "d’Estaing", an initial "А."
NAME_WORD = (
    rf"(?:[{UPPER}](?:[{LOWER}{UPPER}]+|(?=[-’'][{UPPER}]))(?:[-’'][{UPPER}{LOWER}][{LOWER}{UPPER}]*)*"
    rf"|[{UPPER}]\.)"
)
# the particles inside a name ("Ursula von der Leyen", "Charles de Gaulle", "Pedro de la Cruz")
NAME_PARTICLES = {
    "von",
    "van",
    "der",
    "den",
    "de",
    "del",
    "della",
    "di",
    "da",
    "dos",
    "das",
    "du",
    "la",
    "le",
    "y",
    "e",
}
NAME_RUN = re.compile(
    rf"{NAME_WORD}(?:[ \u00a0]+(?:(?:von|van)(?:[ \u00a0]+(?:der|den|dem)(?=[ \u00a0]+[{UPPER}][{LOWER}]+(?![{LOWER}])(?![ \u00a0]+[{UPPER}])))?[ \u00a0]+|"
    rf"(?:de[ \u00a0]+la|de[ \u00a0]+los|del|della|di|da|dos|das|du|de|la|le|y)[ \u00a0]+|(?:de[ \u00a0]+)?[ld][’'])?"
    rf"{NAME_WORD})*"
)
# words before a name that make it a complement, not a speaker ("le député du Lot-et-Garonne")
PREPOSITIONS = (
    "de|du|des|de la|del|de los|de las|dans|en|à|au|aux|sur|chez|pour|par|in|im|aus|bei|nach|vom|zum|zur|"
    "für|mit|auf|an|am|of|con|desde|hacia|sobre|por|para|a|al|ante|tras|entre|em|no|na|do|da|dos|das|nel|"
    "nella|della|dello|"
    "в|во|на|из|у|от|до|для|с|со|к|по|при|под|над|о|об"
)
# the nouns before a place's name
PLACE_NOUNS = (
    "aldea|pueblo|ciudad|localidad|municipio|barrio|calle|avenida|colonia|provincia|región|village|ville|commune|"
    "quartier|rue|avenue|région|département|Dorf|Stadt|Gemeinde|Ortsteil|Straße|Landkreis|Kreis|село|деревня|"
    "город|поселок|посёлок|улица|район|области|область|villaggio|città|comune|cidade|bairro|rua"
)
# courtesy titles cut from a name ("Me Thibault Auger", "Frau Dr. Weber", "Sra. Gómez")
HONORIFICS = {"m", "mme", "mlle", "me", "dr", "pr", "herr", "frau", "prof", "sr", "sra", "srta", "don", "doña"}
HONORIFICS |= {"d", "dña", "sig", "dott", "dott.ssa", "господин", "госпожа", "г-н", "г-жа"}
# words that may come before a description's head ("senior", "ehemaliger", "ancien", "бывший")
ADJECTIVE_LIKE = {
    *"ehemaliger ehemalige früherer frühere langjähriger hochrangiger anonymer anderer weiterer zweiter".split(),
    *"ancien ancienne haut haute autre second seconde jeune vieux vieil vieille proche".split(),
    *"antiguo antigua alto alta otro otra segundo segunda joven viejo".split(),
    *"бывший бывшая высокопоставленный высокопоставленная другой другая второй вторая один одна".split(),
}
# a description that refers back to the unnamed speaker just quoted
DEMONSTRATIVES = {"ce", "cet", "cette", "este", "esta", "ese", "esa", "dieser", "diese", "этот", "эта", "тот", "та"}
DEMONSTRATIVES |= {"questo", "questa", "quel", "quella", "esse", "essa", "este", "esta"}
ANAPHORIC = re.compile(
    r"(?:l[’']un|l[’']une|uno|una|einer|eine|один|одна)\s+(?:d[’']eux|d[’']elles|de\s+ellos|de\s+ellas|von\s+ihnen|из\s+них)"
    r"|(?:собеседник|собеседница)(?:\s+(?:агентства|издания|газеты|«Ъ»))?\b",
    re.I,
)
# the prepositions that go on with a description ("source à l'OMHM", "funcionario del ministerio");
# any other ends it ("député LR | dans les couloirs"); Russian descriptions keep all theirs
DESCRIPTION_PREPOSITIONS = {
    "fr": {"de", "du", "des", "à", "au", "aux", "chez", "en", "pour"},
    "es": {"de", "del", "en", "para"},
    "it": {"di", "del", "della", "dei", "in", "per"},
    "pt": {"de", "do", "da", "dos", "das", "em", "no", "na"},
    "de": {"von", "vom", "aus", "im", "in", "für", "der", "des"},
}
# the verbs that most often follow a description's last word ("un habitant … dit avoir")
COMMON_VERBS = {
    "fr": {"a", "ont", "est", "sont", "était", "avait", "dit", "fait", "doit", "peut", "va", "reste", "évoque"},
    "es": {"es", "fue", "era", "ha", "han", "había", "está", "dijo", "dice", "tiene", "debe", "puede", "va"},
    "it": {"è", "ha", "hanno", "era", "aveva", "dice", "deve", "può"},
    "pt": {"é", "foi", "era", "tem", "têm", "diz", "deve", "pode"},
    "de": {"ist", "war", "hat", "hatte", "sind", "waren", "wird", "soll", "sagt"},
}
# a definite reference to the organisation just named ("l'organisme", "la entidad", "der Verband")
BODY_BACK = {
    "fr": re.compile(
        r"(?:[Ll][’']|[Ll]e\s+|[Ll]a\s+|[Cc]et\s+|[Cc]ette\s+|[Cc]e\s+)(?:organisme|organisation|instance|entité|exploitant|autorité|"
        r"institution|entreprise|groupe|société|fédération|association|syndicat|parti|ministère|parquet|agence|"
        r"collectif|établissement|régulateur|club|caisse|office|rectorat|préfecture|mairie)\b",
    ),
    "es": re.compile(
        r"(?:[Ee]l|[Ll]a|[Ee]sta|[Ee]ste|[Dd]icha|[Dd]icho)\s+(?:entidad|organismo|organización|institución|empresa|compañía|"
        r"directorio|sindicato|partido|ministerio|fiscalía|agencia|farmacéutica|federación|asociación|club|"
        r"institución|dependencia|comisión|junta|consejo)\b",
    ),
    "de": re.compile(
        r"(?:der|die|das|dieser|diese|dieses)\s+(?:Verband|Konzern|Unternehmen|Organisation|Behörde|Ministerium|"
        r"Partei|Gewerkschaft|Verein|Klub|Institut|Amt|Bank|Firma|Stiftung|Kommission|Klinik)\b"
    ),
    "ru": re.compile(
        r"(?:в\s+|во\s+)?(?:ведомств|регулятор|компани|организаци|министерств|фонд|банк|профсоюз|парти|клуб|театр|"
        r"перевозчик|авиакомпани|прокуратур|служб|пресс-служб)[а-яё]*\b",
    ),
}
LATTER = re.compile(
    r"(?:ce\s+dernier|cette\s+dernière|este\s+último|esta\s+última|letzterer|letztere|последний|последняя)\b", re.I
)
INDEFINITE = {"ein", "eine", "einer", "un", "une", "una", "uno", "um", "uma"}
# where a description ends: a comma, a relative clause
RELATIVE = re.compile(
    r",|\s+(?:который|которая|которое|которые|der|die|das|welcher|welche|qui|que|dont|quien|quienes|cuyo|cuya|che|"
    r"il\s+quale|la\s+quale|que)\s"
)
SENTENCE_END = re.compile(rf"[.!?…]+(?=[\s{MARK}]+[{UPPER}{MARK}«„“\"—–-])|\n")


@dataclass(frozen=True)
class Language:
    """The words of one language that tell who speaks."""

    code: str
    verbs: str  # a verb of saying, as a regular expression (every form the press writes)
    according_to: str  # "по словам", "laut", "selon": the speaker follows
    according_after: str  # "ihm zufolge", "dem Minister zufolge": the speaker precedes
    pronouns: dict[str, str]  # a subject pronoun -> "m", "f", "p" (plural) or "?"
    possessive_according: str  # "по его словам", "selon lui": group "pronoun" is the speaker's
    articles: frozenset[str]  # stripped from a description ("der Sprecher" -> "Sprecher")
    offices: tuple[str, ...]  # words of office before a name (lower case, a prefix of the word)
    organisation_words: tuple[str, ...]  # a name holding one is an organisation's
    unnamed: tuple[str, ...]  # the head of an unnamed speaker's description ("источник", "source")
    inverted_pronoun: str = ""  # French "a-t-il déclaré", "explique-t-elle": group "pronoun"
    auxiliaries: str = ""  # "a", "ha", "hat" before a participle of saying
    name_governed_case: str = ""  # the case an "according to" phrase governs (Russian: "gent")
    work_nouns: tuple[str, ...] = ()  # a quoted name after these is a title, not a quotation


def _forms(*stems: str, endings: str) -> str:
    return rf"(?:{'|'.join(sorted(stems, key=len, reverse=True))})(?:{endings})"


RU_VERB_ENDINGS = r"л|ла|ли|ло|лся|лась|лись|ет|ёт|ют|ут|ит|ят|т|в|вши|ется|ются"
RU_VERBS = _forms(
    *"сказа заяви заявля отмети отмеча добави добавля подчеркну подчёркива подчеркива сообщи сообща".split(),
    *"поясни поясня рассказа рассказыва призна признава уточни уточня замети замеча указа указыва".split(),
    *"написа пише ответи отвеча возрази возража предупреди предупрежда призва призыва завери заверя".split(),
    *"напомни напомина констатирова резюмирова подели делит прокомментирова комментиру объясни объясня".split(),
    *"назва называ охарактеризова пообеща обеща потребова требу утвержда говори заключи процитирова".split(),
    *"цитиру посетова сету пожалова жалу продолжи продолжа повтори повторя высказа выступи возмути".split(),
    *"поблагодари добавл отрица отрицал опасае считае полагае уверя увери настаива настоя признаё".split(),
    *"заяв сообщ добав отмеч подчерк".split(),
    endings=RU_VERB_ENDINGS,
)
LANGUAGES: dict[str, Language] = {}
LANGUAGES["ru"] = Language(
    code="ru",
    verbs=rf"(?:{RU_VERBS}|считает|считают|полагает|уверен|уверена|уверены|признался|призналась|убежден|убеждена)",
    according_to=r"по\s+словам|по\s+мнению|по\s+оценке|по\s+данным|со\s+слов|согласно|"
    r"как\s+(?:сказано|говорится|указано)\s+в|как\s+(?:сказал|сказала|сказали|заявил|заявила|заявили|отметил|"
    r"отметила|отметили|пояснил|пояснила|пояснили|уточнил|уточнила|уточнили|подчеркнул|подчеркнула|считает|написал|"
    r"написала|сообщил|сообщила|сообщили|говорит)",
    according_after="",
    pronouns={"он": "m", "она": "f", "они": "p"},
    possessive_according=r"по\s+(?P<pronoun>его|её|ее|их)\s+(?:словам|мнению|оценке|данным)",
    articles=frozenset(),
    offices=tuple(
        """президент премьер-министр премьер министр замминистра заместитель вице-премьер глава председатель
        пресс-секретарь представитель официальный спикер руководитель директор генеральный гендиректор
        депутат сенатор посол губернатор аким мэр глава вице-президент советник помощник эксперт аналитик
        политолог экономист профессор ректор судья прокурор адвокат юрист тренер капитан нападающий защитник
        лидер основатель владелец член секретарь начальник командующий генерал полковник майор министра
        директора президента главы эксперта аналитика политолога экономиста депутата кандидат режиссер режиссёр
        актер актёр актриса артист писатель журналист врач учитель губернатор мэр тренер футболист игрок
        полузащитник нападающий вратарь критик продюсер агент бригадир прораб гендиректор замминистра
        вице-министр министр-председатель глава""".split()
    ),
    organisation_words=tuple(
        """министерство министерства мид минобороны минфин кремль кремля правительство правительства
        администрация администрации ведомство ведомства служба службы пресс-служба пресс-службы компания
        компании партия партии фонд фонда банк банка суд суда прокуратура прокуратуры комитет комитета
        агентство агентства совет совета дума думы акимат акимата мвд фсб цик оон нато ес одкб еаэс
        инспекция инспекции управление управления департамент департамента штаб штаба объединение
        объединения профсоюз профсоюза ассоциация ассоциации""".split()
    ),
    unnamed=tuple(
        """источник источники собеседник собеседница житель жительница жители очевидец очевидцы участник
        участники представитель представители эксперт эксперты аналитик аналитики чиновник чиновники
        депутат сотрудник сотрудница сотрудники пассажир пассажиры сосед соседка покупатель продавец
        водитель рабочий рабочие врач медсестра учитель учительница студент студентка пенсионер
        пенсионерка мужчина женщина фермер""".split()
    ),
    name_governed_case="gent",
    work_nouns=tuple(
        """ооо оао зао пао ао компания компании компанией группа группы партия партии партией фонд фонда
        газета газеты газете журнал журнала телеканал телеканала радио агентство агентства банк банка
        движение движения проект проекта программа программы фильм фильма книга книги спектакль
        спектакля операция операции клуб клуба команда команды завод завода холдинг холдинга
        концерн концерна фестиваль фестиваля премия премии сериал сериала альбом альбома песня песни
        роман романа доклад доклада""".split()
    ),
)
LANGUAGES["uk"] = Language(
    code="uk",
    verbs=_forms(
        *"сказа заяви заявля зазначи зазнача дода підкресли підкреслю повідоми повідомля пояснив поясни".split(),
        *"розповіла розповів розповіда визна визнава уточни написа пише відповів відповіла відповіда".split(),
        endings=r"в|ла|ли|є|ють|ть|",
    ),
    according_to=r"за\s+словами|на\s+думку|як\s+(?:сказав|сказала|заявив|заявила|зазначив|зазначила)",
    according_after="",
    pronouns={"він": "m", "вона": "f", "вони": "p"},
    possessive_according=r"за\s+(?P<pronoun>його|її|їхніми)\s+словами",
    articles=frozenset(),
    offices=tuple("президент прем'єр-міністр міністр речник голова депутат посол мер експерт аналітик".split()),
    organisation_words=tuple("міністерство мзс уряд офіс партія фонд банк суд комітет агентство рада".split()),
    unnamed=tuple("джерело співрозмовник мешканець мешканка експерт посадовець".split()),
)
LANGUAGES["de"] = Language(
    code="de",
    verbs=r"(?:(?:ge)?(?:sag|erklär|beton|füg|mein|warn|kritisier|forder|räum|teil|bericht|ergänz|bestätig|kündig|"
    r"versicher|verteidig|bekräftig|mahn|bezeichn|antwort|entgegn|zitier|beklag|klag|lob|kommentier|twitter|post|"
    r"schimpf|appellier|erinner|betont|ruf|wiederhol|resümier|bilanzier|unterstreich|sprech|schreib)"
    r"(?:e|en|t|te|ten|et|ete|eten)?|schrieb|schrieben|sprach|sprachen|spricht|nannte|nannten|nennt|unterstrich|"
    r"unterstrichen|versprach|versprachen|widersprach|rief|riefen|gab\s+zu|gibt\s+zu|stellte\s+klar|so|"
    r"hieß\s+es|heißt\s+es|heisst\s+es|riet|rieten|rät)",
    according_to=r"laut|nach\s+Angaben(?:\s+(?:von|des|der|eines|einer))?|nach\s+Worten(?:\s+(?:von|des|der))?|"
    r"wie\s+(?:\w+\s+){0,3}?(?:sagte|erklärte|betonte|mitteilte|sagt|erklärt|schrieb)",
    according_after=r"zufolge",
    pronouns={"er": "m", "sie": "f"},  # "sagte sie": a woman far more often than a plural
    possessive_according=r"(?P<pronoun>ihm|ihr|ihnen)\s+zufolge|nach\s+(?P<pronoun2>seinen|ihren)\s+(?:Worten|Angaben)",
    articles=frozenset(
        "der die das den dem des ein eine einer eines einem einen sein seine ihr ihre dessen deren".split()
    ),
    offices=tuple(
        """bundeskanzler kanzler minister ministerin bundesminister präsident präsidentin vizepräsident
        sprecher sprecherin regierungssprecher chef chefin vorsitzende vorsitzender vorstand
        vorstandschef geschäftsführer geschäftsführerin direktor direktorin leiter leiterin bürgermeister
        bürgermeisterin oberbürgermeister landrat landrätin abgeordnete abgeordneter senator senatorin
        botschafter botschafterin generalsekretär trainer trainerin kapitän richter richterin staatsanwalt
        staatsanwältin anwalt anwältin verteidiger verteidigerin professor professorin experte expertin
        ökonom ökonomin analyst analystin politologe politologin ministerpräsident ministerpräsidentin
        fraktionschef fraktionschefin parteichef parteichefin sportdirektor intendant intendantin
        stürmer torwart präsidiumsmitglied landeschef generaldirektor gewerkschaftschef vize vorständin
        vorstand ratsfrau ratsherr stadtrat stadträtin bürgermeisterin polizeisprecher sprecherin
        staatssekretär staatssekretärin kandidat kandidatin""".split()
    ),
    organisation_words=tuple(
        """ministerium bundesministerium regierung bundesregierung amt behörde verband gewerkschaft
        partei konzern unternehmen bank gericht staatsanwaltschaft polizei verein stiftung institut
        kommission rat senat landtag bundestag bundesamt agentur gmbh ag fraktion klinik klinikum
        universität hochschule schule verwaltung landesamt bündnis initiative vereinigung netzwerk bund
        gruppe konzern stadtwerke kliniken""".split()
    ),
    unnamed=tuple(
        """quelle insider anwohner anwohnerin sprecher sprecherin mitarbeiter mitarbeiterin beamter
        beamtin teilnehmer teilnehmerin augenzeuge augenzeugin experte beobachter kenner""".split()
    ),
    auxiliaries=r"hat|haben|hatte|hatten",
    work_nouns=tuple("buch film roman zeitung magazin sendung studie bericht programm partei projekt".split()),
)
LANGUAGES["fr"] = Language(
    code="fr",
    verbs=r"(?:déclar|affirm|ajout|soulign|expliqu|indiqu|précis|estim|assur|reconn[au]|confi|lanc|martel|insist|"
    r"prévien|prév[ei]n|rappel|jug|dénonc|regrett|réag|répond|répon|écri|observ|not|résum|tranch|poursui|"
    r"conclu|admet|admis|concè|concéd|insist|promet|promis|avertis|avert|sout[ie]n|déplor|salu|fustig|"
    r"raconte|racont|commente|comment|s'interroge|s’interroge|s'inquiét|s’inquiét|plaid|tempèr|tempér|"
    r"abond|nuanc|dit|dis|dire|souffl|glisse|gliss|résume|ironis|s'exclam|s’exclam|interroge|demande|demand|"
    r"témoign|rapport|annonc|qualifi|jur|avou|reproch|accus|exhort|appel|s'alarm|s’alarm|se\s+félicit|"
    r"se\s+réjou|se\s+défend|défend)"
    r"(?:e|é|ée|és|ées|ent|ait|aient|a|it|ut|u|ue|is|ie|t|ons|ez)?",
    according_to=r"selon|d[’']après|aux\s+yeux\s+d[eu’']|pour|comme\s+l[’']a\s+(?:dit|déclaré|souligné|rappelé|"
    r"expliqué|indiqué)",
    according_after="",
    pronouns={"il": "m", "elle": "f", "ils": "p", "elles": "p", "lui": "m"},
    possessive_according=r"(?:selon|d[’']après|pour)\s+(?P<pronoun>lui|elle|eux|elles)\b",
    articles=frozenset("le la les l’ l' un une des du de d’ d' son sa ses leur leurs".split()),
    offices=tuple(
        """président présidente ministre premier première porte-parole secrétaire directeur directrice
        maire député députée sénateur sénatrice ambassadeur ambassadrice chef cheffe patron patronne
        procureur procureure avocat avocate juge entraîneur entraineur capitaine professeur professeure
        chercheur chercheuse économiste analyste politologue expert experte responsable dirigeant
        dirigeante délégué déléguée commissaire préfet préfète conseiller conseillère vice-président
        vice-présidente coordinateur coordinatrice fondateur fondatrice attaquant gardien candidat candidate""".split()
    ),
    organisation_words=tuple(
        """ministère gouvernement élysée matignon préfecture mairie parquet tribunal cour syndicat parti
        fédération association société groupe banque conseil commission agence office institut fondation
        assemblée sénat ligue club union""".split()
    ),
    unnamed=tuple(
        """source sources proche habitant habitante témoin témoins responsable diplomate conseiller
        observateur riverain riveraine salarié salariée employé employée manifestant manifestante
        participant participante agriculteur agricultrice""".split()
    ),
    inverted_pronoun=r"[\w’']+-t-(?P<pronoun>il|elle|ils|elles|on)\b|[\w’']+-(?P<pronoun2>il|elle|ils|elles)\b",
    auxiliaries=r"a|ont|avait|avaient|aurait",
    work_nouns=tuple("livre film roman journal magazine émission rapport étude programme parti projet".split()),
)
LANGUAGES["es"] = Language(
    code="es",
    verbs=r"(?:dijo|dijeron|dice|dicen|afirmó|afirmaron|afirma|afirman|declaró|declararon|declara|señaló|"
    r"señalaron|señala|aseguró|aseguraron|asegura|explicó|explicaron|explica|indicó|indicaron|indica|añadió|"
    r"añadieron|añade|agregó|agregaron|agrega|subrayó|subraya|destacó|destaca|sostuvo|sostiene|apuntó|apunta|"
    r"advirtió|advierte|reconoció|reconoce|manifestó|manifiesta|expresó|expresa|comentó|comenta|precisó|"
    r"precisa|insistió|insiste|denunció|denuncia|lamentó|lamenta|criticó|critica|respondió|responde|"
    r"escribió|escribe|remarcó|remarca|recalcó|recalca|admitió|admite|prometió|promete|reiteró|reitera|"
    r"concluyó|concluye|relató|relata|contó|cuenta|sentenció|zanjó|defendió|defiende|calificó|califica|"
    r"aclaró|aclara|agradeció|pidió|pide|exigió|exige|anunció|anuncia|confesó|confiesa|resumió|resume|"
    r"detalló|detalla|enfatizó|enfatiza|opinó|opina|considera|consideró|cree|creyó|estima|estimó|"
    r"ha\s+dicho|ha\s+afirmado|ha\s+declarado|ha\s+señalado|ha\s+asegurado|ha\s+explicado|ha\s+indicado|"
    r"ha\s+añadido|ha\s+subrayado|ha\s+advertido|ha\s+reconocido|ha\s+manifestado|ha\s+insistido|"
    r"ha\s+denunciado|ha\s+lamentado|ha\s+criticado|ha\s+respondido|ha\s+escrito|ha\s+defendido|"
    r"han\s+dicho|han\s+afirmado|han\s+señalado|han\s+asegurado|han\s+explicado|han\s+denunciado)",
    according_to=r"según|de\s+acuerdo\s+con|en\s+palabras\s+de|a\s+juicio\s+de|para",
    according_after="",
    pronouns={"él": "m", "ella": "f", "ellos": "p", "ellas": "p"},
    possessive_according=r"(?:según|para)\s+(?P<pronoun>él|ella|ellos|ellas)\b",
    articles=frozenset("el la los las un una unos unas del de al lo su sus".split()),
    offices=tuple(
        """presidente presidenta ministro ministra portavoz secretario secretaria director directora
        alcalde alcaldesa diputado diputada senador senadora embajador embajadora jefe jefa fiscal
        abogado abogada juez jueza entrenador entrenadora técnico capitán profesor profesora
        investigador investigadora economista analista politólogo politóloga experto experta responsable
        dirigente delegado delegada consejero consejera vicepresidente vicepresidenta gobernador candidato candidata
        gobernadora coordinador coordinadora fundador fundadora líder delantero portero titular""".split()
    ),
    organisation_words=tuple(
        """ministerio gobierno ayuntamiento fiscalía tribunal juzgado sindicato partido federación
        asociación sociedad grupo banco consejo comisión agencia oficina instituto fundación congreso
        senado generalitat junta policía club liga cámara""".split()
    ),
    unnamed=tuple(
        """fuente fuentes vecino vecina vecinos testigo testigos responsable diplomático diplomática
        portavoz trabajador trabajadora manifestante participante agricultor agricultora residente funcionario
        funcionaria""".split()
    ),
    auxiliaries="",
    work_nouns=tuple("libro película novela periódico diario revista programa informe estudio partido".split()),
)
LANGUAGES["it"] = Language(
    code="it",
    verbs=r"(?:(?:ha|hanno|aveva|avevano)\s+[a-zà-ù]+(?:ato|uto|ito|etto|esso|isto|osto|itto|eso)|"
    r"(?:dic|dichiar|afferm|spieg|aggiung|sottoline|ribad|precis|osserv|comment|scriv|rispond|raccont|avvert|"
    r"sosten|denunci|ammett|conferm|chiar|replic|insist|attacc|incalz|assicur|annunci|ricord|lament|accus|"
    r"promett|rivel|sfog|conclud|rimarc|evidenzi|tuon|ammon|avvis|sottolin)(?:e|a|ono|ano|isce|iscono)|"
    r"disse|dissero|dichiarò|affermò|spiegò|aggiunse|sottolineò|ribadì|precisò|osservò|commentò|scrisse|"
    r"rispose|raccontò|avvertì|sostenne|denunciò|ammise|confermò|replicò|assicurò|annunciò|ricordò|"
    r"fa\s+sapere|fanno\s+sapere|si\s+legge|si\s+sfoga|si\s+dice)",
    according_to=r"secondo|a\s+detta\s+di|per",
    according_after="",
    pronouns={"lui": "m", "lei": "f", "loro": "p"},
    possessive_according=r"secondo\s+(?P<pronoun>lui|lei|loro)\b",
    articles=frozenset("il lo la i gli le l’ l' un uno una del della dei degli delle".split()),
    offices=tuple(
        "presidente ministro ministra portavoce segretario direttore sindaco deputato senatore "
        "ambasciatore capo procuratore avvocato giudice allenatore professore esperto".split()
    ),
    organisation_words=tuple("ministero governo comune procura tribunale sindacato partito banca".split()),
    unnamed=tuple("fonte fonti residente testimone funzionario portavoce".split()),
)
LANGUAGES["pt"] = Language(
    code="pt",
    verbs=r"(?:disse|disseram|diz|dizem|lê-se|"
    r"(?:afirm|declar|explic|acrescent|sublinh|destac|garant|ressalt|salient|defend|escrev|respond|admit|"
    r"consider|critic|lament|alert|cont|lembr|record|resum|adiant|avali|reconhec|conclu|question|desabaf|"
    r"insist|rebat|denunci|coment|observ|reforç|ponder|inform|indic|revel|assegur|anunci|classific|"
    r"pergunt|reclam|protest|confirm|ressalv|acus|prometeu|promet)"
    r"(?:ou|aram|eu|eram|iu|iram|a|am|e|em|iu)|(?:tem|têm)\s+[a-zà-ú]+(?:ado|ido))",
    according_to=r"segundo|de\s+acordo\s+com|para",
    according_after="",
    pronouns={"ele": "m", "ela": "f", "eles": "p", "elas": "p"},
    possessive_according=r"(?:segundo|para)\s+(?P<pronoun>ele|ela|eles|elas)\b",
    articles=frozenset("o a os as um uma do da dos das".split()),
    offices=tuple(
        "presidente ministro ministra porta-voz secretário diretor diretora prefeito deputado senador "
        "embaixador chefe procurador advogado juiz treinador professor especialista".split()
    ),
    organisation_words=tuple("ministério governo prefeitura tribunal sindicato partido banco".split()),
    unnamed=tuple("fonte fontes morador moradora testemunha funcionário".split()),
)


def language_of(code: str | None) -> Language | None:
    """The table for a BCP 47 code ("ru", "de-AT"), or None when it has none (English has its
    own rules in quotes.py)."""
    return LANGUAGES.get((code or "").split("-")[0].lower())


@dataclass
class _Name:
    """A name the article gives, where it gives it, and the office written before it."""

    name: str
    kind: str  # "person" or "organisation"
    pos: int
    office: str = ""
    gender: str | None = None
    sure: bool = False  # a first name, a word of office or a surname's ending says it is a person


@dataclass
class _Reader:
    """One article: its text, its masked text (quoted words hidden), its names, and who spoke last."""

    text: str
    masked: str
    language: Language
    names: list[_Name] = field(default_factory=list)
    last_person: _Name | None = None
    last_unnamed: SpeakerMention | None = None  # the last unnamed speaker, for "cette source", "собеседник"
    last_organisation: SpeakerMention | None = None  # the organisation quoted or written about last
    resolved: str = ""  # how the speaker being read was reached when no name said it ("a pronoun")
    last_speaker: SpeakerMention | None = None  # whoever was quoted last, and where
    last_speaker_at: int = -1
    _following_pronoun: bool = False
    _tokens: tuple | None = None  # the masked text's words and their stems (`tokens`)
    _region: str | None = None  # the region it names most often (`region`), "" for none

    def __post_init__(self) -> None:
        self.sentence_ends = sorted({m.end() for m in SENTENCE_END.finditer(self.masked)} | {len(self.masked)})
        self.names = self._collect_names()

    # --- names ---------------------------------------------------------------------------

    def tokens(self) -> tuple[list[tuple[int, str]], list[str], dict[str, list[int]]]:
        """The masked text's words (where, as written), their stems, and where each stem is: read once."""
        if self._tokens is None:
            tokens = [(m.start(), m.group(0)) for m in re.finditer(r"[^\s«»\"“”]+", self.masked)]
            stems = [_stem(t.strip(".,;:!?")) for _, t in tokens]
            where: dict[str, list[int]] = {}
            for i, stem in enumerate(stems):
                where.setdefault(stem, []).append(i)
            self._tokens = (tokens, stems, where)
        return self._tokens

    def region(self) -> str | None:
        """The region the article names most often ("Ольховской области", "Приозерского края"): read once."""
        if self._region is None:
            regions: dict[str, int] = {}
            for m in REGION.finditer(self.masked):
                region = " ".join(m.group(0).split())
                regions[region] = regions.get(region, 0) + 1
            self._region = max(regions, key=lambda r: regions[r]) if regions else ""
        return self._region or None

    def _collect_names(self) -> list[_Name]:
        # "Federación de Educadores Bonaerenses (FEB)": an acronym is the organisation's full name
        self.acronyms = {}
        for m in re.finditer(rf"\(([{UPPER}][{UPPER}{LOWER}-]{{1,9}})\)", self.masked):
            acronym = m.group(1)
            if sum(c.isupper() for c in acronym) >= 2:
                full = _spelt_out(acronym, self.masked[max(0, m.start() - 120) : m.start()])
                if full:
                    self.acronyms.setdefault(acronym, full)
        found: list[_Name] = []
        self.names = found  # a surname alone is known by the full names found before it
        for m in NAME_RUN.finditer(self.masked):
            for name, kind, pos, office in self._split_run(m.group(0), m.start()):
                if kind == "person" and not office:
                    # "Rudi Mair, Leiter des Warndienstes,": the office in apposition after the name
                    after = re.match(r",\s+(?:\S+\s+)?(\S+)", self.masked[m.end() : m.end() + 60])
                    if after is not None and self._office_word(after.group(1)):
                        office = after.group(1).lower().strip(",")
                gender = self._gender(name) if kind == "person" else None
                opens = self._opens_name(name.split()[0]) if len(name.split()) > 1 else bool(first_name_gender(name))
                known = len(name.split()) == 1 and self.fullest(name, pos) != name  # "Brandhorst": Lea Brandhorst
                sure = kind == "person" and (bool(office) or opens or known or self._surname(name))
                found.append(_Name(name, kind, pos, office, gender, sure))
        return found

    def _split_run(self, run: str, pos: int) -> list[tuple[str, str, int, str]]:
        """The person or organisation a capitalised run names, its words of office cut
        ("Bundeskanzler Olaf Scholz" -> "Olaf Scholz", office "bundeskanzler"; "Президент
        Казахстана Касым-Жомарт Токаев" -> "Касым-Жомарт Токаев")."""
        tokens = run.split()
        sentence_start = self._starts_sentence(pos)
        office = self._office_before(pos)
        if self._after_preposition(pos) and not self._opens_name(tokens[0]):
            # "a BBC Mundo Aurora Cruz": the preposition's object, then a person
            later = next((i for i in range(1, len(tokens) - 1) if self._opens_name(tokens[i])), None)
            if later is None:
                return [(run, "place", pos, "")]  # "du Lot-et-Garonne", "в Астане": a complement, nobody who speaks
            offset = [m.start() for m in re.finditer(r"\S+", run)][later]
            pos, run, tokens = pos + offset, run[offset:], tokens[later:]
        while len(tokens) > 1 and tokens[0].strip(".").lower() in HONORIFICS:
            offset = run.find(tokens[1], len(tokens[0]))
            pos, run = pos + offset, run[offset:]
            tokens = tokens[1:]
        if all(self._office_word(t) or t.lower() in self.language.articles for t in tokens):
            return []  # "Die Ministerin": a description, read by `description`
        k = 0
        if sentence_start and len(tokens) >= 2 and self._common_word(tokens[0]) and not self._office_word(tokens[0]):
            k = 1  # "Am", "Die", "Вчера": a word that opens the sentence
        while k < len(tokens) - 1 and (self._office_word(tokens[k]) or tokens[k].lower() in self.language.articles):
            if self._office_word(tokens[k]):
                office = office or tokens[k].lower()
            k += 1
        opening = next((i for i in range(k, len(tokens)) if self._opens_name(tokens[i])), None)
        later = None
        if self.language.code == "ru" and opening is not None:
            later = next(
                (i for i in range(opening + 2, len(tokens) - 1) if _nominative_first_name(tokens[i], 0.0)), None
            )
            if later is not None and not _nominative_first_name(tokens[opening]):
                # "адвокат Ильи Бахтина Роман Лещенко": a person in the genitive, then the speaker
                k, opening = later, later
            else:
                later = None
        if (
            opening is not None
            and opening > k
            and len(tokens) - opening >= 2
            and (
                self.language.code in ("ru", "uk", "be")
                or self._after_article(pos)  # "le Slovène Tadej Pogacar", "el técnico Xavi Pons"
                or all(self._not_a_name_part(t) for t in tokens[k:opening])
            )
        ):
            # "Кремля Дмитрий Песков", "Zöllen Olaf Scholz": the words before a first name are not the person's
            if not office and any(self._office_word(t) for t in tokens[:opening]):
                office = next(t.lower() for t in tokens[:opening] if self._office_word(t))
            k = opening
        elif (
            k
            and later is None
            and len(tokens) - k >= 2
            and self.language.code in ("ru", "uk")
            and not self._opens_name(tokens[k])
        ):
            # "Президент Казахстана Касым-Жомарт Токаев": the office's complement (a place, a body), then the name
            tail = len(tokens)
            while (
                tail > k and not _russian_place_or_body(tokens[tail - 1]) and not self._organisation(tokens[tail - 1])
            ):
                tail -= 1
            k = tail if tail < len(tokens) else len(tokens) - 1
        starts = [m.start() for m in re.finditer(r"\S+", run)]
        while k < len(tokens) and tokens[k].lower() in self.language.articles | NAME_PARTICLES:
            k += 1
        if k >= len(tokens):
            return []
        at = pos + starts[k]
        tokens = tokens[k:]
        name = " ".join(tokens)
        if self._organisation(name) and not (len(tokens) >= 2 and self._opens_name(tokens[0])):
            return [(name, "organisation", at, office)]
        if len(tokens) == 1 and self.language.code == "de" and tokens[0].endswith("s"):
            if self.fullest(tokens[0][:-1], len(self.masked)) != tokens[0][:-1]:
                return [(run, "place", pos, "")]  # "Kallmeyers Anwalt": a possessor, not the speaker
        adjacent = bool(re.search(r"(\S+)\s+$", self.masked[max(0, pos - 40) : pos])) and self._office_word(
            re.search(r"(\S*)\s*$", self.masked[max(0, pos - 40) : pos]).group(1)
        )
        cut_office = any(self._office_word(t) for t in run.split()[: len(run.split()) - len(tokens)])
        if len(tokens) == 1 and not self._lone_name(tokens[0], sentence_start and k == 0, cut_office or adjacent):
            return []  # "Entlassung", "Оренбургского", a word opening a sentence: no one's name
        if len(tokens) == 1 and self.language.code in ("ru", "uk") and self._adjective_of_phrase(tokens[0], at):
            return []  # "Ирбенского государственного университета", "Ольховской области": a place's or a body's word
        return [(self._nominative(name, at), "person", at, office)]

    def _adjective_of_phrase(self, word: str, at: int) -> bool:
        """Whether a capitalised Russian word ending like an adjective opens a noun phrase with the
        lower-case noun or adjective after it, in the same case ("Кузьминского сельского поселения",
        "Северо-Озерской области"), as a surname never does ("Кузьминский сказал")."""
        if not re.search(r"(?:ого|его|ой|ей|ом|ем|ую|юю|ым|им|ых|их)$", word):
            return False
        after = re.match(r"[ \u00a0]+([а-яё-]+)", self.masked[at + len(word) : at + len(word) + 40])
        if after is None:
            return False
        readings = [p for p in _parses(after.group(1))[:3] if {"NOUN", "ADJF"} & set(p.tag.grammemes)]
        cases = {p.tag.case for p in _parses(word)[:4] if "ADJF" in p.tag.grammemes or "Surn" in p.tag.grammemes}
        return any(p.tag.case in cases for p in readings)

    def _after_article(self, pos: int) -> bool:
        before = self.masked[max(0, pos - 8) : pos]
        articles = "|".join(re.escape(a) for a in self.language.articles if a.isalpha())
        return bool(articles) and bool(re.search(rf"(?:^|\s)(?:{articles})\s+$", before, re.I))

    def _not_a_name_part(self, token: str) -> bool:
        """ "GDL-Vize", "CDU", "Bundeskanzler", "Kremlin", "Per": words before a first name that are not the person's."""
        return (
            token.lower() in FUNCTION_WORDS
            or token.lower() in PREPOSITIONS.split("|")
            or self._office_word(token)
            or self._organisation(token)
            or token.lower() in self.language.articles
            or bool(re.search(r"[A-ZÄÖÜ]{2,}", token))
            or (self.language.code == "de" and not is_first_name(token))
        )

    def _lone_name(self, word: str, opens_sentence: bool, after_office: bool) -> bool:
        if re.fullmatch(rf"[{UPPER}]\.", word):
            return False  # "l'échantillon B.": an initial alone is nobody
        """Whether one capitalised word alone is a person's name: a first name, the surname of
        someone the article names in full, a word the Russian dictionary calls a surname; or, in
        the languages that capitalise only names, any word inside a sentence after an office."""
        if self._opens_name(word) or self.fullest(word, len(self.masked)) != word:
            return True
        if self._surname(word):
            # not a common noun opening a sentence ("Вину он не признал"): the dictionary reads it so first
            best = _parses(word)[0] if self.language.code == "ru" else None
            return not (
                opens_sentence
                and best is not None
                and best.is_known
                and best.score >= 0.5
                and not ({"Surn", "Name", "Patr", "Geox", "Orgn"} & set(best.tag.grammemes))
            )
        return after_office and self.language.code not in ("ru", "uk", "be")

    def _russian_noun(self, word: str) -> bool:
        """A Russian noun for a living being in the nominative ("пенсионерка", "очевидец")."""
        morph = _morph() if self.language.code in ("ru", "uk") else None
        if morph is None:
            return False
        return any({"NOUN", "anim", "nomn"} <= set(p.tag.grammemes) for p in _parses(word) if p.score >= 0.2)

    def _surname(self, name: str) -> bool:
        if self.language.code in ("ru", "uk", "be"):
            return _russian_surname(name.split()[-1])
        return False

    def _genitive_before(self, pos: int) -> bool:
        """Whether a Russian name is in the genitive by what governs it: a preposition ("у Петрова",
        "от Ивановой"), or the word of office it stands in apposition to ("генерального директора
        аэропорта Сочи Александра Коробова"; not "Эксперт Института … Астаны Динара Мусабекова")."""
        morph = _morph()
        before = self.masked[max(0, pos - 80) : pos]
        words = re.findall(r"[\w-]+", before)
        if morph is None or not words:
            return False
        governing = {"у", "от", "до", "из", "без", "для", "около", "после", "против", "словам", "мнению"}
        if re.search(r"(?:^|\s)(?:" + "|".join(governing) + r")\s+$", before, re.I):
            return True
        office = next((w for w in reversed(words[-6:]) if self._office_word(w)), None)
        if office is None:
            return False
        parses = [p for p in _parses(office) if p.score >= 0.1]
        singular = [p for p in parses if "sing" in p.tag.grammemes]
        return any("gent" in p.tag.grammemes for p in singular) and not any("nomn" in p.tag.grammemes for p in singular)

    def _opens_name(self, token: str) -> bool:
        """Whether a word is a first name (or an initial) that starts a person's name."""
        if token.lower() in FUNCTION_WORDS or token.lower() in PREPOSITIONS.split("|"):
            return False
        if re.fullmatch(rf"[{UPPER}]\.", token):
            return True
        lower = token.lower()
        if not token[:1].isupper() or lower in NAME_PARTICLES or lower in self.language.organisation_words:
            return False
        if self._office_word(token) or lower in {"general", "santa", "san", "saint", "sainte"}:
            return False
        if self.language.code in ("ru", "uk", "be"):
            return _russian_first_name(token)
        return is_first_name(token)

    def _after_preposition(self, pos: int) -> bool:
        before = self.masked[max(0, pos - 30) : pos]
        if self.language.code == "de" and re.search(r"[A-ZÄÖÜ][\w-]+\s+(?:der|des)\s+$", before):
            return True  # "Sprecher der Unionsfraktion": a genitive
        if re.search(rf"(?:^|\s)(?:{PLACE_NOUNS})\s+(?:(?:la|el|le|les|los|das|der|die)\s+)?$", before, re.I):
            return True  # "la aldea La Reina", "улица Ленина": a place's name
        articles = "|".join(re.escape(a) for a in self.language.articles if a.isalpha())
        return bool(re.search(rf"(?:^|\s)(?:{PREPOSITIONS})\s+(?:(?:{articles})\s+)?$|(?:^|\s)d[’']$", before, re.I))

    def _starts_sentence(self, pos: int) -> bool:
        before = self.masked[max(0, pos - 4) : pos].rstrip(' \u00a0«„“"—–-')
        return not before or before[-1] in ".!?…\n:" or before[-1] == MARK

    def _office_before(self, pos: int) -> str:
        """The lower-case words of office just before a name ("пресс-секретарь Кремля", "le
        ministre de l'Intérieur,"): the first office word among the last few words."""
        before = self.masked[max(0, pos - 60) : pos]
        before = re.split(r"[.;:!?\n" + MARK + "]", before)[-1]
        for m in re.finditer(r"[\w’'-]+", before):
            # the words from the office to the name describe the office ("ministre de l'Intérieur, ");
            # a verb among them ("le commissaire … a réuni au Justus Lipsius") parts them
            if self._office_word(m.group(0)) and not any(
                self._verb_like(w) for w in re.findall(r"[\w’'-]+", before[m.end() :])
            ):
                return m.group(0).lower()
        return ""

    def _office_word(self, word: str) -> bool:
        lower = word.lower().strip(".,")
        return any(lower == office or lower.endswith(office) for office in self.language.offices if len(office) > 3)

    def _common_word(self, word: str) -> bool:
        lower = word.lower()
        return (
            lower in self.language.articles
            or lower in self.language.pronouns
            or bool(re.fullmatch(self.language.verbs, lower, re.I))
            or (
                self.language.code == "de"
                and not (first_name_gender(word) or (is_first_name(word) and word.lower() not in FUNCTION_WORDS))
            )
            or (self.language.code != "de" and not _looks_like_name(word, self.language))
        )

    def _organisation(self, name: str) -> bool:
        words = [w.lower() for w in name.split()]
        if self.language.code in ("ru", "uk") and len(words) == 1 and _russian_organisation_word(name):
            return True  # "Аэрофлот", "Рослесхоз", "Газпром"
        if self.language.code in ("ru", "uk") and any(
            _russian_lemma(w) in self.language.organisation_words for w in words
        ):
            return True  # "в ведомстве", "в министерстве"
        if any(w in self.language.organisation_words for w in words):
            return True
        if self.language.code == "de" and any(
            w.endswith(org) for w in words for org in self.language.organisation_words if len(org) >= 5
        ):
            return True  # "Unionsfraktion", "Landesregierung", "Bundesgesundheitsministerium"
        return len(words) == 1 and name.isupper() and len(re.sub(r"\W", "", name)) >= 2  # "UCI", not "B."

    def _gender(self, name: str) -> str | None:
        if self.language.code in ("ru", "uk", "be"):
            return _russian_gender(name)
        return person_gender(name)

    def _nominative(self, name: str, pos: int = -1) -> str:
        """A Russian name in the nominative; in the other languages names do not decline."""
        if self.language.code == "ru":
            return russian_nominative(name, "gent" if pos >= 0 and self._genitive_before(pos) else "")
        return name

    def fullest(self, name: str, before: int) -> str:
        """The fullest name the article gives the person a surname names ("Песков" -> "Дмитрий
        Песков", "Urías" -> "Rigoberto Salcido Urías"), preferring the one named last before
        `before`. A longer name counts only when it ends with all the words of `name`."""
        keys = [_stem(word) for word in name.split()]
        best = name
        for known in self.names:
            known_keys = [_stem(word) for word in known.name.split()]
            if known.kind != "person" or not known.sure or len(known_keys) <= len(best.split()):
                continue
            if known_keys[-len(keys) :] != keys and not _surnames_within(keys, known_keys):
                continue
            if known.pos < before or best == name:
                best = known.name
        return best

    def person_by_office(self, office: str, before: int) -> _Name | None:
        """The person last named after this word of office ("die Ministerin" -> "Wirtschaftsministerin
        Katherina Reiche")."""
        key = office.lower()
        for known in reversed(self.names):
            if known.pos >= before or known.kind != "person" or not known.office:
                continue
            if known.office == key or known.office.endswith(key) or key.endswith(known.office):
                return known
        return None

    def last_named(self, before: int, gender: str | None) -> _Name | None:
        """The person surely named last before `before` (of `gender` when it is known)."""
        for known in reversed(self.names):
            if known.pos >= before or not known.sure:
                continue
            if gender in ("m", "f") and known.gender not in (None, gender):
                continue
            return known
        return None

    def sentence_of(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.sentence_ends, pos)  # the ends are sorted
        start = self.sentence_ends[k - 1] if k else 0
        end = self.sentence_ends[k] if k < len(self.sentence_ends) else len(self.masked)
        return start, end

    # --- speakers --------------------------------------------------------------------------

    def speaker_of_phrase(self, phrase: str, at: int, *, case: str = "") -> SpeakerMention | None:
        """Who a phrase names: a pronoun, a name after any words of office ("пресс-секретарь Кремля
        Дмитрий Песков"), a name in apposition to a description ("le ministre du Travail, Olivier
        Dussopt"), or a description ("источник в правительстве", "ein Sprecher des Ministeriums")."""
        if self.language.code in ("ru", "uk") and re.match(r"\s*(?:в|во)\s", phrase):
            return _russian_organisation_in(self, phrase, at)  # "как уточнили в надзорном ведомстве"
        if (
            self.language.code not in ("ru", "uk")
            and re.match(r"\s*(?:a|al|à|au|aux|zu|zum|zur|para|pour)\s", phrase, re.I)
            and not any(self._opens_name(r.group(0).split()[0]) for r in NAME_RUN.finditer(phrase))
        ):
            return None  # "le preguntó al testigo": whom it was said to (not "a lancé au micro Marc Dewulf")
        quoted = (
            re.match(
                rf"[ \u00a0]*(?:[\w-]+[ \u00a0]+){{0,5}}?(?:{'|'.join(self.language.organisation_words)}|{'|'.join(self.language.work_nouns)})"
                rf"(?:[ \u00a0]+[\w-]+){{0,3}}?[ \u00a0]+{MARK}({WORDS_MASK}{{1,40}}){MARK}",
                phrase,
                re.I,
            )
            if self.language.code in ("ru", "uk")
            else None
        )
        if quoted is not None:
            # "профсоюз … «Университетская солидарность»", "ПАО «Газпром»": the organisation's name
            return SpeakerMention(self.text[at + quoted.start(1) : at + quoted.end(1)].strip(), "organisation")
        # a short quoted name inside the phrase ("аналитик «Атона» Денис Гордеев") is read as a word
        phrase = re.sub(rf"{MARK}{WORDS_MASK}{{1,40}}{MARK}", lambda m: "q" * len(m.group(0)), phrase)
        phrase = re.split(r"[;:!?…\n]|" + MARK + "|" + WORDS_MASK, phrase)[0]
        lead = len(phrase) - len(phrase.lstrip(" ,\u00a0—–-"))
        phrase, at = phrase[lead:].rstrip(" ,.\u00a0—–-"), at + lead
        if not phrase:
            return None
        words = phrase.split()
        first = words[0].lower()
        if first in self.language.pronouns:
            return self.pronoun(first, at)
        body = BODY_BACK.get(self.language.code)
        back = body.match(phrase) if body is not None else None
        if back is not None and not re.match(
            r"\s*(?:(?:der|des|de|del|du|de\s+la)\s+)?[A-ZÄÖÜÀ-ÞА-ЯЁ]", phrase[back.end() :]
        ):
            # "l'organisme", "la entidad", "der Verband", "ведомство": the body just named; not "la
            # Federación de Asociaciones…", "der Verband der Chemischen Industrie", which name one
            known = self.last_organisation_before(at)
            if known is not None:
                return known  # "l'organisme", "la entidad", "der Verband", "ведомство": the body just named
        if LATTER.match(phrase):
            known = self.last_named(at, None)  # "ce dernier", "este último": the person named last
            if known is not None:
                return SpeakerMention(self.fullest(known.name, at), "person")
        if self.last_unnamed is not None and (first in DEMONSTRATIVES or ANAPHORIC.match(phrase)):
            return self.last_unnamed  # "cette source", "ce diplomate", "l'un d'eux", "собеседник агентства"
        complement = False  # an organisation named inside a description ("le chef du groupe PLR")
        for run in NAME_RUN.finditer(phrase):
            between = phrase[: run.start()]
            if not self._only_description(between):
                break  # "журналистам в Астане", "a la salida del pabellón": the name is not the subject's
            parts = self._split_run(run.group(0), at + run.start())
            if not parts or parts[0][1] == "place":
                continue
            name, kind, _, _ = parts[0]
            if (
                complement
                and not between.rstrip().endswith(",")
                and not (kind == "person" and self.language.code in ("ru", "uk") and self._opens_name(name.split()[0]))
            ):
                # only a name in apposition after the description is still the speaker's; in Russian a
                # first name and surname after it too ("Председатель правления Ассоциации … Олег Тимченко")
                continue
            if kind == "person":
                if case and self.language.code in ("ru", "uk"):
                    name = russian_nominative(name, case)
                return SpeakerMention(self.fullest(name, at), "person")
            if between.strip(" ,") and "," not in between and self._head(between) is not None:
                complement = True  # "un portavoz del Gobierno": the description, of an organisation
                continue
            return SpeakerMention(self.organisation_name(name, at + run.end(), phrase[run.end() :]), kind)
        description = self.description(phrase)
        if description is None:
            return None
        head = description.split()[0].lower()
        # "the minister", "der Leiter des Warndienstes"; not "the rector of a university in Siberia"
        bare = len(description.split()) <= 2 or phrase.split()[0].lower() in DEFINITE
        if bare and self._office_word(head) and not self._unnamed_head(head, phrase):
            known = self.person_by_office(head, at)
            if known is not None:
                self.resolved = self.resolved or f"a second reference ({description})"
                return SpeakerMention(known.name, "person")
        if self._organisation(description):
            if self.language.code in ("ru", "uk"):
                description = _russian_nominative_phrase(description)
            return SpeakerMention(description, "organisation")
        found = SpeakerMention(description, "anonymous")
        if not self._following_pronoun and _refers_back(self, phrase, found):
            topic = _topic(self, at)
            if topic is not None:
                return topic  # "— сказал футболист", "как уточнил гендиректор", "señala el texto"
        return found

    def organisation_name(self, name: str, end: int, after: str) -> str:
        """An organisation's name as a desk files it: its acronym spelt out ("HCR" -> "Haut-Commissariat
        des Nations unies pour les réfugiés"), its name run on past "en" ("Delegación del Gobierno
        en Canarias")."""
        if name in self.acronyms:
            return self.acronyms[name]
        spelt = re.match(r"[^()\n]{0,90}?\(([^()\s]{2,10})\)", after)
        if spelt is not None and self.acronyms.get(spelt.group(1), "").startswith(name):
            return self.acronyms[spelt.group(1)]  # "la Société française … (SFAP)": the whole name
        genitive = "|der|des" if self.language.code == "de" else ""
        more = re.match(rf"[ \u00a0]+(?:en|in|für|pour|para|по|при{genitive})[ \u00a0]+({NAME_RUN.pattern})", after)
        if more is not None:
            return f"{name}{more.group(0)}"
        return name

    def _only_description(self, words: str) -> bool:
        """Whether the words before a name are only its description: articles, words of office,
        their complements and an apposition's comma ("le ministre du Travail, ")."""
        tokens = re.findall(r"[\w’'-]+|,", words)
        if not tokens:
            return True
        prepositions = set(PREPOSITIONS.split("|"))

        def part(k: int, token: str) -> bool:
            # a capitalised word is the description's only when it holds an office or is a complement
            # ("el candidato de Vox, ", "Эксперт по госзакупкам, бывший сотрудник Контрольно-счетной палаты ")
            if (
                token == ","
                or token[:1].islower()
                or self._office_word(token)
                or token.lower() in self.language.articles
            ):
                return True
            previous = [t.lower() for t in tokens[max(0, k - 3) : k] if t != ","]
            return any(p in prepositions for p in previous) or (bool(previous) and previous[-1][:1].islower())

        if len(tokens) <= 14 and all(part(k, t) for k, t in enumerate(tokens)):
            return True  # "la microbióloga ", "le ministre du Travail, ": its description
        if "," in tokens and tokens[-1] != ",":
            return False
        return self._head(words) is not None or all(
            t == "," or t.lower() in self.language.articles or self._office_word(t) or t.lower() in NAME_PARTICLES
            for t in tokens
        )

    def _head(self, words: str) -> str | None:
        """The description's head noun (a word of office or of an unnamed speaker) its first words give;
        after an indefinite article, any noun ("Ein Lackierer", "un technicien", "una vecina")."""
        tokens = re.findall(r"[\w’'-]+", words)[:4]
        indefinite = bool(tokens) and tokens[0].lower() in INDEFINITE
        for token in tokens:
            lower = token.lower()
            if lower in self.language.articles or lower in HONORIFICS or lower in {"один", "одна", "ein", "eine"}:
                continue
            if self._office_word(lower) or any(lower.startswith(u) for u in self.language.unnamed):
                return lower
            if self.language.code == "de" and any(lower.endswith(u) for u in self.language.unnamed + GERMAN_PEOPLE):
                return lower  # "Jurastudent", "Oberarzt", "Anwohnerin"
            if not re.fullmatch(r"[\w-]+", lower) or len(lower) < 3:
                continue
            if lower in ADJECTIVE_LIKE or (
                self.language.code in ("ru", "uk") and lower.endswith(("ий", "ый", "ой", "ая", "яя", "ое", "ие", "ые"))
            ):
                continue
            if indefinite and (token[:1].isupper() if self.language.code == "de" else token[:1].islower()):
                if self.language.code == "de" or not self._verb_like(token):
                    return lower
            if indefinite and self.language.code == "de" and token[:1].islower():
                continue  # "Ein älterer Genosse": the adjective before the noun
            return None
        return None

    def _unnamed_head(self, head: str, phrase: str) -> bool:
        """ "ein Sprecher", "un porte-parole": an indefinite article before the office names nobody
        the article named."""
        first = phrase.split()[0].lower()
        return first in {"ein", "eine", "einer", "un", "une", "uno", "una", "один", "одна"}

    def description(self, phrase: str, loose: bool = False) -> str | None:
        """An unnamed speaker's description, as a desk files it: articles cut, up to the first
        comma or relative clause ("жительница Уральска, попросившая…" -> "жительница Уральска")."""
        phrase = re.split(RELATIVE, phrase)[0]
        words = phrase.split()
        article = bool(words) and words[0].lower() in self.language.articles
        while words and (
            words[0].lower() in self.language.articles | {"один", "одна", "одни", "ein", "eine", "einer"}
            or words[0].strip(".").lower() in HONORIFICS
        ):
            words = words[1:]
        words = self._noun_phrase(words)
        if loose and words and words[0][:1].islower() and (article or self._russian_noun(words[0])):
            return " ".join(words).rstrip(".,;:")
        if words and words[0].lower() in PREPOSITIONS.split("|"):
            return None  # "в сообщении ведомства": where it was said, not who
        if not words or (self._head(" ".join(words)) is None and not self._organisation(" ".join(words))):
            return None
        if self.language.code == "de" and words[0][:1].isupper():
            words[0] = re.sub(r"(?<=[a-zäöü])(?:s|es)$|(?<=in)nen$", "", words[0])
        return " ".join(words).rstrip(".,;:")

    def _noun_phrase(self, words: list[str]) -> list[str]:
        """The words of a description up to its verb: its head, an adjective, and complements each
        opened by a preposition ("habitant de l'immeuble voisin | dit avoir", "Sprecher | bestätigte",
        "gobierno bonaerense | ofreció")."""
        kept: list[str] = []
        room = 2  # the head and one adjective
        prepositions = set(PREPOSITIONS.split("|"))
        linking = DESCRIPTION_PREPOSITIONS.get(self.language.code)
        for k, word in enumerate(words[:10]):
            lower = word.lower().strip(".,;:")
            if k and (self._verb_like(word) or re.match(r"(?:s[’']|se$|sich$|si$)", lower)):
                break  # "le préfet | s'est rendu", "der Sprecher | sich"
            if k and lower in prepositions and linking is not None and lower not in linking:
                break  # "député LR | dans les couloirs", "club | dans un communiqué"
            if lower in prepositions or re.match(r"(?:d|l)[’']", lower):
                room = 3 if not re.match(r"(?:d|l)[’']", lower) else 2
                kept.append(word)
                continue
            if lower in self.language.articles:
                kept.append(word)
                continue
            if room == 0:
                break
            if k and self.language.code == "de" and word[:1].islower():
                break  # German: after its noun, a lower-case word is the verb or an adverb
            kept.append(word)
            room -= 1
        while kept and (kept[-1].lower() in prepositions or kept[-1].lower() in self.language.articles):
            kept.pop()
        return kept

    def _verb_like(self, word: str) -> bool:
        lower = word.lower().strip(".,;:")
        if re.fullmatch(self.language.verbs, lower, re.I) or lower in COMMON_VERBS.get(self.language.code, ()):
            return True
        if self.language.code == "es":
            return len(lower) > 4 and lower.endswith(("ó", "aron", "ieron", "aba", "aban"))
        if self.language.code == "fr":
            return len(lower) > 4 and lower.endswith(("ait", "aient"))
        if self.language.code in ("ru", "uk"):
            morph = _morph()
            if morph is not None:
                best = _parses(word)[0]
                return bool({"VERB", "INFN", "GRND", "PRTS", "ADVB", "CONJ"} & set(best.tag.grammemes))
        return False

    def pronoun(self, pronoun: str, at: int) -> SpeakerMention | None:
        """Who "он", "sie", "il" is: the last speaker when they were quoted lately and the gender
        fits, else the person named last before it whose gender fits."""
        gender = self.language.pronouns.get(pronoun.lower(), "?")
        if gender == "p":
            return None
        self.resolved = self.resolved or "a pronoun"
        subject = self.previous_subject(at)
        named = self.last_named(at, gender)
        if subject is not None and subject.kind == "organisation" and named is not None:
            if named.pos > self.sentence_of(self.sentence_of(at)[0] - 1)[0]:
                subject = None  # "Le Parti libéral, dirigé par Pablo Rodriguez, … a-t-il affirmé": the person
        if subject is not None and (
            subject.kind in ("anonymous", "organisation")
            or gender not in ("m", "f")
            or self._gender(subject.name) in (None, gender)
        ):
            return subject  # "Un habitant … dit avoir été réveillé. « … », raconte-t-il."
        last = self.last_person
        fits = last is not None and (gender not in ("m", "f") or last.gender in (None, gender))
        if (
            fits
            and at - last.pos < PRONOUN_REACH
            and (named is None or named.pos <= last.pos or named.name == last.name)
        ):
            return SpeakerMention(last.name, "person")
        return SpeakerMention(self.fullest(named.name, at), "person") if named else None

    def last_organisation_before(self, at: int) -> SpeakerMention | None:
        """The organisation named or quoted last before `at`, by the name the article gives it in full."""
        named = next(
            (n for n in reversed(self.names) if n.kind == "organisation" and n.pos < at and not _outlet(n.name)), None
        )  # (not the outlet the article was told by: "копия есть у РБК")
        quoted = self.last_organisation
        if named is None:
            return quoted
        if quoted is not None and self.last_speaker_at > named.pos:
            return quoted
        return SpeakerMention(self.acronyms.get(named.name, named.name), "organisation")

    def previous_subject(self, at: int) -> SpeakerMention | None:
        """The subject of the sentence before the one at `at`, in the same paragraph (its pronouns
        are not followed further)."""
        if self._following_pronoun:
            return None
        paragraph = self.text.rfind("\n", 0, at) + 1
        start, _ = self.sentence_of(at)
        if start <= paragraph:
            return None
        previous, _ = self.sentence_of(start - 1)
        previous = max(previous, paragraph)
        self._following_pronoun = True
        try:
            speaker = _sentence_subject(self, self.masked[previous:start], previous)
        finally:
            self._following_pronoun = False
        return speaker if speaker is not None and speaker.kind in ("person", "anonymous", "organisation") else None


PRONOUN_REACH = 700  # characters since the last speaker was quoted within which a pronoun is them


def _surnames_within(keys: list[str], known: list[str]) -> bool:
    """ "Vicens" in "Margalida Vicens Oliver", "Mendoza" in "Arturo Mendoza Treviño": a first surname
    of two, never the first name."""
    n = len(keys)
    return any(known[k : k + n] == keys for k in range(1, len(known) - n + 1))


def _spelt_out(acronym: str, before: str) -> str | None:
    """The words an acronym in brackets stands for, from the words before it: the shortest run of
    them that opens with a capital of the acronym's first letter and holds its letters in order
    ("Haut-Commissariat des Nations unies pour les réfugiés (HCR)")."""
    words = re.findall(r"[^\s(),.;:]+", before.split("\n")[-1])[-10:]
    letters = [c.lower() for c in acronym if c.isalpha()]
    for k in range(len(words) - 1, -1, -1):
        candidate = words[k:]
        if not candidate[0][:1].isupper() or candidate[0][:1].lower() != letters[0]:
            continue
        text = " ".join(candidate).lower()
        at = 0
        for letter in letters:
            at = text.find(letter, at)
            if at < 0:
                break
            at += 1
        else:
            return " ".join(candidate)
    return None


# the small words that open a sentence with a capital and are in the larger first-name list
# ("Ha", "Per", "Ma", "Alla", "Segundo", "Dann"): never a name
FUNCTION_WORDS = {
    *"ha hanno ma per alla alle allo al nel nella dopo anche poi però e o se che chi non più già".split(),
    *"segundo mas para pela pelo na no nas nos em e ou se que não já também depois".split(),
    *"mais pour par sur dans avec après aussi puis si que qui ne".split(),
    *"pero para por con tras según también luego si que no ya".split(),
    *"dann darin damit daher dabei doch nur man auch aber noch".split(),
}


def _looks_like_name(word: str, language: Language) -> bool:
    lower = word.lower()
    if lower in FUNCTION_WORDS or lower in PREPOSITIONS.split("|"):
        return False  # "Per Alvise Benetton", "Segundo ele"
    if is_first_name(word) and lower not in language.articles and lower not in NAME_PARTICLES:
        return True
    if language.code in ("ru", "uk", "be"):
        return _russian_gender(word) is not None or _is_russian_name_word(word)
    return False


# --- Russian names ----------------------------------------------------------------------------


@cache
def _morph():
    """pymorphy3's analyser, or None when it is not installed (names are then left as written)."""
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer()
    except Exception:  # not installed, or its dictionary cannot load: the names stay as written
        logger.info("pymorphy3 is not available: Russian names are left in the case the text gives")
        return None


NAME_TAGS = {"Name", "Surn", "Patr"}


@lru_cache(maxsize=20000)
def _parses(word: str) -> tuple:
    """pymorphy3's readings of a word, read once: an article asks about the same names many times."""
    morph = _morph()
    return tuple(morph.parse(word)) if morph is not None else ()


def _is_russian_name_word(word: str) -> bool:
    morph = _morph()
    if morph is None:
        return False
    return any(NAME_TAGS & set(p.tag.grammemes) for p in _parses(word) if p.score > 0.05)


def _russian_gender(name: str) -> str | None:
    """A Russian name's gender: by its surname's ending when it says ("Ерлан Кошанов", "Анна
    Петрова"), else by the dictionary's first name, else by any ending."""
    morph = _morph()
    first = name.split()[0]
    if len(name.split()) >= 2:
        surname = name.split()[-1].lower()
        if surname.endswith(("ова", "ева", "ёва", "ина", "ына", "ская", "цкая")):
            return "f"
        if surname.endswith(("ов", "ев", "ёв", "ин", "ын", "ский", "цкий")):
            return "m"
    if morph is not None:
        for parse in _parses(first):
            grammemes = set(parse.tag.grammemes)
            if NAME_TAGS & grammemes:
                if "femn" in grammemes:
                    return "f"
                if "masc" in grammemes:
                    return "m"
    last = name.split()[-1].lower()
    if last.endswith(("ова", "ева", "ина", "ая", "ёва", "ына")):
        return "f"
    if last.endswith(("ов", "ев", "ин", "ий", "ой", "ёв", "ын")):
        return "m"
    return None


def russian_nominative(name: str, case: str = "") -> str:
    """ "Андрея Суздальцева" -> "Андрей Суздальцев": the name in the nominative, its words agreeing in
    gender and case; `case` ("gent") is the case the words before it govern, when known. Without
    pymorphy3, or when the words do not agree on one reading, the name as written."""
    morph = _morph()
    words = name.split()
    if morph is None or not words:
        return name
    readings = [_parses(word) for word in words]

    def fit(parses, gender: str, wanted: str) -> list:
        return [
            p
            for p in parses
            if wanted in p.tag.grammemes
            and (gender in p.tag.grammemes or "ms-f" in p.tag.grammemes)
            and "plur" not in p.tag.grammemes
        ]

    def weight(p) -> float:
        return p.score + (0.5 if NAME_TAGS & set(p.tag.grammemes) else 0)

    def reading(gender: str, wanted: str) -> float:
        score = 1.0
        for parses in readings:
            score *= max((weight(p) for p in fit(parses, gender, wanted)), default=0.0)
        return score

    if case:
        governed = max(((reading(g, case), g, case) for g in ("masc", "femn")), key=lambda r: r[0])
        best = governed if governed[0] > 0 else None
    else:
        best = None
    if best is None:
        oblique = max(
            ((reading(g, c), g, c) for g in ("masc", "femn") for c in ("gent", "datv", "ablt", "loct", "accs")),
            key=lambda r: r[0],
        )
        nominative = max(reading(g, "nomn") for g in ("masc", "femn"))
        if nominative > 0 and oblique[0] < 3 * nominative:
            # the words can all be read in the nominative, and as likely as in another case: as
            # written (not "Максима Дольникова", whose nominative reading is a common noun's)
            return name
        best = oblique
    if best[0] == 0:
        return name
    _, gender, wanted = best
    out = []
    for word, parses in zip(words, readings, strict=True):
        fitting = sorted(fit(parses, gender, wanted), key=lambda p: -weight(p))
        inflected = fitting[0].inflect({"nomn"}) if fitting else None
        out.append(_same_case_as(word, inflected.word) if inflected else word)
    return " ".join(out)


def _russian_lemma(word: str) -> str:
    morph = _morph()
    return _parses(word)[0].normal_form if morph is not None else word.lower()


def _russian_organisation_word(word: str) -> bool:
    """A word the dictionary calls an organisation's name ("Аэрофлот", "Газпром", "МЧС")."""
    morph = _morph()
    if morph is None:
        return False
    return any("Orgn" in p.tag.grammemes for p in _parses(word) if p.score >= 0.3)


def _russian_place_or_body(word: str) -> bool:
    """ "Казахстана", "Кремля", "МИД": a place or a body the dictionary knows, not a person's name."""
    morph = _morph()
    if morph is None or SURNAME_SHAPE.search(word):
        return word.isupper()
    return any(
        "Geox" in p.tag.grammemes or ({"inan", "NOUN"} <= set(p.tag.grammemes) and not NAME_TAGS & set(p.tag.grammemes))
        for p in _parses(word)
        if p.score >= 0.3
    )


# how most Russian, Ukrainian and Kazakh surnames end, in any case ("Токаев", "Сагындыкова", "Шевченко")
SURNAME_SHAPE = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ову|еву|ину|овым|евым|иным|овой|евой|иной|ского|ский|ская|ской|"
    r"цкий|цкая|цкого|енко|ко|ук|юк|швили|дзе|ян|янц|улы|кызы|бек|баев|баева)$"
)


def _nominative_first_name(word: str, least: float = 0.1) -> bool:
    """Whether a word may be a first name in the nominative ("Роман" may, though it is a novel first)."""
    return word[:1].isupper() and any(
        {"Name", "nomn"} <= set(p.tag.grammemes) for p in _parses(word) if p.score >= least
    )


def _russian_surname(word: str) -> bool:
    morph = _morph()
    if not word[:1].isupper():
        return False
    if morph is None:
        return bool(SURNAME_SHAPE.search(word))
    parses = _parses(word)
    if any({"Geox", "ADJF"} & set(p.tag.grammemes) for p in parses if p.score >= 0.3):
        return False
    return any("Surn" in p.tag.grammemes for p in parses if p.score >= 0.1) or bool(SURNAME_SHAPE.search(word))


def _russian_first_name(word: str) -> bool:
    morph = _morph()
    if morph is None:
        return False
    parses = _parses(word)
    name = max((p.score for p in parses if "Name" in p.tag.grammemes), default=0.0)
    place = max((p.score for p in parses if "Geox" in p.tag.grammemes), default=0.0)
    return name >= 0.1 and name >= place  # "Астаны" is a place first; "Касым-Жомарт" a name as much as one


def _same_case_as(written: str, lower: str) -> str:
    """pymorphy3's words are lower case: capitalise them as the text did ("касым-жомарт" -> "Касым-Жомарт")."""
    parts, written_parts = lower.split("-"), written.split("-")
    if len(written) > 1 and written.isupper():
        return written  # an acronym ("МЧС", "РСПП") is written the same in every case
    if len(parts) != len(written_parts):
        return lower[:1].upper() + lower[1:]
    return "-".join(
        (p[:1].upper() + p[1:]) if w[:1].isupper() else p for p, w in zip(parts, written_parts, strict=True)
    )


@lru_cache(maxsize=50000)
def _stem(word: str) -> str:
    """A surname without its case ending, to tell "Пескова" and "Песков" are one person."""
    folded = unicodedata.normalize("NFKC", word).lower().strip(".,’'").replace("ё", "е")
    for ending in ("ыми", "ими", "ого", "ому", "ой", "ым", "им", "ом", "ем", "ую", "ою", "а", "у", "е", "ы", "я", "ю"):
        if folded.endswith(ending) and len(folded) - len(ending) >= 3:
            return folded[: -len(ending)]
    return folded


def interruption(words: str, language: Language) -> tuple[int, int] | None:
    """Where the narrator's words interrupt a quotation inside one pair of marks, as Russian,
    Spanish and French papers print it: «Мы ценим позицию Астаны, — сказал Песков, — и рассчитываем
    на диалог» / «No vamos a ceder —dijo el ministro—, pero negociaremos» / « Nous tiendrons, dit-il,
    jusqu'au bout ». Returns where the first part ends (its comma kept, as in English) and where
    the second starts; None when the words are all the speaker's."""
    if language.code in ("ru", "uk"):
        # (or a full stop, a new sentence after the dash: «…, — сказал Песков. — Рассчитываем…»;
        # an adverb may come first: «…, — коротко сказал он. — …»)
        pattern = (
            rf"(?P<comma>,?)[ \u00a0]*[—–][ \u00a0]*(?:[а-яё]+[оеи][ \u00a0]+)?(?:{language.verbs})(?![\w-])"
            rf"[^—–«»„“”\"]{{0,100}}?,?[ \u00a0]*[—–][ \u00a0]*"
        )
    elif language.code == "fr":
        pattern = (
            r"(?P<comma>,)[ \u00a0]*[\w’']+-(?:t-)?(?:il|elle|ils|elles|on)\b(?:[ \u00a0]+[\w’']+){0,3}?,[ \u00a0]*"
        )
    elif language.code in ("es", "pt", "it"):
        pattern = rf"(?P<comma>,?)[ \u00a0]*—(?:{language.verbs})(?![\w-])[^—«»„“”\"]{{0,100}}?—[,;]?[ \u00a0]*"
    else:
        return None
    for m in re.finditer(pattern, words, re.I):
        if m.start() == 0 or m.end() >= len(words) or not re.search(r"\w", words[m.end() :]):
            continue
        return m.start() + len(m.group("comma")), m.end()
    return None


def names_in(text: str, masked: str, language: Language) -> list[str]:
    """The persons' full names (two words or more) and the organisations the article gives, in the
    order it first gives them, each once: who the review page offers as a speaker."""
    reader = _Reader(text, masked, language)
    names = [
        reader.acronyms.get(n.name, n.name)
        for n in reader.names
        if (n.kind == "person" and n.sure and len(n.name.split()) >= 2) or n.kind == "organisation"
    ]
    return list(dict.fromkeys(names))


# --- the quotations -------------------------------------------------------------------------


def attribute(text: str, masked: str, spans: list[QuoteSpan], language: Language) -> list[QuoteSpan]:
    """`spans` (the quotations quotes.py found by their marks, speaker unread) with their speakers;
    a quoted word or phrase with no cue, or a quoted name, is left out."""
    reader = _Reader(text, masked, language)
    result: list[QuoteSpan] = []
    previous: tuple[int, SpeakerMention | None] = (-1, None)  # paragraph start, speaker
    previous_how = ""
    for span in spans:
        paragraph = text.rfind("\n", 0, span.char_start) + 1
        reader.resolved = ""
        speaker, cue = _cue_speaker(reader, span)
        if span.mode == "partial" and _quoted_name(reader, span):
            continue
        if speaker is None and span.mode == "direct":
            if previous[0] == paragraph and previous[1] is not None:
                speaker, cue = previous[1], "(previous quotation)"
                reader.resolved = previous_how
            else:
                speaker, cue = _nearby_speaker(reader, span, paragraph, result)
        if speaker is None and span.mode == "partial":
            continue  # the writer's own scare quotes
        if speaker is not None and re.search(r"(?<!\w)q{3,}(?!\w)", speaker.name):
            # a quoted name read as a placeholder word ("аналитик «Атона»"): never part of the name filed
            words = " ".join(w for w in speaker.name.split() if not re.fullmatch(r"q{3,}", w))
            speaker = SpeakerMention(words, speaker.kind) if words else None
        if language.code in ("ru", "uk"):
            speaker = _russian_tidy(reader, span, speaker)
        if speaker is not None and speaker.kind == "person":
            reader.last_person = _Name(speaker.name, "person", span.char_start, gender=reader._gender(speaker.name))
        if speaker is not None and speaker.kind == "anonymous":
            reader.last_unnamed = speaker
        if speaker is not None:
            reader.last_speaker, reader.last_speaker_at = speaker, span.char_start
            if speaker.kind == "organisation":
                reader.last_organisation = speaker
        notes = span.notes
        how = reader.resolved or ("the sentences around the quotation" if cue in READ_AROUND else "")
        if speaker is not None and speaker.kind == "person" and how:
            notes = (*notes, f"{SPEAKER_READ_FROM} {how}")
        result.append(
            QuoteSpan(
                span.text, span.char_start, span.char_end, span.mode, speaker, cue, 1.0 if speaker else 0.5, notes
            )
        )
        previous, previous_how = (paragraph, speaker), how
    return _interrupted_share(text, _repeated_words(result))


def plain_words(text: str) -> str:
    """A quotation's words alone, lower case, to find the same words quoted again."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _repeated_words(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """A quotation with no speaker whose words another quotation with one repeats (a headline's or a
    lead's quotation, quoted again in the body: "«Мы не самоубийцы»: водители…" ¶ … «Мы не
    самоубийцы, — сказал Рустам Сабиров. — …»): that quotation's speaker."""

    said = [(plain_words(o.text), o) for o in spans if o.speaker is not None]
    out = []
    for span in spans:
        mine = plain_words(span.text) if span.speaker is None else ""
        if len(mine) >= 10:
            other = next((o for text, o in said if mine in text), None)
            if other is not None:
                span = QuoteSpan(
                    span.text, span.char_start, span.char_end, span.mode, other.speaker, "(repeated)", 1.0, span.notes
                )
        out.append(span)
    return out


QUOTE_MARKS = '«»“”„‟"‚‹›'  # (not ‘ ’, which French and Italian write as apostrophes: "d’une voix")


def _interrupted_share(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """The two parts of a quotation the writer's words interrupt inside one pair of marks
    (« Nous tiendrons, dit-il, jusqu'au bout », a conclu Marc Dewulf) are one speaker's: a part
    whose speaker was not read takes the other part's."""
    result = list(spans)
    for k in range(len(result) - 1):
        first, second = result[k], result[k + 1]
        between = text[first.char_end : second.char_start]
        if len(between) > 120 or "\n" in between or any(mark in between for mark in QUOTE_MARKS):
            continue  # not one pair of marks
        if first.speaker is None and second.speaker is not None:
            result[k] = replace(
                first, speaker=second.speaker, cue="(the rest of the quotation)", confidence=second.confidence
            )
        elif second.speaker is None and first.speaker is not None:
            result[k + 1] = replace(
                second, speaker=first.speaker, cue="(the rest of the quotation)", confidence=first.confidence
            )
    return result


# how a speaker was read when no name stands by a verb of saying: the review page asks to check it
READ_AROUND = {"(subject)", "(reported speech)", "(previous sentence)", "(previous paragraph)", "(answer)"}
SPEAKER_READ_FROM = "speaker read from"


def person_checks(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """A person read from a pronoun, a second reference or the sentences around the quotation is
    marked for a person to check (quotes.speaker_checks marks the other kinds): in the articles of
    ACCURACY.md such readings are right far less often than a name beside a verb of saying."""
    return [
        replace(
            span,
            check=f"read from {note[len(SPEAKER_READ_FROM) + 1 :]}, not a name by a verb of saying: check who it is",
        )
        if span.speaker is not None and span.speaker.kind == "person" and not span.check and note
        else span
        for span, note in ((s, next((n for n in s.notes if n.startswith(SPEAKER_READ_FROM)), "")) for s in spans)
    ]


def _cue_speaker(reader: _Reader, span: QuoteSpan) -> tuple[SpeakerMention | None, str]:
    language, masked = reader.language, reader.masked
    sentence_start, sentence_end = reader.sentence_of(span.char_start)
    opening = masked.rfind(MARK, 0, span.char_start + 1)
    opening = opening if opening >= 0 else span.char_start
    closing = span.char_end
    while closing < len(masked) and masked[closing] in f"{MARK}{WORDS_MASK} \u00a0\u202f":
        closing += 1
    # 1. the verb after the quotation: «…», — сказал Токаев / „…“, sagte sie / « … », a-t-il dit
    slot = re.match(r"[,.!?…]?[ \u00a0]*(?:[—–-][ \u00a0]*)?", masked[closing:sentence_end])
    rest_at = closing + slot.end()
    rest = masked[rest_at:sentence_end]
    mark = slot.group(0).strip(" \u00a0")
    if (mark and mark not in (".", "!", "?", "…")) or (not mark and span.text.rstrip()[-1:] in ",?!…"):
        found = _inverted(reader, rest, rest_at, span)
        if found is not None:
            return found
    before = masked[sentence_start:opening]
    sentence = masked[sentence_start:sentence_end]
    # 1b. the verb of saying later in the sentence, after a comma: "Der Freistaat werde „schnell“ helfen,
    # schrieb er", "Die Lösung habe „eine gute Stunde“ gedauert, sagte der 34-Jährige"
    later = re.search(rf",[ \u00a0]*(?P<verb>{language.verbs})(?![\w-])(?P<subject>[^,.;:!?…\n{MARK}]*)", rest, re.I)
    if later is not None and MARK not in rest[: later.start()]:
        speaker = _subject_after_verb(reader, later.group("subject"), rest_at + later.start("subject"))
        if speaker is not None:
            return speaker, later.group("verb")
    # 2. "according to" anywhere in the sentence
    according = _according_to(reader, sentence, sentence_start, span.char_start)
    if according is not None:
        return according
    if language.according_after:
        for acc in re.finditer(rf"(?<![\w-])(?:{language.according_after})(?![\w-])", sentence, re.I):
            clause = re.split(rf"[,.;:!?…\n{MARK}]", sentence[: acc.start()])[-1]
            speaker = reader.speaker_of_phrase(clause, sentence_start + acc.start() - len(clause))
            if speaker is not None:
                return speaker, acc.group(0)
    # 3. a verb of saying before the quotation, and its subject
    for verb in reversed(list(re.finditer(rf"(?<![\w-])(?P<verb>{language.verbs})(?![\w-])", before, re.I))):
        speaker = _subject_of(reader, before, verb, sentence_start)
        if speaker is not None:
            return speaker, verb.group("verb")
    # a German sentence in reported speech ("Die Kosten seien „…“") goes on with the last speaker
    if (
        language.code == "de"
        and re.search(rf"(?<![\w-])(?:{GERMAN_SUBJUNCTIVE})(?![\w-])", sentence)
        and not re.search(r"(?<![\w-])(?:er|sie|es)(?![\w-])", before, re.I)
    ):
        topic = _topic(reader, span.char_start)  # the person the paragraph is about, else the last speaker
        if topic is not None and topic.kind == "person":
            return topic, "(reported speech)"
        if reader.last_speaker is not None and span.char_start - reader.last_speaker_at < PRONOUN_REACH:
            return reader.last_speaker, "(reported speech)"
        if topic is not None and topic.kind == "organisation":
            return topic, "(reported speech)"
    # 4. the subject of the sentence the quotation is in ("Elle a promis que son groupe ne « lâcherait
    # rien »", "Токаев был краток: «…»")
    speaker = _sentence_subject(reader, before, sentence_start)
    if speaker is not None:
        return speaker, ":" if before.rstrip(" \u00a0").endswith(":") else "(subject)"
    if language.code in ("es", "it", "pt") and any(reader._verb_like(w) for w in re.findall(r"[\w’'-]+", before)):
        # "Preguntada por los periodistas, se limitó a decir que hablará «con todos los grupos»": no subject
        # written, the person the paragraph is about
        topic = _topic(reader, span.char_start)
        if topic is not None:
            return topic, "(subject)"
    return None, ""


def _according_to(
    reader: _Reader, sentence: str, sentence_start: int, at: int
) -> tuple[SpeakerMention | None, str] | None:
    """Who an "according to" in a sentence names ("По словам Забелина", "по его словам", "selon le
    ministre"), and the words that said so; None when the sentence has none."""
    language = reader.language
    if language.possessive_according:
        pos = re.search(language.possessive_according, sentence, re.I)
        if pos is not None:
            pronoun = next(g for g in pos.groups() if g)
            return reader.pronoun(POSSESSIVE_PRONOUNS.get(pronoun.lower(), pronoun.lower()), at), pos.group(0)
    for acc in re.finditer(rf"(?<![\w-])(?:{language.according_to})(?![\w-])[ \u00a0]*", sentence, re.I):
        if acc.group(0).strip().lower() in WEAK_ACCORDING and sentence[: acc.start()].strip(" \u00a0\n" + MARK)[
            -1:
        ] not in ("", ","):
            continue  # "para la Paz", "pour consultations": "for", unless it opens the clause ("Para la FEB, …")
        phrase = re.split(rf"[.;:!?…\n{MARK}]", sentence[acc.end() :])[0]
        speaker = reader.speaker_of_phrase(phrase, sentence_start + acc.end(), case=language.name_governed_case)
        if speaker is not None:
            return speaker, acc.group(0).strip()
    return None


# the last part of German words for a person ("Jurastudent", "Oberärztin", "Landwirt")
GERMAN_PEOPLE = tuple(
    """student studentin arzt ärztin landwirt landwirtin bewohner bewohnerin anwohner anwohnerin bürger
    bürgerin mitglied vertreter vertreterin kollege kollegin bauer bäuerin händler händlerin unternehmer
    unternehmerin lehrer lehrerin schüler schülerin fahrer fahrerin arbeiter arbeiterin nachbar nachbarin
    zeuge zeugin kunde kundin besucher besucherin polizist polizistin""".split()
)
# the subjunctive of German reported speech ("sie sei", "es habe", "man werde")
GERMAN_SUBJUNCTIVE = (
    "sei|seien|habe|hätte|hätten|werde|würde|würden|könne|könnten|müsse|müssten|solle|dürfe|gebe|stehe|bleibe|"
    "liege|fehle|gehe|komme|greife|brauche|wolle|entspreche|handle|zeige|mache|setze|trage"
)
# the small words between a quotation and its verb: "«…», le explicó", "— ещё раз сказал", "nous a-t-il"
CLITICS = r"(?:ещё|еще|также|тоже|ей|ему|им|нам|мне|le|les|lo|se|me|nos|lui|leur|m[’']|s[’'])"
WEAK_ACCORDING = {"para", "pour", "per", "für"}
POSSESSIVE_PRONOUNS = {"его": "он", "её": "она", "ее": "она", "их": "они", "ihm": "er", "ihr": "sie", "ihnen": "sie"}
POSSESSIVE_PRONOUNS |= {"seinen": "er", "ihren": "sie", "lui": "il", "eux": "ils"}
# what may follow a quotation without being its verb of saying ("«…», y añadió", "„…“, und")
NOT_A_VERB = {
    *"и а но или что как где если когда пока чтобы то это этот эта эти который которая".split(),
    *"und aber oder denn dass wie wo wenn als ob so der die das den dem des ein eine".split(),
    *"et mais ou car que qui dont où si quand comme le la les un une des du de".split(),
    *"y e pero o u que quien donde si cuando como el la los las un una unos unas del de".split(),
    *"ma però che chi dove se quando come il lo gli".split(),
}


def _inverted(reader: _Reader, rest: str, at: int, span: QuoteSpan) -> tuple[SpeakerMention | None, str] | None:
    """The speaker after a quotation's inverted verb: "— сказал Токаев журналистам", "sagte sie",
    "a-t-il lancé", "afirmó el ministro de Economía, Luis Caputo", "proclamó desde el escenario"
    (the verb without a subject: the person the paragraph is about)."""
    language = reader.language
    if language.inverted_pronoun:
        inv = re.match(rf"(?:(?:{language.auxiliaries})-t-\w+\s+)?(?:{language.inverted_pronoun})", rest, re.I)
        if inv is not None:
            aux = re.match(rf"(?:{language.auxiliaries})-t-(\w+)", rest, re.I)
            pronoun = aux.group(1) if aux else (inv.group("pronoun") or inv.group("pronoun2"))
            return reader.pronoun(pronoun, span.char_start), "(inverted)"
    auxiliary = rf"(?:(?:{language.auxiliaries})\s+)?" if language.auxiliaries else ""
    adverb = r"(?:[\w’'-]+(?:ment|mente)\s+)?"  # "a sobrement indiqué", "dijo finalmente"
    words = re.match(rf"(?:{CLITICS}\s+)*{auxiliary}{adverb}(?:{CLITICS}\s+)*(?P<verb>[{LOWER}][\w’'-]*)", rest)
    if words is None or words.group("verb").lower() in NOT_A_VERB or words.group("verb").lower() in language.pronouns:
        if words is None and re.match(rf"(?:{language.verbs})\b", rest, re.I):
            words = re.match(rf"(?P<verb>{language.verbs})", rest, re.I)
        else:
            return None
    verb = words.group("verb")
    if span.mode == "partial" and not (reader._verb_like(verb) or re.fullmatch(language.verbs, verb, re.I)):
        return None  # "seien „gut aufgestellt“, private Häuser …": the writer's sentence goes on
    subject = rest[words.end() :]
    if language.code == "de":
        subject = re.sub(r"^\s*(?:hinzu|an|zu|ein|mit|fest|aus|weiter)\b", "", subject)
    if language.code == "fr":
        subject = re.sub(rf"^\s*(?:{language.verbs})\b", "", subject)  # "a déclaré" after "a"
    # "— сообщили «Ъ» в пресс-службе": an outlet's quoted name before the rest
    subject = re.sub(rf"^[ \u00a0]*{MARK}{WORDS_MASK}{{1,20}}{MARK}", lambda m: " " * len(m.group(0)), subject)
    # the subject ends at the sentence's end or a quotation; a short quoted name inside it stays
    hidden = re.sub(rf"{MARK}{WORDS_MASK}{{1,40}}{MARK}", lambda m: "\ue003" * len(m.group(0)), subject)
    subject = subject[: len(re.split(r"[.;:!?…\n" + MARK + "]", hidden)[0])]
    speaker = _subject_after_verb(reader, subject, at + words.end())
    if speaker is not None:
        return speaker, verb
    if re.fullmatch(rf"(?:{language.verbs})", verb, re.I) or _pro_drop(subject, language):
        return _topic(reader, span.char_start), verb
    return None


# a company's legal form, written before its name in quotation marks ("АО «Прокопьевскуголь»")
LEGAL_FORMS = {
    "АО",
    "ООО",
    "ТОО",
    "ПАО",
    "ЗАО",
    "ОАО",
    "НАО",
    "ГКП",
    "КГП",
    "РГП",
    "АНО",
    "ФГУП",
    "ГУП",
    "МУП",
    "АҚ",
    "ЖШС",
}
# the outlets a Russian article says it was told something by ("сообщили ТАСС", "подтвердила «Фонтанке»")
OUTLETS = (
    r"ТАСС|РИА\s+Новост\w*|Интерфакс\w*|РБК|Ъ|Коммерсант\w*|Известия\w*|Ведомост\w+|Медуз\w+|Фонтанк\w+|"
    r"Vlast(?:\.kz)?|Власт\w*|Tengrinews(?:\.kz)?|Sputnik|Казинформ\w*|Kazinform|Orda(?:\.kz)?|Курсив\w*|"
    r"Kursiv(?:\.kz)?|Zakon(?:\.kz)?|Telegram-канал\w*(?:\s+\w+)?|агентств[оау]|издани[еяю]|редакци[яи]|"
    r"корреспондент\w*(?:\s+(?:агентства|издания))?"
)


def _russian_tidy(reader: _Reader, span: QuoteSpan, speaker: SpeakerMention | None) -> SpeakerMention | None:
    """A Russian speaker as the desk files it: a legal form alone is the company it is written
    before ("АО" -> "Прокопьевскуголь"); an outlet told ("ТАСС", "«Фонтанке»") is never who spoke
    (no speaker: the review asks for one); an outlet run on to a name goes ("РИА Новости Карпенко",
    "Россельхознадзор Vlast")."""
    if speaker is None:
        return None
    name = speaker.name.strip(' «»"“”„')
    if name in LEGAL_FORMS:
        named = None
        for m in re.finditer(
            rf"(?<![\w-]){name}\s+«([^»\n]{{1,60}})»", reader.text[max(0, span.char_start - 2000) : span.char_start]
        ):
            named = m.group(1)
        return SpeakerMention(named, "organisation") if named else None
    if _outlet(name):
        return None  # the desk chooses who: better no speaker than the outlet
    if name.isupper() and re.search(rf"(?:^|\n){re.escape(name)},\s*\d", reader.text):
        return None  # "СОЧИ, 30 ноя — РИА Новости": a dateline's place
    told = re.sub(r"\s+(?:корреспонденту|журналистам|агентству|изданию|редакции)(?:\s+\S+)?$", "", name)
    if told != name and told:
        name = told  # "ЛГК корреспонденту ТАСС": whom it was told
        speaker = SpeakerMention(told, speaker.kind)
    if speaker.kind == "organisation" and re.fullmatch(r"[А-ЯЁ]{2,6}", name) and name not in reader.acronyms:
        expanded = _expanded_acronym(reader.text, name)  # (the text: a name in marks is read too)
        if expanded is not None:
            return SpeakerMention(expanded, "organisation")
    if _no_speaker_word(name):
        return None  # "Однако", "ПРИЗЫВАЮТ": a word of the sentence or of a headline, nobody
    if re.fullmatch(r"[А-ЯЁа-яё]+", name) and _russian_lemma(name) in BODY_KINDS_RU | COMPANY_KINDS_RU:
        # "Компания", "Ведомство" alone: the organisation of that kind the article named
        speaker = _organisation_of_kind(reader, _russian_lemma(name), span.char_start) or speaker
        return SpeakerMention(_fullest_organisation(reader, speaker.name, span.char_start), speaker.kind)
    if re.match(r"(?i)(?:источник|собеседник)(?![\w-])", name):
        introduced = _source_as_introduced(reader, span)
        if re.fullmatch(rf"(?i)(?:источник|собеседник)(?:\s+(?:агентства|издания|{OUTLETS}))?", name):
            # a bare second reference ("— сказал собеседник агентства", "говорит источник")
            source = introduced or speaker
        elif introduced is not None and introduced.name.lower().startswith(name.lower() + " "):
            source = introduced  # the source's own words, cut short ("…Свердловской" области)
        else:
            source = speaker  # qualified at its own cue ("сказал источник в правительстве Казахстана")
        return SpeakerMention(_with_region_named(reader, source.name), source.kind)
    cut = re.sub(rf"^(?:{OUTLETS})\s+|\s+(?:{OUTLETS})$", "", name)
    if cut != name and cut:
        if speaker.kind == "person":
            return SpeakerMention(reader.fullest(russian_nominative(cut), span.char_start), "person")
        return SpeakerMention(cut, speaker.kind)
    if speaker.kind == "person" and len(name.split()) >= 2:
        return SpeakerMention(_nominative_as_named(reader, name), "person")
    if speaker.kind == "person":
        return SpeakerMention(reader.fullest(name, span.char_start), "person")  # "Мещеряков" -> "Олег Мещеряков"
    if speaker.kind == "organisation":
        name = _with_head_noun(reader, _organisation_nominative(speaker.name), span.char_start)
        return SpeakerMention(_fullest_organisation(reader, name, span.char_start), "organisation")
    if speaker.kind == "anonymous":
        description = _without_circumstance(speaker.name)
        named = _described_person(reader, description, span)
        if named is not None:
            return named
        described = _with_head_noun(reader, description, span.char_start)
        return SpeakerMention(_with_region_named(reader, described), speaker.kind)
    return speaker


ACRONYM_SKIPS = {"по", "и", "при", "для", "на", "в", "о", "об", "с"}


def _expanded_acronym(text: str, acronym: str) -> str | None:
    """The name an acronym stands for when the article writes it out somewhere: a run of words
    opening with a capital whose words (but "по", "и", "при"…) begin with the acronym's letters in
    order ("РСПП" -> "Российский союз промышленников и предпринимателей", "АФМ" -> "Агентство по
    финансовому мониторингу"), in the nominative; None when it writes none."""
    letters = acronym.lower()
    words = [(m.start(), m.group(0)) for m in re.finditer(r"[А-ЯЁа-яё-]+", text)]
    for k, (_, first) in enumerate(words):
        if not first[:1].isupper() or first[:1].lower() != letters[0] or first.isupper():
            continue
        if _russian_first_name(first) or _russian_surname(first):
            continue  # "Светлана, которая": a person, not a body's name
        taken, found = [], 0
        end = words[k][0]
        for start, word in words[k:]:
            if found == len(letters) or text[end:start].strip():
                break  # (all its letters read, or punctuation between two words)
            end = start + len(word)
            if taken and word.lower() in ACRONYM_SKIPS:
                taken.append(word)
                continue
            if word[:1].lower() != letters[found]:
                break
            taken.append(word)
            found += 1
        if (
            found == len(letters)
            and len(taken) >= 2
            and taken[-1].lower() not in ACRONYM_SKIPS
            and any(w[:1].islower() for w in taken)  # a body's words, not "Сергей Лавров" for "СЛ"
        ):
            return _organisation_nominative(" ".join(taken))
    return None


def _nominative_as_named(reader: _Reader, name: str) -> str:
    """A person's name read in another case ("Максима Дольникова", "Аркадия Лунёва") as the article
    names them in the nominative elsewhere ("Максим Дольников"): the same words by their stems, in the
    form that reads as a nominative, first written first; else the name put in the nominative."""
    keys = [_stem(w) for w in name.split()]
    for known in reader.names:
        if known.kind == "person" and known.name != name and [_stem(w) for w in known.name.split()] == keys:
            if russian_nominative(known.name) == known.name:
                return known.name
    return russian_nominative(name) if not any(n.name == name for n in reader.names) else name


def _organisation_nominative(name: str) -> str:
    """An organisation's name read in an oblique case ("Верхнедонском станкостроительном заводе") put
    in the nominative; a name that opens in the nominative, or an acronym, as it is."""
    first = name.split()[0] if name.split() else ""
    if not first or first.isupper() or MARK in name:
        return name
    parse = _parses(first)[0]
    if "nomn" in parse.tag.grammemes or not {"NOUN", "ADJF"} & set(parse.tag.grammemes) or not parse.is_known:
        return name
    return _russian_nominative_phrase(name)


REGION = re.compile(
    r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ской|цкой)\s+области|(?<![\w-])[А-ЯЁ][а-яё]+(?:ского|цкого)\s+края"
)
REGIONAL = {"областном", "областной", "краевом", "краевой", "региональном", "региональной"}


def _with_region_named(reader: _Reader, description: str) -> str:
    """A source's description with the region the article is about named, as a desk files it:
    "источник в экстренных службах региона" -> "… Каменской области", "источник в областном
    правительстве" -> "источник в правительстве Ольховской области". The region is the one the
    article names most often ("Ольховской области", "Приозерского края"); the description as it is
    when it names none."""
    if not re.match(r"(?i)(?:источник|собеседник)", description):
        return description
    region = reader.region()
    if region is None:
        return description
    generic = re.match(r"(.*\S)\s+(?:региона|области|края)$", description)
    if generic is not None and generic.group(1).split()[-1][:1].islower():  # (not "Свердловской области")
        return f"{generic.group(1)} {region}"
    regional = re.match(r"(.*\s(?:в|во))\s+(\S+)\s+(\S+)$", description)
    if regional is not None and regional.group(2).lower() in REGIONAL:
        return f"{regional.group(1)} {regional.group(3)} {region}"
    return description


# what a description of a person may end with that says when or how they spoke, not who they are
CIRCUMSTANCE = re.compile(
    r"\s+(?:также|тоже|при\s+этом|затем|позднее|впоследствии|в\s+свою\s+очередь|(?:в|во|на|после|при)\s+"
    r"(?:ответ|время|заседании|встрече|интервью|разговоре|беседе|эфире|микст-зоне|пресс-конференции|брифинге|"
    r"своем|своём|telegram|соцсетях|комментарии)\b).*$",
    re.IGNORECASE,
)


def _without_circumstance(description: str) -> str:
    """ "губернатор на заседании", "Министр также", "директор в ответ на вопрос о тормозах" ->
    "губернатор", "Министр", "директор": who spoke, without when or how."""
    cut = CIRCUMSTANCE.sub("", description)
    return cut if cut.strip() else description


NEW_PERSON_WORDS = {"один", "одна", "одно", "другой", "другая", "некий", "некая", "еще", "ещё", "очередной"}


def _described_person(reader: _Reader, description: str, span: QuoteSpan) -> SpeakerMention | None:
    """A short description of a person that is a second reference to someone named: the person the
    article named with the same noun before ("— отметил фермер" after "фермер Степан Кулагин"), else
    the person the paragraph is about, else the person quoted last in this paragraph or the one
    before ("Вице-губернатор Сергей Рыбин сообщил…, «…», — подчеркнул чиновник"). Not a description
    that brings someone new ("другой пассажир", "одна из жительниц", "источник в полиции",
    "пенсионерка, выбиравшая овощи")."""
    at = span.char_start
    words = description.split()
    if not 1 <= len(words) <= 3 or words[0].lower() in NEW_PERSON_WORDS:
        return None
    if any(w.lower() in PREPOSITIONS.split("|") or MARK in w for w in words):
        return None
    head = next((w for w in words if "NOUN" in _parses(w)[0].tag.grammemes), None)
    if head is None or "anim" not in _parses(head)[0].tag.grammemes or "nomn" not in _parses(head)[0].tag.grammemes:
        return None
    lemma = _parses(head)[0].normal_form
    if lemma in {"источник", "собеседник", "собеседница", "представитель", "очевидец"}:
        return None
    found = None
    for known in reader.names:
        if known.pos >= at or known.kind != "person" or not known.sure or len(known.name.split()) < 2:
            continue
        before = re.findall(r"[\w-]+", reader.masked[max(0, known.pos - 80) : known.pos])[-5:]
        if any(_russian_lemma(w) == lemma for w in before):
            found = known  # the last one before `at` described with the noun
    if found is not None:
        return SpeakerMention(reader.fullest(found.name, at), "person")
    if len(words) > 2:
        return None
    written = reader.masked.find(description, span.char_end, span.char_end + 160)
    if written < 0:  # the subject of the writer's sentence the quotation is in ("Подсудимый назвал себя «…»")
        sentence_start, _ = reader.sentence_of(span.char_start)
        written = reader.masked.lower().find(description.lower(), sentence_start, span.char_start)
    if written < 0 or re.match(
        r"\s*,\s*(?:[а-яё]+(?:вш|ющ|ущ|ащ|ящ)[а-яё]*|котор|котор[а-яё]+|из\s|с\s)",
        reader.masked[written + len(description) :],
    ):
        return None  # "пенсионерка, выбиравшая овощи": someone new, described further
    feminine = "femn" in _parses(head)[0].tag.grammemes
    paragraph = reader.text.rfind("\n", 0, at) + 1
    subject = next(
        (s for s in _subjects_before(reader, reader.sentence_of(at)[0], paragraph) if s.kind == "person"), None
    )
    if subject is not None:  # the person the paragraph is about
        return subject if not (feminine and _russian_gender(subject.name) == "m") else None
    before_paragraph = _paragraph_before(reader.text, paragraph)
    last = reader.last_speaker
    if last is not None and last.kind == "person" and reader.last_speaker_at >= before_paragraph:
        return last if not (feminine and _russian_gender(last.name) == "m") else None
    return None


def _fullest_organisation(reader: _Reader, name: str, at: int) -> str:
    """An organisation's name as the article gives it in full, where it writes more after the same
    words: "Министерство культуры" -> "Министерство культуры и информации Казахстана", "УМВД
    России" -> "УМВД России по Ирбенской области", "МЧС" -> "ГУ МЧС по Оренбургской области" (an
    acronym before it kept). The fullest such mention before `at` (else after it) in the nominative;
    the name as it is when there is none. Words are compared by their stems, so any case matches."""
    words = name.split()
    if not words or len(words) > 6 or any(MARK in w or WORDS_MASK in w for w in words):
        return name
    keys = [_stem(w) for w in words]
    tokens, stems, where = reader.tokens()
    best: tuple[int, bool, str] | None = None  # (length, before `at`, name)
    for i in where.get(keys[0], ()):
        if stems[i : i + len(keys)] != keys:
            continue
        if any(t[-1:] in ".,;:!?" for _, t in tokens[i : i + len(keys) - 1]):
            continue
        j = i
        while j > 0 and j > i - 2 and re.fullmatch(r"[А-ЯЁ]{2,4}", tokens[j - 1][1]):
            j -= 1  # "ГУ МЧС", "СУ СК": the body's own acronym before the name
        after = []
        for _, t in tokens[i + len(keys) : i + len(keys) + 8]:
            readings = [p for p in _parses(t.strip(".,;:!?"))[:3] if p.score >= 0.1]
            if (
                t.startswith("(")
                or MARK in t
                or (t[:1].isupper() and any(NAME_TAGS & set(p.tag.grammemes) for p in readings))
                or (t[:1].isupper() and not t.isupper() and not any("gent" in p.tag.grammemes for p in readings))
            ):
                break  # an aside, a quotation, a person's name ("Артем Белоусов"), a word not in the genitive
            if any("VERB" in p.tag.grammemes for p in _parses(t.strip(".,;:!?"))[:2] if p.score >= 0.2):
                break  # "Прокуратура … области начала проверку"
            after.append(t)
            if t[-1:] in ".;:!?":
                break
        if tokens[i + len(keys) - 1][1][-1:] in ".,;:!?":
            after = []
        last = tokens[i + len(keys) - 1][1]  # (read with the name's last word: "культуры и информации")
        more = (
            _complement([last, *(t.rstrip(".;:!?") for t in after)])[1:]
            if last[:1].islower()
            else _complement([t.rstrip(".;:!?") for t in after])
        )
        more = [w for w in more if not _outlet(w)]
        found = [t.strip(".,;:!?") for _, t in tokens[j : i + len(keys)]] + more
        if len(found) <= len(words):
            continue
        candidate = (len(found), tokens[i][0] < at, " ".join(found))
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    if best is None:
        return name
    return _russian_nominative_phrase(best[2])


def _dangling_adjective(word: str) -> set[str]:
    """The cases a word ending a name may be an adjective in, when it wants a noun after it
    ("Красноярского", "Северо-Озерской", "овощного"); empty for a noun or a surname ("Ланской")."""
    if not re.search(r"(?:ого|его|ой|ей|ом|ем|ую|юю|ым|им|ых|их|ому|ему)$", word):
        return set()
    parses = [p for p in _parses(word)[:4] if p.score >= 0.05]
    if not parses or "ADJF" not in parses[0].tag.grammemes or any("Surn" in p.tag.grammemes for p in parses):
        return set()
    return {p.tag.case for p in parses if "ADJF" in p.tag.grammemes}


def _with_head_noun(reader: _Reader, name: str, at: int) -> str:
    """An organisation's name or a description cut after an adjective, completed with the noun the
    article writes after that adjective, and the noun's genitives: "Прокуратура Красноярского" ->
    "Прокуратура Красноярского края", "ФАС по Приозерскому" -> "ФАС по Приозерскому краю",
    "продавец овощного" -> "продавец овощного павильона". The occurrence nearest before `at` is
    read, else the first after it; the name as it is when the article writes no such noun."""
    words = name.split()
    if len(words) < 2:
        return name
    cases = _dangling_adjective(words[-1])
    if not cases:
        return name
    found: str | None = None
    for m in re.finditer(
        rf"(?<![\w-]){re.escape(words[-1])}[ \u00a0]+([а-яё-]+)((?:[ \u00a0]+[^\s,.;:!?»”]+){{0,4}})", reader.text
    ):
        noun = m.group(1)
        if not any("NOUN" in p.tag.grammemes and p.tag.case in cases for p in _parses(noun)[:3]):
            continue
        found = " ".join([noun, *_complement(m.group(2).split())])
        if m.start() > at:
            break
    return f"{name} {found}" if found else name


def _no_speaker_word(name: str) -> bool:
    """A word read alone as a speaker that names nobody: a capitalised conjunction, adverb,
    particle or verb opening a sentence ("Однако", "Также"), or a word of a headline or a dateline
    in capitals longer than an acronym ("ПРИЗЫВАЮТ", "ИНТЕРФАКС-КАЗАХСТАН"; "МЧС" stays)."""
    if not re.fullmatch(r"[А-ЯЁа-яё-]+", name):
        return False
    if name.isupper():
        return len(name.replace("-", "")) >= 6
    parses = _parses(name)
    return bool(parses) and parses[0].tag.POS in {"CONJ", "PRCL", "ADVB", "INTJ", "PREP", "VERB", "INFN", "PRED"}


# a second reference to an organisation by its kind: a public body ("Ведомство сообщило",
# "Министерство заявило") or a business ("Компания заявила")
BODY_KINDS_RU = {"ведомство", "министерство", "агентство", "служба", "департамент", "управление", "комитет"}
COMPANY_KINDS_RU = {"компания", "предприятие", "фирма", "холдинг", "застройщик", "перевозчик", "оператор"}


def _organisation_of_kind(reader: _Reader, kind: str, at: int) -> SpeakerMention | None:
    """ "Министерство" alone: the ministry named last before `at`, in the nominative with its
    genitives ("Министерство природных ресурсов Верхнеозерской области"); "Ведомство": the
    ministry, agency, service, department or committee named last; "Компания": the business
    named in marks most often before `at`, once at least after a word of business or a legal
    form ("компания «Белая река»"). None when the article named none."""
    text = reader.text[:at]
    if kind in BODY_KINDS_RU:
        found = _named_body(text, BODY_KINDS_RU - {"ведомство"} if kind == "ведомство" else {kind})
        return SpeakerMention(found, "organisation") if found else None
    counts: dict[str, int] = {}
    introduced = set()
    for m in re.finditer(r"[«“\"]([^«»“”\"\n]{2,60})[»”\"]", text):  # (in any marks: ТОО “Кенсай Майнинг”)
        name = m.group(1).strip()
        counts[name] = counts.get(name, 0) + 1
        before = text[max(0, m.start() - 30) : m.start()].split()
        if before and (
            _russian_lemma(before[-1].strip(",")) in COMPANY_KINDS_RU | {"группа", "банк"} or before[-1] in LEGAL_FORMS
        ):
            introduced.add(name)
    last: dict[str, int] = {}
    for m in re.finditer(r"[«“\"]([^«»“”\"\n]{2,60})[»”\"]", text):
        last[m.group(1).strip()] = m.start()
    # the business named most often, and of two named as often the one named last
    ranked = sorted(((n, last.get(name, -1), name) for name, n in counts.items() if name in introduced), reverse=True)
    if ranked:
        return SpeakerMention(ranked[0][2], "organisation")
    return None


DOCUMENT_NOUNS_RU = {"отчет", "отчёт", "доклад", "заявление", "письмо", "обращение", "обзор", "протокол", "документ"}


def _document_issuer(reader: _Reader, lemma: str, at: int) -> SpeakerMention | None:
    """Who issued the document a quotation is read from when the article named it before with its
    issuer: "говорится в отчете" after "в предварительном отчете общественного фонда «Ашык дауыс»" ->
    "Ашык дауыс"; "в письме" after "открытое письмо Ассоциации кинематографистов" -> that body."""
    found = None
    for m in re.finditer(r"(?<![\w-])[а-яё]+(?![\w-])", reader.masked[max(0, at - 3000) : at]):
        if _russian_lemma(m.group(0)) != lemma:
            continue
        start = max(0, at - 3000) + m.end()
        after = reader.text[start : start + 120]
        issuer = re.match(
            r"\s+(?:[а-яё-]+\s+){0,3}?(?:фонда|движения|партии|организации|объединения|профсоюза|компании|банка|"
            r"ассоциации|союза|группы|комитета|министерства|ведомства)\s+[«“\"]([^«»“”\"\n]{2,60})[»”\"]",
            after,
        )
        if issuer is not None:
            found = SpeakerMention(issuer.group(1).strip(), "organisation")
    return found


def _named_body(text: str, kinds: set[str]) -> str | None:
    """The body of one of these kinds (lemmas: "министерство", "фонд") the text names last, by a
    capitalised word of that kind and its genitives, in the nominative ("В Фонде развития
    территорий" -> "Фонд развития территорий"); None when it names none ("Министерство заявило")."""
    found = None
    for m in re.finditer(r"(?<![\w-])[А-ЯЁа-яё]+", text):
        if _russian_lemma(m.group(0)) not in kinds:
            continue
        kept = [m.group(0)]
        for word in reversed(text[max(0, m.start() - 60) : m.start()].split()[-3:]):
            # its adjectives before it ("Национальном объединении", "Государственной инспекции")
            if not word.isalpha() or "ADJF" not in _parses(word)[0].tag.grammemes:
                break
            kept.insert(0, word)
        for word in text[m.end() : m.end() + 120].split()[:6]:  # the genitives of the name
            word = word.strip(',.;:»«"()')
            # (any of its likelier readings: "области" is as often read as a plural first)
            if not word or _outlet(word) or not any(p.tag.case == "gent" for p in _parses(word)[:3]):
                break
            kept.append(word)
        # a capitalised name ("Министерство природных ресурсов", "Национальном объединении"), or a
        # place's name after a lower-case kind ("в администрации Колпинского района"); not
        # "Министерство заявило", "администрации города"
        if len(kept) > 1 and any(w[:1].isupper() for w in kept):
            found = _russian_nominative_phrase(" ".join(kept))
    return found


# an unnamed source introduced in the writer's sentence: "Источник в правительстве Казахстана,
# знакомый с ходом переговоров, рассказал ТАСС", "Источник «Известий» в правоохранительных органах…"
SOURCE_INTRO = re.compile(
    r"(?<![\w-])(?:[Ии]сточник|[Сс]обеседник)(?![\w-])(?P<rest>[^.!?\n]{0,200}?),?\s+(?:также\s+|ранее\s+|уже\s+|тоже\s+)?"
    r"(?:рассказал|сообщил|сказал|уточнил|говорит|утверждает|заявил|пояснил|отметил|добавил|подтвердил|"
    r"считает|признал|указал|описал|полагает|допускает|предупредил)\b"
)


# … and after its verb: "перенесен на трое суток, сообщил источник в ракетно-космической отрасли."
SOURCE_AFTER = re.compile(
    r"(?<![\w-])(?:рассказал|сообщил|сказал|уточнил|заявил|пояснил|отметил|добавил|подтвердил)\s+"
    r"(?:[\w«»\"-]+\s+)?(?:источник|собеседник)(?![\w-])(?P<rest>[^.!?\n]{0,160}?)(?=[.!?\n])"
)


def _source_as_introduced(reader: _Reader, span: QuoteSpan) -> SpeakerMention | None:
    """ "— сказал собеседник агентства", "говорит источник": the unnamed source as the article
    introduced them last, without the outlet they spoke to ("источник в правительстве Казахстана",
    "источник, близкий к ЦБ"); None when the article introduced none before (a second reference
    such as "сказал собеседник агентства" introduces nobody)."""
    found = []
    for pattern in (SOURCE_INTRO, SOURCE_AFTER):
        for m in pattern.finditer(reader.masked, max(0, span.char_start - 1500), span.char_start):
            words = _source_words(reader.text[m.start("rest") : m.end("rest")])
            if words:
                found.append((m.start(), words))
    return SpeakerMention("источник" + max(found)[1], "anonymous") if found else None


def _source_words(rest: str) -> str:
    """What qualifies a source, without the outlet told ("«Известий»", "РБК", "агентства"): "" for none."""
    rest = re.sub(r"«[^»]{1,40}»|„[^“]{1,40}“|\"[^\"]{1,40}\"|“[^”]{1,40}”", " ", rest)
    rest = re.sub(rf"(?<![\w-])(?:{OUTLETS}|агентства|издания)(?![\w-])", " ", rest)
    # "пожелавший остаться неизвестным", "в беседе с ТАСС": how they spoke, not who they are
    rest = re.sub(r",?\s*(?:не\s+)?(?:пожелавш|попросивш|согласивш|просивш)\w*[^,]*", "", rest)
    rest = re.sub(r"\s*\bв\s+(?:беседе|разговоре|интервью|комментарии)\b.*$", "", rest)
    rest = " ".join(rest.split()).strip(" ,")
    if not rest or len(rest) > 90:
        return ""
    if re.match(r"(?:в|во|из|на)\s", rest):
        return " " + rest.split(",")[0]  # "в правительстве Казахстана, знакомый с…": where they are is who
    return ", " + rest  # "источник, близкий к ЦБ"


def _pro_drop(subject: str, language: Language) -> bool:
    """ "«…», proclamó desde el escenario": no subject after the verb, only where and when."""
    first = subject.strip(" ,").split()[:1]
    return not first or first[0].lower() in PREPOSITIONS.split("|") or first[0].lower() in NOT_A_VERB


def _paragraph_before(text: str, paragraph: int) -> int:
    """Where the paragraph before the one starting at `paragraph` starts (over any blank lines)."""
    return text.rfind("\n", 0, len(text[:paragraph].rstrip("\n"))) + 1


def _subjects_before(reader: _Reader, end: int, start: int) -> Iterator[SpeakerMention]:
    """The subjects of the writer's sentences between `start` and `end`, the nearest first."""
    while end > start:
        previous, _ = reader.sentence_of(end - 1)
        previous = max(previous, start)
        subject = _sentence_subject(reader, reader.masked[previous:end], previous)
        if subject is not None:
            yield subject
        end = previous


def _topic(reader: _Reader, at: int) -> SpeakerMention | None:
    """Who a verb with no subject is about: the subject of the writing before the quotation in its
    paragraph, else the last speaker."""
    reader.resolved = reader.resolved or "the person the paragraph is about"
    paragraph = reader.text.rfind("\n", 0, at) + 1
    start, _ = reader.sentence_of(at)
    if start <= paragraph and reader.last_speaker_at < paragraph:
        # a quotation opening its paragraph, nobody quoted since the paragraph before: who that
        # paragraph is about ("Гидролог … Михаил Сорокин предупреждает, что…¶«…», — говорит ученый")
        before = _paragraph_before(reader.text, paragraph)
        if reader.last_speaker_at < before:
            start, paragraph = paragraph, before
    for speaker in _subjects_before(reader, start, paragraph):
        if speaker.kind != "anonymous":
            return speaker
    if reader.last_person is not None:
        return SpeakerMention(reader.last_person.name, "person")
    known = reader.last_named(at, None)
    return SpeakerMention(reader.fullest(known.name, at), "person") if known is not None else None


def _subject_after_verb(reader: _Reader, subject: str, at: int) -> SpeakerMention | None:
    """The subject written after an inverted verb: "Токаев журналистам", "журналистам Токаев",
    "der Minister am Mittwoch", "el portavoz del Gobierno, Pedro Ruiz"."""
    words = subject.split()
    if not words:
        return None
    if words[0].lower() in reader.language.pronouns:
        return reader.pronoun(words[0].lower(), at)
    # an outlet told, before the subject: "сказал РИА Новости Карпенко", "a confié à l'AFP", "sagte dem SPIEGEL"
    media = MEDIA.match(subject)
    if media is not None and media.end() < len(subject.rstrip()):
        subject, at = subject[media.end() :], at + media.end()
        words = subject.split()
    # Russian: an indirect object before the subject ("сказал журналистам Токаев")
    if (
        reader.language.code in ("ru", "uk")
        and len(words) > 1
        and words[0].lower().endswith(("ам", "ям", "ому", "ему"))
    ):
        skip = subject.find(words[1], len(words[0]))
        found = reader.speaker_of_phrase(subject[skip:], at + skip)
        if found is not None:
            return found
    # Russian: "сообщили в пресс-службе ведомства", "говорится в заявлении профсоюза": the organisation
    if reader.language.code in ("ru", "uk") and words and words[0].lower() in ("в", "во"):
        return _russian_organisation_in(reader, subject, at)
    found = reader.speaker_of_phrase(subject, at)
    lone = re.match(rf"\s*([{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?)(?=\s+[{LOWER}]|\s*$|\s*,)", subject)
    if found is None and lone is not None and lone.group(1).lower() not in reader.language.articles:
        # "riet Mair", "sagte Kampmann dem SPIEGEL": the name in the subject's place is a person's
        name = lone.group(1)
        if not reader._office_word(name) and not reader._organisation(name):
            if reader.language.code in ("ru", "uk"):
                name = russian_nominative(name)
            return SpeakerMention(reader.fullest(name, at), "person")
    if found is None:
        # "raconte le cousin de l'une des victimes": after the verb, a noun phrase is its subject
        description = reader.description(subject, loose=True)
        found = SpeakerMention(description, "anonymous") if description else None
        if found is not None and _refers_back(reader, subject, found):
            return _topic(reader, at) or found  # "— сказал футболист", "décrit le jeune viticulteur"
    return found


# an outlet named after the words of who told it ("В Минфине «Ведомостям» сообщили", "… РБК сообщили")
MEDIA_AFTER = re.compile(r"\s+(?:ТАСС|РИА\s+Новости|Интерфаксу|РБК|Ведомостям|Известиям|Коммерсанту|Медузе|Фонтанке)$")
# the outlets a speaker tells something to, written between the verb and the speaker
MEDIA = re.compile(
    r"\s*(?:(?:à|a)\s+(?:l[’']|la\s+|el\s+)?|dem\s+|der\s+)?(?:ТАСС|РИА\s+Новости|Интерфаксу|Интерфакс|РБК|"
    r"«Ъ»|Ъ|Известиям|Ведомостям|Коммерсанту|Медузе|Фонтанке|Vlast\.kz|Tengrinews|Sputnik|AFP|Reuters|"
    r"агентству|изданию|корреспонденту(?:\s+(?:агентства|издания|ТАСС|РИА\s+Новости))?|"
    r"dpa|EFE|Europa\s+Press|BBC(?:\s+Mundo)?|SPIEGEL|Spiegel|ORF|APA|RFI|France\s+Info|franceinfo)\b[,]?\s*"
)
DEFINITE = {"le", "la", "l’", "l'", "el", "der", "die", "das", "il", "lo", "o", "a"}
# what a statement is written in: "señala el texto", "écrit le communiqué", "heißt es in der Mitteilung"
DOCUMENTS = (
    "texte texto text communiqué comunicado mitteilung erklärung stellungnahme statement документ заявление "
    "сообщение declaración déclaration nota note lettre carta brief письмо"
).split()


def _refers_back(reader: _Reader, subject: str, found: SpeakerMention) -> bool:
    """Whether a description after the verb is a second reference to someone the article is about:
    a definite one ("le jeune viticulteur", "el litigante"; in Russian, one noun with nothing after
    it: "футболист"), or a document, that introduces nobody new (not "источник", "une source")."""
    words = subject.split()
    head = found.name.split()[0].lower()
    if head in DOCUMENTS:
        return True
    if any(head.startswith(u) for u in reader.language.unnamed) and head not in reader.language.offices:
        return False
    if reader.language.code in ("ru", "uk"):
        if head in NEW_PERSON_WORDS:
            return False  # "другая пенсионерка", "один из жителей": someone new
        return len(found.name.split()) <= 2 and not re.search(r"\s(?:из|в|на|с)\s", found.name)
    return bool(words) and words[0].lower() in DEFINITE


def _russian_organisation_in(reader: _Reader, phrase: str, at: int) -> SpeakerMention | None:
    """ "в пресс-службе ПАО «Газпром»" -> "Газпром"; "в «Победе»" -> "Победа"; "в Национальном
    объединении застройщиков РБК" -> "Национальное объединение застройщиков"; "в МЧС" -> "МЧС"; "в
    пресс-службе ведомства", "в заявлении профсоюза" -> the organisation the article was just about."""
    rest = re.sub(r"^\s*(?:в|во)\s+", "", phrase, flags=re.IGNORECASE)  # "В МЧС уточнили" opens a sentence
    offset = len(phrase) - len(rest)
    # "на запрос «Медузы»", "на вопрос РБК": whom the body answered, not the body
    rest = re.split(r"\s+на\s+(?:запрос|вопрос|просьбу)(?![\w-])|\s*\(", rest)[0]  # (and an aside in brackets)
    quoted = re.search(rf"{MARK}({WORDS_MASK}{{1,40}}){MARK}", rest)
    if quoted is not None and _outlet(reader.text[at + offset + quoted.start(1) : at + offset + quoted.end(1)]):
        quoted = None
        rest = rest[: rest.find(MARK)].rstrip()
    if quoted is not None:
        name = reader.text[at + offset + quoted.start(1) : at + offset + quoted.end(1)].strip()
        return SpeakerMention(_russian_nominative_phrase(name) if quoted.start() == 0 else name, "organisation")
    rest = MEDIA_AFTER.sub("", rest.rstrip(" ,"))
    first = rest.split()[0] if rest.split() else ""
    if first[:1].islower() and not first.startswith("пресс") and reader._organisation(first):
        named = _russian_nominative_phrase(rest.strip(" ,"))
        if re.search(rf"\s[{UPPER}]", named):  # "в прокуратуре Москвы приговор считают": "прокуратура Москвы"
            return SpeakerMention(named, "organisation")
    if rest[:1].isupper():
        # the capitalised name and its genitives, not the rest of the clause ("В Рослесхозе с такой
        # оценкой не согласны", "В ЛГК корреспонденту ТАСС сообщили")
        words = rest.split()
        k = 1
        while k < len(words) and words[k][:1].isupper() and not _outlet(words[k]):
            k += 1
        head = "NOUN" in _parses(words[k - 1])[0].tag.grammemes
        while k < len(words) and not head and {"ADJF", "NOUN"} & set(_parses(words[k])[0].tag.grammemes):
            head = "NOUN" in _parses(words[k])[0].tag.grammemes  # "Федеральной антимонопольной службе"
            k += 1
        return SpeakerMention(_russian_nominative_phrase(" ".join(words[:k] + _complement(words[k:]))), "organisation")
    run = NAME_RUN.search(rest)
    if run is not None:
        return SpeakerMention(_russian_nominative_phrase(run.group(0)), "organisation")
    generic = rest.split()[-1] if rest.split() else ""
    lemma = _russian_lemma(generic)
    if lemma in DOCUMENT_NOUNS_RU:
        issuer = _document_issuer(reader, lemma, at)
        if issuer is not None:
            return issuer  # "говорится в отчете" after "в отчете общественного фонда «Ашык дауыс»"
    if lemma in BODY_KINDS_RU | set(reader.language.organisation_words) and not lemma.startswith("пресс"):
        # "пояснили в фонде" after "В Фонде развития территорий подтвердили": the body of that kind
        # named; "в ведомстве": the body the paragraph is about, else the last body named
        topic = _topic_organisation(reader, at, paragraphs=2) if lemma == "ведомство" else None
        named = _named_body(reader.masked[max(0, at - 1500) : at], BODY_KINDS_RU if lemma == "ведомство" else {lemma})
        if topic or named:
            return topic or SpeakerMention(named, "organisation")
    for known in reversed(reader.names):
        # "в сообщении министерства" -> "Министерство сельского хозяйства Казахстана"
        if known.kind == "organisation" and known.pos < at and _russian_lemma(known.name.split()[0]) == lemma:
            return SpeakerMention(_russian_nominative_phrase(known.name), "organisation")
    return _topic_organisation(reader, at) or reader.last_organisation_before(at)


def _topic_organisation(reader: _Reader, at: int, paragraphs: int = 1) -> SpeakerMention | None:
    """The organisation the sentences before `at` in its paragraph are about ("Аэрофлот сообщил, что…");
    with `paragraphs=2`, in the paragraph before too when its own says none (a quotation opening its
    paragraph: "В инспекции сообщили, что начали проверку.¶«…», — говорится в сообщении ведомства")."""
    paragraph = reader.text.rfind("\n", 0, at) + 1
    for _ in range(paragraphs - 1):
        paragraph = _paragraph_before(reader.text, paragraph)
    return next(
        # (not the outlet told: "В Фонде … «Ъ» подтвердили")
        (
            s
            for s in _subjects_before(reader, reader.sentence_of(at)[0], paragraph)
            if s.kind == "organisation" and not _outlet(s.name)
        ),
        None,
    )


def _outlet(name: str) -> bool:
    return bool(re.fullmatch(OUTLETS, name.strip(' «»"“”')))


def _russian_nominative_phrase(phrase: str) -> str:
    """ "Федеральной антимонопольной службе" -> "Федеральная антимонопольная служба": the words up to
    the first noun put in the nominative, the rest (its complements) as written."""
    morph = _morph()
    if morph is None:
        return phrase
    out, words = [], phrase.split()
    # the head noun's gender and number, which the adjectives before it take ("Национальное объединение")
    head = next((_parses(w)[0] for w in words if "NOUN" in _parses(w)[0].tag.grammemes), None)
    agree = {"plur"} if head is not None and head.tag.number == "plur" else set()
    if head is not None and head.tag.gender and not agree:
        agree = {head.tag.gender}
    for k, word in enumerate(words):
        parse = _parses(word)[0]
        if not {"ADJF", "NOUN"} & set(parse.tag.grammemes) or "nomn" in parse.tag.grammemes:
            return " ".join(out + words[k:])
        wanted = {"nomn"} | (agree if "ADJF" in parse.tag.grammemes else set())
        inflected = parse.inflect(wanted) or parse.inflect({"nomn"})
        out.append(_same_case_as(word, inflected.word) if inflected else word)
        if "NOUN" in parse.tag.grammemes:
            return " ".join(out + _complement(words[k + 1 :]))
    return " ".join(out)


def _complement(words: list[str]) -> list[str]:
    """The words after an organisation's head noun that belong to its name: genitives ("Москвы",
    "застройщиков жилья"), names, "по"/"при" and its word ("по культуре"); not the clause's object
    or what follows ("прокуратуре Москвы приговор считают": "Москвы")."""
    kept: list[str] = []
    k = 0
    while k < len(words):
        word = words[k].strip(",")
        if words[k].startswith(","):
            break
        if word in ("по", "при") and k + 1 < len(words) and not _parses(words[k + 1].strip(","))[0].tag.POS == "NPRO":
            kept += [word, words[k + 1].strip(",")]
            k += 2
            # "по финансовому мониторингу", "по Оренбургской области": an adjective's noun goes with it
            while (
                k < len(words)
                and "ADJF" in _parses(kept[-1])[0].tag.grammemes
                and "NOUN" in _parses(words[k].strip(","))[0].tag.grammemes
                and not words[k - 1].endswith(",")
            ):
                kept.append(words[k].strip(","))
                k += 1
        elif (
            word in ("в", "во")
            and k + 2 < len(words)
            and words[k + 1][:1].isupper()
            and "ADJF" in _parses(words[k + 1])[0].tag.grammemes
            and words[k + 2].strip(",.") in ("области", "крае", "районе", "республике", "округе")
        ):
            kept += [word, words[k + 1], words[k + 2].strip(",.")]  # "… труда в Приладожской области"
            k += 3
        elif (
            word == "и"
            and kept
            and kept[-1][:1].islower()
            and k + 1 < len(words)
            and words[k + 1][:1].islower()
            and any(
                "gent" in p.tag.grammemes and "NOUN" in p.tag.grammemes for p in _parses(words[k + 1].strip(","))[:3]
            )
        ):
            kept += [
                word,
                words[k + 1].strip(","),
            ]  # "торговли и интеграции": a genitive's pair, not "Госдумы и правительства"
            k += 2
        elif (
            word[:1].isupper()
            or (
                {"NOUN", "ADJF"} & set(_parses(word)[0].tag.grammemes)  # not "этого", "ничего"
                and any("gent" in p.tag.grammemes for p in _parses(word)[:3])
            )
        ):
            kept.append(word)
            k += 1
        else:
            break
        if words[k - 1].endswith(","):
            break
    return kept


def _subject_of(reader: _Reader, before: str, verb: re.Match, offset: int) -> SpeakerMention | None:
    """The subject of a verb of saying before the quotation: a name or pronoun just after it
    (inverted: "Am Mittwoch sagte Scholz"), else the one ending just before it ("Песков отметил",
    "Die Ministerin Katherina Reiche sprach")."""
    language = reader.language
    after = before[verb.end() :]
    after_clause = re.split(rf"[,.;:!?…\n{MARK}]|\s(?:что|dass|que|che)\s", after)[0]
    words = after_clause.split()
    if words and words[0].lower() in language.pronouns:
        return reader.pronoun(words[0].lower(), offset + verb.end())
    if words and words[0][:1].isupper() and language.code in ("de", "ru", "uk"):
        found = reader.speaker_of_phrase(after_clause, offset + verb.end())
        if found is not None and found.kind != "anonymous":
            return found
    # the name just before the verb ("…, Савчук ответил:", "Scholz hat gesagt"), before any pronoun of a clause
    adjacent = re.search(rf"({NAME_RUN.pattern})[ \u00a0]+(?:[{LOWER}]+[ \u00a0]+)?$", before[: verb.start()])
    lead = re.search(r"(\S+)\s*$", before[: adjacent.start(1)]) if adjacent is not None else None
    if (
        adjacent is not None
        and not reader._starts_sentence(offset + adjacent.start(1))
        and (lead is None or lead.group(1).endswith(",") or reader._office_word(lead.group(1)))
    ):
        found = reader.speaker_of_phrase(adjacent.group(1), offset + adjacent.start(1))
        if found is not None and found.kind == "person":
            return found
    return _sentence_subject(reader, before[: verb.start()], offset)


def _unnamed_opening(sentence: str) -> str | None:
    """The unnamed person or people a Russian sentence opens with as its subject, described as a desk
    files them: "Одна из учительниц бишкекской школы, попросившая…" -> "учительница бишкекской
    школы"; "Ректор опорного университета в Сибири, попросивший…" -> "ректор опорного университета в
    Сибири"; "Жители Байкита рассказывают" -> "жители Байкита". None when the sentence opens with
    anything else (a name, a body, a place, a time)."""
    sentence = sentence.strip(" \u00a0")
    clause = re.split(rf"[,;:!?—–(]|\.\s|{MARK}", sentence)[0]
    words = clause.split()
    if any(
        w[:1].isupper() and (_russian_surname(w.strip(".,")) or NAME_TAGS & set(p.tag.grammemes))
        for w in words[1:]
        for p in _parses(w.strip(".,"))[:2]
        if p.score >= 0.1
    ):
        return None  # "Губернатор Кузбасса Илья Середюк": a person, named
    if not any("VERB" in _parses(w)[0].tag.grammemes and w[:1].islower() for w in re.findall(r"[а-яё]+", sentence)):
        return None  # no verb: a phrase ("губернатор Кузбасса"), not a sentence's subject
    if len(words) > 2 and words[0].lower() in ("один", "одна", "одно", "одни") and words[1].lower() == "из":
        plural = next((p for p in _parses(words[2]) if {"NOUN", "anim", "plur", "gent"} <= set(p.tag.grammemes)), None)
        single = plural.inflect({"sing", "nomn"}) if plural is not None else None
        if single is None:
            return None
        adjectives, head, rest = [], single.word, words[3:]
    else:
        while words and (words[0].lower() in NEW_PERSON_WORDS or words[0].lower() in ("сам", "сама", "сами")):
            words = words[1:]
        k = 0
        while k < len(words) and {"ADJF", "nomn"} <= set(_parses(words[k])[0].tag.grammemes):
            k += 1
        if k >= len(words) or not words[k][:1].isalpha():
            return None
        parse = _parses(words[k])[0]
        if not {"NOUN", "anim", "nomn"} <= set(parse.tag.grammemes) or NAME_TAGS & set(parse.tag.grammemes):
            return None
        if any(w[:1].isupper() for w in words[1 : k + 1]):
            return None  # "Федеральная Служба", a name
        adjectives, head, rest = [w.lower() for w in words[:k]], words[k].lower(), words[k + 1 :]
    verb = next((i for i, w in enumerate(rest) if "VERB" in _parses(w)[0].tag.grammemes and w[:1].islower()), len(rest))
    rest = rest[:verb]
    kept = _complement(rest)
    place = rest[len(kept) : len(kept) + 4]
    if len(place) >= 2 and place[0] in ("в", "на", "из") and place[1][:1].isupper():
        kept += place[:2]  # "в Сибири", "из Ферганы"
    return " ".join([*adjectives, head, *kept])


def _person_opening(reader: _Reader, sentence: str, offset: int) -> SpeakerMention | None:
    """The person a Russian sentence names in the nominative before its verb, after any words
    describing them: "Гидролог Озерского университета Михаил Сорокин предупреждает…", "Главный
    тренер «Жайсана» Драган Петрович назвал…"; None when a name before the verb is governed by
    another word ("По словам Ивановой", "У Петрова") or the verb comes first."""
    verb = next(
        (m for m in re.finditer(r"[а-яё]+", sentence) if "VERB" in _parses(m.group(0))[0].tag.grammemes),
        None,
    )
    end = verb.start() if verb is not None else len(sentence)  # (the words before a verb the caller cut off)
    if re.search(r"[,;:]", sentence[:end]):
        return None
    for run in NAME_RUN.finditer(sentence[:end]):
        first = run.group(0).split()[0]
        if len(run.group(0).split()) < 2 or reader._office_word(first):
            continue  # (not "Аким Жанатальской области", an office)
        second = run.group(0).split()[1]
        foreign = not _parses(first)[0].is_known and (_russian_surname(second) or second.endswith("ич"))
        if not (_russian_first_name(first) or foreign):
            continue  # (a first name, or one the dictionary lacks before a surname: "Драган Петрович")
        if _dangling_adjective(run.group(0).split()[1]):
            continue
        if not foreign and not any("nomn" in p.tag.grammemes and "Name" in p.tag.grammemes for p in _parses(first)[:3]):
            return None  # "Михаила Сорокина": a complement
        if reader._after_preposition(offset + run.start()):
            return None
        return SpeakerMention(reader.fullest(run.group(0), offset + run.start()), "person")
    return None


def _body_name(phrase: str) -> bool:
    """Whether a capitalised word after "В" opening a sentence names a body, as the dictionary
    reads it: "В Рослесхозе", "В Минсельхозе"; not a place ("В Москве"), a person ("В Иванове") or
    a month ("В Ноябре")."""
    first = phrase.split()[0] if phrase.split() else ""
    if not first[:1].isupper():
        return False
    parses = [p for p in _parses(first)[:3] if p.score >= 0.1]
    if not parses or any({"Geox", "Name", "Surn", "Patr"} & set(p.tag.grammemes) for p in parses):
        return False
    return "Orgn" in parses[0].tag.grammemes or not parses[0].is_known  # (a name the dictionary lacks: "Нордхиме")


def _organisation_opening(sentence: str) -> str | None:
    """The organisation a Russian sentence opens with as the subject of its verb: "Федеральная
    авиалесоохрана направила…", "Прокуратура Петроградского района подтвердила «Фонтанке»…",
    "Аэрофлот сообщил…" -> the words before the verb, whose head noun is a thing (no person, no
    pronoun, no place) in the nominative and agrees with the verb; None for "Жители Байкита
    рассказывают", "Иванов сказал", "Вчера в Москве прошел митинг"."""
    words = []
    for token in re.findall(r"\S+", sentence.lstrip(" \u00a0—–-"))[:9]:
        word = token.strip('.,;:!?«»"“”()')
        if not word or MARK in token or WORDS_MASK in token:
            return None
        # (also "начала", a verb as often as a noun)
        verb = next((p for p in _parses(word)[:2] if "VERB" in p.tag.grammemes and p.score >= 0.2), None)
        if verb is not None and word[:1].islower():
            break
        words.append(word)
        if token[-1:] in ",;:!?" or (token.endswith(".") and not word.isupper()):
            return None  # a clause or a sentence ended before any verb
    else:
        return None
    if not words or not words[0][:1].isupper() or words[0].lower() in PREPOSITIONS.split("|"):
        return None
    head = next((w for w in words if not w.isupper() and "NOUN" in _parses(w)[0].tag.grammemes), None)
    if head is None:
        return " ".join(words) if words[0].isupper() and len(words) <= 3 else None  # "РСПП", "СК РФ"
    noun = _parses(head)[0]
    grammemes = set(noun.tag.grammemes)
    if "nomn" not in grammemes or "anim" in grammemes or NAME_TAGS & grammemes or "Geox" in grammemes:
        return None
    if verb.tag.number and noun.tag.number and verb.tag.number != noun.tag.number:
        return None
    if verb.tag.gender and noun.tag.gender and verb.tag.gender != noun.tag.gender and noun.tag.number != "plur":
        return None
    if any(_russian_first_name(w) for w in words if w[:1].isupper() and not w.isupper()):
        return None  # "Министр Иванов", "Глава региона Олег Мещеряков": a person
    named = (
        any(w[:1].isupper() for w in words[1:])  # "Прокуратура Петроградского района", "управление СК РФ"
        or words[0].isupper()
        or "Orgn" in grammemes  # "Федеральная авиалесоохрана", "Рослесхоз"
        or any(_russian_organisation_word(w) for w in words)
    )
    return " ".join(words) if named else None  # not "Погода испортилась", "Новая школа открылась"


def _sentence_subject(reader: _Reader, before: str, offset: int) -> SpeakerMention | None:
    """The subject of the writer's sentence before a quotation: its first pronoun, name or
    description that is no complement ("Interrogé mercredi matin, un conseiller ministériel
    résumait", "Am Mittwoch hat die Ministerin gesagt")."""
    language = reader.language
    clauses = [(m.start(), m.group(0)) for m in re.finditer(r"[^,]+,?", before)] or [(0, before)]
    if language.code == "ru" and _morph() is not None:
        opening_name = _organisation_opening(before)
        if opening_name is not None:  # (an acronym the article spelt out: "ФТС" -> "Федеральная таможенная служба")
            return SpeakerMention(reader.acronyms.get(opening_name, opening_name), "organisation")
        named = _person_opening(reader, before, offset)
        if named is not None:
            return named
    if language.code in ("ru", "uk"):
        # "В прокуратуре Москвы приговор считают обоснованным", "В МЧС уточнили": the organisation speaks
        opening = re.match(r"\s*(?:В|Во)\s+", before)
        if opening is not None:
            phrase = re.split(r"\s(?=[а-яё]+(?:ли|ют|ят|ет|ит)\b)", before[opening.end() :])[0]
            if reader._organisation(phrase) or re.search(r"[А-ЯЁA-Z]{2,}", phrase) or _body_name(phrase):
                found = _russian_organisation_in(reader, before[: opening.end()] + phrase, offset)
                if found is not None:
                    return found
    prepositions = set(PREPOSITIONS.split("|")) - ({"a", "o"} if language.code == "pt" else set())  # "the"
    for start, clause in clauses:
        complement = 0  # words of a prepositional phrase still to pass ("Vor dem Hörsaalgebäude | schimpft")
        for m in re.finditer(r"[\w’'-]+", clause):
            word = m.group(0)
            at = start + m.start()
            lower = word.lower()
            if lower in language.pronouns and not (
                language.code == "de" and lower == "sie" and m.start() > 0 and word == "Sie"
            ):
                return reader.pronoun(lower, offset + at)
            if lower in prepositions:
                complement = 2
                continue
            if complement:
                if lower not in language.articles:
                    complement -= 1
                continue
            if word[:1].islower() and language.code != "de" and reader._verb_like(word):
                # past the verb, what follows is its object ("explicó que … (11.40 GMT)"), unless a
                # name follows it straight away ("Por parte del grupo firmó Nelson Arboleda")
                inverted = NAME_RUN.match(clause, m.end() + 1)
                if inverted is not None:
                    found = reader.speaker_of_phrase(clause[inverted.start() :], offset + start + inverted.start())
                    if found is not None and found.kind == "person":
                        return found
                break
            if word[:1].isupper() or reader._head(word) is not None:
                found = reader.speaker_of_phrase(before[at:], offset + at)
                if found is not None:
                    return found
                if word[:1].isupper() and not reader._starts_sentence(offset + at):
                    break
    if language.code == "ru" and _morph() is not None:
        unnamed = _unnamed_opening(before)  # (what the words above do not find: "Одна из учительниц …, подтвердила")
        if unnamed is not None:
            return SpeakerMention(unnamed, "anonymous")
    return None


def _nearby_speaker(
    reader: _Reader, span: QuoteSpan, paragraph: int, result: list[QuoteSpan]
) -> tuple[SpeakerMention | None, str]:
    """A quoted sentence with no cue of its own: the sentence before it in its paragraph names
    the speaker ("Токаев был краток. «…»"), or the quotation just before it in the previous
    paragraph ends a turn that goes on."""
    masked = reader.masked
    start, _ = reader.sentence_of(span.char_start)
    if start > paragraph:
        previous_start, _ = reader.sentence_of(start - 1)
        sentence = masked[max(previous_start, paragraph) : start]
        if sentence.rstrip().endswith("?") and MARK not in sentence:
            # an interview: the paper's question, unquoted, then the answer ("Ist das ein Fehler? „Nicht im Ansatz.“"):
            # the person who answered before, else the person the paper talked to, named last
            known = reader.last_named(span.char_start, None)
            if reader.last_speaker is not None:
                return reader.last_speaker, "(answer)"
            if known is not None:
                return SpeakerMention(reader.fullest(known.name, span.char_start), "person"), "(answer)"
        speaker = _sentence_subject(reader, sentence, max(previous_start, paragraph))
        if speaker is not None:
            return speaker, "(previous sentence)"
        if MARK not in sentence:
            # "По словам Забелина, ключевой вопрос — … . «…»": the sentence before is theirs
            according = _according_to(reader, sentence, max(previous_start, paragraph), span.char_start)
            if according is not None and according[0] is not None:
                return according[0], "(previous sentence)"
    previous_paragraph = masked[: max(paragraph - 1, 0)].rstrip()
    if previous_paragraph.endswith(":") and start <= paragraph:
        # "…las eine Erklärung vor: ¶ „…“": the paragraph before announces the quotation
        sentence_start, _ = reader.sentence_of(len(previous_paragraph) - 1)
        speaker = _sentence_subject(reader, masked[sentence_start : len(previous_paragraph)], sentence_start)
        if speaker is not None:
            return speaker, ":"
    if start <= paragraph and paragraph > 1:
        # a quotation opening its paragraph goes on from the paragraph before: its last speaker, or
        # the person its last sentence is about ("el mandatario se declaró víctima de …. ¶ “No me voy…”")
        end = len(masked[:paragraph].rstrip())  # the previous paragraph's end, past any blank line
        last_start, _ = reader.sentence_of(max(end - 1, 0))
        last = masked[last_start:end]
        if result and result[-1].speaker is not None and result[-1].char_start >= masked.rfind("\n", 0, end):
            return result[-1].speaker, "(previous paragraph)"
        speaker = _sentence_subject(reader, last, last_start)
        if speaker is not None and speaker.kind == "person":
            return speaker, "(previous paragraph)"
    if result and result[-1].speaker is not None and masked[result[-1].char_end : span.char_start].count("\n") <= 2:
        between = masked[result[-1].char_end : span.char_start]
        if not re.search(rf"[{LOWER}{UPPER}]{{3,}}", between.replace(WORDS_MASK, "")):
            return result[-1].speaker, "(previous quotation)"
    return None, ""


def _quoted_name(reader: _Reader, span: QuoteSpan) -> bool:
    """ООО «Ромашка», партия «Единая Россия», der Roman „Tauben im Gras“: a name in quotation marks."""
    words = span.text.split()
    if not words or not words[0][:1].isupper() or len(words) > 5:
        return False
    before = reader.masked[max(0, span.char_start - 40) : span.char_start].rstrip(f" \u00a0{MARK}")
    last = before.split()[-1].lower().strip(",") if before.split() else ""
    if last in reader.language.work_nouns:
        return True
    if reader.language.code == "de":
        return False  # every German noun is capitalised: only a work's noun before tells a title
    return len(words) == 1 or all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words)
