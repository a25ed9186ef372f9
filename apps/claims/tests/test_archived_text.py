"""A source's archived text holds every quotation of the source, verbatim; storing it anchors
them (apps.claims.services)."""

import pytest
from django.core.exceptions import ValidationError

from apps.claims.services import source_set_archived_text
from tests.factories import make_quotation, make_source

pytestmark = pytest.mark.django_db

ARTICLE = "Putin told listeners, “Kazakhs never had a state of their own.” Coming amid Ukraine’s forced fracture."


def test_archiving_a_text_anchors_the_quotations_already_recorded():
    source = make_source()
    quotation = make_quotation(source=source, text="Kazakhs never had a state of their own.", context=ARTICLE[:70])
    assert quotation.char_start is None
    assert source_set_archived_text(source=source, archived_text=ARTICLE) == 1
    quotation.refresh_from_db()
    assert ARTICLE[quotation.char_start : quotation.char_end] == quotation.text


def test_an_archived_text_missing_a_recorded_quotation_is_refused_and_nothing_changes():
    source = make_source()
    make_quotation(source=source, text="never had a state", context="they “never had a state” of their own")
    with pytest.raises(ValidationError) as error:
        source_set_archived_text(source=source, archived_text="A different article altogether.")
    messages = error.value.message_dict["archived_text"]
    assert "1 quotation(s) of this source are not found verbatim" in messages[0]
    assert "never had a state" in messages[1]
    source.refresh_from_db()
    assert source.archived_text == ""
