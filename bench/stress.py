"""Time and memory of `audit check` on large input: a folder of many articles and one very large article.

    python bench/stress.py                      # 50 MB folder (all four reports) and one 48 MB article
    python bench/stress.py --folder-mb 50 --article-mb 2,4,8   # single articles of several sizes (linearity)
    python bench/stress.py --no-article         # the folder only

What it measures, each as a whole `python -m audit` process (wall time, peak RSS from wait4):

1. A folder of bilingual .txt articles built from NTREX-128 (all 123 documents, repeated until the folder
   holds `--folder-mb` MB), audited with `-r csv -r html -r json -r sarif`: time, MB/s, peak memory (the
   README promises under 300 MB for up to 50 MB).
2. One bilingual article made of the NTREX documents' paragraphs repeated up to `--article-mb` MB (the
   Chinese half, then the English half), audited with the four reports: time, MB/s against the folder's
   (linear cost means about the same rate), peak memory. `--timeout` stops a run that takes too long, which is
   reported as such.

NTREX-128 is read from ../shared/data/ntrex128 (CC BY-SA 4.0); the inputs are written to a temporary folder
and deleted afterwards. Linux only (peak memory from wait4).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.speed import audit_cmd, measure, ntrex_documents, pairs_of, write_corpus  # noqa: E402

REPORTS = ["-r", "csv", "-r", "html", "-r", "json", "-r", "sarif"]


def write_article(path: Path, documents: list[tuple[str, list[str], list[str]]], min_bytes: int) -> int:
    """One bilingual article of at least `min_bytes`: every document's paragraphs, again and again."""
    zh: list[str] = []
    en: list[str] = []
    size = 0
    while size < min_bytes:
        for _, z, e in documents:
            zh += z
            en += e
            size += sum(len(line.encode("utf-8")) + 2 for line in z + e)
    data = ("\n\n".join(zh) + "\n\n" + "\n\n".join(en) + "\n").encode("utf-8")
    path.write_bytes(data)
    return len(data)


def row(label: str, size: int, args: list[str], timeout: float) -> str:
    try:
        measured = measure(["timeout", "--signal=TERM", str(int(timeout)), *args], sample=False)
    except subprocess.SubprocessError as error:
        return f"| {label} | failed: {error} | | |"
    if measured.returncode == 124:
        return f"| {label} | over {timeout:.0f} s (stopped) | | |"
    rate = size / 1e6 / measured.wall
    pairs = pairs_of(measured.stdout)
    return (f"| {label} | {measured.wall:.1f} s | {measured.peak_kb / 1024:.0f} MB | {rate:.2f} MB/s, {pairs:,} pairs "
            f"(exit {measured.returncode}) |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder-mb", type=float, default=50.0)
    parser.add_argument("--article-mb", default="48", help="comma-separated sizes of single articles, in MB")
    parser.add_argument("--no-folder", action="store_true")
    parser.add_argument("--no-article", action="store_true")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds before a run is stopped")
    args = parser.parse_args()
    documents = ntrex_documents()
    print("| input | time | peak memory | rate |\n| --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        if not args.no_folder:
            files, size, _ = write_corpus(folder, documents, int(args.folder_mb * 1e6))
            label = f"folder, {size / 1e6:.1f} MB, {files:,} articles, four reports"
            print(row(label, size, audit_cmd("check", str(folder), "--out", str(Path(tmp) / "out-folder"), *REPORTS),
                      args.timeout), flush=True)
        for mb in [] if args.no_article else [float(x) for x in args.article_mb.split(",")]:
            path = Path(tmp) / f"article-{mb:g}mb.txt"
            size = write_article(path, documents, int(mb * 1e6))
            print(row(f"one article, {size / 1e6:.1f} MB, four reports", size,
                      audit_cmd("check", str(path), "--out", str(Path(tmp) / f"out-{mb:g}"), *REPORTS), args.timeout),
                  flush=True)


if __name__ == "__main__":
    main()
