"""Who said a quotation in an article written in Russian, German, French or Spanish
(apps/intake/other_languages.py): the inverted verb after the quotation, "according to" phrases,
the subject of a verb of saying, pronouns, second references, unnamed speakers, organisations,
and the Russian names put back in the nominative."""

import pytest

from apps.intake import other_languages
from apps.intake.quotes import find_quotations
from apps.intake.types import SpeakerMention


def speakers(text, language):
    spans = find_quotations(text, language=language)
    for span in spans:
        assert text[span.char_start : span.char_end] == span.text  # offsets index the text exactly
    return {span.text: span.speaker for span in spans}


def person(name):
    return SpeakerMention(name, "person")


# --- Russian --------------------------------------------------------------------------------

RUSSIAN = """Токаев призвал к диалогу

Президент Казахстана Касым-Жомарт Токаев заявил в среду, что отношения с Россией остаются «стратегическими и союзническими».

«Мы никогда не будем действовать против интересов наших соседей», — сказал Токаев журналистам в Астане.

Пресс-секретарь Кремля Дмитрий Песков отметил, что Москва «высоко ценит» позицию Астаны. «Это важный сигнал», — добавил он.

По словам политолога Андрея Суздальцева, заявление носит «скорее символический характер».

«Люди боятся повышения цен», — рассказала жительница Уральска, попросившая не называть её имени.
"""


def test_russian_inverted_verb_after_the_dash_names_the_speaker_by_the_fullest_name():
    found = speakers(RUSSIAN, "ru")
    assert found["Мы никогда не будем действовать против интересов наших соседей"] == person("Касым-Жомарт Токаев")


def test_russian_words_of_office_and_their_complement_are_cut_from_the_name():
    found = speakers(RUSSIAN, "ru")
    assert found["стратегическими и союзническими"] == person("Касым-Жомарт Токаев")
    assert found["высоко ценит"] == person("Дмитрий Песков")


def test_russian_pronoun_is_the_person_just_quoted():
    assert speakers(RUSSIAN, "ru")["Это важный сигнал"] == person("Дмитрий Песков")


def test_russian_name_after_po_slovam_is_put_in_the_nominative():
    assert speakers(RUSSIAN, "ru")["скорее символический характер"] == person("Андрей Суздальцев")


def test_russian_unnamed_speaker_is_described_up_to_the_relative_clause():
    assert speakers(RUSSIAN, "ru")["Люди боятся повышения цен"] == SpeakerMention("жительница Уральска", "anonymous")


def test_russian_quoted_names_of_companies_are_not_quotations_and_a_press_service_speaks_for_its_company():
    text = (
        "Сделка закрыта\n\nАкции ООО «Ромашка» выросли. «Мы довольны итогами года», — сообщили в пресс-службе "
        "ПАО «Газпром».\n"
    )
    found = speakers(text, "ru")
    assert "Ромашка" not in found
    assert found["Мы довольны итогами года"] == SpeakerMention("Газпром", "organisation")


def test_russian_second_reference_by_a_job_is_the_person_the_paragraph_is_about():
    text = (
        "Переход\n\nГенеральный директор клуба Павел Дроздов подтвердил сделку.\n\n"
        "Сам Дроздов выглядел довольным. «Мы долго шли к этому трансферу», — сказал гендиректор.\n"
    )
    assert speakers(text, "ru")["Мы долго шли к этому трансферу"] == person("Павел Дроздов")


def test_without_pymorphy3_a_russian_name_is_kept_as_the_text_writes_it(monkeypatch):
    monkeypatch.setattr(other_languages, "_morph", lambda: None)
    assert other_languages.russian_nominative("Андрея Суздальцева", "gent") == "Андрея Суздальцева"
    found = speakers(RUSSIAN, "ru")  # the rest still works on the words alone
    assert found["Это важный сигнал"] is not None


@pytest.mark.parametrize(
    ("written", "case", "nominative"),
    [
        ("Андрея Суздальцева", "gent", "Андрей Суздальцев"),
        ("Анны Ивановой", "gent", "Анна Иванова"),
        ("Марии Захаровой", "gent", "Мария Захарова"),
        ("Дмитрий Песков", "", "Дмитрий Песков"),
    ],
)
def test_russian_names_agree_in_gender_and_case_when_put_in_the_nominative(written, case, nominative):
    assert other_languages.russian_nominative(written, case) == nominative


# --- German ---------------------------------------------------------------------------------

