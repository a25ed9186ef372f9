"""A speaker named in an article, matched to a speaker on file."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.intake.speakers import SpeakerMatcher, edit_distance, typo_of
from apps.intake.types import SpeakerMention
from tests.factories import make_speaker

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_file():
    return {
        "putin": make_speaker(name="Vladimir Putin", aliases=["Владимир Путин"]),
        "medvedev": make_speaker(name="Dmitry Medvedev", aliases=["Dmitri Medvedev"]),
        "schroder": make_speaker(name="Hans-Henning Schröder", aliases=["Hans-Henning Schroeder"]),
        "meister": make_speaker(name="Stefan Meister"),
        "mfa": make_speaker(
            name="Ministry of Foreign Affairs of Kazakhstan", kind="organisation", aliases=["Kazakh Foreign Ministry"]
        ),
        "kremlin": make_speaker(name="The Kremlin", kind="organisation", aliases=["Kremlin"]),
        "expert": make_speaker(name="Unnamed expert of the Russian International Affairs Council", kind="anonymous"),
        "nationalist": make_speaker(
            name="Unnamed Russian nationalist (banner at the Kazakh Embassy in Moscow)", kind="anonymous"
        ),
        "kazakh": make_speaker(name="Unnamed Kazakh quoted in a 2018 book", kind="anonymous"),
        "allies": make_speaker(name="Kremlin allies (unnamed)", kind="group"),
    }


def match(mention, *others):
    return SpeakerMatcher([mention, *others]).match(mention)


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("Vladimir Putin", "person", "putin"),  # name
        ("Владимир Путин", "person", "putin"),  # alias in another script
        ("Hans-Henning Schroeder", "person", "schroder"),  # alias
        ("hans-henning schröder", "person", "schroder"),  # any case
        ("Putin", "person", "putin"),  # surname
        ("Meister", "person", "meister"),
        ("Medevev", "person", "medvedev"),  # two letters wrong in a long surname
        ("Dmitry Medvedv", "person", "medvedev"),  # one letter missing
        ("the Kremlin", "organisation", "kremlin"),
        ("Kazakh Foreign Ministry", "organisation", "mfa"),
        ("an expert from the Russian International Affairs Council", "anonymous", "expert"),
        ("a Russian nationalist", "anonymous", "nationalist"),
        ("one Kazakh", "anonymous", "kazakh"),  # the name's head, not its parenthesis, says who
        ("Kremlin allies", "group", "allies"),
    ],
)
def test_a_mention_is_matched_by_name_alias_surname_typo_or_description(on_file, name, kind, expected):
    assert match(SpeakerMention(name, kind)) == on_file[expected]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Olaf Scholz", "person"),  # nobody on file
        ("Pitan", "person"),  # two letters wrong in a five-letter word: not Putin
        ("a French official", "anonymous"),
        ("another", "anonymous"),
        ("", "anonymous"),
    ],
)
def test_nobody_on_file_gives_none(on_file, name, kind):
    assert match(SpeakerMention(name, kind)) is None


@pytest.mark.parametrize(
    ("written", "on_file_as"),
    [
        ("Касым-Жомарт Токаев", "Kassym-Jomart Tokayev"),  # zh ~ j, y dropped, a double letter
        ("Дмитрий Песков", "Dmitry Peskov"),
        ("Песков", "Dmitry Peskov"),  # the surname alone
        ("Мария Захарова", "Maria Zakharova"),  # kh
        ("Сергей Лавров", "Sergei Lavrov"),
    ],
)
def test_a_name_in_another_script_is_matched_by_its_romanisation(on_file, written, on_file_as):
    speaker = make_speaker(name=on_file_as)
    assert match(SpeakerMention(written, "person")) == speaker


def test_a_romanised_name_must_agree_word_for_word():
    make_speaker(name="Andrei Sidorov")
    make_speaker(name="Dmitry Petrov")
    assert match(SpeakerMention("Андрей Петров", "person")) is None  # the first name of one, the surname of another


def test_a_surname_two_speakers_share_is_not_guessed():
    make_speaker(name="Anna Petrova")
    make_speaker(name="Olga Petrova")
    assert match(SpeakerMention("Petrova", "person")) is None
    assert match(SpeakerMention("Olga Petrova", "person")).name == "Olga Petrova"


def test_the_candidates_are_read_once_for_all_the_mentions(on_file):
    mentions = [SpeakerMention(n, "person") for n in ("Putin", "Medevev", "Meister", "Nobody Known")]
    mentions.append(SpeakerMention("the Kremlin", "organisation"))
    with CaptureQueriesContext(connection) as queries:
        matcher = SpeakerMatcher(mentions)
        results = [matcher.match(m) for m in mentions]
    assert len(queries) == 1
    assert results == [on_file["putin"], on_file["medvedev"], on_file["meister"], None, on_file["kremlin"]]


def test_edit_distance_counts_a_swap_as_one():
    assert edit_distance("medvedev", "medvedev") == 0
    assert edit_distance("tokayev", "tokaeyv") == 1
    assert edit_distance("putin", "petin") == 1
    assert (
        typo_of("medevev", "medvedev")
        and typo_of("petin", "putin")
        and not typo_of("pitan", "putin")
        and not typo_of("xedvedev", "medvedev")
    )


def test_an_article_naming_hundreds_of_people_is_matched_in_a_few_small_queries(on_file):
    mentions = [SpeakerMention(f"Person{n} Surname{n}x", "person") for n in range(600)]
    mentions.append(SpeakerMention("Putin", "person"))
    with CaptureQueriesContext(connection) as queries:
        matcher = SpeakerMatcher(mentions)
    assert len(queries) <= 20
    assert matcher.match(mentions[-1]) == on_file["putin"] and matcher.match(mentions[0]) is None


@pytest.mark.parametrize(
    ("name", "kind"),
    [("unnamed questioner", "anonymous"), ("a questioner", "anonymous"), ("respondents", "group")],
)
def test_a_generic_unnamed_speaker_is_not_another_story_s(name, kind):
    # "Unnamed questioner at the 2014 Seliger youth forum" is one person of one story: an article
    # that says nothing of Seliger or of the poll has a different questioner or respondents
    questioner = make_speaker(name="Unnamed questioner at the 2014 Seliger youth forum", kind="anonymous")
    poll = make_speaker(name="Respondents to the Ridder poll", kind="group")
    mention = SpeakerMention(name, kind)
    assert SpeakerMatcher([mention], context="The prefecture said it would respond.").match(mention) is None
    story = "Asked at the Seliger youth forum in 2014 … a Ridder poll found …"
    assert SpeakerMatcher([mention], context=story).match(mention) in (questioner, poll)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("the Borvania foreign ministry", "organisation"),  # another country's ministry
        ("Ostland Foreign Ministry", "organisation"),
        ("an expert from the Tallinn International Affairs Council", "anonymous"),
    ],
)
def test_a_description_of_another_country_or_organisation_is_not_the_speaker_on_file(on_file, name, kind):
    # sharing "foreign ministry" or "international affairs council" is not enough: the proper
    # word that says whose must agree, else the desk would file the remark under the wrong speaker
    assert match(SpeakerMention(name, kind)) is None


def test_a_demonym_agrees_with_its_country(on_file):
    assert match(SpeakerMention("the Kazakh foreign ministry", "organisation")) == on_file["mfa"]


def test_a_plain_description_is_a_qualified_speaker_on_file_only_where_the_article_names_the_qualifier():
    authorities = make_speaker(name="Ostland authorities", kind="organisation", aliases=["Ostland government"])
    mention = SpeakerMention("the government", "organisation")
    elsewhere = "A recall of e-bike batteries in England: the government said it was considering new rules."
    assert SpeakerMatcher([mention], context=elsewhere).match(mention) is None
    about = "Ostland's parliament met on Monday, and the government said it would not change course."
    assert SpeakerMatcher([mention], context=about).match(mention) == authorities


def test_an_unnamed_description_sharing_one_noun_is_not_a_speaker_the_article_says_little_of():
    chair = make_speaker(
        name="Head of the Regional Assembly's Transport and Housing Committee (unnamed)", kind="anonymous"
    )
    mention = SpeakerMention("Another head", "anonymous")
    # one word of the name in passing ("the housing committee") is not the same person
    passing = "Another head teacher said the housing committee had not met the unions."
    assert SpeakerMatcher([mention], context=passing).match(mention) is None
    about = "The regional assembly's transport and housing committee met. Another head of the committee said so."
    assert SpeakerMatcher([mention], context=about).match(mention) == chair
