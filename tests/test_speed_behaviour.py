"""What the speed work must not change, and what it promises: behaviour only, never timings.

- (the fast copies of jieba's tagger, pypinyin and OpenCC, and the glossary matching: tests/test_fast_copies.py)
- `--jobs 2` finds exactly what one process finds, in the same order;
- the progress bar never reaches a pipe; the hook streams and writes nothing;
- `audit check` on one article imports neither pandas, jieba nor pypinyin (the cold start's budget);
- the user cache is rebuilt when unusable, and everything still works without one.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from audit.lexicon.glossary import Glossary
from tests.conftest import NTREX, ROOT, SAMPLE

needs_ntrex = pytest.mark.skipif(not NTREX.is_dir(), reason="NTREX-128 not found in ../shared/data/ntrex128")


def audit(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=cwd or ROOT, timeout=300,
                          env=env)


def _ntrex_lines(name: str, limit: int) -> list[str]:
    return (NTREX / name).read_text(encoding="utf-8").splitlines()[:limit]


# ---------------------------------------------------------------- processes and runs


def _write_corpus(folder: Path, documents: int = 12) -> None:
    ids = _ntrex_lines("DOCUMENT_IDS.tsv", 10_000)
    zh = _ntrex_lines("newstest2019-ref.zho-TW.txt", 10_000)
    en = _ntrex_lines("newstest2019-src.eng.txt", 10_000)
    docs: dict[str, tuple[list[str], list[str]]] = {}
    for doc_id, z, e in zip(ids, zh, en):
        docs.setdefault(doc_id.split("\t")[0], ([], []))
        docs[doc_id.split("\t")[0]][0].append(z)
        docs[doc_id.split("\t")[0]][1].append(e)
    for number, (name, (z, e)) in enumerate(list(docs.items())[:documents]):
        text = "\n\n".join(z) + "\n\n" + "\n\n".join(e) + "\n"
        (folder / f"{number:02d}-{name}.txt").write_text(text, encoding="utf-8")
    # an unreadable input (bilingual at a glance, not valid UTF-8) is reported and skipped, in order
    (folder / "zz-broken.txt").write_bytes("中文的段落。\n\nAn English paragraph.\n".encode("utf-8") + b"\xff\n")


@needs_ntrex
def test_jobs_two_finds_exactly_what_one_process_finds(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write_corpus(corpus)
    runs = {}
    for jobs in ("1", "2"):
        out = tmp_path / "out"  # the same folder: the `reports:` line names it
        result = audit("-m", "audit", "check", str(corpus), "--out", str(out), "-r", "csv", "-r", "json", "--jobs", jobs)
        assert result.returncode in (1, 2), result.stderr
        json_text = (out / "audit.json").read_text(encoding="utf-8")
        runs[jobs] = (result.stdout, result.stderr, result.returncode, (out / "audit.csv").read_bytes(),
                      re.sub(r'"generated": "[^"]*"', "", json_text))
    assert runs["1"] == runs["2"]
    assert "zz-broken.txt" in runs["1"][1]


@needs_ntrex
def test_hook_with_jobs_matches_hook_without(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write_corpus(corpus, documents=6)
    files = sorted(str(p) for p in corpus.glob("0*.txt"))
    one = audit("-m", "audit", "hook", "--fail-on", "warning", *files)
    two = audit("-m", "audit", "hook", "--fail-on", "warning", "--jobs", "2", *files)
    assert (one.stdout, one.returncode) == (two.stdout, two.returncode)
    assert one.stdout and "\r" not in one.stdout + one.stderr
    assert not (corpus / "reports").exists() and not (ROOT / "reports" / "never").exists()


def test_no_progress_bar_when_piped(tmp_path: Path) -> None:
    second = tmp_path / "second.txt"
    second.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = audit("-m", "audit", "check", str(SAMPLE), str(second), "--out", str(tmp_path / "out"))
    assert "\r" not in result.stderr and "documents," not in result.stderr and "[#" not in result.stderr


def test_progress_bar_draws_on_a_terminal_and_erases_itself() -> None:
    from audit.progress import Progress

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    bar = Progress(3, stream, delay=0.0, interval=0.0)
    for label in ("a", "b", "c"):
        bar.advance(label)
    bar.close()
    text = stream.getvalue()
    assert "3/3 documents" in text and text.endswith("\r")
    assert Progress.on_terminal(10) is None or sys.stderr.isatty()  # pytest captures stderr: no bar


def test_one_article_check_imports_neither_pandas_nor_the_big_lexicon_libraries(tmp_path: Path) -> None:
    result = audit("-X", "importtime", "-m", "audit", "check", str(SAMPLE), "--out", str(tmp_path / "out"), "-q")
    assert result.returncode == 1, result.stderr
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    for heavy in ("pandas", "jieba", "jieba.posseg", "pypinyin", "translate", "sacrebleu"):
        assert heavy not in imported, f"{heavy} imported on the one-article path"
    assert (tmp_path / "out" / "audit.csv").is_file() and (tmp_path / "out" / "audit.html").is_file()


def test_works_without_a_writable_cache_and_rebuilds_a_damaged_one(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    env = {**os.environ, "AUDIT_CACHE_DIR": str(blocked / "cache")}
    plain = audit("-m", "audit", "check", str(SAMPLE), "--no-report", "-q")
    no_cache = audit("-m", "audit", "check", str(SAMPLE), "--no-report", "-q", env=env)
    assert (no_cache.stdout, no_cache.returncode) == (plain.stdout, plain.returncode)

    from audit.lexicon import cache

    folder = tmp_path / "cache"
    os.environ["AUDIT_CACHE_DIR"] = str(folder)
    try:
        assert cache.cached("probe", [SAMPLE], lambda: ("built", 1)) == ("built", 1)
        [entry] = list(folder.iterdir())
        entry.write_bytes(b"\x00damaged")
        assert cache.cached("probe", [SAMPLE], lambda: ("rebuilt", 2)) == ("rebuilt", 2)
        assert cache.cached("probe", [SAMPLE], lambda: ("never", 3)) == ("rebuilt", 2)
    finally:
        del os.environ["AUDIT_CACHE_DIR"]


def test_cache_entries_unused_for_a_month_go_when_another_is_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each checkout or version builds its own entries; those no run has used for 30 days are removed."""
    import time

    from audit.lexicon import cache

    monkeypatch.setenv("AUDIT_CACHE_DIR", str(tmp_path))
    old, recent, kept = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    for number, source in enumerate((old, recent, kept)):
        source.write_text(str(number))
        cache.cached("probe", [source], lambda: "built")
    cache.cached("probe-other", [old], lambda: "another name")
    entries = {source: tmp_path / cache.fingerprint("probe", [source]) for source in (old, recent, kept)}
    other_name = tmp_path / cache.fingerprint("probe-other", [old])
    month_ago = time.time() - cache.UNUSED_FOR - 3600
    for path in (entries[old], entries[recent], other_name):
        os.utime(path, (month_ago, month_ago))
    assert cache.cached("probe", [recent], lambda: "never") == "built"  # used now: marked as used
    kept.write_text("changed")  # a new fingerprint: a new entry is built
    assert cache.cached("probe", [kept], lambda: "rebuilt") == "rebuilt"
    assert not entries[old].exists()  # same name, unused for a month
    assert entries[recent].exists() and entries[kept].exists()  # used lately
    assert other_name.exists()  # another name: not this build's business


