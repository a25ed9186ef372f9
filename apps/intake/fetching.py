"""Fetching an article's page from a URL an editor pasted: one real HTTP(S) request (and its
redirects), bounded in time and size, refused for anything but a web page, and never sent to an
address on a private network unless the installation allows it.

No server-side request forgery: every host (the first and every redirect's) is resolved once, the
address is checked, and the connection goes to that very address, with the name sent as the Host
header and in TLS (SNI and the certificate check); a name that resolves to a public address when
checked and to 127.0.0.1 when connected (DNS rebinding) therefore never reaches 127.0.0.1.

Built on the standard library (http.client, ssl, socket): it lets the connection go to the checked
address while TLS checks the name, and lets a watchdog close the socket at the deadline, so that a
server sending one byte a second cannot hold a worker for ever."""

import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass
from email.message import Message
from urllib.parse import quote, urljoin, urlsplit

from django.conf import settings

from .types import IntakeError

USER_AGENT = "ClaimTrack/1.0 (fact-checking desk; fetches one article an editor asked for)"
ACCEPTED_CONTENT_TYPES = {"text/html", "application/xhtml+xml", "text/plain"}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
MAX_URL_LENGTH = 2000
CHUNK = 64 * 1024
# Networks that are not the public internet but that Python's ipaddress does not flag everywhere
# (is_global differs between 3.10 and 3.13): shared address space (carrier-grade NAT), the
# benchmarking range, IPv4 "this network", IPv6 unique local and discard-only addresses.
NOT_PUBLIC_NETWORKS = tuple(
    ipaddress.ip_network(network)
    for network in (
        "0.0.0.0/8",
        "100.64.0.0/10",
        "192.0.0.0/24",
        "198.18.0.0/15",
        "fc00::/7",
        "100::/64",
        "64:ff9b:1::/48",
    )
)
TOO_LONG = "try again later, or save the page from your browser and upload the file"
UPLOAD_INSTEAD = "save the page from your browser and upload the file, or paste the article's text"


@dataclass(frozen=True)
class FetchedPage:
    """A page as the server sent it: where it was asked for and where it was read after
    redirects, its status, its media type and declared charset (lower case; "" and None when the
    server gave none) and its body, decompressed, at most CLAIMTRACK_INTAKE_MAX_BYTES."""

    requested_url: str
    final_url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes

    def text(self) -> str:
        """The body decoded: the charset the server declared, else the page's own <meta>, else a
        guess; never fails on bad bytes."""
        from .extraction import decode_bytes

        return decode_bytes(self.body, declared_charset=self.charset)


@dataclass(frozen=True)
class _Target:
    url: str
    scheme: str
    host: str  # ASCII (IDNA), without brackets
    port: int
    path: str  # path and query, percent-encoded


def fetch_page(url: str) -> FetchedPage:
    """Fetch `url` (http or https), following at most CLAIMTRACK_INTAKE_MAX_REDIRECTS redirects,
    within CLAIMTRACK_INTAKE_FETCH_TIMEOUT seconds in all, reading at most
    CLAIMTRACK_INTAKE_MAX_BYTES. Raises IntakeError saying what went wrong and what to do."""
    timeout = settings.CLAIMTRACK_INTAKE_FETCH_TIMEOUT
    max_redirects = settings.CLAIMTRACK_INTAKE_MAX_REDIRECTS
    deadline = time.monotonic() + timeout
    current, previous = url, None
    # Cookies a site sets while redirecting (a consent or a "cookies work?" check) go back to it,
    # or it redirects for ever; they live for this one fetch.
    cookies: dict[str, dict[str, str]] = {}
    for _hop in range(max_redirects + 1):
        target = _parse(current, redirected_from=previous)
        addresses = _checked_addresses(target, deadline, timeout, redirected_from=previous)
        jar = cookies.setdefault(target.host, {})
        status, headers, body = _request(target, addresses, deadline, timeout, cookies=jar)
        _keep_cookies(jar, headers)
        if status in REDIRECT_STATUSES:
            location = headers.get("Location", "").strip()
            if not location:
                raise IntakeError(
                    f"{target.host} answered HTTP {status} (a redirect) for {target.url} without saying where to; "
                    f"{UPLOAD_INSTEAD}."
                )
            previous, current = target.url, urljoin(target.url, location)
            continue
        return _page(url, target, status, headers, body)
    raise IntakeError(
        f"{url} redirects more than {max_redirects} times (last to {current}); open it in a browser, "
        f"then paste the address it ends at, or {UPLOAD_INSTEAD}."
    )