GERMAN = """Scholz warnt vor neuen Zöllen

Bundeskanzler Olaf Scholz hat am Mittwoch vor einem Handelskrieg gewarnt. „Niemand gewinnt einen Zollkrieg“, sagte Scholz in Berlin.

Die Wirtschaftsministerin Katherina Reiche sprach von einer „ernsten Lage“. „Wir müssen jetzt handeln“, fügte sie hinzu. Die Industrie sei „gut vorbereitet“.

Nach Angaben eines Sprechers des Verbands der Automobilindustrie sind „Tausende Arbeitsplätze“ in Gefahr.
"""


def test_german_inverted_verb_gives_the_fullest_name_and_the_office_is_cut():
    found = speakers(GERMAN, "de")
    assert found["Niemand gewinnt einen Zollkrieg"] == person("Olaf Scholz")
    assert found["ernsten Lage"] == person("Katherina Reiche")


def test_german_separable_verb_with_a_pronoun_and_reported_speech_keep_the_speaker():
    found = speakers(GERMAN, "de")
    assert found["Wir müssen jetzt handeln"] == person("Katherina Reiche")
    assert found["gut vorbereitet"] == person("Katherina Reiche")  # "sei": the subjunctive of reported speech


def test_german_according_to_an_unnamed_spokesman_gives_his_description():
    speaker = speakers(GERMAN, "de")["Tausende Arbeitsplätze"]
    assert speaker is not None and speaker.kind == "anonymous"
    assert speaker.name.startswith("Sprecher des Verbands")


# --- French ---------------------------------------------------------------------------------

FRENCH = """Retraites : le gouvernement ne cède pas

Interrogé sur France Inter, le ministre du Travail, Olivier Dussopt, a répété que le report de l'âge légal n'était « pas négociable ». « Nous respectons le droit de grève », a-t-il expliqué.

Une source diplomatique à Nouakchott juge la situation « plus préoccupante ». « Chacun campe sur ses positions », estime ce diplomate.

Selon son porte-parole, Alexandre Brahier, l'alarme s'est déclenchée « dans un délai d'environ cinq minutes ».
"""


def test_french_apposition_after_the_office_and_the_inverted_pronoun():
    found = speakers(FRENCH, "fr")
    assert found["pas négociable"] == person("Olivier Dussopt")
    assert found["Nous respectons le droit de grève"] == person("Olivier Dussopt")


def test_french_demonstrative_refers_back_to_the_unnamed_speaker():
    found = speakers(FRENCH, "fr")
    assert found["plus préoccupante"] == SpeakerMention("source diplomatique à Nouakchott", "anonymous")
    assert found["Chacun campe sur ses positions"] == found["plus préoccupante"]


def test_french_selon_with_a_name_in_apposition():
    assert speakers(FRENCH, "fr")["dans un délai d'environ cinq minutes"] == person("Alexandre Brahier")


# --- Spanish --------------------------------------------------------------------------------

SPANISH = """Lanuza gana en Aragón

Mercedes Lanuza compareció pasadas las once de la noche en Zaragoza. «Aragón ha hablado alto y claro», proclamó desde el escenario.

La Federación de Educadores Bonaerenses (FEB) rechazó la oferta. «Es una provocación», señaló la FEB en un comunicado.

«No vamos a regalar nuestros votos», dijo el candidato de Vox, Íñigo Barrachina.
"""


def test_spanish_verb_without_a_subject_is_said_by_the_person_the_paragraph_is_about():
    assert speakers(SPANISH, "es")["Aragón ha hablado alto y claro"] == person("Mercedes Lanuza")


def test_spanish_acronym_is_spelt_out_as_the_organisation_gave_it():
    found = speakers(SPANISH, "es")
    assert found["Es una provocación"] == SpeakerMention("Federación de Educadores Bonaerenses", "organisation")


def test_spanish_name_in_apposition_after_the_description():
    assert speakers(SPANISH, "es")["No vamos a regalar nuestros votos"] == person("Íñigo Barrachina")


def test_a_scare_quote_with_no_cue_is_left_out_in_every_language():
    assert speakers("Titel\n\nDie sogenannte „Brandmauer“ hält.\n", "de") == {}
    assert speakers("Titre\n\nLe débat sur la « laïcité » reprend.\n", "fr") == {}


def test_english_articles_keep_their_own_rules():
    assert other_languages.language_of("en") is None
    assert other_languages.language_of("de-AT") is other_languages.LANGUAGES["de"]


def test_the_review_page_offers_the_article_s_full_names_in_its_language():
    from apps.intake.quotes import names_in

    assert names_in(RUSSIAN, "ru") == ["Касым-Жомарт Токаев", "Дмитрий Песков", "Андрей Суздальцев"]
    assert names_in(GERMAN, "de") == ["Olaf Scholz", "Katherina Reiche"]


