import pytest

from apps.core.urls import normalise_url, url_domain


@pytest.mark.parametrize(
    ("pasted", "canonical"),
    [
        ("HTTPS://WWW.DW.COM/en/kazakhstan/a-60355136", "https://www.dw.com/en/kazakhstan/a-60355136"),
        (
            "https://foreignpolicy.com:443/2022/01/07/x/?utm_source=twitter&utm_medium=social",
            "https://foreignpolicy.com/2022/01/07/x/",
        ),
        ("https://example.org/a?id=3&fbclid=abc#comments", "https://example.org/a?id=3"),
        ("http://example.org:8080", "http://example.org:8080/"),
        ("  https://example.org/path  ", "https://example.org/path"),
        ("", ""),
    ],
)
def test_urls_are_normalised_so_one_document_has_one_url(pasted, canonical):
    assert normalise_url(pasted) == canonical


def test_the_domain_of_a_url_drops_www():
    assert url_domain("https://www.Atlanticcouncil.org/blogs/") == "atlanticcouncil.org"