def _parse(url: str, *, redirected_from: str | None) -> _Target:
    where = f" (where {redirected_from} redirects)" if redirected_from else ""
    text = (url or "").strip()
    if not text:
        raise IntakeError("No URL given: paste the address of the article's page (https://…).")
    shown = text[:200] + ("…" if len(text) > 200 else "")
    if len(text) > MAX_URL_LENGTH:
        raise IntakeError(f"The URL is {len(text):,} characters long; the limit is {MAX_URL_LENGTH:,}.")
    if re.search(r"[\x00-\x20\x7f]", text):
        raise IntakeError(
            f"The URL {shown!r}{where} contains spaces or invisible characters: copy the address from the browser's "
            "address bar again."
        )
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as error:
        raise IntakeError(f"{shown}{where} is not a valid URL ({error}): paste the full address, https://…") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        what = f"a {scheme}: address" if scheme else "not a web address"
        raise IntakeError(
            f"{shown}{where} is {what}; ClaimTrack fetches only web pages (http:// or https://). "
            "For a file on your computer, upload it instead."
        )
    if parts.username is not None or parts.password is not None:
        raise IntakeError(
            f"The URL{where} contains a user name or password (before an @); remove it, or {UPLOAD_INSTEAD}."
        )
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise IntakeError(f"{shown}{where} has no host name: paste the full address, https://example.org/…")
    try:
        ipaddress.ip_address(host)
    except ValueError:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise IntakeError(f"{shown}{where} has a host name that is not valid ({host!r}).") from None
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        path += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    return _Target(url=text, scheme=scheme, host=host, port=port or (443 if scheme == "https" else 80), path=path)


def address_problem(address: str) -> str | None:
    """Why ClaimTrack must not connect to `address` (an IP address as text) when private
    addresses are not allowed: "a loopback address"..., or None for a public address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        # An IPv4 address written as IPv6 (::ffff:127.0.0.1, 2002:7f00:1::, Teredo) reaches the IPv4 one.
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None and (problem := address_problem(str(embedded))):
            return problem
    for flag, kind in (
        ("is_unspecified", "an unspecified address (this machine)"),
        ("is_loopback", "a loopback address (this machine)"),
        ("is_link_local", "a link-local address (the local network, or a cloud's metadata service)"),
        ("is_multicast", "a multicast address"),
        ("is_private", "a private network address"),
        ("is_reserved", "a reserved address"),
    ):
        if getattr(ip, flag):
            return kind
    if any(ip in network for network in NOT_PUBLIC_NETWORKS if network.version == ip.version):
        return "a private network address"
    if not ip.is_global:
        return "an address that is not on the public internet"
    return None


def _checked_addresses(target: _Target, deadline: float, timeout: int, *, redirected_from: str | None) -> list[str]:
    """The addresses the name resolves to that may be connected to, in the resolver's order."""
    addresses = _resolve(target, deadline, timeout)
    if settings.CLAIMTRACK_INTAKE_ALLOW_PRIVATE_ADDRESSES:
        return addresses
    problems = [(address, address_problem(address)) for address in addresses]
    allowed = [address for address, problem in problems if problem is None]
    if allowed:
        return allowed
    address, problem = problems[0]
    named = target.host if target.host == address else f"{target.host} (which is {address})"
    raise IntakeError(
        f"ClaimTrack does not fetch pages from private or local networks: {named} is {problem}"
        f"{f' ({redirected_from} redirects there)' if redirected_from else ''}. "
        f"Use the article's public address, or {UPLOAD_INSTEAD}. (Administrators of an installation that must "
        "read pages on its own network can set CLAIMTRACK_INTAKE_ALLOW_PRIVATE_ADDRESSES=true.)"
    )


def _resolve(target: _Target, deadline: float, timeout: int) -> list[str]:
    """Resolve the host in a thread, so that a DNS server that does not answer is cut at the deadline."""
    result: dict = {}

    def lookup():
        try:
            result["infos"] = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as error:
            result["error"] = error

    thread = threading.Thread(target=lookup, daemon=True, name="intake-dns")
    thread.start()
    thread.join(max(deadline - time.monotonic(), 0))
    if thread.is_alive():
        raise IntakeError(f"Looking up {target.host} did not finish within {_seconds(timeout)}; {TOO_LONG}.")
    if "error" in result or not result.get("infos"):
        raise IntakeError(
            f"The site {target.host} could not be found (no such name in DNS): check the spelling of the URL, "
            "or try again later if the site is new or your network is down."
        )
    addresses = []
    for _family, _type, _proto, _name, sockaddr in result["infos"]:
        if sockaddr[0] not in addresses:
            addresses.append(sockaddr[0])
    return addresses


