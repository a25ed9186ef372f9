"""Fetching a page: served by a local HTTP server on loopback, with private addresses allowed
(the setting) except where a test is about refusing them."""

import gzip
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from apps.intake import fetching
from apps.intake.extraction import article_from_html, article_from_page
from apps.intake.fetching import address_problem, fetch_page
from apps.intake.types import IntakeError

ARTICLE = (Path(__file__).parent / "pages" / "article.html").read_bytes()
SETTING = "CLAIMTRACK_INTAKE_ALLOW_PRIVATE_ADDRESSES"
CYRILLIC_PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>Тарифы</title>'
    "</head><body><article><p>Министр заявил во вторник, что план «не приведёт к росту тарифов», несмотря на "
    "предупреждения регулятора. «Мы всё посчитали», — сказала она журналистам.</p></article></body></html>"
)
PLAIN = "Заголовок статьи\n\n«Мы всё посчитали», — сказала министр журналистам во вторник."


class Handler(BaseHTTPRequestHandler):
    """Routes by path; each route writes its own answer."""

    protocol_version = "HTTP/1.1"
    requests: list[tuple[str, dict]] = []

    def log_message(self, *args):
        pass

    def send(self, status=200, body=b"", content_type="text/html; charset=utf-8", headers=(), length=True):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        Handler.requests.append((self.path, dict(self.headers)))
        path, _, query = self.path.partition("?")
        if path == "/article":
            self.send(body=ARTICLE)
        elif path.startswith("/redirect/"):
            left = int(path.rsplit("/", 1)[1])
            location = "/article" if left <= 1 else f"/redirect/{left - 1}"
            self.send(302, headers=[("Location", location)])
        elif path == "/redirect-to":
            self.send(302, headers=[("Location", query)])
        elif path == "/cookie-check":
            if "checked=yes" in self.headers.get("Cookie", ""):
                self.send(body=ARTICLE)
            else:
                self.send(302, headers=[("Location", "/cookie-check"), ("Set-Cookie", "checked=yes; Path=/; HttpOnly")])
        elif path == "/redirect-nowhere":
            self.send(302)
        elif path.startswith("/status/"):
            self.send(int(path.rsplit("/", 1)[1]), b"<html><body>Error</body></html>")
        elif path == "/slow":
            time.sleep(3)
            self.send(body=ARTICLE)
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(50):
                    self.wfile.write(b"<p>x</p>")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        elif path == "/large":
            self.send(body=b"<p>" + b"a" * 5000 + b"</p>")
        elif path == "/large-unannounced":
            self.send(body=b"<p>" + b"a" * 5000 + b"</p>", length=False)
        elif path == "/gzip-bomb":
            self.send(body=gzip.compress(b" " * 2_000_000), headers=[("Content-Encoding", "gzip")])
        elif path == "/gzip":
            self.send(body=gzip.compress(ARTICLE), headers=[("Content-Encoding", "gzip")])
        elif path == "/plain":
            self.send(body=PLAIN.encode("windows-1251"), content_type="text/plain; charset=windows-1251")
        elif path == "/cyrillic":
            self.send(body=CYRILLIC_PAGE.encode("windows-1251"), content_type="text/html")
        elif path == "/untyped":
            self.send(body=ARTICLE, content_type=None)
        elif path == "/typed":
            self.send(body=b"%PDF-1.7 ...", content_type=query.replace("%2F", "/"))
        else:
            self.send(404)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def allowed(settings):
    settings.CLAIMTRACK_INTAKE_ALLOW_PRIVATE_ADDRESSES = True
    settings.CLAIMTRACK_INTAKE_FETCH_TIMEOUT = 5
    settings.CLAIMTRACK_INTAKE_MAX_BYTES = 5_000_000
    settings.CLAIMTRACK_INTAKE_MAX_REDIRECTS = 5
    return settings


def refusal(url: str) -> str:
    with pytest.raises(IntakeError) as caught:
        fetch_page(url)
    return str(caught.value)