def test_a_speaker_read_from_a_pronoun_or_the_paragraph_is_marked_for_checking_and_a_named_one_is_not():
    spans = {span.text: span for span in find_quotations(RUSSIAN, language="ru")}
    named = spans["Мы никогда не будем действовать против интересов наших соседей"]
    pronoun = spans["Это важный сигнал"]
    assert named.check == ""
    assert pronoun.speaker == person("Дмитрий Песков") and "pronoun" in pronoun.check
    assert spans["Люди боятся повышения цен"].check.startswith("an unnamed speaker")


@pytest.mark.parametrize(
    ("text", "language", "parts", "speaker"),
    [
        (
            "Заголовок\n\n«Мы ценим позицию Астаны, — сказал Дмитрий Песков журналистам, — и рассчитываем на диалог».\n",
            "ru",
            ["Мы ценим позицию Астаны,", "и рассчитываем на диалог"],
            "Дмитрий Песков",
        ),
        (
            "Título\n\n«No vamos a ceder —dijo el ministro Luis Planas—, pero negociaremos».\n",
            "es",
            ["No vamos a ceder", "pero negociaremos"],
            "Luis Planas",
        ),
        (
            "Titre\n\nLe maire Jean Dupont a réagi lundi. « Nous tiendrons, dit-il, jusqu'au bout. »\n",
            "fr",
            ["Nous tiendrons,", "jusqu'au bout."],
            "Jean Dupont",
        ),
    ],
)
def test_the_narrator_s_words_inside_one_pair_of_marks_are_not_the_speaker_s(text, language, parts, speaker):
    spans = find_quotations(text, language=language)
    assert [span.text for span in spans] == parts
    assert all(span.speaker == person(speaker) for span in spans)
    for span in spans:
        assert text[span.char_start : span.char_end] == span.text


def test_italian_and_portuguese_read_their_verbs_and_a_preposition_is_no_first_name():
    italian = (
        "Titolo\n\nPer Alvise Benetton, ingegnere idraulico, il problema è la gestione. «Il Mose è stato pensato "
        "per essere sollevato qualche volta l'anno», osserva.\n\n«Non possiamo escludere nuovi episodi», "
        "ha avvertito Stefania Cannavò.\n"
    )
    found = speakers(italian, "it")
    assert found["Il Mose è stato pensato per essere sollevato qualche volta l'anno"] == person("Alvise Benetton")
    assert found["Non possiamo escludere nuovi episodi"] == person("Stefania Cannavò")
    portuguese = "Título\n\n“A água subiu em dez minutos”, conta a costureira Rosângela Barreto Lima.\n"
    assert speakers(portuguese, "pt")["A água subiu em dez minutos"] == person("Rosângela Barreto Lima")


def test_russian_legal_form_alone_is_the_company_named_after_it():
    text = (
        "Шахта «Северная» принадлежит АО «Прокопьевскуголь». В пресс-службе компании сообщили, что создан штаб. "
        "«Компания окажет всю необходимую помощь семьям пострадавших», — говорится в сообщении."
    )
    assert speakers(text, "ru")["Компания окажет всю необходимую помощь семьям пострадавших"] == SpeakerMention(
        "Прокопьевскуголь", "organisation"
    )


def test_russian_outlet_told_is_never_the_speaker_nor_part_of_the_name():
    text = (
        "Зенит купил нападающего. Спортивный директор клуба Андрей Карпенко дал интервью.\n\n"
        "«Это хорошая сделка», — сказал РИА Новости Карпенко.\n\n"
        "Прокуратура района подтвердила «Фонтанке», что проводит проверку «в полном объеме»."
    )
    found = speakers(text, "ru")
    assert found["Это хорошая сделка"] == person("Андрей Карпенко")
    assert found.get("в полном объеме") is None or "Фонтанк" not in found["в полном объеме"].name


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Источник в правительстве Казахстана, знакомый с ходом переговоров, рассказал ТАСС, что сложнее всего "
            "был тариф. «Российская сторона хотела зафиксировать ставку», — сказал собеседник агентства.",
            "источник в правительстве Казахстана",
        ),
        (
            "Источник, близкий к ЦБ, рассказал «Ведомостям», что регулятор требовал докапитализации.\n\n"
            "«Акционерам дали три месяца», — говорит источник.",
            "источник, близкий к ЦБ",
        ),
        (
            "Пуск перенесен на трое суток, сообщил источник в ракетно-космической отрасли.\n\n"
            "«Зафиксирован сбой датчика», — сказал собеседник агентства.",
            "источник в ракетно-космической отрасли",
        ),
        (
            "Источник «Известий» в правоохранительных органах Свердловской области сообщил о проверке. "
            "«Тексты направлены на экспертизу», — пояснил он.",
            "источник в правоохранительных органах Свердловской области",
        ),
    ],
)
def test_russian_unnamed_source_is_filed_as_introduced_without_the_outlet(text, source):
    spans = find_quotations(text, language="ru")
    assert spans[-1].speaker == SpeakerMention(source, "anonymous")


