"""Speed and memory of `audit check`: cold start, throughput, memory, a peer (pofilter), and where time goes.

    python bench/speed.py                 # the full table (about 10 minutes on 2 cores)
    python bench/speed.py --quick         # 5 MB corpus only, fewer cold-start runs (about 4 minutes)
    python bench/speed.py --cold          # the cold start only (about a minute)
    python bench/speed.py --size-mb 20 --runs 7 --profile-top 15

What it measures, each as whole `python -m audit` processes (what a user waits for):

1. Cold start: `audit check fixtures/seed-article.txt --out TMP -q`, reports written (csv and html, the
   defaults): median wall time and peak memory (max RSS) of several runs, after a run on the NTREX documents
   that fills the user cache (audit.lexicon.cache) with all an audit may load; the very first run on a
   machine, with an empty cache, is timed too. Bytecode is written and used, as by an installed tool. CPU
   seconds (user + system) are given beside wall time: on a shared, loaded machine they move far less.
2. Throughput: a folder of bilingual .txt articles built from NTREX-128 (all 123 documents, zh-TW and
   English, one file per document), repeated until the folder holds at least 5 MB and then 20 MB of text;
   `audit check FOLDER -r csv` with one process and with `--jobs 2`: MB and sentence pairs per second; on the
   large corpus also as pure Python (AUDIT_PURE_PYTHON=1), what an install without a C compiler runs.
3. Memory: peak RSS of those runs (all processes of the run, sampled every 250 ms, for --jobs 2: reading
   their memory maps more often took 7 % of the two cores from the run it measures).
4. A peer: translate-toolkit's pofilter (all its string checks, no alignment) on the same sentence pairs
   exported as PO files (one per document), against `audit check` on the .txt folder and on the PO files;
   time per 1,000 pairs and our ratio to pofilter.
5. Where the time goes: the 123 documents audited in-process, timed by stage (reading, sentence
   splitting, alignment, each rule) and, in a process of its own, under cProfile (the functions with the most
   time of their own); each the first reading of the text, after the bundled sample has loaded every table.

NTREX-128 is read from ../shared/data/ntrex128 (CC BY-SA 4.0); the corpus is written to a temporary folder
and deleted afterwards. Linux only (peak memory is read from /proc and wait4).
"""

from __future__ import annotations

import argparse
import cProfile
import math
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data" / "ntrex128"
SAMPLE = ROOT / "fixtures" / "seed-article.txt"
PYTHON = sys.executable


# ---------------------------------------------------------------- corpus