def _connect(addresses: list[str], port: int, deadline: float) -> socket.socket:
    """A connection to the first of `addresses` that accepts one (a host with an IPv6 address
    this machine cannot reach is reached over IPv4), each given its share of the time left."""
    for position, address in enumerate(addresses):
        share = (deadline - time.monotonic()) / (len(addresses) - position)
        try:
            return socket.create_connection((address, port), timeout=max(share, 0.001))
        except OSError:
            if position == len(addresses) - 1:
                raise
    raise TimeoutError  # no address at all: _resolve never gives none


def _keep_cookies(jar: dict[str, str], headers: Message) -> None:
    for header in headers.get_all("Set-Cookie") or ():
        pair = header.split(";", 1)[0]
        name, equals, value = pair.partition("=")
        if equals and name.strip() and len(jar) < 50:
            jar[name.strip()] = value.strip()


def _request(target: _Target, addresses: list[str], deadline: float, timeout: int, *, cookies: dict[str, str]):
    """One GET to one of `addresses`, the name in Host and TLS; (status, headers, body). The
    body is read only for a page that will be used (not for a redirect or an error)."""
    timed_out = threading.Event()
    sock = None

    def cut():
        timed_out.set()
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise IntakeError(f"{target.host} did not answer within {_seconds(timeout)}; {TOO_LONG}.")
    watchdog = threading.Timer(remaining, cut)
    watchdog.daemon = True
    try:
        try:
            sock = _connect(addresses, target.port, deadline)
            watchdog.start()
            if target.scheme == "https":
                context = ssl.create_default_context()
                sock = context.wrap_socket(sock, server_hostname=target.host)
                connection = http.client.HTTPSConnection(target.host, target.port, context=context)
            else:
                connection = http.client.HTTPConnection(target.host, target.port)
            connection.sock = sock  # already connected, to the checked address
            request_headers = {
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8",
                "Accept-Encoding": "gzip, deflate",
                "Connection": "close",
            }
            if cookies:
                request_headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
            connection.request("GET", target.path, headers=request_headers)
            response = connection.getresponse()
            headers = response.msg
            status = response.status
            if status in REDIRECT_STATUSES or not 200 <= status < 300:
                return status, headers, b""
            _check_type(target, headers)
            body = _read_body(target, response, headers)
            if timed_out.is_set():  # the watchdog closed the socket: what was read is a part
                raise TimeoutError
            return status, headers, body
        except IntakeError:
            raise
        except (OSError, http.client.HTTPException, ValueError) as error:
            if timed_out.is_set() or isinstance(error, TimeoutError | socket.timeout):
                raise IntakeError(f"{target.host} did not answer within {_seconds(timeout)}; {TOO_LONG}.") from None
            raise _connection_error(target, error) from None
    finally:
        watchdog.cancel()
        if sock is not None:
            sock.close()


def _connection_error(target: _Target, error: Exception) -> IntakeError:
    host = target.host
    if isinstance(error, ssl.SSLCertVerificationError):
        return IntakeError(
            f"The secure connection to {host} failed: its certificate is not valid ({error.verify_message}). "
            f"The address may be mistyped or the site misconfigured; {UPLOAD_INSTEAD}."
        )
    if isinstance(error, ssl.SSLError):
        return IntakeError(
            f"The secure connection (TLS) to {host} failed ({error.reason or error}); check that the URL is right "
            f"(http:// or https://), or {UPLOAD_INSTEAD}."
        )
    if isinstance(error, ConnectionRefusedError):
        return IntakeError(
            f"{host} refused the connection on port {target.port}: the site may be down, or the address wrong; "
            "check the URL, or try again later."
        )
    if isinstance(error, http.client.HTTPException | ValueError):
        return IntakeError(
            f"{host} answered with something that is not a valid web page response ({type(error).__name__}); "
            f"{UPLOAD_INSTEAD}."
        )
    return IntakeError(
        f"The connection to {host} failed ({error.strerror or error}); check the URL, or try again later."
    )


def _check_type(target: _Target, headers: Message) -> None:
    declared = headers.get("Content-Type")
    if declared is None:
        return  # no type given: what the body looks like decides (extraction sniffs it)
    content_type = headers.get_content_type()
    if content_type not in ACCEPTED_CONTENT_TYPES:
        raise IntakeError(
            f"{target.url} is not a web page but {_describe_type(content_type)} ({content_type}). "
            "ClaimTrack reads HTML pages and plain text: open it, then paste the article's text, or upload the "
            "page saved as HTML."
        )


