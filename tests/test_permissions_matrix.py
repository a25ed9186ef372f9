"""Every API endpoint × every method × every role: the status each gets, and that no response
to a reader who may not see verification work contains any of it."""

import pytest
from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from apps.accounts.roles import EDITORS, FACT_CHECKERS
from apps.verification.models import Evidence
from tests.factories import (
    default_rating,
    make_publisher,
    make_quotation,
    make_source,
    make_speaker,
    make_statement,
    make_topic,
    make_user,
)
from tests.shared_rows import module_rows
from tests.workflow import published, worked_on

pytestmark = pytest.mark.django_db

SECRETS = ("SECRET-SUMMARY-7731", "SECRET-EVIDENCE-7731", "SECRET-EXPLANATION-7731")
ROLES = ("anonymous", "no_permissions", "fact_checker", "editor", "superuser")


@pytest.fixture(scope="module")
def shared(django_db_setup, django_db_blocker):
    """The records and users every test of this module starts from, made once for the module
    (tests/shared_rows.py: each test still runs in its own savepoint, rolled back after it)."""
    with module_rows(django_db_blocker):
        editor = make_user("editor-in-test", group=EDITORS)
        fact_checker = make_user("factchecker-in-test", group=FACT_CHECKERS)
        done = make_statement(text="Published and public.")
        published(done, fact_checker, editor)
        draft = make_statement(text="Still being checked.")
        make_quotation(statement=draft)
        verification = worked_on(draft, fact_checker)
        verification.summary, verification.explanation = SECRETS[0], SECRETS[2]
        verification.save()
        Evidence.objects.filter(verification=verification).update(note=SECRETS[1])
        world = {
            "done": done,
            "draft": draft,
            "speaker": make_speaker(),
            "source": make_source(),
            "publisher": make_publisher(),
            "topic": make_topic(),
            "quotation": make_quotation(statement=done),
            "scale": default_rating().scale,
        }
        superuser = get_user_model().objects.create_superuser("root-in-test", "root@example.org", "pw-for-tests-only")
        nobody = get_user_model().objects.create_user("nobody-in-test", password="pw-for-tests-only")
        tokens = {
            role: Token.objects.create(user=user).key
            for role, user in (
                ("no_permissions", nobody),
                ("fact_checker", fact_checker),
                ("editor", editor),
                ("superuser", superuser),
            )
        }
        yield {"world": world, "tokens": tokens, "editor": editor, "fact_checker": fact_checker}


@pytest.fixture
def editor(shared):
    return shared["editor"]


@pytest.fixture
def fact_checker(shared):
    return shared["fact_checker"]


@pytest.fixture
def world(shared):
    """A published statement, and one whose verification is work in progress full of secrets."""
    return shared["world"]


@pytest.fixture
def clients(shared):
    """A fresh API client per role (no cookie kept from another test), with the role's token."""
    clients = {"anonymous": APIClient()}
    for role, key in shared["tokens"].items():
        clients[role] = APIClient()
        clients[role].credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return clients


# The expected status for each role, in the order of ROLES:
# anonymous, token without permissions, fact-checker, editor, superuser.
EVERYONE = (200, 200, 200, 200, 200)
NOBODY_FINDS_IT = (404, 404, 404, 404, 404)
CURATED = {  # editors curate; fact-checkers read; a token without permissions reads
    "post": (401, 403, 403, 400, 400),  # the editors' empty body is refused as invalid, not as forbidden
    "put": (401, 403, 403, 400, 400),
    "patch": (401, 403, 403, 200, 200),
    "delete": (401, 403, 403, 204, 204),
}
REFERENCE = {  # rating scales: superusers only
    "post": (401, 403, 403, 403, 400),
    "put": (401, 403, 403, 403, 400),
    "patch": (401, 403, 403, 403, 200),
    "delete": (401, 403, 403, 403, 409),  # its ratings are in use
}
CURATED_KINDS = ("publisher", "source", "speaker", "topic", "quotation")
PLURAL = {"publisher": "publishers", "source": "sources", "speaker": "speakers", "topic": "topics"}


