from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import make_quotation, make_source

pytestmark = pytest.mark.django_db

ARTICLE = "Putin told listeners, “Kazakhs never had a state of their own.” Days later, the government answered."


def archive(*args) -> str:
    out = StringIO()
    call_command("archive_source_text", *args, stdout=out)
    return out.getvalue()


def test_archiving_a_text_file_anchors_the_quotations(tmp_path):
    quotation = make_quotation(text="Kazakhs never had a state of their own.", context=ARTICLE[:64])
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert "1 quotation(s) anchored" in archive(quotation.source.slug, str(path))
    quotation.refresh_from_db()
    assert (quotation.char_start, quotation.char_end) == (23, 62)


def test_a_text_without_the_quotations_is_refused_and_nothing_is_stored(tmp_path):
    quotation = make_quotation(text="never had a state", context="they “never had a state” then")
    path = tmp_path / "other.txt"
    path.write_text("Another article.", encoding="utf-8")
    with pytest.raises(CommandError, match="not found verbatim") as error:
        archive(quotation.source.slug, str(path))
    assert "never had a state" in str(error.value)
    quotation.source.refresh_from_db()
    assert quotation.source.archived_text == ""


def test_unknown_slug_missing_file_and_bad_encoding_are_explained(tmp_path):
    source = make_source()
    with pytest.raises(CommandError, match="No source has the slug “nope”"):
        archive("nope", "x.txt")
    with pytest.raises(CommandError, match="no such file"):
        archive(source.slug, str(tmp_path / "missing.txt"))
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Schröder".encode("latin-1"))
    with pytest.raises(CommandError, match="not UTF-8"):
        archive(source.slug, str(latin1))
