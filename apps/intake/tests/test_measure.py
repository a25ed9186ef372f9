"""The page measure_extraction times is a real article page: its article is what comes out."""

from apps.intake.extraction import article_from_html
from apps.intake.measure import article_page, measure_extraction


def test_the_measured_page_gives_its_whole_article_and_nothing_else(settings):
    settings.CLAIMTRACK_INTAKE_MAX_BYTES = 5_000_000
    page, words = article_page(2000, seeds_dir="/no-seeds-here")
    assert 2000 <= words < 2100
    article = article_from_html(page)
    assert abs(len(article.text.split()) - words) <= 10  # the headline, not the menu or the comments
    assert "Other story number" not in article.text
    assert "Reader 3 wrote" not in article.text
    figures = measure_extraction(repeat=2, seeds_dir="/no-seeds-here")
    assert figures["article_words"] == words
    assert figures["median_seconds"] > 0
    assert figures["peak_rss_mb"] > 0
