import pytest
from django.core.exceptions import ValidationError

from apps.claims.choices import QuotationMode
from apps.claims.models import CONTEXT_MAX_LENGTH, Quotation
from tests.factories import make_quotation, make_source, make_statement

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Shortly after announcing the seizure of Crimea in 2014, Putin spoke at a Russian youth forum. "
    "Asked if Kazakhstan would “follow the Ukrainian scenario” after Nazarbayev’s departure, Putin told "
    "listeners, “Kazakhs never had a state of their own.” Coming amid Ukraine’s forced fracture…"
)


def test_a_quotation_keeps_curly_quotes_ellipses_and_brackets_verbatim():
    words = "President Nazarbayev created [the Kazakh state] after the fall…"
    quotation = make_quotation(text=words, context=f"and that “{words}” (Najibullah, 2014).")
    quotation.refresh_from_db()
    assert quotation.text == words


def test_a_quotation_not_in_its_excerpt_is_refused_with_the_difference():
    quotation = Quotation(
        statement=make_statement(),
        source=make_source(),
        text="Kazakhs never had a state of there own.",
        context="Putin told listeners, “Kazakhs never had a state of their own.”",
        mode=QuotationMode.DIRECT,
    )
    with pytest.raises(ValidationError) as error:
        quotation.full_clean()
    message = error.value.message_dict["text"][0]
    assert "not found verbatim in the context excerpt" in message
    assert "the quotation has «re own.»" in message
    assert "where the context excerpt has «ir own.”»" in message
    assert not Quotation.objects.exists()


def test_an_excerpt_longer_than_the_limit_is_refused():
    quotation = Quotation(
        statement=make_statement(), source=make_source(), text="state", context="a state " + "x" * CONTEXT_MAX_LENGTH
    )
    with pytest.raises(ValidationError) as error:
        quotation.full_clean()
    assert f"at most {CONTEXT_MAX_LENGTH}" in error.value.message_dict["context"][0]


def test_a_quotation_is_anchored_in_the_archived_text_of_its_source():
    source = make_source(archived_text=ARTICLE)
    quotation = make_quotation(
        source=source,
        text="Kazakhs never had a state of their own.",
        context="Putin told listeners, “Kazakhs never had a state of their own.”",
    )
    assert ARTICLE[quotation.char_start : quotation.char_end] == quotation.text
    assert ARTICLE[: quotation.char_start].endswith(quotation.prefix)
    assert ARTICLE[quotation.char_end :].startswith(quotation.suffix)
    assert quotation.suffix.startswith("” Coming amid")


def test_a_quotation_in_the_excerpt_but_not_in_the_archived_text_is_refused():
    source = make_source(archived_text=ARTICLE)
    quotation = Quotation(
        statement=make_statement(),
        source=source,
        text="Kazakhs never had any statehood",
        context="argued that “Kazakhs never had any statehood” (Najibullah, 2014)",
    )
    with pytest.raises(ValidationError) as error:
        quotation.full_clean()
    message = error.value.message_dict["text"][0]
    assert "not found verbatim in the archived text" in message
    assert "archived text of “" in message


def test_without_archived_text_a_quotation_has_no_offsets_but_keeps_its_affixes():
    quotation = make_quotation(
        text="follow the Ukrainian scenario", context="if Kazakhstan would “follow the Ukrainian scenario” after"
    )
    assert quotation.char_start is None and quotation.char_end is None
    assert quotation.prefix == "if Kazakhstan would “"
    assert quotation.suffix == "” after"


def test_a_source_cannot_report_a_quotation_through_itself():
    source = make_source()
    with pytest.raises(ValidationError) as error:
        make_quotation(source=source, reported_via=source)
    assert "through itself" in error.value.message_dict["reported_via"][0]


def test_the_same_source_reporting_a_statement_twice_needs_a_new_occurrence_number():
    first = make_quotation()
    elsewhere = {"text": "no state", "context": "Later he repeated that they had “no state” at all."}
    with pytest.raises(ValidationError) as error:
        make_quotation(statement=first.statement, source=first.source, **elsewhere)
    message = error.value.message_dict["occurrence"][0]
    assert f"already reports this statement as occurrence 1: quotation #{first.pk}" in message
    assert "give 2, or leave the occurrence empty" in message
    second = make_quotation(statement=first.statement, source=first.source, occurrence=2, **elsewhere)
    assert second.occurrence == 2


def test_a_statement_date_must_agree_with_its_precision():
    import datetime

    with pytest.raises(ValidationError) as error:
        make_statement(said_on=datetime.date(2014, 8, 29), said_on_precision="month")
    assert "first day of the month (2014-08-01)" in error.value.message_dict["said_on"][0]
    statement = make_statement(said_on=datetime.date(2014, 8, 1), said_on_precision="month")
    assert statement.said_on_display == "August 2014"