@needs_ntrex
def test_unknown_name_prefilter_changes_no_finding(glossary: Glossary, monkeypatch: pytest.MonkeyPatch) -> None:
    """N002 tags only sentences holding a run of transliteration characters that is no glossary form and
    sounds like nothing in the English, and only when the English holds a name the Chinese does not: the
    sentences it skips could never give a finding."""
    from audit import segment
    from audit.checks import names
    from audit.checks.base import Context
    from tests.conftest import make_pair

    zh = _ntrex_lines("newstest2019-ref.zho-TW.txt", 10_000)
    en = _ntrex_lines("newstest2019-src.eng.txt", 10_000)
    pairs = [make_pair(z, e, line) for line, (z, e) in enumerate(zip(zh, en), start=1)]
    pairs += [make_pair("佩斯科夫表示，會談很順利。", "Kushner said the talks went well."),
              make_pair("博尔特尼科夫和威特科夫会面。", "Bortnikov met Whitaker.")]
    rule, context = names.UnknownName(), Context(glossary)

    def found() -> list[tuple[str, str]]:
        return [(f.source_text, f.message) for pair in pairs for f in rule.check_pair(pair, context)]

    real, tagged = segment.person_names, []
    monkeypatch.setattr(segment, "person_names", lambda text, words: tagged.append(text) or real(text, words))
    filtered = found()
    skipped = len(pairs) - len(tagged)
    monkeypatch.setattr(names, "_unmatched_runs", lambda text, glossary, phrases: {"every run"})
    assert filtered == found()
    assert len(filtered) >= 5 and skipped > len(pairs) * 0.9