@pytest.mark.parametrize(
    ("opening", "organisation"),
    [
        ("В прокуратуре Москвы приговор считают обоснованным.", "прокуратура Москвы"),
        (
            "В комитете по здравоохранению Петербурга заявили, что дети здоровы.",
            "комитет по здравоохранению Петербурга",
        ),
        ("В акимате Алматы, отвечая на запрос редакции, пояснили сроки.", "акимат Алматы"),
    ],
)
def test_russian_organisation_opening_the_sentence_with_v_is_named_in_the_nominative(opening, organisation):
    text = (
        f"Суд вынес приговор.\n\n{opening} «Решение будет изучено в установленном порядке», — сообщили в пресс-службе."
    )
    assert speakers(text, "ru")["Решение будет изучено в установленном порядке"] == SpeakerMention(
        organisation, "organisation"
    )


def test_russian_acronym_keeps_its_capitals_when_put_in_the_nominative():
    text = "Вода прибывает.\n\nВ МЧС уточнили, что пик еще впереди. «Просим жителей не возвращаться в дома», — сказали в ведомстве."
    assert speakers(text, "ru")["Просим жителей не возвращаться в дома"] == SpeakerMention("МЧС", "organisation")


@pytest.mark.parametrize(
    "text",
    [
        # a full stop after the speaker: the second part is a new sentence
        "Переговоры идут.\n\n«Мы ценим позицию Астаны, — сказал Дмитрий Песков. — Рассчитываем на диалог».",
        # an adverb before the verb
        "Переговоры идут.\n\n«Мы ценим позицию Астаны, — коротко сказал Дмитрий Песков. — Рассчитываем на диалог».",
    ],
)
def test_russian_quotation_interrupted_inside_one_pair_of_marks_is_two_quotations_of_one_speaker(text):
    spans = find_quotations(text, language="ru")
    assert [span.text for span in spans] == ["Мы ценим позицию Астаны,", "Рассчитываем на диалог"]
    assert {span.speaker for span in spans} == {person("Дмитрий Песков")}


def test_french_quotation_interrupted_by_a_pronoun_takes_the_speaker_named_after_it():
    text = "Les négociations continuent.\n\n« Nous tiendrons, dit-il, jusqu'au bout », a conclu Marc Dewulf."
    assert {span.speaker for span in find_quotations(text, language="fr")} == {person("Marc Dewulf")}


def test_a_quotation_opening_its_paragraph_after_a_blank_line_is_the_person_the_paragraph_before_is_about():
    text = (
        "Сделка закрыта. Покупатель — Константин Ворожцов.\n\n"
        "Ворожцов подтвердил «Ведомостям» договоренность и объяснил логику покупки.\n\n"
        "«Сыр — самая маржинальная категория в молочке»."
    )
    assert speakers(text, "ru")["Сыр — самая маржинальная категория в молочке"] == person("Константин Ворожцов")


def test_russian_adjective_opening_a_noun_phrase_is_no_surname():
    text = (
        "Река вышла из берегов.\n\n"
        "Глава Кузьминского сельского поселения Ольга Трушина говорит, что попросила жителей «временно не брать воду»."
    )
    assert speakers(text, "ru")["временно не брать воду"] == person("Ольга Трушина")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a source qualified at its own cue is that source, not one introduced earlier
        (
            "Источник в Минфине сообщил, что бюджет пересмотрят.\n\nПравительство пока молчит.\n\n"
            "«Решение уже принято», — сказал источник в правительстве Казахстана.",
            "источник в правительстве Казахстана",
        ),
        # "источников" is no introduction of a source, and how a source spoke is not who they are
        (
            "По словам источников в отрасли, глава компании сообщил акционерам о сделке.\n\n«Все кончено», — сказал источник.",
            "источник",
        ),
    ],
)
def test_russian_sources_are_not_taken_from_words_that_introduce_nobody(text, speaker):
    assert find_quotations(text, language="ru")[-1].speaker.name == speaker


def test_russian_body_opening_its_sentence_keeps_no_pronoun_after_its_name():
    text = "Бюджет утвержден. В Минфине этого не подтвердили: «Никаких решений нет»."
    assert speakers(text, "ru")["Никаких решений нет"] == SpeakerMention("Минфин", "organisation")