def _describe_type(content_type: str) -> str:
    if content_type == "application/pdf":
        return "a PDF document"
    if content_type.startswith("image/"):
        return "an image"
    if content_type.startswith(("video/", "audio/")):
        return "a video or sound file"
    if content_type in ("application/json", "application/ld+json") or content_type.endswith("+json"):
        return "JSON data"
    if content_type in ("application/xml", "text/xml") or content_type.endswith("+xml"):
        return "XML data (a feed or a data file)"
    if content_type in ("application/zip", "application/gzip", "application/x-tar", "application/x-7z-compressed"):
        return "an archive"
    if "word" in content_type or "officedocument" in content_type or "opendocument" in content_type:
        return "an office document"
    return "a file of another kind"


def _read_body(target: _Target, response: http.client.HTTPResponse, headers: Message) -> bytes:
    limit = settings.CLAIMTRACK_INTAKE_MAX_BYTES
    too_large = IntakeError(
        f"The page at {target.url} is larger than {_size(limit)}, the most ClaimTrack reads "
        f"(CLAIMTRACK_INTAKE_MAX_BYTES): it is probably not one article. Paste the article's text instead."
    )
    length = headers.get("Content-Length", "").strip()
    if length.isdigit() and int(length) > limit:
        raise too_large  # said so before reading a byte
    encoding = headers.get("Content-Encoding", "").strip().lower()
    if encoding in ("", "identity"):
        decompressor = None
    elif encoding in ("gzip", "x-gzip", "deflate"):
        # 47: a zlib or gzip header, detected; a page compressed a thousandfold (a "bomb") is cut
        # at the limit like any other.
        decompressor = zlib.decompressobj(47)
    else:
        raise IntakeError(
            f"{target.host} sent the page compressed as {encoding!r}, which ClaimTrack cannot read; {UPLOAD_INSTEAD}."
        )
    body = bytearray()
    while True:
        chunk = response.read1(CHUNK)
        if not chunk:
            break
        if decompressor is not None:
            try:
                chunk = decompressor.decompress(chunk, limit + 1 - len(body))
            except zlib.error:
                raise IntakeError(
                    f"{target.host} sent a page whose compression is damaged; try again later, or {UPLOAD_INSTEAD}."
                ) from None
            if decompressor.unconsumed_tail:
                raise too_large
        body += chunk
        if len(body) > limit:
            raise too_large
    if response.length:  # the server promised more than it sent (cut at the deadline, or dropped)
        raise http.client.IncompleteRead(bytes(body), response.length)
    return bytes(body)


def _seconds(count: int) -> str:
    return "1 second" if count == 1 else f"{count} seconds"


def _size(count: int) -> str:
    if count >= 1_000_000:
        return f"{count / 1_000_000:g} MB"
    if count >= 1_000:
        return f"{count / 1_000:g} kB"
    return f"{count} bytes"


def _page(requested: str, target: _Target, status: int, headers: Message, body: bytes) -> FetchedPage:
    if status in (404, 410):
        raise IntakeError(
            f"The page {target.url} was not found (HTTP {status}): check the URL, it may have been moved or removed; "
            "an archived copy (web.archive.org) may still have it."
        )
    if status in (401, 403):
        raise IntakeError(
            f"{target.host} refused to give the page {target.url} (HTTP {status}): it may need a login or a "
            f"subscription, or refuse automatic readers; {UPLOAD_INSTEAD}."
        )
    if status == 429:
        raise IntakeError(
            f"{target.host} says it has had too many requests (HTTP 429); try again in a few minutes, or "
            f"{UPLOAD_INSTEAD}."
        )
    if status >= 500:
        raise IntakeError(
            f"{target.host} had a server error (HTTP {status}) and sent no page; try again later, or {UPLOAD_INSTEAD}."
        )
    if status not in (200, 203):
        raise IntakeError(
            f"{target.host} answered HTTP {status} for {target.url}, not a page; check the URL, or {UPLOAD_INSTEAD}."
        )
    declared = headers.get("Content-Type")
    return FetchedPage(
        requested_url=requested,
        final_url=target.url,
        status=status,
        content_type=headers.get_content_type() if declared else "",
        charset=headers.get_content_charset() if declared else None,
        body=body,
    )
