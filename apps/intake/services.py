"""Intake's state changes: bring an article in (with its suggested quotations), and accept or
reject each suggestion. Accepting creates what the quotation needs (the source on the first
acceptance, a speaker, a statement) through the domain apps' services, all or nothing, each
record with its history."""

import dataclasses

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.claims import anchoring
from apps.claims.choices import QuotationMode
from apps.claims.models import Quotation, Statement
from apps.claims.services import source_set_archived_text
from apps.core.choices import DatePrecision
from apps.core.services import ActionRefused, model_save
from apps.sources.choices import SourceKind
from apps.sources.models import Publisher, Source
from apps.speakers.choices import SpeakerKind
from apps.speakers.models import Speaker
from apps.speakers.selectors import speaker_named
from apps.verification.services import statement_save

from . import extraction, fetching
from .models import Decision, Intake, IntakeOrigin, Suggestion
from .quotes import names_in
from .selectors import find_source_for, rejected_words_for
from .suggest import suggest
from .types import Article, IntakeError

# What bringing an article in needs: it may end in quotations added to the desk's sources.
INTAKE_PERMISSION = "claims.add_quotation"


def intake_permitted(*, user) -> None:
    """Refuse (PermissionDenied) a user who may not add quotations: intake exists to add them."""
    if not user.has_perm(INTAKE_PERMISSION):
        raise PermissionDenied(
            "You may not bring articles in: intake adds quotations, and your account lacks the permission "
            "“claims.add_quotation” (editors have it)."
        )


def article_read(
    *, url: str = "", data: bytes | None = None, filename: str = "", text: str = ""
) -> tuple[str, Article]:
    """The article from exactly one of: a URL (fetched), an uploaded file's bytes, pasted text.
    Returns (origin, article); raises IntakeError saying what is wrong and what to do."""
    given = [
        name for name, value in (("a URL", url.strip()), ("a file", data is not None), ("text", text.strip())) if value
    ]
    if not given:
        raise IntakeError(
            "Give the article one way: its URL, an HTML or text file saved from the browser, or its text pasted."
        )
    if len(given) > 1:
        raise IntakeError(f"Give the article one way only: you gave {' and '.join(given)}. Clear all but one.")
    if url.strip():
        page = fetching.fetch_page(url.strip())
        article = extraction.article_from_page(page)
        return IntakeOrigin.URL, dataclasses.replace(article, fetched_url=page.final_url)
    if data is not None:
        return IntakeOrigin.UPLOAD, extraction.article_from_upload(data, filename)
    return IntakeOrigin.PASTE, extraction.article_from_text(text)


def intake_create(*, user, url: str = "", data: bytes | None = None, filename: str = "", text: str = "") -> Intake:
    """Bring an article in: read it (article_read), recognise a source already on file (same
    page), find its quotations and match their speakers and statements, and store the intake
    with its suggestions, all or nothing. Quotations rejected before for the same source, and the
    passages it already quotes, are not suggested again. Raises PermissionDenied or IntakeError; stores nothing then."""
    intake_permitted(user=user)
    origin, article = article_read(url=url, data=data, filename=filename, text=text)
    source = find_source_for(article)
    if source is not None and source.archived_text:
        # Quotations are anchored in the source's archived text: suggest in that text, so that
        # every offset shown is an offset the quotation will have.
        article = dataclasses.replace(article, text=source.archived_text)
    rejected = rejected_words_for(source=source, url=article.url or "")
    quoted = set(source.quotations.values_list("char_start", "char_end")) if source is not None else set()
    found = [
        suggestion
        for suggestion in suggest(article)
        if suggestion.text not in rejected and (suggestion.char_start, suggestion.char_end) not in quoted
    ]
    with transaction.atomic():
        intake = Intake(
            origin=origin,
            requested_url=_storable_url(url.strip()),
            url=_storable_url(article.url or article.fetched_url or ""),
            filename=filename[:255],
            title=(article.title or "")[:500],
            authors=list(article.authors),
            published_on=article.published_on,
            publisher_name=(article.publisher or "")[:200],
            site=(article.site or "")[:200],
            language=article.language or "",
            text=article.text,
            names=names_in(article.text, article.language or "en"),
            source=source,
            source_was_on_file=source is not None,
            created_by=user,
        )
        _validated(intake)
        intake.save()
        Suggestion.objects.bulk_create(
            Suggestion(
                intake=intake,
                number=number,
                text=found_one.text,
                char_start=found_one.char_start,
                char_end=found_one.char_end,
                mode=found_one.mode,
                speaker_name=(found_one.speaker.name if found_one.speaker else "")[:200],
                speaker_kind=found_one.speaker.kind if found_one.speaker else "",
                cue=(found_one.cue or "")[:100],
                speaker_check=found_one.check[:300],
                speaker_id=found_one.speaker_id,
                statement_id=found_one.statement_id,
                score=found_one.score,
                candidates=[[candidate.statement_id, candidate.score] for candidate in found_one.candidates],
            )
            for number, found_one in enumerate(found, start=1)
        )
    return intake