def test_an_apostrophe_inside_the_interruption_does_not_part_the_quotation_s_speakers():
    text = "Les négociations continuent.\n\n« Nous tiendrons, dit-il d’une voix ferme, jusqu'au bout », a conclu Marc Dewulf."
    assert {span.speaker for span in find_quotations(text, language="fr")} == {person("Marc Dewulf")}


def test_russian_company_alone_is_the_business_named_in_marks_after_a_word_of_business():
    text = (
        "Компания «Северный сыр» купила сыроварню. Сделку «Северный сыр» закрыл в мае, а «Северный сыр» "
        "получил кредит.\n\nКомпания пообещала «сохранить все рабочие места»."
    )
    assert speakers(text, "ru")["сохранить все рабочие места"] == SpeakerMention("Северный сыр", "organisation")


def test_russian_vedomstvo_alone_is_the_ministry_named_before_in_the_nominative():
    text = (
        "Министерство природных ресурсов Озерской области связало гибель рыбы со сбросами комбината.\n\n"
        "Ведомство сообщило, что на комбинате «проводились внеплановые работы»."
    )
    assert speakers(text, "ru")["проводились внеплановые работы"] == SpeakerMention(
        "Министерство природных ресурсов Озерской области", "organisation"
    )


def test_russian_ministry_alone_is_a_ministry_not_the_agency_named_last():
    text = (
        "Агентство лесного хозяйства Озерской области начало проверку. По данным Министерства "
        "здравоохранения Озерской области, пострадавших нет.\n\nМинистерство сообщило, что «угрозы нет»."
    )
    assert speakers(text, "ru")["угрозы нет"] == SpeakerMention(
        "Министерство здравоохранения Озерской области", "organisation"
    )


@pytest.mark.parametrize("word", ["Однако", "ПОДТВЕРДИЛАСЬ"])
def test_russian_word_of_the_sentence_or_of_a_headline_is_no_speaker(word):
    assert other_languages._no_speaker_word(word)


@pytest.mark.parametrize("word", ["МЧС", "Токаев", "Ведомство", "KEGOC"])
def test_russian_names_acronyms_and_bodies_stay_speakers(word):
    assert not other_languages._no_speaker_word(word)


def test_russian_body_cut_after_its_adjective_gets_the_noun_the_article_writes_after_it():
    text = (
        "Прокуратура Озерского края проводит проверку. Как уточнили в надзорном ведомстве, будет дана "
        "оценка «своевременности мер по тушению» пожара."
    )
    assert speakers(text, "ru")["своевременности мер по тушению"] == SpeakerMention(
        "Прокуратура Озерского края", "organisation"
    )


def test_russian_word_of_a_kind_is_the_body_of_that_kind_named_before_not_the_outlet_told():
    text = (
        "В Фонде развития территорий «Ъ» подтвердили, что заявка поступила. «Объект проходит процедуру "
        "оценки», — пояснили в фонде."
    )
    assert speakers(text, "ru")["Объект проходит процедуру оценки"] == SpeakerMention(
        "Фонд развития территорий", "organisation"
    )


def test_russian_vedomstvo_is_the_body_the_paragraph_before_is_about_when_the_quotation_opens_its_own():
    text = (
        "Водители требуют погасить долг.\n\nВ Государственной инспекции труда сообщили, что начали "
        "проверку предприятия.\n\n«Инспекция проводит внеплановую проверку», — говорится в сообщении "
        "ведомства (копия есть у РБК)."
    )
    assert speakers(text, "ru")["Инспекция проводит внеплановую проверку"] == SpeakerMention(
        "Государственная инспекция труда", "organisation"
    )


def test_russian_body_answering_an_outlet_s_request_is_the_body_not_the_outlet():
    text = "В правительстве Озерской области на запрос «Медузы» ответили, что не комментируют «уголовные дела»."
    assert speakers(text, "ru")["уголовные дела"] == SpeakerMention("правительство Озерской области", "organisation")


def test_russian_body_of_a_kind_keeps_the_adjectives_written_before_it():
    text = (
        "В Национальном объединении застройщиков РБК сообщили, что отрасль готова к изменениям. «Одного "
        "года недостаточно», — говорится в ответе объединения на запрос РБК."
    )
    assert speakers(text, "ru")["Одного года недостаточно"] == SpeakerMention(
        "Национальное объединение застройщиков", "organisation"
    )


def test_russian_first_name_and_surname_after_a_description_of_a_body_are_the_speaker():
    text = (
        "Председатель правления Ассоциации производителей сыра Олег Тимченко называет сделку частью "
        "тренда. По его словам, отрасль ждет «волна консолидации»."
    )
    assert speakers(text, "ru")["волна консолидации"] == person("Олег Тимченко")