def test_an_article_page_is_fetched_and_read(server, allowed):
    page = fetch_page(f"{server}/article")
    assert page.status == 200
    assert page.content_type == "text/html"
    assert page.charset == "utf-8"
    assert page.body == ARTICLE
    assert page.requested_url == page.final_url == f"{server}/article"
    article = article_from_html(page.body, url=page.final_url, charset=page.charset)
    assert article.title == "Minister defends water plan"
    assert article.url == "https://news.example.org/2024/03/water-plan"
    assert article.fetched_url == f"{server}/article"
    assert "“will not raise bills”" in article.text


def test_the_request_names_claimtrack_and_the_host(server, allowed):
    Handler.requests.clear()
    fetch_page(f"{server}/article")
    _path, headers = Handler.requests[-1]
    assert "ClaimTrack" in headers["User-Agent"]
    assert headers["Host"] == server.removeprefix("http://")


def test_a_compressed_page_is_decompressed(server, allowed):
    assert fetch_page(f"{server}/gzip").body == ARTICLE


def test_redirects_within_the_limit_are_followed(server, allowed):
    page = fetch_page(f"{server}/redirect/5")
    assert page.final_url == f"{server}/article"
    assert page.requested_url == f"{server}/redirect/5"
    assert page.body == ARTICLE


def test_too_many_redirects_are_refused(server, allowed):
    message = refusal(f"{server}/redirect/7")
    assert "redirects more than 5 times" in message
    assert "paste the address it ends at" in message


def test_cookies_set_while_redirecting_go_back_to_the_site(server, allowed):
    assert fetch_page(f"{server}/cookie-check").body == ARTICLE


def test_a_redirect_without_a_location_is_refused(server, allowed):
    assert "without saying where to" in refusal(f"{server}/redirect-nowhere")


def test_a_redirect_to_a_private_address_is_refused(server, allowed, monkeypatch):
    # The test server is on loopback: take it for a public site, so that only the redirect's target
    # (a cloud's metadata service) is private.
    allowed.CLAIMTRACK_INTAKE_ALLOW_PRIVATE_ADDRESSES = False
    monkeypatch.setattr(
        fetching, "address_problem", lambda address: None if address == "127.0.0.1" else address_problem(address)
    )
    message = refusal(f"{server}/redirect-to?http://169.254.169.254/latest/meta-data/")
    assert "169.254.169.254 is a link-local address" in message
    assert f"({server}/redirect-to?http://169.254.169.254/latest/meta-data/ redirects there)" in message
    assert SETTING in message


def test_a_redirect_to_another_scheme_is_refused(server, allowed):
    message = refusal(f"{server}/redirect-to?file:///etc/passwd")
    assert "a file: address" in message
    assert "fetches only web pages" in message


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (404, "was not found (HTTP 404)"),
        (410, "was not found (HTTP 410)"),
        (403, "refused to give the page"),
        (401, "may need a login"),
        (429, "too many requests (HTTP 429)"),
        (500, "server error (HTTP 500)"),
        (503, "server error (HTTP 503)"),
        (204, "answered HTTP 204"),
    ],
)
def test_an_error_status_says_what_it_means(server, allowed, status, words):
    assert words in refusal(f"{server}/status/{status}")


def test_a_server_that_does_not_answer_in_time_is_cut(server, allowed):
    allowed.CLAIMTRACK_INTAKE_FETCH_TIMEOUT = 1
    message = refusal(f"{server}/slow")  # the page would come, after the timeout
    assert "did not answer within 1 second;" in message
    assert "save the page from your browser and upload the file" in message


def test_a_server_that_trickles_bytes_is_cut_at_the_deadline(server, allowed):
    allowed.CLAIMTRACK_INTAKE_FETCH_TIMEOUT = 1
    started = time.monotonic()
    message = refusal(f"{server}/trickle")
    assert time.monotonic() - started < 2
    assert "did not answer within 1 second" in message


@pytest.mark.parametrize("path", ["/large", "/large-unannounced"])
def test_a_page_over_the_size_limit_is_refused(server, allowed, path):
    allowed.CLAIMTRACK_INTAKE_MAX_BYTES = 1000
    message = refusal(f"{server}{path}")
    assert "larger than 1 kB" in message
    assert "CLAIMTRACK_INTAKE_MAX_BYTES" in message