def _storable_url(url: str) -> str:
    """The URL if a source can keep it (a page's canonical link can be anything), else ""."""
    try:
        Source._meta.get_field("url").run_validators(url)
    except ValidationError:
        return ""
    return url if len(url) <= Intake._meta.get_field("url").max_length else ""


def _validated(intake: Intake) -> None:
    try:
        intake.full_clean(exclude=["source", "created_by"])
    except ValidationError as error:
        problems = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
        raise IntakeError(f"This article cannot be stored as it is ({problems}).") from error


@dataclasses.dataclass
class Choice:
    """What a person decided for one suggestion: the words (as printed: they must be in the
    article's text), the mode, the speaker (one on file, or a new one by name and kind) and the
    statement (one on file, or a new one with these words)."""

    words: str
    mode: str
    speaker: Speaker | None = None
    new_speaker_name: str = ""
    new_speaker_kind: str = SpeakerKind.PERSON
    statement: Statement | None = None


def suggested_choice(suggestion: Suggestion) -> Choice:
    """The choice as suggested: the matched speaker (or a new one named as in the text) and the
    matched statement (or a new one)."""
    return Choice(
        words=suggestion.text,
        mode=suggestion.mode,
        speaker=suggestion.speaker,
        new_speaker_name="" if suggestion.speaker_id else suggestion.speaker_name,
        new_speaker_kind=suggestion.speaker_kind or SpeakerKind.PERSON,
        statement=suggestion.statement,
    )


