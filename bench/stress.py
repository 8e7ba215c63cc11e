"""Time and memory of `audit check` on large input: a folder of many articles and one very large article.

    python bench/stress.py                      # news for scale, 50 MB folder, single articles of 5 and 48 MB
    python bench/stress.py --folder-mb 50 --article-mb 1,2,4   # single articles of several sizes (linearity)
    python bench/stress.py --no-article         # the folder only

What it measures, each as a whole `python -m audit` process with all four reports (`-r csv -r html -r json
-r sarif`): wall and CPU time, CPU seconds per MB (CPU, not wall: the machine may be shared), that rate
against ordinary news', and peak RSS (from wait4). The
target (issue #15): any input up to 50 MB, one article or many, in at most twice ordinary news' time per MB
and under 300 MB.

0. Ordinary news, for scale: the 123 NTREX-128 documents once, one article per file (0.49 MB).
1. A folder of bilingual .txt articles built from NTREX-128 (all 123 documents, repeated until the folder
   holds `--folder-mb` MB).
2. One bilingual article made of the NTREX documents' paragraphs repeated up to `--article-mb` MB (the
   Chinese half, then the English half); longer than a section (audit.sections), so audited in sections. `--timeout` stops a run that takes too long, which is reported as
   such with the time it was given.

NTREX-128 is read from ../shared/data/ntrex128 (CC BY-SA 4.0); the inputs are written to a temporary folder
and deleted afterwards. Linux only (peak memory from wait4).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.speed import SAMPLE, audit_cmd, measure, ntrex_documents, numbered, pairs_of, write_corpus  # noqa: E402

REPORTS = ["-r", "csv", "-r", "html", "-r", "json", "-r", "sarif"]
STOPPED = (124, 143, -15)  # timeout's own code, or the run ended by SIGTERM (from timeout, or from a user)


def write_article(path: Path, documents: list[tuple[str, list[str], list[str]]], min_bytes: int,
                  distinct: bool = False) -> int:
    """One bilingual article of at least `min_bytes`: every document's paragraphs, again and again (with
    `distinct`, each time with serial numbers of their own: see `bench.speed.numbered`)."""
    zh: list[str] = []
    en: list[str] = []
    size = 0
    while size < min_bytes:
        for _, z, e in documents:
            if distinct:
                z, e = numbered(z, e, len(zh))
            zh += z
            en += e
            size += sum(len(line.encode("utf-8")) + 2 for line in z + e)
    data = ("\n\n".join(zh) + "\n\n" + "\n\n".join(en) + "\n").encode("utf-8")
    path.write_bytes(data)
    return len(data)


def row(label: str, size: int, args: list[str], timeout: float, news: float | None) -> tuple[str, float | None]:
    """The table's row for one run, and its seconds per MB (None when it did not finish)."""
    try:
        measured = measure(["timeout", "--signal=TERM", str(int(timeout)), *args], sample=False)
    except subprocess.SubprocessError as error:
        return f"| {label} | failed: {error} | | | |", None
    if measured.returncode in STOPPED:
        return f"| {label} | stopped after {measured.wall:.0f} s | | {measured.peak_kb / 1024:.0f} MB until then | |", None
    per_mb = measured.cpu / (size / 1e6)
    scale = f" ({per_mb / news:.2f}× news)" if news else ""
    pairs = pairs_of(measured.stdout)
    return (f"| {label} | {measured.wall:.1f} s ({measured.cpu:.1f} s CPU) | {per_mb:.1f} CPU-s/MB{scale} | "
            f"{measured.peak_kb / 1024:.0f} MB | {pairs:,} pairs (exit {measured.returncode}) |"), per_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder-mb", type=float, default=50.0)
    parser.add_argument("--article-mb", default="5,48", help="comma-separated sizes of single articles, in MB")
    parser.add_argument("--no-folder", action="store_true")
    parser.add_argument("--no-article", action="store_true")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds before a run is stopped")
    parser.add_argument("--distinct", action="store_true",
                        help="a serial number in every sentence pair, so that no text repeats (caches never hit again)")
    args = parser.parse_args()
    documents = ntrex_documents()
    print("| input | time | per MB | peak memory | pairs |\n| --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        runs: list[tuple[str, Path, int]] = []
        files, size, _ = write_corpus(Path(tmp) / "news", documents, 1)
        runs.append((f"news for scale: {files} articles, {size / 1e6:.2f} MB", Path(tmp) / "news", size))
        if not args.no_folder:
            files, size, _ = write_corpus(Path(tmp) / "corpus", documents, int(args.folder_mb * 1e6), args.distinct)
            runs.append((f"folder, {size / 1e6:.1f} MB, {files:,} articles", Path(tmp) / "corpus", size))
        for mb in [] if args.no_article else [float(x) for x in args.article_mb.split(",")]:
            path = Path(tmp) / f"article-{mb:g}mb.txt"
            size = write_article(path, documents, int(mb * 1e6), args.distinct)
            runs.append((f"one article, {size / 1e6:.1f} MB", path, size))
        subprocess.run(audit_cmd("check", str(SAMPLE), "--out", str(Path(tmp) / "warm"), "-q"), capture_output=True)  # fills the per-user cache
        news = None
        for number, (label, path, size) in enumerate(runs):
            out = Path(tmp) / f"out-{number}"
            line, per_mb = row(label, size, audit_cmd("check", str(path), "--out", str(out), *REPORTS), args.timeout, news)
            news = news or per_mb
            shutil.rmtree(out, ignore_errors=True)
            print(line, flush=True)


if __name__ == "__main__":
    main()