@pytest.mark.parametrize(
    "sentence, organisation",
    [
        ("Федеральная авиалесоохрана направила в район еще 120 парашютистов.", "Федеральная авиалесоохрана"),
        ("Прокуратура Озерского района подтвердила «Фонтанке», что проводит проверку.", "Прокуратура Озерского района"),
        ("Общественная палата Озерской области выступила против повышения.", "Общественная палата Озерской области"),
    ],
)
def test_russian_body_opening_the_sentence_before_its_verb_is_who_the_next_quotation_is_from(sentence, organisation):
    text = f"{sentence} «Решение принято», — сообщили в ведомстве."
    assert speakers(text, "ru")["Решение принято"] == SpeakerMention(organisation, "organisation")


@pytest.mark.parametrize(
    "sentence",
    ["Новая школа открылась в сентябре.", "Министр Олег Иванов заявил, что все хорошо.", "Погода испортилась."],
)
def test_russian_sentence_opening_with_a_thing_or_a_person_names_no_body(sentence):
    assert other_languages._organisation_opening(sentence) is None


def test_russian_body_after_v_opening_a_sentence_is_its_name_without_the_rest_of_the_clause():
    text = "В Рослесхозе с такой оценкой не согласны. «Решения принимаются комиссией», — заявили в ведомстве."
    assert speakers(text, "ru")["Решения принимаются комиссией"] == SpeakerMention("Рослесхоз", "organisation")


def test_quotation_opening_its_paragraph_after_a_description_is_who_the_paragraph_before_introduced():
    text = (
        "«Вода уходит», — сказал глава района Олег Петров.\n\n"
        "Гидролог Озерского университета Михаил Сорокин предупреждает, что весной ситуация может повториться.\n\n"
        "«Большая часть дамб строилась в семидесятых», — говорит ученый."
    )
    assert speakers(text, "ru")["Большая часть дамб строилась в семидесятых"] == person("Михаил Сорокин")


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Гидролог Озерского университета Михаил Сорокин предупреждает, что весной будет паводок.", "Михаил Сорокин"),
        ("Аким Озерской области Талгат Бекмуханов заявил, что виновные ответят.", "Талгат Бекмуханов"),
    ],
)
def test_russian_person_named_before_the_verb_after_words_describing_them_is_the_sentence_s_subject(sentence, name):
    text = f"{sentence} «Все решения будут приняты», — добавил он."
    assert speakers(text, "ru")["Все решения будут приняты"] == person(name)


@pytest.mark.parametrize(
    "introduced, short, full",
    [
        (
            "Министерство культуры и информации Казахстана в ответ на запрос сообщило",
            "Министерство культуры",
            "Министерство культуры и информации Казахстана",
        ),
        ("По данным УМВД России по Озерской области, задержаны двое", "УМВД России", "УМВД России по Озерской области"),
        ("Спектакль покажут на сцене Театра наций в декабре", "Театр", "Театр наций"),
    ],
)
def test_russian_organisation_is_filed_by_the_fullest_name_the_article_gives_it(introduced, short, full):
    text = f"{introduced}.\n\nВ сообщении {short} сказано, что «работа продолжается»."
    reader = other_languages._Reader(text, text, other_languages.language_of("ru"))
    assert other_languages._fullest_organisation(reader, short, len(text)) == full


def test_russian_organisation_s_fullest_name_stops_before_a_person_a_verb_or_an_aside():
    text = (
        "Начальник управления Росприроднадзора Артем Белоусов выехал на место. Прокуратура Озерской области "
        "начала проверку. Федеральная таможенная служба (ФТС) ввела досмотр."
    )
    reader = other_languages._Reader(text, text, other_languages.language_of("ru"))
    for name in ("Росприроднадзор", "Прокуратура Озерской области", "Федеральная таможенная служба"):
        assert other_languages._fullest_organisation(reader, name, len(text)) == name


def test_russian_bare_description_after_the_verb_is_the_person_the_paragraph_is_about():
    text = (
        "Вице-губернатор региона Сергей Рыбин сообщил «Ъ», что провел встречи с банком. «Наша позиция "
        "простая: предприятие должно работать», — подчеркнул чиновник."
    )
    assert speakers(text, "ru")["Наша позиция простая: предприятие должно работать"] == person("Сергей Рыбин")


def test_russian_description_bringing_someone_new_stays_an_unnamed_speaker():
    text = (
        "«Цены растут каждую неделю», — сказала пенсионерка Галина Петрушина.\n\n«Еще в октябре брала "
        "морковь по 40», — сказала «Известиям» другая пенсионерка, выбиравшая овощи у прилавка."
    )
    assert speakers(text, "ru")["Еще в октябре брала морковь по 40"].kind == "anonymous"


