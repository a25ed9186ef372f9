"""The fact-checking workflow. Every change of a verification's status goes through one of the
transition services below, whoever asks (admin action, API, management command): each checks
that the move is allowed from the current status, that its conditions hold and that the user
may make it, then writes the change and its history row in one transaction, or refuses with
a message that says why. Editing the verdict goes through `verification_update`.

Two pairs of eyes: everyone who changes the verdict, attribution, summary, explanation or
evidence is recorded as one of its writers until it is published, and none of them may publish
it (`verification_publish_check`)."""

import hashlib
import json
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from apps.claims.models import Statement, StatementMatchRejection
from apps.claims.services import statement_match_permitted
from apps.core.models import invisible_character_problem
from apps.core.services import (
    ActionRefused,
    EditConflict,
    history_note,
    locked_row,
    model_delete,
    model_save,
    version_check,
)

from . import notifications
from .choices import EDITABLE_STATES, REVIEWED_CLAIM_STATES, TRANSITIONS, Transition, VerificationStatus
from .claimreview import claimreview
from .models import Evidence, Verification, VerificationNote
from .querysets import public_q, sees_work
from .selectors import fact_checker_candidates, publish_candidates, statement_list

CHANGE_PERMISSION = "verification.change_verification"
ASSIGN_PERMISSION = "verification.assign_verification"
PUBLISH_PERMISSION = "verification.publish_verification"
# Fields of a verification that `verification_update` may change.
EDITABLE_FIELDS = ("rating", "attribution", "summary", "explanation")


class TransitionRefused(ActionRefused):
    """A workflow move that is not allowed now; the message says why and what to do."""


def verification_assign(
    *, statement: Statement, user, fact_checker=None, expected_version: int | None = None
) -> Verification:
    """Take a statement into progress, assigned to `fact_checker`, or to the user when None
    ("assign to me"). Naming someone else, or taking over someone's work, needs the permission
    to assign (editors); "assign to me" never takes work out of someone else's hands."""
    with transaction.atomic():
        verification_move_permitted(user=user, transition=Transition.ASSIGN)
        verification = _locked(statement=statement, expected_version=expected_version, user=user)
        assignee = fact_checker or user
        holder = verification.fact_checker
        if holder is not None and holder != assignee and fact_checker is None:
            raise TransitionRefused(
                f"It is assigned to {holder.get_username()}. An editor can reassign it with “Assign to a fact-checker…”."
            )
        if assignee != user or (holder is not None and holder != user):
            _require(user, ASSIGN_PERMISSION, "assign statements to other fact-checkers")
        _check_can_work(assignee)
        _check_from(verification, Transition.ASSIGN)
        if holder == assignee and verification.status == VerificationStatus.IN_PROGRESS:
            raise TransitionRefused(f"It is already assigned to {assignee.get_username()}.")
        verification.fact_checker = assignee
        return _move(verification, Transition.ASSIGN, user=user, reason=f"Assigned to {assignee.get_username()}")


def verification_submit(*, verification: Verification, user, expected_version: int | None = None) -> Verification:
    """Send the work to review: it needs a verdict, a summary and at least one piece of evidence."""
    with transaction.atomic():
        verification = _locked(verification=verification, expected_version=expected_version)
        verification_move_permitted(user=user, transition=Transition.SUBMIT)
        verification_work_permitted(verification=verification, user=user)
        _check_from(verification, Transition.SUBMIT)
        _check_complete(verification, Transition.SUBMIT)
        return _move(verification, Transition.SUBMIT, user=user)


def verification_return(
    *, verification: Verification, user, reason: str, expected_version: int | None = None
) -> Verification:
    """Send work in review back to the fact-checker, saying what is to be done."""
    with transaction.atomic():
        verification = _locked(verification=verification, expected_version=expected_version)
        verification_move_permitted(user=user, transition=Transition.RETURN)
        _check_from(verification, Transition.RETURN)
        return _move(verification, Transition.RETURN, user=user, reason=_required_reason(reason, "sending it back"))


