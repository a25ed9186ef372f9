"""First names and the gender they tell (apps/intake/names.py)."""

import pytest

from apps.intake.names import first_name_gender, is_first_name, person_gender


@pytest.mark.parametrize(("name", "gender"), [("Curtis Lindgard", "m"), ("Annie Vasseur", "f"), ("Pieter Hale", "m")])
def test_a_person_s_gender_comes_from_the_larger_list_when_the_short_one_does_not_know_the_name(name, gender):
    assert first_name_gender(name) is None
    assert person_gender(name) == gender


@pytest.mark.parametrize("name", ["Jean Moreau", "Kerry Tait", "Robin Hale", "Alex Ward"])
def test_a_name_given_to_both_genders_tells_nothing(name):
    assert person_gender(name) is None


def test_words_that_are_also_first_names_are_not_taken_for_a_first_name_outside_a_person_s_name():
    # "Marine Accident Investigation Branch", "Grace Church": only a person's gender reads the larger list
    assert first_name_gender("Marine") is None
    assert person_gender("Marine") == "f"


def test_a_first_name_given_to_both_genders_is_still_a_first_name():
    assert is_first_name("Kerry") and is_first_name("Curtis")
    assert not is_first_name("Deckhand")


@pytest.mark.parametrize(("name", "gender"), [("Amélie Roux", "f"), ("Siobhán Keane", "f"), ("Julián Ortega", "m")])
def test_a_first_name_written_with_its_accents_is_known_as_the_lists_spell_it_without(name, gender):
    assert is_first_name(name.split()[0])
    assert person_gender(name) == gender