def test_a_compressed_page_that_expands_past_the_limit_is_refused(server, allowed):
    allowed.CLAIMTRACK_INTAKE_MAX_BYTES = 1_000_000
    assert "larger than 1 MB" in refusal(f"{server}/gzip-bomb")


@pytest.mark.parametrize(
    ("content_type", "words"),
    [
        ("application/pdf", "a PDF document (application/pdf)"),
        ("application/json", "JSON data (application/json)"),
        ("image/png", "an image (image/png)"),
        ("application/octet-stream", "a file of another kind (application/octet-stream)"),
    ],
)
def test_what_is_not_a_web_page_is_refused_with_its_type(server, allowed, content_type, words):
    message = refusal(f"{server}/typed?{content_type}")
    assert f"is not a web page but {words}" in message
    assert "paste the article's text" in message


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1:{port}/article", "127.0.0.1 is a loopback address"),
        ("http://localhost:{port}/article", "is a loopback address"),
        ("http://[::1]:{port}/article", "::1 is a loopback address"),
        ("http://10.1.2.3/", "10.1.2.3 is a private network address"),
        ("http://192.168.0.1/", "192.168.0.1 is a private network address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://0.0.0.0:{port}/", "0.0.0.0 is an unspecified address"),
        ("http://[::ffff:127.0.0.1]:{port}/", "is a loopback address"),
        ("http://100.64.0.1/", "100.64.0.1 is a private network address"),
        ("http://[fd00::1]/", "fd00::1 is a private network address"),
        ("http://[fe80::1]/", "fe80::1 is a link-local address"),
        ("http://224.0.0.1/", "224.0.0.1 is a multicast address"),
        ("http://2130706433:{port}/", "2130706433 (which is 127.0.0.1) is a loopback address"),
    ],
)
def test_private_addresses_are_refused_unless_allowed(server, settings, url, kind):
    settings.CLAIMTRACK_INTAKE_ALLOW_PRIVATE_ADDRESSES = False
    Handler.requests.clear()
    message = refusal(url.format(port=server.rsplit(":", 1)[1]))
    assert kind in message
    assert "does not fetch pages from private or local networks" in message
    assert SETTING in message
    assert Handler.requests == []  # refused before connecting


def test_a_name_that_resolves_to_loopback_is_refused(server, settings, monkeypatch):
    settings.CLAIMTRACK_INTAKE_ALLOW_PRIVATE_ADDRESSES = False
    port = int(server.rsplit(":", 1)[1])
    real = socket.getaddrinfo

    def resolve(host, *args, **kwargs):
        if host == "news.example.com":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    message = refusal(f"http://news.example.com:{port}/article")
    assert "news.example.com (which is 127.0.0.1) is a loopback address" in message


def test_the_connection_goes_to_the_address_that_was_checked(server, allowed, monkeypatch):
    # A name resolved once: the connection uses that address, and the name is sent as the Host.
    port = int(server.rsplit(":", 1)[1])
    lookups = []

    def resolve(host, *args, **kwargs):
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    Handler.requests.clear()
    page = fetch_page(f"http://news.example.com:{port}/article")
    assert page.body == ARTICLE
    assert [host for host in lookups if host != "127.0.0.1"] == ["news.example.com"]  # the name, once
    assert Handler.requests[-1][1]["Host"] == f"news.example.com:{port}"


def test_public_addresses_are_allowed():
    for address in ("93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"):
        assert address_problem(address) is None
    for address in ("::ffff:10.0.0.1", "2002:7f00:1::1", "::", "fc00::1", "198.18.0.1"):
        assert address_problem(address) is not None


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("file:///etc/passwd", "is a file: address"),
        ("ftp://example.org/article.html", "is a ftp: address"),
        ("javascript:alert(1)", "is a javascript: address"),
        ("example.org/article", "is not a web address"),
        ("", "No URL given"),
        ("http://", "has no host name"),
        ("https://editor:secret@example.org/", "contains a user name or password"),
        ("https://example.org/a b", "contains spaces or invisible characters"),
        ("http://example.org:99999/", "is not a valid URL"),
    ],
)
def test_what_is_not_a_web_address_is_refused(allowed, url, words):
    assert words in refusal(url)


