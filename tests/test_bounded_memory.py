"""A large run holds one document at a time: its results wait on disk and its reports stream to their files,
so the memory of a run over many articles is about that of a run over a few (no timing involved: tracemalloc
counts the bytes Python holds)."""

from __future__ import annotations

import gc
import pickle
import tracemalloc
from pathlib import Path

import pytest

from audit import run as run_module
from audit.config import Settings
from audit.io.text import read_bilingual
from audit.model import DocumentResult
from audit.run import FORMATS, SpooledResults, audit_documents, meta, report_renderers, write_reports
from tests.conftest import SAMPLE


def _peak(copies: int, out: Path) -> int:
    """Bytes at the peak of a large run over `copies` articles, from the audit to the four reports written."""
    settings = Settings()
    readers = [(f"copy-{k}.txt", lambda: read_bilingual(SAMPLE)) for k in range(copies)]
    gc.collect()
    tracemalloc.start()
    try:
        run = audit_documents(readers, settings, compact=True, large=True)
        write_reports(report_renderers(run.results, list(FORMATS), meta(settings)), out)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _held_size(result: DocumentResult) -> int:
    """Bytes one document's result takes when held in memory (a fresh copy of it, as a list would hold)."""
    data = pickle.dumps(result)
    gc.collect()
    tracemalloc.start()
    try:
        copy = pickle.loads(data)
        size = tracemalloc.get_traced_memory()[0]
        del copy
        return size
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module")
def one_result() -> DocumentResult:
    return audit_documents([("copy-0.txt", lambda: read_bilingual(SAMPLE))], Settings(), compact=True, large=True).results[0]


def test_forty_articles_take_about_the_memory_of_four(tmp_path: Path, one_result: DocumentResult) -> None:
    _peak(4, tmp_path / "warm")  # dictionaries loaded and per-sentence caches filled before measuring
    few = _peak(4, tmp_path / "few")
    many = _peak(40, tmp_path / "many")
    held = _held_size(one_result)
    assert one_result.findings and held > 2_000
    # Holding every document would add 36 results' worth (measured: 8.3 KB each, +300 KB); what may grow per
    # article is its row in the HTML overview and the bounded caches' churn (measured: under 2 KB each).
    assert many - few < 36 * held / 2, (few, many, held)


def test_a_run_that_held_every_result_would_fail_that_bound(tmp_path: Path, one_result: DocumentResult,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The bound above can fail: with the results held in a list, 40 articles go past it."""
    monkeypatch.setattr(run_module, "SpooledResults", list)
    _peak(4, tmp_path / "warm")
    few = _peak(4, tmp_path / "few")
    many = _peak(40, tmp_path / "many")
    assert many - few > 36 * _held_size(one_result) / 2, (few, many)


def test_spooled_results_read_back_as_a_list_would(one_result: DocumentResult) -> None:
    spool = SpooledResults()
    results = [pickle.loads(pickle.dumps(one_result)) for _ in range(3)]
    for number, result in enumerate(results):
        result.suppressed = number  # tell them apart
    spool.extend(results)
    assert len(spool) == 3
    assert [r.suppressed for r in spool] == [0, 1, 2] == [r.suppressed for r in spool]  # read again, same
    assert spool[-1].suppressed == 2 and [r.suppressed for r in spool[1:]] == [1, 2]
    assert [f.id for f in spool[0].findings] == [f.id for f in one_result.findings]
    with pytest.raises(IndexError):
        spool[3]  # noqa: B018


def test_a_full_disk_keeps_the_rest_of_the_results_in_memory(one_result: DocumentResult,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    spool = SpooledResults()
    spool.append(one_result)
    real_dump = pickle.dump

    def disk_full(*args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pickle, "dump", disk_full)
    spool.append(one_result)
    spool.append(one_result)
    monkeypatch.setattr(pickle, "dump", real_dump)
    assert len(spool) == 3
    assert [[f.id for f in r.findings] for r in spool] == [[f.id for f in one_result.findings]] * 3


def test_every_cache_of_the_package_is_bounded() -> None:
    """No cache grows with the input: each lru_cache keeps at most WORDS entries (a per-word cache; a per-text one
    SENTENCES), each remembered table at most SENTENCES texts (audit.remembered). On text that never repeats,
    caches of 65,536 and 200,000 entries had grown with a 20 MB article (bench/stress.py --distinct)."""
    import functools
    import importlib
    import pkgutil

    import audit
    from audit.remembered import SENTENCES, WORDS, Remembered

    caches = 0
    for module_info in pkgutil.walk_packages(audit.__path__, "audit."):
        last = module_info.name.rsplit(".", 1)[-1]
        if last.startswith("build_") or last == "__main__":
            continue  # data builders run at build time only (the [dictionary] extra); __main__ runs the CLI
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            where = f"{module_info.name}.{name}"
            if isinstance(value, functools._lru_cache_wrapper) and getattr(value, "__module__", "") == module_info.name:
                caches += 1
                maxsize = value.cache_info().maxsize
                assert maxsize is not None and maxsize <= WORDS, f"{where}: lru_cache(maxsize={maxsize})"
            elif isinstance(value, Remembered):
                assert value._size <= SENTENCES, f"{where}: Remembered({value._size})"
    assert caches > 40  # the walk reached the package's modules
