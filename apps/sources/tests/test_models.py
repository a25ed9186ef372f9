import datetime

import pytest
from django.core.exceptions import ValidationError

from apps.sources.models import ARCHIVED_TEXT_MAX_LENGTH, Source
from tests.factories import make_correction, make_publisher, make_source

pytestmark = pytest.mark.django_db

ARTICLE = "Putin told listeners, “Kazakhs never had a state of their own.” Coming amid Ukraine’s forced fracture."


def test_the_url_is_normalised_when_a_source_is_saved():
    source = make_source(url="HTTPS://ForeignPolicy.com/2022/01/07/kazakhstan/?utm_source=tw#top")
    assert source.url == "https://foreignpolicy.com/2022/01/07/kazakhstan/"


def test_a_duplicate_url_is_refused_naming_the_existing_source():
    publisher = make_publisher(name="Foreign Policy")
    existing = make_source(
        title="Kazakhstan’s Border With Russia", url="https://foreignpolicy.com/a/", publisher=publisher
    )
    duplicate = Source(title="Same article", slug="same", url="https://FOREIGNPOLICY.com/a/?utm_campaign=x")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    messages = error.value.message_dict["url"]
    assert len(messages) == 1
    assert f"“Kazakhstan’s Border With Russia” (id {existing.pk}, Foreign Policy)" in messages[0]


def test_many_sources_may_have_no_url():
    make_source(url="")
    make_source(url="")
    assert Source.objects.filter(url="").count() == 2


def test_a_publication_date_must_agree_with_its_precision():
    with pytest.raises(ValidationError) as error:
        make_source(published_on=datetime.date(2022, 1, 7), published_on_precision="year")
    assert "1 January of the year (2022-01-01)" in error.value.message_dict["published_on"][0]
    source = make_source(published_on=datetime.date(2022, 1, 7), published_on_precision="day")
    assert source.published_on_display == "7 January 2022"


def test_an_archived_text_over_the_limit_is_refused():
    with pytest.raises(ValidationError) as error:
        make_source(archived_text="x" * (ARCHIVED_TEXT_MAX_LENGTH + 1))
    assert f"the limit is {ARCHIVED_TEXT_MAX_LENGTH:,}" in error.value.message_dict["archived_text"][0]


def test_a_correction_is_numbered_per_source():
    source = make_source()
    make_correction(source=source, number=1)
    with pytest.raises(ValidationError, match="already has a correction with this number"):
        make_correction(source=source, number=1)
    assert make_correction(source=source, number=2).number == 2
    assert str(source.corrections.first()).startswith("Correction 1 to")


def test_archived_text_line_breaks_are_stored_as_lf_whatever_the_browser_sends():
    source = make_source(archived_text="First line.\r\nSecond line.\rThird.")
    assert source.archived_text == "First line.\nSecond line.\nThird."


@pytest.mark.parametrize(
    "again",
    [
        "http://dw.com/en/putin-kazakhstan/a-70981234/",
        "https://m.dw.com/en/putin-kazakhstan/a-70981234?utm_source=tw#comments",
        "https://amp.dw.com/en/putin-kazakhstan/a-70981234/amp",
        "https://www.dw.com/en/putin-kazakhstan/a-70981234?outputType=amp",
    ],
)
def test_the_same_page_under_another_form_of_its_url_is_refused_naming_the_source(again):
    existing = make_source(title="DW", url="https://www.dw.com/en/putin-kazakhstan/a-70981234")
    with pytest.raises(ValidationError) as error:
        make_source(url=again)
    message = error.value.message_dict["url"][0]
    assert f"canonical URL of the source “DW” (id {existing.pk}): {existing.url} is the same page" in message
    assert Source.objects.count() == 1


def test_another_page_of_the_same_site_is_not_a_duplicate():
    make_source(url="https://www.dw.com/en/putin-kazakhstan/a-70981234")
    assert make_source(url="https://www.dw.com/en/putin-kazakhstan/a-70981235").url_key == (
        "dw.com/en/putin-kazakhstan/a-70981235"
    )
    assert make_source(url="https://news.dw.com/en/putin-kazakhstan/a-70981234").pk


def test_the_url_is_kept_as_entered_and_compared_on_its_key():
    source = make_source(url="http://www.dw.com/en/a-1/")
    assert (source.url, source.url_key) == ("http://www.dw.com/en/a-1/", "dw.com/en/a-1")


def test_the_migration_keeps_the_first_of_two_sources_for_one_page_and_notes_the_other():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("apps.sources.migrations.0005_source_url_key")
    first = make_source(url="https://www.dw.com/en/a-1")
    second = make_source(url="https://m.dw.com/en/a-2")
    # Recorded before the key existed: the same page as the first, under another URL.
    Source.objects.filter(pk=second.pk).update(url="http://dw.com/en/a-1/", url_key=None)
    Source.objects.update(url_key=None)

    migration.fill_url_keys(apps, None)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.url_key, second.url_key) == ("dw.com/en/a-1", None)
    assert f"Possible duplicate of source #{first.pk}" in second.notes
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert f"(id {first.pk})" in error.value.message_dict["url"][0]