@pytest.mark.parametrize(
    "sentence, description",
    [
        (
            "Одна из учительниц бишкекской школы, попросившая не называть ее имени, подтвердила это.",
            "учительница бишкекской школы",
        ),
        (
            "Ректор опорного университета в Сибири, попросивший не называть его имени, считает иначе.",
            "ректор опорного университета в Сибири",
        ),
        ("Жители Байкита рассказывают, что дым стоит уже неделю.", "жители Байкита"),
    ],
)
def test_russian_unnamed_person_opening_a_sentence_is_described_as_a_desk_files_them(sentence, description):
    assert other_languages._unnamed_opening(sentence) == description


@pytest.mark.parametrize(
    "sentence",
    [
        "Губернатор Кузбасса Илья Середюк заявил, что работы идут.",
        "Вчера в Москве прошел митинг.",
        "губернатор Кузбасса",
    ],
)
def test_russian_sentence_opening_with_a_named_person_a_time_or_no_verb_has_no_unnamed_subject(sentence):
    assert other_languages._unnamed_opening(sentence) is None


def test_russian_pronoun_after_an_unnamed_subject_is_that_unnamed_speaker_not_a_man_named_before():
    text = (
        "«Реформы будут продолжены», — сказал Олжас Бектенов.\n\nОдна из учительниц бишкекской школы, "
        "попросившая не называть ее имени, подтвердила это. «Директор собрала нас в пятницу», — рассказала она."
    )
    assert speakers(text, "ru")["Директор собрала нас в пятницу"] == SpeakerMention(
        "учительница бишкекской школы", "anonymous"
    )


@pytest.mark.parametrize("name, gender", [("Ерлан Кошанов", "m"), ("Айгерим Жумабаева", "f"), ("Анна Шевчук", "f")])
def test_russian_gender_is_read_from_the_surname_s_ending_before_the_first_name(name, gender):
    assert other_languages._russian_gender(name) == gender


@pytest.mark.parametrize(
    "written, nominative",
    [("Максима Дольникова", "Максим Дольников"), ("Аркадия Лунёва", "Аркадий Лунёв"), ("Анна Петрова", "Анна Петрова")],
)
def test_russian_name_whose_nominative_reading_is_a_common_noun_s_is_put_in_the_nominative(written, nominative):
    assert other_languages.russian_nominative(written) == nominative


def test_russian_person_in_the_genitive_before_the_speaker_s_name_is_not_part_of_it():
    text = "Агент Ильи Бахтина Роман Лещенко заявил, что его клиент «вину не признает»."
    assert speakers(text, "ru")["вину не признает"] == person("Роман Лещенко")


def test_russian_organisation_read_in_an_oblique_case_is_filed_in_the_nominative():
    assert other_languages._organisation_nominative("Верхнедонском станкостроительном заводе") == (
        "Верхнедонский станкостроительный завод"
    )
    assert other_languages._organisation_nominative("МЧС") == "МЧС"


@pytest.mark.parametrize(
    "acronym, full",
    [
        ("РСПП", "Российский союз промышленников и предпринимателей"),
        ("АФМ", "Агентство по финансовому мониторингу"),
        ("ЛГК", "Ларинская генерирующая компания"),
    ],
)
def test_russian_acronym_is_filed_by_the_name_the_article_writes_out_anywhere(acronym, full):
    text = (
        "В Российском союзе промышленников и предпринимателей к проекту относятся настороженно. "
        "Агентство по финансовому мониторингу сообщило об аресте. В ПАО «Ларинская генерирующая компания» "
        "подтвердили аварию."
    )
    assert other_languages._expanded_acronym(text, acronym) == full


@pytest.mark.parametrize(
    "text, acronym", [("Сказал Сергей Лавров.", "СЛ"), ("Жена его Светлана, которая молчала.", "СК")]
)
def test_russian_acronym_the_article_never_writes_out_stays_as_it_is(text, acronym):
    assert other_languages._expanded_acronym(text, acronym) is None


@pytest.mark.parametrize("told", ["агентству", "Kursiv.kz", "корреспондент агентства", "СОЧИ"])
def test_russian_outlet_told_or_a_dateline_s_place_is_no_speaker(told):
    text = f"СОЧИ, 30 ноя — РИА Новости.\n\n«Решение принято», — сообщил {told}."
    assert speakers(text, "ru")["Решение принято"] is None


