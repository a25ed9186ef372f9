"""Synthetic data at scale, for benchmarks and for trying ClaimTrack with a big archive: about
N/10 speakers, N/5 sources, 1.5 quotations per statement, topics, and a mix of workflow states
and verdicts, with texts of realistic length. Reproducible from a seed. Written in batches, with
PostgreSQL's COPY (bulk inserts on other databases), so memory stays flat whatever N is.

Every generated record's slug starts with GENERATED_PREFIX: that is how the generator tells its
own records from a desk's real ones, which it refuses to mix with unless told to."""

import datetime
import itertools
import queue
import random
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from apps.claims.models import Quotation, Statement, Topic
from apps.core.urls import url_identity
from apps.sources.models import Publisher, Source
from apps.speakers.models import Speaker
from apps.verification.models import Evidence, Rating, Verification

T = TypeVar("T")

GENERATED_PREFIX = "gen-"
BATCH_SIZE = 10_000  # statements per batch; a batch of every table is a few MB

# The most frequent words of a text, as in real text: function words first, then the desk's
# subject. A long tail of invented words follows them (see _Texts), so that, as in real text, a
# few words are everywhere and most are rare: full-text search is measured on realistic terms.
COMMON_WORDS = (
    "the of and to a in that is was he for it with as his on be at by had are but from or have an they which "
    "this not were she all we their has been would there when who will more no if out so said what up its "
    "about than into them can only other new some could these two may first then do any like now over such "
    "our also after most made many before must through back years where much your way well down should "
    "because each just those people how too little state good very make world still own see men work long "
    "Kazakhstan Russia border treaty pipeline oil gas grain wheat uranium Caspian steppe Astana Almaty Moscow "
    "minister president parliament deputy senator governor mayor ministry government opposition election "
    "referendum constitution sovereignty independence union alliance sanctions exports imports tariffs budget "
    "inflation currency tenge rouble pension wages prices unemployment migrants workers language school "
    "university history century empire republic nation region province district city village river "
    "lake mountain railway highway port airport bridge factory mine field harvest drought flood fire army "
    "troops peacekeepers security police court judge law decree reform corruption investigation report "
    "survey census population percent million billion thousand hundred year month week decade since "
    "during never always already again even less least last old large small major minor official public "
    "private foreign domestic national local ethnic Russian Kazakh Uzbek Chinese European American western "
    "eastern northern southern says claims stated announced denied confirmed promised warned insisted argued "
    "suggested rejected accepted signed agreed refused increased decreased doubled halved rose fell grew "
    "shrank reached exceeded built closed opened moved"
).split()
SYLLABLES = (
    "ka za mir tal bek sha nur ov ta sy ren gul dar ba lo vik ser mat yer kan ul ras pet ni zhan to bol im ek "
    "ar os ven du kel mas tur ib al ro"
).split()
TAIL_WORDS = 30_000
FIRST_NAMES = (
    "Aigerim Aliya Arman Asel Askar Aidos Bauyrzhan Daniyar Dina Erlan Gulnara Kairat Madina Marat Nurlan "
    "Olga Dmitry Sergei Anna Irina Vladimir Natalia Pavel Elena Timur Zarina Yerlan Saule Ruslan Alexei"
).split()
LAST_NAMES = (
    "Abenov Akhmetova Baimukhanov Dzhaksybekov Ermekov Iskakova Karimov Kuanyshev Mukanov Nazarbayeva "
    "Omarov Sadykov Tokayeva Utegenov Zhumabayev Ivanov Petrova Smirnov Volkova Kuznetsov Sokolova Popov "
    "Lebedev Kozlova Novikov Morozova Orlov Pavlova Sorokin Fedorova"
).split()
OCCASIONS = (
    "press conference",
    "interview",
    "parliament session",
    "televised address",
    "social media post",
    "forum speech",
    "rally",
    "radio interview",
    "party congress",
    "state visit",
)
LANGUAGES = ("en", "en", "ru", "ru", "ru", "kk")


def _source_language(pk: int) -> str:
    """A source's language, from its id: its quotations, generated in other batches, take it."""
    return LANGUAGES[pk % len(LANGUAGES)]