def verification_publish(*, verification: Verification, user, expected_version: int | None = None) -> Verification:
    """Publish a reviewed verdict (see `verification_publish_check` for who may). Stamps the
    first publication date; a republished verdict keeps it. Its ClaimReview's dateModified
    (`review_modified_at`) is now. The list of writers starts afresh."""
    with transaction.atomic():
        verification = _locked(verification=verification, expected_version=expected_version)
        self_published = verification_publish_check(verification=verification, user=user)
        verification.reviewer = user
        verification.published_at = verification.published_at or timezone.now()
        _move(verification, Transition.PUBLISH, user=user, reason=SELF_PUBLISHED_REASON if self_published else "")
        verification.writers.clear()
        # Its ClaimReview's dateModified is now, and what it shows is recorded.
        claimreviews_refresh(statements=Statement.objects.filter(pk=verification.statement_id), modified=True)
        verification.refresh_from_db(fields=["review_digest", "review_modified_at"])
        return verification


SELF_PUBLISHED_REASON = "Self-published: published by one of its writers (CLAIMTRACK_SELF_PUBLISH_ALLOWED is on)"


def verification_publish_check(*, verification: Verification, user) -> bool:
    """Refuse (PermissionDenied, TransitionRefused) unless `user` may publish `verification` now:
    it is in review and complete, the user has the publish permission and wrote none of it since
    it was last published. On a one-person desk (CLAIMTRACK_SELF_PUBLISH_ALLOWED) a writer may
    publish: returns True then, and the history says it was self-published."""
    verification_move_permitted(user=user, transition=Transition.PUBLISH)
    _check_from(verification, Transition.PUBLISH)
    _check_complete(verification, Transition.PUBLISH)
    writers = list(verification.writers.order_by("username"))
    if user not in writers:
        return False
    if settings.CLAIMTRACK_SELF_PUBLISH_ALLOWED:
        return True
    names = _and([writer.get_username() for writer in writers])
    others = [candidate.get_username() for candidate in publish_candidates().exclude(pk__in=[w.pk for w in writers])]
    who = (
        f"Someone else with the publish permission must review and publish it: {_and(others)}."
        if others
        else "Nobody else has the publish permission: an administrator can give it to a second editor (a "
        "one-person desk can set CLAIMTRACK_SELF_PUBLISH_ALLOWED=true instead)."
    )
    wrote = "You wrote" if len(writers) == 1 else f"{names} wrote"
    raise TransitionRefused(
        f"{wrote} this verdict since it was last published (verdict, attribution, summary, explanation or "
        f"evidence), so {'you' if len(writers) == 1 else 'none of you'} may publish it: two pairs of eyes. {who}"
    )


def verification_reopen(
    *, verification: Verification, user, reason: str, expected_version: int | None = None
) -> Verification:
    """Take a published verdict back into progress to correct it. The published version stays
    in the history; the verdict is public again once it is republished."""
    with transaction.atomic():
        verification = _locked(verification=verification, expected_version=expected_version)
        verification_move_permitted(user=user, transition=Transition.REOPEN)
        _check_from(verification, Transition.REOPEN)
        return _move(
            verification, Transition.REOPEN, user=user, reason=_required_reason(reason, "reopening a published verdict")
        )


