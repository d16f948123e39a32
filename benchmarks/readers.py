"""How fast the readers turn files into reports (reading must not be the bottleneck).

Builds corpora in a temporary folder from a few sentence templates of our own, then
times ``read_paths`` on: small text files (some with front matter, captions and
bylines), small Markdown files, saved HTML pages, one CSV of many rows, and a zip of text
files. Prints files or records per second and MB/s. Target: >= 5,000 small text files/s.

    python benchmarks/readers.py [--files 10000]
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

from nkviz.readers import read_paths

PLACES = ["Hyesan", "Sinuiju", "Hoeryong", "Musan", "Onsong", "Chongjin", "Kanggye"]
PROVINCES = ["Ryanggang", "North Pyongan", "North Hamgyong", "Chagang"]
SENTENCES = [
    "Security officials in {p} questioned {n} families this week, a source in {v} said.",
    "Traders in the {p} market said rice prices rose by {n} percent since last month.",
    "Border guards near {p} were told to report every phone call they detect at night.",
    "A resident of {p} said {n} people were sent to a labour camp after a public trial.",
    "Factory workers in {p} must attend weekly lectures on foreign films, the source added.",
    "Smuggling brokers in {v} Province have raised their fees since the new fence went up.",
]


def article(rng: random.Random, i: int) -> str:
    body = " ".join(rng.choice(SENTENCES).format(p=rng.choice(PLACES), v=rng.choice(PROVINCES),
                                                 n=rng.randint(2, 90))
                    for _ in range(rng.randint(3, 9)))
    paragraphs = [body[k:k + 400] for k in range(0, len(body), 400)]
    title = f"Report {i} from {rng.choice(PLACES)}"
    parts = [title, "", *("\n\n".join(paragraphs).split("\n"))]
    if i % 3 == 0:
        parts[1:1] = ["", f"A street in {rng.choice(PLACES)} in 2019", "Photo: Example"]
    if i % 4 == 0:
        parts.append("\nJane Roe is a reporter for Example News. She can be reached at x.")
    if i % 5 == 0:
        return f"---\ntitle: {title}\npublished: 2019-{1 + i % 12:02d}-{1 + i % 27:02d}\n---\n" \
            + "\n".join(parts[2:])
    return "\n".join(parts)


def build(root: Path, n: int) -> dict[str, list[Path]]:
    rng = random.Random(7)
    sets: dict[str, list[Path]] = {"text": [], "markdown": [], "html": []}
    text_dir = root / "text"
    for i in range(n):
        folder = text_dir / f"{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        name = f"2019-{1 + i % 12:02d}-{1 + i % 27:02d}-report-{i}.txt"
        (folder / name).write_text(article(rng, i), encoding="utf-8")
    sets["text"] = [text_dir]
    md = root / "md"
    md.mkdir()
    for i in range(n // 5):
        (md / f"post-{i}.md").write_text("# " + article(rng, i + n).replace(
            "Traders", "**Traders**"), encoding="utf-8")
    sets["markdown"] = [md]
    html = root / "html"
    html.mkdir()
    for i in range(n // 10):
        paras = "".join(f"<p>{p}</p>" for p in article(rng, i + 2 * n).split("\n")[2:] if p)
        (html / f"page-{i}.html").write_text(
            f"<html lang='en'><head><title>Page {i} | Example</title>"
            f"<meta property='article:published_time' content='2020-01-{1 + i % 28:02d}'>"
            f"</head><body><nav><a>Home</a></nav><article><h1>Page {i}</h1>{paras}"
            f"<div class='share'>Share</div></article><footer>(c) Example</footer></body></html>",
            encoding="utf-8")
    sets["html"] = [html]
    with open(root / "rows.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["title", "date", "url", "text"])
        for i in range(n):
            w.writerow([f"Row {i}", f"2021-{1 + i % 12:02d}-01", f"https://example.org/{i}",
                        article(rng, i + 3 * n).split("\n", 2)[-1]])
    sets["csv"] = [root / "rows.csv"]
    with zipfile.ZipFile(root / "bundle.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(n // 5):
            z.writestr(f"posts/{i}.txt", article(rng, i + 4 * n))
    sets["zip"] = [root / "bundle.zip"]
    return sets


def size_of(paths: list[Path]) -> int:
    total = 0
    for p in paths:
        total += sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) if p.is_dir() \
            else p.stat().st_size
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sets = build(Path(tmp), args.files)
        print("CPU = process time of this one process (the machine may be shared); "
              "wall = elapsed time.")
        print(f"{'corpus':<10} {'records':>8} {'MB':>6} {'CPU s':>7} {'rec/s CPU':>10} "
              f"{'MB/s CPU':>9} {'rec/s wall':>11}")
        for label, paths in sets.items():
            read_paths(paths)  # warm the OS file cache: time parsing, not the disk
            cpu, wall = time.process_time(), time.perf_counter()
            reports, ingest = read_paths(paths)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            assert ingest.balanced()
            records = ingest.counts()["records"]
            mb = size_of(paths) / 2**20
            print(f"{label:<10} {records:>8} {mb:>6.1f} {cpu:>7.2f} {records / cpu:>10,.0f} "
                  f"{mb / cpu:>9.2f} {records / wall:>11,.0f}")
        tracemalloc.start()
        read_paths(sets["text"])
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        print(f"\npeak Python memory reading {args.files:,} text files: {peak:.1f} MB")


if __name__ == "__main__":
    main()