STATUS_MIX = (  # (status, share of statements)
    ("published", 0.30),
    ("in_review", 0.05),
    ("in_progress", 0.10),
)


@dataclass
class Plan:
    statements: int

    @property
    def speakers(self) -> int:
        return max(1, self.statements // 10)

    @property
    def sources(self) -> int:
        return max(1, self.statements // 5)

    @property
    def publishers(self) -> int:
        return max(3, min(500, self.statements // 2000))

    @property
    def topics(self) -> int:
        return 40


LOADED_MODELS = (
    Publisher,
    Speaker,
    Topic,
    Source,
    Statement,
    Statement.topics.through,
    Quotation,
    Verification,
    Evidence,
)


def existing_real_data() -> dict[str, int]:
    """Records a person entered (not generated), by kind: the generator will not mix with them."""
    found = {}
    for model in (Speaker, Source, Statement):
        count = model.objects.exclude(slug__startswith=GENERATED_PREFIX).count()
        if count:
            found[model._meta.verbose_name_plural] = count
    return found


def demo_data_generate(
    *, statements: int, seed: int = 1, progress: Callable[[int, int], None] | None = None
) -> dict[str, int]:
    """Generate `statements` statements with everything around them; returns the rows written
    per table. Atomic: an interrupted run leaves nothing behind."""
    rng = random.Random(seed)
    plan = Plan(statements)
    with transaction.atomic(), _bulk_load(*LOADED_MODELS):
        writer = _Writer()
        ids = {
            model: _next_id(model)
            for model in (Publisher, Speaker, Topic, Source, Statement, Quotation, Verification, Evidence)
        }
        texts = _Texts(rng, pool=_sentence_pool(plan.statements))
        now = timezone.now()
        ratings = list(Rating.objects.filter(scale__is_default=True).values_list("id", flat=True)) or [None]

        publishers = list(range(ids[Publisher], ids[Publisher] + plan.publishers))
        writer.write(
            Publisher,
            ("id", "created_at", "updated_at", "name", "slug", "url", "domain"),
            (
                (
                    pk,
                    now,
                    now,
                    f"{texts.title(3)} {pk}",
                    f"{GENERATED_PREFIX}publisher-{pk}",
                    f"https://news{pk}.example.org/",
                    f"news{pk}.example.org",
                )
                for pk in publishers
            ),
        )
        topics = list(range(ids[Topic], ids[Topic] + plan.topics))
        writer.write(
            Topic,
            ("id", "created_at", "updated_at", "name", "slug"),
            ((pk, now, now, f"{texts.title(2)} {pk}", f"{GENERATED_PREFIX}topic-{pk}") for pk in topics),
        )
        first_speaker, first_source = ids[Speaker], ids[Source]
        _in_batches(
            plan.speakers,
            lambda start, size: writer.write(
                Speaker,
                SPEAKER_COLUMNS,
                (_speaker_row(first_speaker + n, rng, now) for n in range(start, start + size)),
            ),
        )
        _in_batches(
            plan.sources,
            lambda start, size: writer.write(
                Source,
                SOURCE_COLUMNS,
                (_source_row(first_source + n, rng, texts, publishers, now) for n in range(start, start + size)),
            ),
        )

        counters = {"quotation": ids[Quotation], "verification": ids[Verification], "evidence": ids[Evidence]}

        def statement_batch(start: int, size: int) -> _StatementBatch:
            batch = _StatementBatch()
            for n in range(start, start + size):
                batch.add(
                    ids[Statement] + n, rng, texts, plan, first_speaker, first_source, topics, ratings, counters, now
                )
            return batch

        # The next batch is made while the database takes this one in: making a batch is this
        # process's work, taking it in (the search documents computed for each row) the
        # database's, and on two cores they overlap. The database's part is the larger: 200,000
        # statements took 41 s made in turn and 36 s made ahead (quiet host, alternating runs).
        batches = ((start, size, statement_batch(start, size)) for start, size in _batches(statements))
        for start, size, batch in _made_ahead(batches):
            writer.write(Statement, STATEMENT_COLUMNS, batch.statements)
            writer.write(Statement.topics.through, ("statement_id", "topic_id"), batch.topics)
            writer.write(Quotation, QUOTATION_COLUMNS, batch.quotations)
            writer.write(Verification, VERIFICATION_COLUMNS, batch.verifications)
            writer.write(Evidence, EVIDENCE_COLUMNS, batch.evidence)
            if progress:
                progress(start + size, statements)
        writer.reset_sequences()
    return writer.counts


SPEAKER_COLUMNS = (
    "id",
    "created_at",
    "updated_at",
    "kind",
    "name",
    "slug",
    "aliases",
    "description",
    "country",
    "wikidata_id",
)
SOURCE_COLUMNS = (
    "id",
    "created_at",
    "updated_at",
    "kind",
    "title",
    "slug",
    "url",
    "url_key",  # what the model's pre_save fills in (apps.core.urls.url_identity)
    "publisher_id",
    "published_on",
    "published_on_precision",
    "language",
    "archived_text",
    "notes",
)
STATEMENT_COLUMNS = (
    "id",
    "created_at",
    "updated_at",
    "version",
    "speaker_id",
    "slug",
    "text",
    "said_on",
    "said_on_precision",
    "occasion",
    "language",
)
QUOTATION_COLUMNS = (
    "id",
    "created_at",
    "updated_at",
    "version",
    "statement_id",
    "source_id",
    "occurrence",
    "text",
    "mode",
    "context",
    "language",
    "is_first_appearance",
    "reported_via_note",
    "prefix",
    "suffix",
)
VERIFICATION_COLUMNS = (
    "id",
    "created_at",
    "updated_at",
    "version",
    "statement_id",
    "status",
    "rating_id",
    "attribution",
    "summary",
    "explanation",
    "published_at",
    "review_modified_at",
    "review_digest",
    "status_changed_at",
    "sent_back_reason",
    "sent_back_move",
)
EVIDENCE_COLUMNS = ("id", "created_at", "updated_at", "verification_id", "number", "url", "note")


def _speaker_row(pk, rng, now):
    roll = rng.random()
    if roll < 0.85:
        kind, name = "person", f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    elif roll < 0.95:
        kind, name = "organisation", f"{rng.choice(LAST_NAMES)} Institute"
    else:
        kind, name = "anonymous", "an unnamed official"
    return (pk, now, now, kind, f"{name} {pk}", f"{GENERATED_PREFIX}speaker-{pk}", _no_aliases(), "", "KZ", "")


def _source_row(pk, rng, texts, publishers, now):
    published = _random_date(rng)
    publisher = rng.choice(publishers)
    return (
        pk,
        now,
        now,
        rng.choice(("news_article", "news_article", "analysis", "interview", "speech")),
        texts.title(8),
        f"{GENERATED_PREFIX}source-{pk}",
        url := f"https://news{publisher}.example.org/{published.year}/{pk}",
        url_identity(url),
        publisher,
        published,
        "day",
        _source_language(pk),
        "",
        "",
    )


class _StatementBatch:
    def __init__(self):
        self.statements, self.topics, self.quotations, self.verifications, self.evidence = [], [], [], [], []

    def add(self, pk, rng, texts, plan, first_speaker, first_source, topics, ratings, counters, now):
        sentences = [texts.sentence() for _ in range(rng.choice((1, 2, 2, 3)))]
        text = " ".join(sentences)
        said_on, precision = _random_date(rng), rng.choices(("day", "month", "year"), (8, 1, 1))[0]
        if precision == "month":
            said_on = said_on.replace(day=1)
        elif precision == "year":
            said_on = said_on.replace(month=1, day=1)
        # One statement in five comes from the 1% of speakers who talk the most, as in a real archive.
        prolific = rng.random() < 0.2
        speaker = first_speaker + rng.randrange(max(1, plan.speakers // 100) if prolific else plan.speakers)
        self.statements.append(
            (
                pk,
                now,
                now,
                1,
                speaker,
                f"{GENERATED_PREFIX}statement-{pk}",
                text,
                said_on,
                precision,
                rng.choice(OCCASIONS),
                rng.choice(LANGUAGES),
            )
        )
        for topic in set(rng.sample(topics, rng.choice((1, 1, 2)))):
            self.topics.append((pk, topic))
        used_sources = set()
        for number in range(rng.choice((1, 2))):  # 1.5 on average
            source = first_source + rng.randrange(plan.sources)
            if source in used_sources:
                continue
            used_sources.add(source)
            words = rng.choice(sentences)
            context = f"“{words}”, {texts.sentence()}"[:600]
            self.quotations.append(
                (
                    counters["quotation"],
                    now,
                    now,
                    1,
                    pk,
                    source,
                    1,
                    words,
                    rng.choice(("direct", "direct", "partial", "paraphrase")),
                    context,
                    _source_language(source),
                    number == 0,
                    "",
                    "",
                    "",
                )
            )
            counters["quotation"] += 1
        roll, share = rng.random(), 0.0
        for status, part in STATUS_MIX:
            share += part
            if roll < share:
                self._verification(pk, status, rng, texts, ratings, counters, now)
                break

    def _verification(self, statement, status, rng, texts, ratings, counters, now):
        pk = counters["verification"]
        counters["verification"] += 1
        has_verdict = status != "in_progress"
        published_at = now - datetime.timedelta(days=rng.randrange(3650)) if status == "published" else None
        self.verifications.append(
            (
                pk,
                now,
                now,
                1,
                statement,
                status,
                rng.choice(ratings) if has_verdict else None,
                rng.choice(("unconfirmed", "confirmed", "confirmed", "paraphrase")),
                texts.sentence() if has_verdict else "",
                "",
                published_at,
                published_at,  # the ClaimReview's dateModified: published, not changed since
                "",
                published_at or now,  # in this status since
                "",  # not sent back
                "",
            )
        )
        if has_verdict:
            self.evidence.append(
                (
                    counters["evidence"],
                    now,
                    now,
                    pk,
                    1,
                    f"https://evidence.example.org/{counters['evidence']}",
                    texts.sentence(),
                )
            )
            counters["evidence"] += 1


SENTENCE_POOL = 100_000  # at most; a statement and what goes with it take about four sentences


def _sentence_pool(statements: int) -> int:
    """One sentence per statement, from 1,000 up to SENTENCE_POOL: a sentence comes back as
    often in a small data set as in make bench's 100,000 statements, and a small one does not
    wait for the 100,000 sentences only a big one needs (about a second of drawing)."""
    return max(1_000, min(SENTENCE_POOL, statements))


class _Texts:
    """Sentences of 6 to 24 words, drawn once from a vocabulary with a few very common words
    (as in real text, which full-text search must cope with) and reused."""

    def __init__(self, rng: random.Random, pool: int = SENTENCE_POOL):
        self.rng = rng
        self.words = COMMON_WORDS + _invented_words(rng, TAIL_WORDS)
        frequencies = itertools.accumulate(1 / (rank + 1) for rank in range(len(self.words)))  # Zipf's law
        cumulative = list(frequencies)
        self.pool = []
        for _ in range(pool):
            words = rng.choices(self.words, cum_weights=cumulative, k=rng.randint(6, 24))
            words[0] = words[0].capitalize()
            self.pool.append(" ".join(words) + rng.choice((".", ".", ".", "!", "?")))

    def sentence(self) -> str:
        return self.rng.choice(self.pool)

    def title(self, words: int) -> str:
        return " ".join(self.rng.choice(COMMON_WORDS).capitalize() for _ in range(words))


def _invented_words(rng: random.Random, count: int) -> list[str]:
    """Distinct pronounceable words of two to four syllables ("kazabek"), none of them English."""
    words: dict[str, None] = {}
    while len(words) < count:
        words["".join(rng.choices(SYLLABLES, k=rng.randint(2, 4)))] = None
    return list(words)


def _no_aliases():
    """An empty JSON list, as each database's path takes it."""
    if connection.vendor == "postgresql":
        from psycopg.types.json import Jsonb

        return Jsonb([])
    return []


def _random_date(rng) -> datetime.date:
    return datetime.date(1995, 1, 1) + datetime.timedelta(days=rng.randrange(32 * 365))


@contextmanager
def _bulk_load(*models):
    """PostgreSQL loads rows several times faster when it need not check each foreign key and
    update each index as it goes: drop the foreign keys, unique constraints and other indexes of
    these tables (all but primary keys) for the load, then build the indexes in one go (a sort,
    not a million inserts) and add the constraints back (each checked in one pass), all inside
    the load's transaction. The tables stay locked meanwhile."""
    if connection.vendor != "postgresql":
        yield
        return
    tables = [model._meta.db_table for model in models]
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # checks still pending (rows written earlier) run now
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype IN ('f', 'u') AND conrelid::regclass::text = ANY(%s) ORDER BY contype",
            [tables],
        )
        constraints = cursor.fetchall()  # foreign keys first
        cursor.execute(
            "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index "
            "WHERE indrelid::regclass::text = ANY(%s) "
            "AND indexrelid NOT IN (SELECT conindid FROM pg_constraint WHERE conindid <> 0)",
            [tables],
        )
        indexes = cursor.fetchall()
        for table, name, _definition in constraints:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {connection.ops.quote_name(name)}")
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {name}")
    yield
    with connection.cursor() as cursor:
        # Fresh statistics first: planned on the empty tables' figures, checking a foreign key
        # would take a nested loop over a million rows.
        cursor.execute(f"ANALYZE {', '.join(tables)}")
        cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
        for _name, definition in indexes:
            cursor.execute(definition)
        for table, name, definition in reversed(constraints):  # unique constraints, then foreign keys
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}")


def _batches(total: int) -> Iterator[tuple[int, int]]:
    """(start, size) of each batch of `total` rows."""
    for start in range(0, total, BATCH_SIZE):
        yield start, min(BATCH_SIZE, total - start)


def _in_batches(total: int, work) -> None:
    for start, size in _batches(total):
        work(start, size)


def _made_ahead(items: Iterator[T], ahead: int = 2) -> Iterator[T]:
    """The items of `items`, each made in a thread of its own while the caller uses the ones
    before (at most `ahead` waiting). `items` must not touch the database: the connection belongs
    to the caller's thread. An error in making an item is raised here, in the caller's thread;
    when the caller stops early (an error of its own), the thread stops after its current item."""
    made: queue.Queue = queue.Queue(maxsize=ahead)
    stop = threading.Event()
    done = object()

    def make() -> None:
        try:
            for item in items:
                if stop.is_set():
                    return
                made.put((item, None))
            made.put((done, None))
        except BaseException as error:  # handed to the caller, who raises it
            made.put((done, error))

    maker = threading.Thread(target=make, name="demo-data-batches", daemon=True)
    maker.start()
    try:
        while True:
            item, error = made.get()
            if error is not None:
                raise error
            if item is done:
                return
            yield item
    finally:
        stop.set()
        while maker.is_alive():  # let a maker blocked on a full queue see `stop`
            try:
                made.get(timeout=0.1)
            except queue.Empty:
                pass
        maker.join()


def _next_id(model) -> int:
    last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
    return (last or 0) + 1


class _Writer:
    """Rows into tables: COPY on PostgreSQL, bulk_create elsewhere. Counts what it wrote."""

    def __init__(self):
        self.counts: dict[str, int] = {}
        self.models = set()

    def write(self, model, columns: tuple[str, ...], rows) -> None:
        written = 0
        if connection.vendor == "postgresql":
            table = connection.ops.quote_name(model._meta.db_table)
            names = ", ".join(connection.ops.quote_name(column) for column in columns)
            with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    written += 1
        else:
            attnames = {field.column: field.attname for field in model._meta.concrete_fields}
            objects = [
                model(**{attnames[column]: value for column, value in zip(columns, row, strict=True)}) for row in rows
            ]
            model.objects.bulk_create(objects, batch_size=500)
            written = len(objects)
        self.counts[model._meta.db_table] = self.counts.get(model._meta.db_table, 0) + written
        self.models.add(model)

    def reset_sequences(self) -> None:
        statements = connection.ops.sequence_reset_sql(no_style(), list(self.models))
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