@transaction.atomic
def suggestion_accept(*, suggestion: Suggestion, user, choice: Choice | None = None) -> Quotation:
    """Accept a suggestion as `choice` says (as suggested when None): create the source if this
    is the intake's first accepted quotation, the speaker and the statement if they are new, and
    the quotation, anchored where the words are printed; all or nothing. Raises
    PermissionDenied, ActionRefused (decided already) or ValidationError (what to correct)."""
    intake_permitted(user=user)
    suggestion = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    _still_pending(suggestion)
    choice = choice or suggested_choice(suggestion)
    intake = Intake.objects.select_for_update().get(pk=suggestion.intake_id)
    words, start, end = _words_in_text(choice.words, intake.text, near=suggestion.char_start)
    if choice.mode not in QuotationMode.values:
        raise ValidationError({"mode": f"Choose the mode: one of {', '.join(QuotationMode.values)}."})
    speaker = choice.speaker or _new_speaker(choice, user=user)
    statement = choice.statement
    if statement is not None and statement.speaker_id != speaker.pk:
        raise ValidationError(
            {
                "statement": f"The statement “{_short(statement.text)}” is by {statement.speaker}, not {speaker}: "
                "choose its speaker, or make this a new statement."
            }
        )
    source = _source_for(intake, user=user)
    anchor_start, anchor_end = start, end
    if source.archived_text != intake.text:
        # The quotation is anchored in the source's archived text, which is not the text this
        # intake read: the page was brought in again after it changed and another intake made
        # the source first, or its archived text was edited since.
        _, anchor_start, anchor_end = _words_in_text(
            words, source.archived_text, near=start, text_name=f"archived text of the source “{_short(str(source))}”"
        )
    if statement is None:
        if not user.has_perm("claims.add_statement"):
            raise PermissionDenied("You may not add statements (permission “claims.add_statement”).")
        statement = statement_save(
            instance=Statement(speaker=speaker, text=words, language=intake.language),
            user=user,
            reason=f"From intake #{intake.pk}",
        )
    quotation = Quotation(statement=statement, source=source, text=words, mode=choice.mode)
    quotation.selected_start, quotation.selected_end = anchor_start, anchor_end
    quotation = model_save(instance=quotation, user=user, reason=f"From intake #{intake.pk}")
    # From now on the suggestion shows what was accepted (the words, place in the intake's text,
    # mode, speaker and statement stored), not what was first suggested.
    suggestion.text, suggestion.char_start, suggestion.char_end = words, start, end
    suggestion.mode = choice.mode
    suggestion.speaker, suggestion.speaker_name, suggestion.speaker_kind = speaker, speaker.name, speaker.kind
    suggestion.statement = statement
    suggestion.decision = Decision.ACCEPTED
    suggestion.quotation = quotation
    suggestion.decided_by = user
    suggestion.decided_at = timezone.now()
    suggestion.save()
    return quotation


@transaction.atomic
def suggestion_reject(*, suggestion: Suggestion, user) -> None:
    """Reject a suggestion: not a quotation. It is remembered, and not suggested again for
    this source."""
    intake_permitted(user=user)
    suggestion = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    _still_pending(suggestion)
    suggestion.decision = Decision.REJECTED
    suggestion.decided_by = user
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["decision", "decided_by", "decided_at", "updated_at"])


@dataclasses.dataclass
class AcceptAllResult:
    accepted: list[Suggestion]
    without_speaker: list[Suggestion]
    to_check: list[Suggestion] = dataclasses.field(default_factory=list)


@transaction.atomic
def intake_accept_all(*, intake: Intake, user) -> AcceptAllResult:
    """Accept every suggestion still to review as suggested, all or nothing; those that name no
    speaker are left for a person to complete, and those whose speaker is marked for a check
    (`speaker_check`) for a person to check and accept one by one. A refusal names the
    suggestion it came from."""
    intake_permitted(user=user)
    result = AcceptAllResult(accepted=[], without_speaker=[])
    for suggestion in intake.suggestions.filter(decision=Decision.PENDING).select_related("speaker", "statement"):
        if suggestion.left_for_a_person:
            (result.to_check if suggestion.speaker_check else result.without_speaker).append(suggestion)
            continue
        try:
            suggestion_accept(suggestion=suggestion, user=user)
        except ValidationError as error:
            raise ValidationError(
                f"Suggestion {suggestion.number} ({suggestion}): {' '.join(error.messages)} Nothing was accepted."
            ) from error
        result.accepted.append(suggestion)
    return result


def _still_pending(suggestion: Suggestion) -> None:
    if suggestion.decision != Decision.PENDING:
        who = suggestion.decided_by or "someone"
        when = timezone.localtime(suggestion.decided_at).strftime("%Y-%m-%d %H:%M") if suggestion.decided_at else ""
        raise ActionRefused(
            f"This suggestion was already {suggestion.get_decision_display().lower()} by {who}"
            f"{' at ' + when if when else ''}. Nothing was changed."
        )


# How far around a suggestion's place edited words are compared with the article's text.
NEARBY = 300


