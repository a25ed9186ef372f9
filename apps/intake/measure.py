"""How long extracting an article takes, and how much memory: `measure_extraction()` builds a
news page around a ~2,000-word article in memory (a seed article's text when the seeds are beside
the checkout, else generated sentences), with what real pages carry besides it (a menu, a list of
other stories, comments, metadata, scripts), and extracts it a few times.

    python -m apps.intake.measure          # prints the figures (DJANGO_SETTINGS_MODULE must be set)

Memory is the process's peak resident size (lxml's memory is outside Python's allocator, so
tracemalloc would miss most of it); run it in a fresh process for a figure of extraction alone."""

import html
import random
import resource
import statistics
import sys
import time
from pathlib import Path

WORDS = 2000


def article_page(words: int = WORDS, *, seeds_dir: str | None = None) -> tuple[bytes, int]:
    """A news page (UTF-8 bytes) holding an article of about `words` words, and its word count."""
    paragraphs = _seed_paragraphs(seeds_dir, words) or _generated_paragraphs(words)
    count = sum(len(paragraph.split()) for paragraph in paragraphs)
    teasers = "".join(f'<li><a href="/story/{n}">Other story number {n} of the day</a></li>' for n in range(60))
    comments = "".join(f"<div class='comment'><p>Reader {n} wrote a comment here.</p></div>" for n in range(30))
    body = "".join(f"<p>{html.escape(paragraph, quote=False)}</p>\n" for paragraph in paragraphs)
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Border question returns | Example News</title>
<meta property="og:title" content="Border question returns">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2022-01-07T09:00:00Z">
<link rel="canonical" href="https://news.example.org/2022/01/07/border">
<script>{"var tracking = 1;" * 2000}</script><style>{"p {{ margin: 0 }}" * 500}</style>
</head><body><nav><ul>{"".join(f'<li><a href="/s{n}">Section {n}</a></li>' for n in range(30))}</ul></nav>
<main><article><h1>Border question returns</h1><div class="byline">By Jane Doe</div>{body}</article>
<aside><h2>Most read</h2><ul>{teasers}</ul></aside><section class="comments">{comments}</section></main>
<footer>{"<p>Footer links and legal notices.</p>" * 20}</footer></body></html>"""
    return page.encode(), count


def measure_extraction(*, words: int = WORDS, repeat: int = 5, seeds_dir: str | None = None) -> dict:
    """Extract the page of `article_page` `repeat` times: seconds of the first run (imports
    and caches warming up) and the median of the others, the peak resident memory in MB, and the
    article's size."""
    from .extraction import article_from_html

    page, count = article_page(words, seeds_dir=seeds_dir)
    timings = []
    article = None
    for _ in range(max(repeat, 2)):
        started = time.perf_counter()
        article = article_from_html(page, url="https://news.example.org/2022/01/07/border")
        timings.append(time.perf_counter() - started)
    return {
        "page_bytes": len(page),
        "article_words": count,
        "extracted_words": len(article.text.split()),
        "first_seconds": round(timings[0], 3),
        "median_seconds": round(statistics.median(timings[1:]), 3),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
    }


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, kB on Linux


def _seed_paragraphs(seeds_dir: str | None, words: int) -> list[str]:
    if seeds_dir is None:
        from django.conf import settings

        seeds_dir = getattr(settings, "CLAIMTRACK_SEEDS_DIR", "")
    directory = Path(seeds_dir or "")
    if not directory.is_dir():
        return []
    paragraphs: list[str] = []
    for path in sorted(directory.glob("*.txt")):
        paragraphs += [block.strip() for block in path.read_text(encoding="utf-8").split("\n\n") if block.strip()]
        if sum(len(paragraph.split()) for paragraph in paragraphs) >= words:
            break
    kept, total = [], 0
    for paragraph in paragraphs:
        if total >= words:
            break
        kept.append(paragraph)
        total += len(paragraph.split())
    return kept


def _generated_paragraphs(words: int) -> list[str]:
    chooser = random.Random(17)
    vocabulary = (
        "the minister said that border region government plan would people country officials "
        "protests week troops security agreement analysts warned report claims history economy"
    ).split()
    paragraphs, total = [], 0
    while total < words:
        sentences = []
        for _ in range(chooser.randint(2, 4)):
            sentence = " ".join(chooser.choice(vocabulary) for _ in range(chooser.randint(10, 22)))
            sentences.append(
                f"“{sentence.capitalize()},” the minister said."
                if chooser.random() < 0.3
                else f"{sentence.capitalize()}."
            )
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        total += len(paragraph.split())
    return paragraphs


if __name__ == "__main__":
    import django

    django.setup()
    for name, value in measure_extraction().items():
        print(f"{name}: {value}")