def test_a_name_that_does_not_exist_is_reported(allowed, monkeypatch):
    def fail(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    message = refusal("https://no-such-site.example/")
    assert "no-such-site.example could not be found" in message
    assert "check the spelling" in message


def test_a_refused_connection_is_reported(allowed):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    message = refusal(f"http://127.0.0.1:{port}/")
    assert f"refused the connection on port {port}" in message


def test_a_failed_secure_connection_is_reported(server, allowed):
    # https to a server that speaks plain HTTP: the TLS handshake fails.
    message = refusal(server.replace("http://", "https://") + "/article")
    assert "The secure connection (TLS) to 127.0.0.1 failed" in message


def test_a_plain_text_page_is_read_as_text(server, allowed):
    page = fetch_page(f"{server}/plain")
    assert (page.content_type, page.charset) == ("text/plain", "windows-1251")
    article = article_from_page(page)
    assert article.text == PLAIN
    assert article.title == "Заголовок статьи"
    assert article.url == f"{server}/plain"


def test_a_cyrillic_page_whose_charset_only_its_meta_gives_is_decoded(server, allowed):
    page = fetch_page(f"{server}/cyrillic")
    assert page.charset is None
    article = article_from_page(page)
    assert "план «не приведёт к росту тарифов»" in article.text
    assert article.language == "ru"


def test_a_page_without_a_content_type_is_read_for_what_it_is(server, allowed):
    page = fetch_page(f"{server}/untyped")
    assert page.content_type == ""
    assert article_from_page(page).title == "Minister defends water plan"


def test_a_pdf_that_its_server_calls_html_is_refused(server, allowed):
    page = fetch_page(f"{server}/typed?text/html")
    with pytest.raises(IntakeError) as caught:
        article_from_page(page)
    assert "looks like a PDF document, not a web page (its server calls it text/html)" in str(caught.value)


def test_an_address_that_refuses_gives_way_to_the_next(server, allowed, monkeypatch):
    port = int(server.rsplit(":", 1)[1])
    real = socket.getaddrinfo

    def resolve(host, *args, **kwargs):  # nothing listens on 127.0.0.2
        if host == "news.example.com":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port)) for ip in ("127.0.0.2", "127.0.0.1")]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    assert fetch_page(f"http://news.example.com:{port}/article").body == ARTICLE


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    """An HTTPS server on loopback whose certificate names news.example.com (made by openssl)."""
    import shutil
    import ssl
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a certificate")
    folder = tmp_path_factory.mktemp("tls")
    key, certificate = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-keyout", str(key),
         "-out", str(certificate), "-subj", "/CN=news.example.com", "-addext", "subjectAltName=DNS:news.example.com"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate, key)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1], certificate
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def trusting(tls_server, monkeypatch):
    """Trust the test certificate, and resolve every *.example.com name to the test server."""
    import ssl

    port, certificate = tls_server
    make_context = ssl.create_default_context

    def context(*args, **kwargs):
        made = make_context(cafile=str(certificate))
        made.verify_flags &= ~getattr(ssl, "VERIFY_X509_STRICT", 0)  # a bare self-signed certificate
        return made

    real = socket.getaddrinfo

    def resolve(host, *args, **kwargs):
        if host.endswith(".example.com"):
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(ssl, "create_default_context", context)
    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    return port


def test_https_checks_the_certificate_against_the_name_not_the_address(allowed, trusting):
    page = fetch_page(f"https://news.example.com:{trusting}/article")
    assert page.body == ARTICLE
    # The same server, the same address, another name: the certificate does not cover it.
    message = refusal(f"https://other.example.com:{trusting}/article")
    assert "The secure connection to other.example.com failed: its certificate is not valid" in message


def test_a_server_that_does_not_speak_http_is_reported(allowed):
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def answer():
        connection, _ = listener.accept()
        with connection:
            connection.recv(1024)
            connection.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    try:
        message = refusal(f"http://127.0.0.1:{port}/")
    finally:
        listener.close()
    assert "answered with something that is not a valid web page response" in message