def ntrex_documents() -> list[tuple[str, list[str], list[str]]]:
    ids = (DATA / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    zh = (DATA / "newstest2019-ref.zho-TW.txt").read_text(encoding="utf-8").splitlines()
    en = (DATA / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    docs: dict[str, tuple[list[str], list[str]]] = {}
    for doc_id, zh_line, en_line in zip(ids, zh, en):
        pair = docs.setdefault(doc_id.split("\t")[0].strip(), ([], []))
        pair[0].append(zh_line)
        pair[1].append(en_line)
    return [(name, z, e) for name, (z, e) in docs.items()]


def bilingual(zh: list[str], en: list[str]) -> str:
    """One article as a bilingual text file: the Chinese paragraphs, then the English ones."""
    return "\n\n".join(zh) + "\n\n" + "\n\n".join(en) + "\n"


def numbered(zh: list[str], en: list[str], first: int) -> tuple[list[str], list[str]]:
    """The lines of a document, each pair given the same serial number on both sides ("…（1234）。" / "… (1234).").

    An NTREX line is one sentence: with a serial each pair is a new text, so no cache of the audit is ever hit
    again, the worst case for memory (repeated copies of the same text find their results remembered)."""
    def mark(line: str, serial: int, opening: str, closing: str, space: str) -> str:
        body = line.rstrip()
        stop = len(body.rstrip("。！？.!?\"”’」』)"))
        return f"{body[:stop]}{space}{opening}{serial}{closing}{body[stop:]}"
    return ([mark(z, first + k, "（", "）", "") for k, z in enumerate(zh)],
            [mark(e, first + k, "(", ")", " ") for k, e in enumerate(en)])


def write_corpus(folder: Path, documents: list[tuple[str, list[str], list[str]]], min_bytes: int,
                 distinct: bool = False) -> tuple[int, int, int]:
    """Copies of the documents as .txt files until at least `min_bytes`: (files, bytes, copies); with `distinct`,
    every copy's lines carry serial numbers of their own (see `numbered`)."""
    one_copy = sum(len(bilingual(z, e).encode("utf-8")) for _, z, e in documents)
    copies = max(1, math.ceil(min_bytes / one_copy))
    files = total = serial = 0
    for copy in range(copies):
        target = folder / f"copy-{copy:03d}"
        target.mkdir(parents=True, exist_ok=True)
        for number, (name, zh, en) in enumerate(documents):
            if distinct:
                zh, en = numbered(zh, en, serial)
                serial += len(zh)
            data = bilingual(zh, en).encode("utf-8")
            (target / f"{number:03d}-{name}.txt").write_bytes(data)
            files += 1
            total += len(data)
    return files, total, copies


def _po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n") + '"'


def write_po(folder: Path, documents: list[tuple[str, list[str], list[str]]], copies: int) -> int:
    """The same sentence pairs as PO files (msgid Chinese, msgstr English), one file per document."""
    pairs = 0
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n'
    for copy in range(copies):
        target = folder / f"copy-{copy:03d}"
        target.mkdir(parents=True, exist_ok=True)
        for number, (name, zh, en) in enumerate(documents):
            units = [f"msgctxt {_po_string(str(k))}\nmsgid {_po_string(z)}\nmsgstr {_po_string(e)}\n" for k, (z, e) in enumerate(zip(zh, en))]
            (target / f"{number:03d}-{name}.po").write_text(header + "\n".join(units), encoding="utf-8")
            pairs += len(units)
    return pairs


# ---------------------------------------------------------------- processes


@dataclass
class Measured:
    wall: float
    peak_kb: int  # all processes of the run
    stdout: str
    returncode: int
    cpu: float = 0.0  # user + system seconds of the process (its --jobs workers are counted only once reaped)


def _tree_rss_kb(pid: int) -> int:
    """Memory of a process and its descendants (Linux /proc): the proportional set size, so that pages the
    forked workers share with their parent (the loaded dictionaries) are counted once, not once per process."""
    children: dict[int, list[int]] = defaultdict(list)
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            children[int(fields[1])].append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            total += int(re.search(r"^Pss:\s+(\d+)", rollup, re.M).group(1))  # type: ignore[union-attr]
        except (OSError, AttributeError):
            pass
        stack.extend(children.get(current, ()))
    return total


def measure(args: list[str], *, env: dict[str, str] | None = None, sample: bool = False) -> Measured:
    """Run a command; wall time and peak memory: max RSS from wait4, or with `sample` the larger of that and
    the sampled PSS of the whole process tree (workers included)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
        peak = [0]
        stop = threading.Event()

        def sampler() -> None:
            while not stop.wait(0.25):
                peak[0] = max(peak[0], _tree_rss_kb(process.pid))

        thread = threading.Thread(target=sampler, daemon=True)
        if sample:
            thread.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        stop.set()
        if sample:
            thread.join()
        out.seek(0)
        text = out.read().decode("utf-8", errors="replace")
    return Measured(wall, max(peak[0], usage.ru_maxrss), text, process.returncode, usage.ru_utime + usage.ru_stime)


def audit_cmd(*args: str) -> list[str]:
    return [PYTHON, "-m", "audit", *args]


def pairs_of(stdout: str) -> int:
    match = re.search(r"(\d+) documents?, (\d+) aligned pairs", stdout)
    return int(match.group(2)) if match else 0


# ---------------------------------------------------------------- the parts


def cold_start(runs: int, tmp: Path, documents: list[tuple[str, list[str], list[str]]]) -> list[str]:
    out = tmp / "cold-out"
    args = audit_cmd("check", str(SAMPLE), "--out", str(out), "-q")
    # An installed tool runs from bytecode (pip writes it; a checkout writes it on its first run). With
    # PYTHONDONTWRITEBYTECODE set (as in some containers), a checkout would compile its 90 modules from source
    # on every run (about 0.25 s): not what a user's start costs, so the measurement lets bytecode be written.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    empty_cache = tmp / "empty-cache"
    first = measure(args, env={**env, "AUDIT_CACHE_DIR": str(empty_cache)})
    # Fill the user cache if it is empty, all of it: the sample needs no name tagger and its HMM, NTREX does
    # (all 123 documents: ten need no HMM); else the first throughput run would pay for building them.
    warm = tmp / "warm-up"
    write_corpus(warm, documents, 1)
    measure(audit_cmd("check", str(warm), "--out", str(out), "-q"), env=env)
    shutil.rmtree(warm)
    times = [measure(args, env=env) for _ in range(runs)]
    wall = statistics.median(m.wall for m in times)
    peak = statistics.median(m.peak_kb for m in times)
    cpu = sorted(m.cpu for m in times)
    return [
        f"| cold start, one article, reports written (median of {runs}) | {wall:.2f} s | {peak / 1024:.0f} MB | "
        f"min {min(m.wall for m in times):.2f} s, max {max(m.wall for m in times):.2f} s; CPU median "
        f"{statistics.median(cpu):.2f} s, min {cpu[0]:.2f} s (what a loaded machine moves least) |",
        f"| first run on a machine (empty user cache, built then) | {first.wall:.2f} s | {first.peak_kb / 1024:.0f} MB | once per user and version |",
    ]


def throughput(folder: Path, size: int, tmp: Path, jobs: int, pure: bool = False) -> tuple[str, Measured, int]:
    out = tmp / f"out-{jobs}"
    env = {**os.environ, "AUDIT_PURE_PYTHON": "1"} if pure else None
    measured = measure(audit_cmd("check", str(folder), "--out", str(out), "-r", "csv", "--jobs", str(jobs)), env=env, sample=True)
    pairs = pairs_of(measured.stdout)
    mb = size / 1e6
    row = (f"| {mb:.1f} MB, {pairs:,} pairs, --jobs {jobs}{', pure Python (AUDIT_PURE_PYTHON=1)' if pure else ''} | "
           f"{measured.wall:.1f} s | {measured.peak_kb / 1024:.0f} MB | {mb / measured.wall:.2f} MB/s, {pairs / measured.wall:,.0f} pairs/s |")
    return row, measured, pairs


def peer(documents: list[tuple[str, list[str], list[str]]], tmp: Path, copies: int) -> list[str]:
    po = tmp / "po"
    pairs = write_po(po, documents, copies)
    txt = tmp / "peer-txt"
    write_corpus(txt, documents, 1)
    for extra in range(1, copies):
        shutil.copytree(txt / "copy-000", txt / f"copy-{extra:03d}")
    pofilter = Path(PYTHON).with_name("pofilter")
    filters = subprocess.run([str(pofilter), "--listfilters"], capture_output=True, text=True).stdout
    count = sum(1 for line in filters.splitlines() if re.match(r"^[a-z]\w*\t", line))
    theirs = measure([str(pofilter), "--progress=none", "-i", str(po), "-o", str(tmp / "pofilter-out")])
    ours = measure(audit_cmd("check", str(txt), "--out", str(tmp / "peer-out"), "-r", "csv", "-q"))
    ours_po = measure(audit_cmd("check", str(po), "--out", str(tmp / "peer-out-po"), "-r", "csv", "-q"))
    per = 1000 / pairs
    base = theirs.wall * per
    return [
        f"| pofilter ({count} checks, no alignment), {pairs:,} pairs as PO | {theirs.wall:.1f} s | {theirs.peak_kb / 1024:.0f} MB | "
        f"{base:.2f} s per 1,000 pairs |",
        f"| audit check, same pairs as .txt articles (aligned) | {ours.wall:.1f} s | {ours.peak_kb / 1024:.0f} MB | "
        f"{ours.wall * per:.2f} s per 1,000 pairs, {ours.wall * per / base:.2f}× pofilter's time |",
        f"| audit check, the same PO files (pre-aligned units) | {ours_po.wall:.1f} s | {ours_po.peak_kb / 1024:.0f} MB | "
        f"{ours_po.wall * per:.2f} s per 1,000 pairs, {ours_po.wall * per / base:.2f}× pofilter's time |",
    ]


def where_time_goes(documents: list[tuple[str, list[str], list[str]]], tmp: Path, top: int, *, profile: bool) -> list[str]:
    """Stage timings and a cProfile summary of auditing the 123 documents in this process, each the first reading of
    their text: the process first audits the bundled sample (which loads every dictionary, tagger and table), so
    what is timed is the work an article of new text costs. Every per-text memory of the audit (audit.remembered,
    the rules' caches) would answer a second pass over the same text, so the profile runs in a process of its own."""
    from audit.align import align, warm_up
    from audit.checks.base import Context
    from audit.checks.registry import select_rules
    from audit.io.text import read_bilingual
    from audit.lexicon.glossary import load_glossary
    from audit.model import AlignedDocument
    from audit.sections import unit_pairs
    from audit.segment import segment_blocks

    folder = tmp / "profile"
    write_corpus(folder, documents, 1)
    paths = sorted(folder.rglob("*.txt"))
    glossary = load_glossary()
    rules = select_rules()
    warm_up()
    stages: dict[str, float] = defaultdict(float)
    size = sum(path.stat().st_size for path in paths)
    counted = [0]  # sentence pairs of the last pass

    def audit_all(files: list[Path]) -> None:
        counted[0] = 0
        for path in files:
            t = time.perf_counter()
            document = read_bilingual(path)
            stages["read"] += time.perf_counter() - t
            t = time.perf_counter()
            source, target = segment_blocks(document.source, "zh"), segment_blocks(document.target, "en")
            stages["segment (sentences, normalization)"] += time.perf_counter() - t
            t = time.perf_counter()
            pairs = unit_pairs(source, target) if document.prealigned else align(source, target, glossary)
            stages["align"] += time.perf_counter() - t
            counted[0] += len(pairs)
            aligned = AlignedDocument(document, source, target, pairs)
            context = Context(glossary)
            for rule in rules:
                t = time.perf_counter()
                list(rule.check_document(aligned, context))
                stages[f"rule {rule.code} {rule.name}"] += time.perf_counter() - t

    audit_all([SAMPLE])  # loads what is loaded on first use (dictionaries, tagger, pinyin), on other text
    stages.clear()
    if not profile:
        started = time.perf_counter()
        audit_all(paths)
        total = time.perf_counter() - started
        lines = [f"Stages, {len(paths)} documents ({size / 1e6:.2f} MB, {counted[0]:,} pairs) audited in-process in {total:.2f} s "
                 f"(dictionaries loaded, the text read for the first time): {size / 1e6 / total:.2f} MB/s, {counted[0] / total:,.0f} "
                 "pairs/s on one core. The throughput rows above read NTREX over and over, so per-sentence memories help them.",
                 "", "| stage | seconds | share |", "|---|---|---|"]
        for name, seconds in sorted(stages.items(), key=lambda item: -item[1]):
            if seconds >= 0.005:
                lines.append(f"| {name} | {seconds:.2f} | {seconds / total:.0%} |")
        return lines
    profiler = cProfile.Profile()
    profiler.runcall(audit_all, paths)
    stats = pstats.Stats(profiler)
    rows = sorted(stats.stats.items(), key=lambda item: -item[1][2])[:top]  # type: ignore[attr-defined]
    lines = [f"cProfile, the {top} functions with the most time of their own (the same first reading, under the "
             "profiler, as pure Python: compiled functions are invisible to it):", "",
             "| function | calls | own s | with callees s |", "|---|---|---|---|"]
    for (filename, line, name), (_, calls, own, cumulative, _) in rows:
        where = Path(filename).name if filename != "~" else ""
        lines.append(f"| {where}:{line} {name} | {calls:,} | {own:.2f} | {cumulative:.2f} |")
    return lines


def build() -> str:
    """Whether the hot modules run compiled (setup.py) or as Python."""
    code = ("import audit, audit.pipeline, audit.checks.registry as r; r.select_rules(); "
            "print(len(audit.compiled_modules()))")
    found = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    if os.environ.get("AUDIT_PURE_PYTHON") or found in ("", "0"):
        return "pure Python (not compiled)"
    return f"compiled with Cython (setup.py): {found} of the modules an audit loads"


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, AttributeError):
        pass
    return (f"{os.cpu_count()} cores ({model or platform.processor() or 'unknown CPU'}){memory}, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=float, default=20.0, help="the large corpus, in MB (default 20)")
    parser.add_argument("--small-mb", type=float, default=5.0, help="the small corpus, for memory flatness (default 5)")
    parser.add_argument("--runs", type=int, default=7, help="cold-start runs (default 7)")
    parser.add_argument("--peer-copies", type=int, default=4, help="copies of NTREX for the pofilter comparison")
    parser.add_argument("--profile-top", type=int, default=12)
    parser.add_argument("--quick", action="store_true", help="small corpus only, 3 cold-start runs")
    parser.add_argument("--cold", action="store_true", help="the cold start only (about a minute)")
    parser.add_argument("--profile-only", action="store_true", help=argparse.SUPPRESS)  # run by main as pure Python
    args = parser.parse_args()
    if args.profile_only:
        with tempfile.TemporaryDirectory(prefix="audit-profile-") as folder:
            print("\n".join(where_time_goes(ntrex_documents(), Path(folder), args.profile_top, profile=True)))
        return
    if args.quick:
        args.runs, args.size_mb = 3, 0.0
    documents = ntrex_documents()
    tmp = Path(tempfile.mkdtemp(prefix="audit-speed-"))
    try:
        print(f"Machine: {machine()}")
        built = build()
        compiled = built.startswith("compiled")
        print(f"Checkout: {_checkout()}; {built}\n")
        print("| what | wall | peak memory | rate |")
        print("|---|---|---|---|")
        for row in cold_start(args.runs, tmp, documents):
            print(row, flush=True)
        if args.cold:
            return
        sizes = [args.small_mb] + ([args.size_mb] if args.size_mb > args.small_mb else [])
        peaks = []
        for size_mb in sizes:
            folder = tmp / f"corpus-{size_mb:g}"
            _, size, _ = write_corpus(folder, documents, int(size_mb * 1e6))
            for jobs in (1, 2):
                row, measured, _ = throughput(folder, size, tmp, jobs)
                print(row, flush=True)
                if jobs == 1:
                    peaks.append((size / 1e6, measured.peak_kb / 1024))
            if size_mb == sizes[-1] and compiled:
                print(throughput(folder, size, tmp, 1, pure=True)[0], flush=True)
            shutil.rmtree(folder)
        for row in peer(documents, tmp, args.peer_copies):
            print(row, flush=True)
        if len(peaks) > 1:
            (small, small_peak), (large, large_peak) = peaks[0], peaks[-1]
            print(f"\nMemory from {small:.0f} MB to {large:.0f} MB of text (one process): {small_peak:.0f} MB → {large_peak:.0f} MB peak RSS "
                  f"({(large_peak - small_peak) / (large - small):+.1f} MB per MB of input).")
        print()
        for line in where_time_goes(documents, tmp, args.profile_top, profile=False):
            print(line)
        print()  # profiled in a process of its own, where the text is new, and as Python (cProfile sees no compiled function)
        print(subprocess.run([PYTHON, __file__, "--profile-only", "--profile-top", str(args.profile_top)], text=True,
                             capture_output=True, env={**os.environ, "AUDIT_PURE_PYTHON": "1"}, cwd=ROOT).stdout, end="")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _checkout() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True, cwd=ROOT).stdout
        return f"{head}{' + uncommitted changes' if dirty.strip() else ''}"
    except OSError:
        return "unknown"


if __name__ == "__main__":
    main()
