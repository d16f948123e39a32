"""Speed of the text extractors (sentences, dates, agencies, themes) on one core.

Builds a text of about 10,000 sentences from the extractor tests' own sentence tables
(shuffled with a fixed seed), then times each extractor over it and over ~3 KB reports cut
from it, and prints KB/s, findings/s and ms per 3 KB report. That text is far denser in
dates, agencies and cues than real prose (every sentence was written to hold one), so the
same figures follow for the project's own report corpus (``data/reports``), when present.
The loader's target is 1,000 reports/s in total, so the three finders together should stay
well under 0.3 ms per KB of ordinary report text. Times are CPU time of this process
(``time.process_time``), so other work on a shared machine disturbs them less.

    python benchmarks/extractors.py [--sentences 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from nkviz.extract.agencies import find_agencies  # noqa: E402
from nkviz.extract.dates import find_dates  # noqa: E402
from nkviz.extract.sentences import split_sentences  # noqa: E402
from nkviz.extract.themes import find_themes  # noqa: E402

PUBLISHED = dt.date(2018, 11, 19)


def _table(name: str) -> list[str]:
    spec = importlib.util.spec_from_file_location(name, REPO / "tests" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [case[0] for case in module.CASES if case[0].strip()]


def build_text(n: int, seed: int = 7) -> str:
    pool = [s for name in ("test_dates", "test_agencies", "test_themes") for s in _table(name)]
    rng = random.Random(seed)
    paragraphs, sentences = [], 0
    while sentences < n:
        k = rng.randint(2, 6)
        paragraphs.append(" ".join(rng.choice(pool) for _ in range(k)))
        sentences += k
    return "\n\n".join(paragraphs)


def reports(text: str, size: int = 3000) -> list[str]:
    out, start = [], 0
    while start < len(text):
        end = text.find("\n\n", start + size)
        end = len(text) if end < 0 else end
        out.append(text[start:end])
        start = end + 2
    return out


EXTRACTORS = {
    "sentences": lambda t: split_sentences(t),
    "dates": lambda t: find_dates(t, published=PUBLISHED),
    "agencies": lambda t: find_agencies(t, published=PUBLISHED),
    "themes": lambda t: find_themes(t),
}


def _best(fn, repeat: int) -> tuple[float, int]:
    best, count = float("inf"), 0
    for _ in range(repeat):
        t0 = time.process_time()
        count = fn()
        best = min(best, time.process_time() - t0)
    return best, count


def measure(label: str, docs: list[str], repeat: int) -> None:
    """Print per-extractor figures for a list of reports."""
    text = "\n\n".join(docs)
    kb = len(text.encode("utf-8")) / 1024
    print(f"\n{label}: {len(docs):,} reports, {kb:,.0f} KB, {len(split_sentences(text)):,} sentences")
    print(f"{'extractor':<10} {'KB/s':>9} {'findings':>9} {'findings/s':>11} {'ms/report':>10} {'ms/KB':>7}")
    total = 0.0
    for name, fn in EXTRACTORS.items():
        took, found = _best(lambda: sum(len(fn(d)) for d in docs), repeat)
        if name != "sentences":
            total += took
        print(f"{name:<10} {kb / took:>9,.0f} {found:>9,} {found / took:>11,.0f} "
              f"{took / len(docs) * 1000:>10.3f} {took / kb * 1000:>7.3f}")
    print(f"dates+agencies+themes: {total / kb * 1000:.3f} ms/KB (budget 0.3), "
          f"{total / len(docs) * 1000:.3f} ms per report = {len(docs) / total:,.0f} reports/s on one core")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    for fn in EXTRACTORS.values():  # compile vocabularies and regexes outside the timing
        fn("warm up")
    text = build_text(args.sentences)
    whole, found = _best(lambda: len(find_dates(text, published=PUBLISHED)), args.repeat)
    print(f"test-sentence text: {len(text):,} characters; dates over the whole text at once: "
          f"{whole:.3f} s, {found:,} findings")
    measure("test sentences cut into ~3 KB reports", reports(text), args.repeat)
    corpus = sorted((REPO / "data" / "reports").rglob("*.md"))
    if corpus:
        measure("data/reports corpus", [p.read_text(encoding="utf-8") for p in corpus], args.repeat)


if __name__ == "__main__":
    main()