def verification_update(
    *,
    verification: Verification,
    user,
    fields: dict,
    evidence: list[dict] | None = None,
    expected_version: int | None = None,
    reason: str = "",
) -> Verification:
    """Change the verdict, attribution, summary or explanation, and replace the evidence list
    when `evidence` is given (each item: url, source, note; numbered in order). Only while the
    work is in progress or in review, by its fact-checker or an editor; the status itself
    changes only through the transitions. Whoever changes anything becomes one of its writers.
    Nothing is written when nothing changes."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError({name: "This is not changed here." for name in sorted(unknown)})
    with transaction.atomic():
        verification = _locked(verification=verification, expected_version=expected_version)
        verification_edit_permitted(user=user)
        verification_work_permitted(verification=verification, user=user)
        check_editable(verification)
        changed = {name for name, value in fields.items() if getattr(verification, name) != value}
        evidence_changed = evidence is not None and _evidence_items(verification.evidence.all()) != _evidence_items(
            evidence
        )
        if not changed and not evidence_changed:
            return verification
        for name in changed:
            setattr(verification, name, fields[name])
        verification.full_clean()
        if reason and (problem := invisible_character_problem(reason)):
            raise ValidationError({"reason": problem})
        history_note(verification, user=user, reason=reason)
        verification.save()
        if evidence_changed:
            _replace_evidence(verification, evidence, user=user)
        verification.writers.add(user)
        return verification


def verification_move(
    *,
    statement: Statement,
    user,
    move: Transition | str,
    reason: str = "",
    fact_checker=None,
    expected_version: int | None = None,
) -> Verification:
    """Make one workflow move on a statement, by name: for admin actions and commands that
    offer every move in one place."""
    move = Transition(move)
    if move == Transition.ASSIGN:
        return verification_assign(
            statement=statement, user=user, fact_checker=fact_checker, expected_version=expected_version
        )
    verification = Verification.objects.filter(statement=statement).first()
    if verification is None:
        raise TransitionRefused("Nobody is working on this statement yet: assign it to a fact-checker first.")
    common = {"verification": verification, "user": user, "expected_version": expected_version}
    if move in (Transition.RETURN, Transition.REOPEN):
        common["reason"] = reason
    service = {
        Transition.SUBMIT: verification_submit,
        Transition.RETURN: verification_return,
        Transition.PUBLISH: verification_publish,
        Transition.REOPEN: verification_reopen,
    }[move]
    return service(**common)


def check_editable(verification: Verification) -> None:
    """Refuse edits of a verification that is not being worked on."""
    if verification.status == VerificationStatus.PUBLISHED:
        raise TransitionRefused("A published verdict cannot be edited: reopen it first, saying why.")
    if verification.status not in EDITABLE_STATES:
        raise TransitionRefused("Nobody is working on this statement yet: assign it to a fact-checker first.")


def statements_move(
    *,
    statements: Iterable[Statement],
    user,
    move: Transition | str,
    versions: dict[int, int | None] | None = None,
    **options,
) -> tuple[list, list]:
    """The same move on several statements, each on its own (one refusal does not stop the
    others): returns ([statement done], [(statement, why it was refused)]). `versions` maps a
    statement's id to the version of its verification that the user saw (EditConflict when it
    has changed since)."""
    done, refused = [], []
    for statement in statements:
        try:
            verification_move(
                statement=statement,
                user=user,
                move=move,
                expected_version=(versions or {}).get(statement.pk),
                **options,
            )
        except EditConflict as conflict:
            refused.append((statement, conflict.message(move=True)))
        except (TransitionRefused, PermissionDenied, ValidationError) as error:
            refused.append((statement, error_message(error)))
        else:
            done.append(statement)
    return done, refused


def error_message(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)


def _locked(
    *, statement: Statement | None = None, verification: Verification | None = None, expected_version=None, user=None
):
    """The statement's verification, read afresh and locked for the rest of the transaction
    (created, unchecked, when the statement has none yet). The statement's row is locked first,
    always in this order: a change to its words (apps.claims.models.Statement.clean) and a move
    of its verification wait for each other, so words never change under a verdict in review."""
    statement_id = statement.pk if verification is None else verification.statement_id
    Statement._base_manager.select_for_update().filter(pk=statement_id).exists()
    if verification is None:
        verification = Verification.objects.filter(statement=statement).first()
        if verification is None:
            try:
                with transaction.atomic():
                    verification = Verification(statement=statement)
                    history_note(verification, user=user, reason="Verification started")
                    verification.save()
            except IntegrityError:  # created by someone else meanwhile
                verification = Verification.objects.get(statement=statement)
    version_check(instance=verification, expected_version=expected_version)
    verification.refresh_from_db()
    return verification


def verification_move_refusal(
    *, verification: Verification | None, user, transition: Transition, for_someone_else: bool = False
) -> str | None:
    """Why `user` may not make `transition` on `verification` (None: the statement has none yet)
    as things stand, read without changing anything: for a page that asks for a reason or a
    confirmation before the move, so that it says so before anyone types. None when neither the
    user's permissions nor the status stand in the way (the move itself checks everything again).
    `for_someone_else`: an assignment to another fact-checker, which needs the assign permission."""
    try:
        verification_move_permitted(user=user, transition=transition)
        if for_someone_else:
            _require(user, ASSIGN_PERMISSION, "assign statements to other fact-checkers")
        _check_from(verification or Verification(status=VerificationStatus.UNCHECKED), transition)
    except (PermissionDenied, TransitionRefused) as refusal:
        return str(refusal)
    return None


def _check_from(verification: Verification, transition: Transition) -> None:
    sources, _ = TRANSITIONS[transition]
    if verification.status not in sources:
        allowed = " or ".join(f"“{VerificationStatus(state).label.lower()}”" for state in sources)
        hint = {
            VerificationStatus.PUBLISHED: " Reopen it first, saying why.",
            VerificationStatus.UNCHECKED: " Assign it to a fact-checker first.",
        }.get(verification.status, "")
        raise TransitionRefused(
            f"“{transition.label}” needs the statement {allowed}; it is “{verification.get_status_display().lower()}”.{hint}"
        )


def _check_complete(verification: Verification, transition: Transition) -> None:
    missing = []
    if not verification.rating_id:
        missing.append("a verdict")
    if not verification.summary.strip():
        missing.append("a summary")
    if not verification.evidence.exists():
        missing.append("at least one piece of evidence")
    if missing:
        raise TransitionRefused(
            f"“{transition.label}” needs {_and(missing)}: add {'them' if len(missing) > 1 else 'it'} first."
        )


# Moves that put work back into the fact-checker's hands with a reason, and moves after which
# that reason has been dealt with.
SENDS_BACK = (Transition.RETURN, Transition.REOPEN)
CLEARS_SENT_BACK = (Transition.SUBMIT, Transition.PUBLISH)


def _move(verification: Verification, transition: Transition, *, user, reason: str = "") -> Verification:
    _, verification.status = TRANSITIONS[transition]
    verification.status_changed_at = timezone.now()
    if transition in SENDS_BACK:
        verification.sent_back_reason, verification.sent_back_by = reason, user
        verification.sent_back_at, verification.sent_back_move = verification.status_changed_at, transition.value
    elif transition in CLEARS_SENT_BACK:
        verification.sent_back_reason, verification.sent_back_by = "", None
        verification.sent_back_at, verification.sent_back_move = None, ""
    history_note(verification, user=user, reason=reason or transition.label)
    verification.save()
    notifications.move_notify(verification=verification, transition=transition, user=user, reason=reason)
    return verification


# What each move needs before anything else is looked at (its state, its body, its If-Match):
# a user who may not make the move is told so first.
MOVE_PERMISSIONS = {
    Transition.ASSIGN: (CHANGE_PERMISSION, "work on verifications"),
    Transition.SUBMIT: (CHANGE_PERMISSION, "work on verifications"),
    Transition.RETURN: (PUBLISH_PERMISSION, "send work back from review"),
    Transition.PUBLISH: (PUBLISH_PERMISSION, "publish verdicts"),
    Transition.REOPEN: (PUBLISH_PERMISSION, "reopen published verdicts"),
}
EDIT_PERMISSION = (CHANGE_PERMISSION, "edit verifications")


def verification_move_permitted(*, user, transition: Transition) -> None:
    """Raise PermissionDenied, naming the permission, when `user` may never make `transition`."""
    _require(user, *MOVE_PERMISSIONS[transition])


def verification_edit_permitted(*, user) -> None:
    _require(user, *EDIT_PERMISSION)


def may_work_on(*, verification: Verification, user) -> bool:
    """The verdict of work assigned to someone is changed, and sent to review, by that person
    or by an editor (who may assign work); not by another fact-checker."""
    return verification.fact_checker_id == user.pk or user.has_perm(ASSIGN_PERMISSION)


def verification_work_permitted(*, verification: Verification, user) -> None:
    if may_work_on(verification=verification, user=user):
        return
    if verification.fact_checker_id is None:
        raise PermissionDenied(
            "Nobody is assigned to this statement: take it with “Assign to me” first, then change its verdict or "
            "send it to review."
        )
    raise PermissionDenied(
        f"This statement is assigned to {_username(verification.fact_checker)}: only they or an editor may "
        "change its verdict or send it to review. Ask an editor to reassign it to you."
    )


def _require(user, permission: str, what: str) -> None:
    if not user.has_perm(permission):
        raise PermissionDenied(f"You may not {what}: your account lacks the permission “{permission}”.")


def _check_can_work(user) -> None:
    if not fact_checker_candidates().filter(pk=user.pk).exists():
        raise TransitionRefused(
            f"{user.get_username()} cannot work on verifications: choose an active fact-checker or editor."
        )


# As long as the admin's and the API's reason fields take; a longer discussion goes in a note.
REASON_MAX_LENGTH = 1000


def _required_reason(reason: str, what: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise TransitionRefused(f"Give a reason for {what}: it is kept in the history.")
    if problem := invisible_character_problem(reason):
        raise TransitionRefused(f"The reason for {what}: {problem[0].lower()}{problem[1:]}")
    if len(reason) > REASON_MAX_LENGTH:
        raise TransitionRefused(
            f"The reason for {what} is {len(reason):,} characters long: keep it to {REASON_MAX_LENGTH:,} (it is "
            "shown in the queue and the history), and put a longer explanation in a note on the verification."
        )
    return reason


def _evidence_items(items) -> list[tuple]:
    """Evidence (records, or items as `verification_update` takes them) as comparable tuples."""
    values = []
    for item in items:
        if isinstance(item, Evidence):
            values.append((item.url, item.source_id, item.note))
        else:
            source = item.get("source")
            values.append((item.get("url") or "", source.pk if source else None, item.get("note") or ""))
    return values


def _replace_evidence(verification: Verification, items: list[dict], *, user) -> None:
    existing = {evidence.number: evidence for evidence in verification.evidence.all()}
    errors = {}
    for number, item in enumerate(items, start=1):
        evidence = existing.pop(number, None) or Evidence(verification=verification, number=number)
        before = _evidence_items([evidence]) if evidence.pk else None
        evidence.url = item.get("url") or ""
        evidence.source = item.get("source")
        evidence.note = item.get("note") or ""
        try:
            evidence.full_clean()
        except ValidationError as error:
            errors[str(number)] = error.messages
            continue
        if before != _evidence_items([evidence]):
            history_note(evidence, user=user)
            evidence.save()
    if errors:
        raise ValidationError(
            {"evidence": [f"Evidence {number}: {' '.join(messages)}" for number, messages in errors.items()]}
        )
    if existing and not user.has_perm("verification.delete_evidence"):
        raise PermissionDenied("You may not remove evidence: send the whole list, with the evidence already there.")
    for evidence in existing.values():
        history_note(evidence, user=user)
        evidence.delete()


# --- What the published ClaimReviews show ----------------------------------------------------


def claimreview_digest(statement: Statement) -> str:
    """A fingerprint of what the ClaimReview of `statement` (loaded by statement_list) shows,
    leaving out its own dateModified and its URL (which depends on the host asked)."""
    shown = {key: value for key, value in claimreview(statement).items() if key not in ("url", "dateModified")}
    return hashlib.sha256(json.dumps(shown, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def claimreviews_refresh(*, statements: QuerySet[Statement], modified: bool = False) -> int:
    """After a change to anything a ClaimReview shows (the statement, an appearance, a source,
    its publisher, the speaker, a rating's label), bump the dateModified (`review_modified_at`)
    of each published verdict among `statements` whose ClaimReview now shows something else, so
    that `/api/v1/claimreviews/?modified_since=` reports it. `modified=True` bumps them all (a
    publication). Returns how many were bumped."""
    now, bumped = timezone.now(), 0
    for verification, digest in _published_claimreview_digests(statements):
        if modified or digest != verification.review_digest:
            Verification.objects.filter(pk=verification.pk).update(review_digest=digest, review_modified_at=now)
            bumped += 1
    return bumped


def claimreview_digests_fill() -> int:
    """Record what each published ClaimReview shows, for verdicts that were published without it
    (loaded from fixtures or an older export), leaving their dateModified as it is."""
    unrecorded = Statement.objects.filter(public_q("verification__", verdict=True), verification__review_digest="")
    filled = 0
    for verification, digest in _published_claimreview_digests(unrecorded):
        filled += Verification.objects.filter(pk=verification.pk).update(review_digest=digest)
    return filled


def _published_claimreview_digests(statements: QuerySet[Statement]):
    """(verification, digest of its ClaimReview) for the published verdicts among `statements`."""
    if not Statement.objects.filter(public_q("verification__", verdict=True), pk__in=statements.values("pk")).exists():
        return  # none published (most saves): the ClaimReview's query with all it shows is not built
    published = statement_list(user=None).filter(
        public_q("verification__", verdict=True), pk__in=statements.values("pk")
    )
    for statement in published.iterator(chunk_size=500):
        yield statement.verification, claimreview_digest(statement)


def _username(user) -> str:
    return user.get_username() if user else "nobody"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def statement_delete(*, statement: Statement, user=None, expected_version: int | None = None) -> None:
    """Delete a statement, its quotations and its verification; refused while its verdict is
    published, because readers and ClaimReview consumers rely on it. Reopening the verdict
    (with a reason, kept in the history) makes it deletable."""
    with transaction.atomic():
        if Statement.objects.filter(pk=statement.pk, verification__status=VerificationStatus.PUBLISHED).exists():
            raise ActionRefused(
                f"Statement {statement.pk} has a published verdict and cannot be deleted. Reopen the verdict first, "
                "saying why; its publication stays in the history."
            )
        model_delete(instance=statement, expected_version=expected_version, user=user)


# --- Statements under a verdict ----------------------------------------------------------------


def statement_claim_check(*, statement: Statement, changes: dict) -> None:
    """Refuse (ValidationError) a change of the words, speaker or date of a statement whose
    verdict is in review or published (Statement.REVIEWED_FIELDS): they are what the reviewer read
    and what the published ClaimReview says was claimed. They change once the verdict is sent
    back or reopened, with a reason. Call it with the statement's row locked (the moves lock it
    first too, so that a change and a move never cross)."""
    if statement.pk is None:
        return
    status = Verification.objects.filter(statement=statement.pk).values_list("status", flat=True).first()
    if status not in REVIEWED_CLAIM_STATES:
        return
    fields = [Statement._meta.get_field(name) for name in Statement.REVIEWED_FIELDS if name in changes]
    stored = Statement._base_manager.filter(pk=statement.pk).values(*(field.attname for field in fields)).first()
    changed = [
        field.name
        for field in fields
        if getattr(changes[field.name], "pk", changes[field.name]) != stored[field.attname]
    ]
    if not changed:
        return
    if status == VerificationStatus.PUBLISHED:
        why = "its verdict is published: reopen the verdict first, saying why"
    else:
        why = "its verdict is in review: send it back to the fact-checker first, saying why"
    message = f"The words, speaker and date of this statement cannot change while {why}; then change them."
    raise ValidationError({name: message for name in changed})


@transaction.atomic
def statement_save(
    *,
    instance: Statement,
    changes: dict | None = None,
    many_to_many: dict | None = None,
    expected_version: int | None = None,
    user=None,
    reason: str = "",
) -> Statement:
    """Create or change a statement as model_save does, refusing a change of its claim while
    its verdict is in review or published (statement_claim_check)."""
    if instance.pk is not None:
        statement_claim_check(statement=locked_row(instance, expected_version=expected_version), changes=changes or {})
    return model_save(
        instance=instance,
        changes=changes,
        many_to_many=many_to_many,
        expected_version=expected_version,
        user=user,
        reason=reason,
    )


# --- The desk's notes on a verification ----------------------------------------------------------


def verification_note_add(*, verification: Verification, user, text: str) -> VerificationNote:
    """Add a note to the desk's internal thread on `verification`, by `user`. Anyone who may read
    verification work may write one, at any stage (published verdicts included: a correction is
    discussed too). Notes are never edited or deleted: a thread is the honest record of how a
    verdict was reached."""
    verification_note_permitted(user=user)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": "Write the note first: it is empty."})
    if len(text) > VerificationNote.MAX_LENGTH:
        raise ValidationError(
            {
                "text": f"A note has at most {VerificationNote.MAX_LENGTH} characters; this one has {len(text)}. "
                "Shorten it, or split it into several notes."
            }
        )
    with transaction.atomic():
        note = VerificationNote(verification=verification, author=user, text=text)
        note.full_clean()
        history_note(note, user=user)
        note.save()
    return note


def verification_note_permitted(*, user) -> None:
    """Refuse (PermissionDenied) a user who may not take part in the desk's notes: those who may
    not read verification work."""
    if not sees_work(user):
        raise PermissionDenied(
            "You may not write notes on verifications: your account lacks the permission "
            "“verification.view_verification”."
        )


# --- The same remark: two statements confirmed as one ------------------------------------------


@transaction.atomic
def statement_match_confirm(*, statement: Statement, other: Statement, user) -> Statement:
    """A person confirms that `statement` and `other` are the same remark (as the matcher
    suggested, apps.claims.matching): they become one. The older statement (the lower id) stays;
    the newer one's quotations move to it (each move in the quotation's history, with the reason),
    its topics are added, its verification moves with it when only it has one, and the newer
    statement is deleted (its history kept, saying into which statement it was merged). Returns
    the statement kept.

    Refused, with what to do, when the newer statement's verdict is in review or published (what
    readers and the reviewer rely on must not vanish), or when both are being verified (two
    verdicts cannot be one: the desk decides which stands). Nothing is written then."""
    statement_match_permitted(user=user, merge=True)
    if statement.pk == other.pk:
        raise ValidationError(
            {"other": "A statement cannot be the same remark as itself: give another statement's id."}
        )
    ids = sorted((statement.pk, other.pk))
    rows = {row.pk: row for row in Statement._base_manager.select_for_update().filter(pk__in=ids).order_by("pk")}
    missing = [pk for pk in ids if pk not in rows]
    if missing:
        raise ActionRefused(f"Statement {missing[0]} was deleted meanwhile (merged or removed): nothing was changed.")
    keeper, merged = rows[ids[0]], rows[ids[1]]
    verifications = {v.statement_id: v for v in Verification.objects.select_for_update().filter(statement_id__in=ids)}
    kept_verification, merged_verification = verifications.get(keeper.pk), verifications.get(merged.pk)
    if merged_verification is not None and merged_verification.status in REVIEWED_CLAIM_STATES:
        state = "published" if merged_verification.status == VerificationStatus.PUBLISHED else "in review"
        raise ActionRefused(
            f"Statement {merged.pk} (the newer of the two, which merging removes) has a verdict {state}: it cannot "
            f"be merged into statement {keeper.pk}. "
            + (
                "Reopen the verdict first, saying why, then confirm again."
                if state == "published"
                else "Send it back to the fact-checker first, saying why, then confirm again."
            )
        )
    working = [v for v in (kept_verification, merged_verification) if v and v.status != VerificationStatus.UNCHECKED]
    if len(working) == 2:
        raise ActionRefused(
            f"Both statements are being verified (statement {keeper.pk}: {kept_verification.get_status_display()}, "
            f"statement {merged.pk}: {merged_verification.get_status_display()}): merging them would drop one "
            "verification. Decide which stands, then move the other statement's quotations to it by hand and "
            "delete that statement."
        )
    reason = f"Merged: statement {merged.pk} is the same remark as statement {keeper.pk}"
    for quotation in merged.quotations.select_related("source").order_by("pk"):
        duplicate = keeper.quotations.filter(source_id=quotation.source_id).filter(
            Q(char_start=quotation.char_start, char_end=quotation.char_end, char_start__isnull=False)
            | Q(text=quotation.text, context=quotation.context)
        )
        if duplicate.exists():
            history_note(quotation, user=user, reason=f"{reason}; statement {keeper.pk} already quotes this passage")
            quotation.delete()
            continue
        quotation.statement = keeper
        if keeper.quotations.filter(source_id=quotation.source_id, occurrence=quotation.occurrence).exists():
            quotation.occurrence = quotation.next_free_occurrence()
        history_note(quotation, user=user, reason=reason)
        quotation.save(update_fields=["statement", "occurrence", "version", "updated_at"])
    keeper.topics.add(*merged.topics.all())
    if merged_verification is not None and merged_verification.status != VerificationStatus.UNCHECKED:
        if kept_verification is not None:
            history_note(kept_verification, user=user, reason=reason)
            kept_verification.delete()  # unchecked: nothing done yet
        merged_verification.statement = keeper
        history_note(merged_verification, user=user, reason=reason)
        merged_verification.save(update_fields=["statement", "version", "updated_at"])
    StatementMatchRejection.objects.filter(statement_id=ids[0], other_id=ids[1]).delete()
    history_note(merged, user=user, reason=f"Merged into statement {keeper.pk}: the same remark")
    merged.delete()
    return keeper