def _words_in_text(words: str, text: str, *, near: int, text_name: str = "article's text") -> tuple[str, int, int]:
    """The words as printed and where: the occurrence nearest to where the suggestion was."""
    words = (words or "").strip()
    if not words:
        raise ValidationError({"words": "The words are empty: copy them from the article as printed."})
    places = anchoring.occurrences(words, text)
    if not places:
        # Compared with the passage the suggestion was made from (an edit of its words), not with
        # whatever place of the article happens to share the first words.
        passage = text[max(0, near - NEARBY) : near + len(words) + NEARBY]
        problem = anchoring.explain_difference(words, passage, text_name=text_name)
        raise ValidationError({"words": f"{problem} Correct the words as printed, or reject the suggestion."})
    start = min(places, key=lambda candidate: abs(candidate - near))
    return words, start, start + len(words)


def _new_speaker(choice: Choice, *, user) -> Speaker:
    name = " ".join((choice.new_speaker_name or "").split())
    if not name:
        raise ValidationError({"speaker": "Choose who said it: a speaker on file, or the name of a new one."})
    existing = speaker_named(name)
    if existing is not None:
        return existing
    if not user.has_perm("speakers.add_speaker"):
        raise PermissionDenied(
            f"You may not add speakers (permission “speakers.add_speaker”), and none is named {name}."
        )
    kind = choice.new_speaker_kind if choice.new_speaker_kind in SpeakerKind.values else SpeakerKind.PERSON
    return model_save(instance=Speaker(name=name, kind=kind), user=user, reason="New speaker, from intake")


def _source_for(intake: Intake, *, user) -> Source:
    """The intake's source: the one on file (given the article's text as its archived text if it
    had none), or a new one made from the article's metadata on the first acceptance."""
    if intake.source_id is not None:
        source = intake.source
        if not source.archived_text:
            source_set_archived_text(source=source, archived_text=intake.text)
            source.refresh_from_db()
        return source
    if not user.has_perm("sources.add_source"):
        raise PermissionDenied("You may not add sources (permission “sources.add_source”).")
    source = Source(
        kind=SourceKind.NEWS_ARTICLE,
        title=intake.title or _short(intake.text, 120),
        url=intake.url,
        publisher=_publisher_for(intake, user=user),
        published_on=intake.published_on,
        published_on_precision=DatePrecision.DAY if intake.published_on else DatePrecision.UNKNOWN,
        language=intake.language or "en",
        archived_text=intake.text,
    )
    same_page = source.same_page_source() if source.url else None
    if same_page is not None:  # brought in by someone else since this intake was made
        intake.source = same_page
        intake.save(update_fields=["source", "updated_at"])
        return _source_for(intake, user=user)
    authors = [author for name in intake.authors[:20] if (author := _author(str(name), user=user)) is not None]
    try:
        with transaction.atomic():
            source = model_save(
                instance=source, many_to_many={"authors": authors}, user=user, reason=f"From intake #{intake.pk}"
            )
    except IntegrityError:
        # Someone accepted a quotation of the same page, brought in separately, at this moment.
        same_page = source.same_page_source()
        if same_page is None:
            raise
        intake.source = same_page
        intake.save(update_fields=["source", "updated_at"])
        return _source_for(intake, user=user)
    intake.source = source
    intake.save(update_fields=["source", "updated_at"])
    return source


def _publisher_for(intake: Intake, *, user) -> Publisher | None:
    name, site = intake.publisher_name.strip(), intake.site.strip().lower().removeprefix("www.")
    if not name and not site:
        return None
    found = None
    if site:
        found = Publisher.objects.filter(domain=site).order_by("pk").first()
    if found is None and name:
        found = Publisher.objects.filter(name__iexact=name).order_by("pk").first()
    if found is not None or not user.has_perm("sources.add_publisher"):
        return found
    url = f"https://{site}/" if site else ""
    return model_save(instance=Publisher(name=name or site, url=url, domain=site), user=user, reason="From intake")


def _author(name: str, *, user) -> Speaker | None:
    name = " ".join(name.split())[:200]
    if not name:
        return None
    existing = speaker_named(name)
    if existing is not None or not user.has_perm("speakers.add_speaker"):
        return existing
    return model_save(instance=Speaker(name=name, kind=SpeakerKind.PERSON), user=user, reason="Author, from intake")


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
