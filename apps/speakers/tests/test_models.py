import pytest
from django.core.exceptions import ValidationError

from apps.speakers.choices import SpeakerKind
from tests.factories import make_speaker

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("bad_id", ["7747", "q7747", "Q", "Q07747", "Q77 47", "https://www.wikidata.org/wiki/Q7747"])
def test_a_wikidata_id_must_be_q_and_digits(bad_id):
    with pytest.raises(ValidationError) as error:
        make_speaker(wikidata_id=bad_id)
    assert "capital Q followed by digits" in error.value.message_dict["wikidata_id"][0]


def test_a_valid_wikidata_id_gives_the_item_url():
    speaker = make_speaker(name="Vladimir Putin", wikidata_id="Q7747")
    assert speaker.wikidata_url == "https://www.wikidata.org/wiki/Q7747"


def test_two_speakers_cannot_share_a_wikidata_id_but_many_can_have_none():
    make_speaker(wikidata_id="Q7747")
    with pytest.raises(ValidationError, match="already has this Wikidata id"):
        make_speaker(wikidata_id="Q7747")
    make_speaker(wikidata_id="")
    make_speaker(wikidata_id="")


def test_an_anonymous_speaker_has_no_wikidata_id():
    with pytest.raises(ValidationError) as error:
        make_speaker(kind=SpeakerKind.ANONYMOUS, name="An unnamed Duma deputy", wikidata_id="Q1")
    assert "anonymous" in error.value.message_dict["wikidata_id"][0]


def test_a_speaker_is_affiliated_only_with_an_organisation_or_group():
    person = make_speaker(name="Vyacheslav Nikonov")
    with pytest.raises(ValidationError) as error:
        make_speaker(affiliation=person)
    assert "only be affiliated with an organisation or a group" in error.value.message_dict["affiliation"][0]
    duma = make_speaker(kind=SpeakerKind.ORGANISATION, name="State Duma")
    assert make_speaker(affiliation=duma).affiliation == duma


def test_aliases_are_kept_in_their_script_and_blank_ones_dropped():
    speaker = make_speaker(aliases=["Путин", "  ", "Vladimir Vladimirovich Putin "])
    speaker.refresh_from_db()
    assert speaker.aliases == ["Путин", "Vladimir Vladimirovich Putin"]


def test_country_is_a_two_letter_code():
    with pytest.raises(ValidationError) as error:
        make_speaker(country="Kazakhstan")
    assert "two-letter ISO 3166-1 code" in str(error.value)