def test_russian_company_alone_of_two_named_as_often_is_the_one_named_last():
    text = (
        "Автобус ТОО “Жол-Транс Сервис” вез рабочих ТОО “Кенсай Майнинг”.\n\nВ ТОО “Жол-Транс Сервис” вину "
        "отрицали.\n\nВ ТОО “Кенсай Майнинг” выразили соболезнования. “Компания возьмет на себя расходы”, — "
        "говорится в заявлении компании."
    )
    assert speakers(text, "ru")["Компания возьмет на себя расходы"] == SpeakerMention("Кенсай Майнинг", "organisation")


def test_russian_quotation_with_no_cue_after_a_sentence_told_by_someone_is_theirs():
    text = "По словам Забелина, ключевой вопрос — сохранятся ли деньги. «Если экономия останется в системе, это шанс»."
    assert speakers(text, "ru")["Если экономия останется в системе, это шанс"] == person("Забелин")


def test_headline_quotation_with_no_cue_is_the_speaker_who_says_the_same_words_later():
    text = (
        "«Мы не самоубийцы»: водители отказались выходить на линию\n\nВодители автобусного парка бастуют.\n\n"
        "«Мы не самоубийцы, чтобы ездить без тормозов», — сказал водитель Рустам Сабиров."
    )
    assert speakers(text, "ru")["Мы не самоубийцы"] == person("Рустам Сабиров")


def test_russian_outlet_told_before_the_body_is_not_the_body():
    text = (
        "В «Северной генерации» эту информацию не комментируют. «Мы получили поручение губернатора», — "
        "сообщили агентству в пресс-службе компании «Северная генерация»."
    )
    assert speakers(text, "ru")["Мы получили поручение губернатора"] == SpeakerMention(
        "Северная генерация", "organisation"
    )


@pytest.mark.parametrize(
    "description, filed",
    [
        ("источник в областном правительстве", "источник в правительстве Ольховской области"),
        ("источник в экстренных службах региона", "источник в экстренных службах Ольховской области"),
        ("источник в правительстве Ольховской области", "источник в правительстве Ольховской области"),
        ("житель региона", "житель региона"),
    ],
)
def test_russian_source_s_region_is_named_as_the_article_names_it_most_often(description, filed):
    text = "Тарифы в Ольховской области выросли. Губернатор Ольховской области обещал помощь. В Тальской области тише."
    reader = other_languages._Reader(text, text, other_languages.language_of("ru"))
    assert other_languages._with_region_named(reader, description) == filed


def test_russian_common_noun_opening_a_sentence_is_no_one_s_name():
    text = (
        "В последнем слове Геннадий Шалыгин говорил сорок минут. Вину он не признал.\n\n"
        "«Я двадцать лет проработал в городском хозяйстве», — заявил подсудимый."
    )
    assert speakers(text, "ru")["Я двадцать лет проработал в городском хозяйстве"] == person("Геннадий Шалыгин")


def test_russian_document_named_before_with_its_issuer_is_that_issuer_s():
    text = (
        "О похожих случаях говорится и в предварительном отчете общественного фонда «Ясный голос».\n\n"
        "«Наблюдателей удаляли с участков», — говорится в отчете."
    )
    assert speakers(text, "ru")["Наблюдателей удаляли с участков"] == SpeakerMention("Ясный голос", "organisation")


def test_russian_first_name_the_dictionary_lacks_before_a_surname_opens_the_subject():
    text = (
        "Главный тренер «Жайсана» Драган Петрович в ответ на вопрос назвал нового игрока "
        "«футболистом европейского уровня»."
    )
    assert speakers(text, "ru")["футболистом европейского уровня"] == person("Драган Петрович")


@pytest.mark.parametrize(
    "description, who",
    [
        ("губернатор на заседании", "губернатор"),
        ("директор в ответ на вопрос о тормозах", "директор"),
        ("Министр также", "Министр"),
        ("источник в правительстве", "источник в правительстве"),
    ],
)
def test_russian_description_loses_when_and_how_the_person_spoke(description, who):
    assert other_languages._without_circumstance(description) == who


def test_russian_second_reference_with_a_circumstance_is_the_person_named_with_that_noun():
    text = (
        "Губернатор Ларинской области Андрей Мельников провел заседание штаба.\n\n"
        "«Задача номер один — не допустить разморозки», — сказал губернатор на заседании."
    )
    assert speakers(text, "ru")["Задача номер один — не допустить разморозки"] == person("Андрей Мельников")


@pytest.mark.parametrize(
    "words, kept",
    [
        (["по", "финансовому", "мониторингу", "сообщило"], ["по", "финансовому", "мониторингу"]),
        (["труда", "в", "Приладожской", "области", "сообщили"], ["труда", "в", "Приладожской", "области"]),
        (["по", "этом", "вопросу"], []),
    ],
)
def test_russian_body_s_name_keeps_its_complements(words, kept):
    assert other_languages._complement(words) == kept