def matrix():
    rows = []
    for collection in ("claimreviews", "publishers", "quotations", "rating-scales", "sources", "speakers", "topics"):
        rows.append(("get", f"/api/v1/{collection}/", EVERYONE))
    rows += [
        ("get", "/api/v1/statements/", EVERYONE),
        ("get", "/api/v1/statements/?format=csv", EVERYONE),
        ("get", "/api/v1/statements/?status=in_progress", EVERYONE),
        ("get", "/api/v1/statements/?search=checked", EVERYONE),
        ("get", "/api/v1/claims:search?query=checked", EVERYONE),
        ("get", "/api/v1/claimreviews/{done}/", EVERYONE),
        ("get", "/api/v1/claimreviews/{draft}/", NOBODY_FINDS_IT),
    ]
    for kind in CURATED_KINDS:
        collection = PLURAL.get(kind, f"{kind}s")
        rows.append(("post", f"/api/v1/{collection}/", CURATED["post"]))
        rows.append(("get", f"/api/v1/{collection}/{{{kind}}}/", EVERYONE))
        rows += [
            (method, f"/api/v1/{collection}/{{{kind}}}/", CURATED[method]) for method in ("put", "patch", "delete")
        ]
    rows.append(("post", "/api/v1/statements/", CURATED["post"]))
    rows.append(("post", "/api/v1/rating-scales/", REFERENCE["post"]))
    rows.append(("get", "/api/v1/rating-scales/{scale}/", EVERYONE))
    rows += [(method, "/api/v1/rating-scales/{scale}/", REFERENCE[method]) for method in ("put", "patch", "delete")]
    for name in ("done", "draft"):
        base = f"/api/v1/statements/{{{name}}}"
        rows += [
            ("get", f"{base}/", EVERYONE),
            ("put", f"{base}/", CURATED["put"]),
            ("patch", f"{base}/", CURATED["patch"]),
            ("get", f"{base}/history/", EVERYONE),
            ("get", f"{base}/similar/", EVERYONE),
        ]
    rows += [
        # A published verdict cannot be deleted with its statement; work in progress can.
        ("delete", "/api/v1/statements/{done}/", (401, 403, 403, 409, 409)),
        ("delete", "/api/v1/statements/{draft}/", CURATED["delete"]),
        ("get", "/api/v1/statements/{done}/claimreview/", EVERYONE),
        ("get", "/api/v1/statements/{draft}/claimreview/", NOBODY_FINDS_IT),
        # The verification: public once published, otherwise for those who may see the work.
        ("get", "/api/v1/statements/{done}/verification/", EVERYONE),
        ("get", "/api/v1/statements/{draft}/verification/", (404, 404, 200, 200, 200)),
        ("patch", "/api/v1/statements/{done}/verification/", (401, 403, 409, 409, 409)),  # reopen it first
        ("patch", "/api/v1/statements/{draft}/verification/", (401, 403, 200, 200, 200)),
        # The moves: a user who may never make a move is told so (403) before its state is looked at.
        ("post", "/api/v1/statements/{done}/verification/assign/", (401, 403, 409, 409, 409)),
        ("post", "/api/v1/statements/{draft}/verification/assign/", (401, 403, 409, 409, 409)),  # already assigned
        ("post", "/api/v1/statements/{done}/verification/submit/", (401, 403, 409, 409, 409)),
        ("post", "/api/v1/statements/{draft}/verification/submit/", (401, 403, 200, 200, 200)),
        ("post", "/api/v1/statements/{done}/verification/return/", (401, 403, 403, 409, 409)),
        ("post", "/api/v1/statements/{draft}/verification/return/", (401, 403, 403, 409, 409)),
        ("post", "/api/v1/statements/{done}/verification/publish/", (401, 403, 403, 409, 409)),
        ("post", "/api/v1/statements/{draft}/verification/publish/", (401, 403, 403, 409, 409)),
        ("post", "/api/v1/statements/{done}/verification/reopen/", (401, 403, 403, 200, 200)),
        ("post", "/api/v1/statements/{draft}/verification/reopen/", (401, 403, 403, 409, 409)),
    ]
    return [
        pytest.param(method, url, role, expected[i], id=f"{method.upper()} {url} as {role}")
        for method, url, expected in rows
        for i, role in enumerate(ROLES)
    ]


def body_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode()


@pytest.mark.parametrize("method,url,role,expected", matrix())
def test_every_endpoint_method_and_role(world, clients, method, url, role, expected):
    from apps.api.common.conditional import etag

    statement = world["done"] if "{done}" in url else world["draft"]
    url = url.format(**{name: getattr(obj, "pk", obj) for name, obj in world.items()})
    client = clients[role]
    if method == "get":
        response = client.get(url)
    else:
        headers = {"HTTP_IF_MATCH": etag(statement.verification)} if "/verification/" in url else {}
        body = {"reason": "Because the record shows otherwise."} if url.endswith(("return/", "reopen/")) else {}
        response = getattr(client, method)(url, body, format="json", **headers)
    assert response.status_code == expected, body_of(response)[:300]
    if role in ("anonymous", "no_permissions"):
        leaked = [secret for secret in SECRETS if secret in body_of(response)]
        assert not leaked, f"{url} shows unpublished verification work: {leaked}"


# The admin: what a fact-checker may reach. It edits verifications and their evidence on the
# verification's page, reads the rest, adds no record of its own and deletes nothing; an
# editor's add pages for the curated records open. (Evidence has no add page: it is written on
# its verification's page, where the workflow rules apply.)
ADMIN_MODELS = [
    ("sources", "publisher"),
    ("sources", "source"),
    ("sources", "correction"),
    ("speakers", "speaker"),
    ("claims", "topic"),
    ("claims", "statement"),
    ("claims", "quotation"),
    ("verification", "verification"),
    ("verification", "evidence"),
    ("verification", "ratingscale"),
    ("verification", "rating"),
    ("auth", "user"),
    ("auth", "group"),
    ("axes", "accessattempt"),
]
EDITOR_MAY_ADD = {(app, model) for app, model in ADMIN_MODELS if app in ("sources", "speakers", "claims")}


@pytest.mark.parametrize("app,model", ADMIN_MODELS)
def test_in_the_admin_a_fact_checker_adds_nothing_and_deletes_nothing(client, fact_checker, world, app, model):
    from django.apps import apps as django_apps
    from django.urls import reverse

    record = django_apps.get_model(app, model).objects.first()
    client.force_login(fact_checker)
    add = client.get(reverse(f"admin:{app}_{model}_add"))
    assert add.status_code == 403
    if record is not None:
        assert client.get(reverse(f"admin:{app}_{model}_delete", args=[record.pk])).status_code == 403
        assert client.post(reverse(f"admin:{app}_{model}_delete", args=[record.pk]), {"post": "yes"}).status_code == 403
        assert type(record).objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("app,model", sorted(EDITOR_MAY_ADD))
def test_in_the_admin_an_editor_opens_the_add_pages_of_what_the_desk_curates(client, editor, app, model):
    from django.urls import reverse

    client.force_login(editor)
    assert client.get(reverse(f"admin:{app}_{model}_add")).status_code == 200
