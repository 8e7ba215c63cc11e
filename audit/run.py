"""One audit run: settings → documents → findings → reports. The CLI and the hook are thin shells on this."""

from __future__ import annotations

import io
import os
import pickle
import signal
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Callable, Iterable, Iterator, Sequence, TextIO

from audit import __version__
from audit.baseline import drop_baselined, read_baseline
from audit.config import Settings
from audit.errors import AuditError, InputError
from audit.lazy import LazySequence
from audit.model import AlignedDocument, Document, DocumentResult, Segment, Severity
from audit.report.formats import REPORTS, ReportFormat, ReportInput

if TYPE_CHECKING:
    from audit.compare import PastRun, Trend
    from audit.decisions import Decisions, Review
    from audit.pipeline import Auditor
    from audit.progress import Progress

FORMATS = tuple(REPORTS)  # the formats --report takes, in the order their files are written

# A run is large when it audits more documents, or more bytes of input, than this. A compacted result of a large
# run keeps only the aligned pairs that carry findings, so that the memory a run holds until its reports are
# rendered grows with its findings, not with its input; a small run keeps the full side-by-side alignment.
LARGE_RUN_DOCUMENTS = 20
LARGE_RUN_BYTES = 2_000_000


def is_large_run(documents: int, input_bytes: int = 0) -> bool:
    return documents > LARGE_RUN_DOCUMENTS or input_bytes > LARGE_RUN_BYTES


class SpooledResults(LazySequence[DocumentResult]):
    """A large run's results, kept on disk rather than in memory: each pickled, as it comes, into an unnamed
    temporary file (gone when the process ends, however it ends), and read back each time it is needed. The
    reports and the terminal read a run's results a few times over; each reading holds one document at a time.
    Should the disk refuse a write, that result and the later ones stay in memory: the run goes on."""

    def __init__(self) -> None:
        self._offsets: list[int] = []  # where each result starts; -1: held in memory (`_held`)
        self._held: dict[int, DocumentResult] = {}
        self._end = 0
        try:
            self._file: BinaryIO | None = tempfile.TemporaryFile(prefix="audit-run-")
        except OSError:
            self._file = None
        self._writable = self._file is not None

    def append(self, result: DocumentResult) -> None:
        if self._writable and self._file is not None:
            try:
                self._file.seek(self._end)
                pickle.dump(result, self._file, protocol=pickle.HIGHEST_PROTOCOL)
                self._offsets.append(self._end)
                self._end = self._file.tell()
                return
            except OSError:
                self._writable = False  # a full disk: what was spooled before stays readable
        self._held[len(self._offsets)] = result
        self._offsets.append(-1)

    def extend(self, results: Iterable[DocumentResult]) -> None:
        for result in results:
            self.append(result)

    def __len__(self) -> int:
        return len(self._offsets)

    def _item(self, position: int) -> DocumentResult:
        offset = self._offsets[position]
        if offset < 0 or self._file is None:
            return self._held[position]
        self._file.seek(offset)
        result: DocumentResult = pickle.load(self._file)
        return result


@dataclass
class Run:
    results: list[DocumentResult] | SpooledResults = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # one line per input that could not be read
    reference: str = ""  # corpus scores against a reference translation, with their signatures
    review: "Review | None" = None  # the decisions applied to each document as it came

    def worst(self) -> Severity | None:
        return max((f.severity for r in self.results for f in r.findings), default=None)

    def exit_code(self, fail_on: Severity) -> int:
        if self.failures:
            return 2
        worst = self.worst()
        return 1 if worst is not None and worst >= fail_on else 0


Reader = Callable[[], Document]


def audit_documents(readers: list[tuple[str, Reader]], settings: Settings, *, strict: bool = False,
                    reference: Path | None = None, jobs: int = 1, progress: "Progress | None" = None,
                    compact: bool = False, large: bool | None = None, input_bytes: int = 0,
                    decisions: "Decisions | None" = None) -> Run:
    """Read and audit each document; a bad input is recorded and skipped (or, with `strict`, stops the run).

    With `compact`, each result keeps only what the reports read (its pairs and findings), not the
    paragraphs as read nor the normalized text; in a large run (`large`, by default `is_large_run` of the
    documents and `input_bytes`), only the pairs that carry findings, and the results of more than one document
    are spooled to disk (`SpooledResults`): memory then stays that of one document, however many there are. With `decisions`,
    each document's findings are reviewed as it comes (`run.review`; `review_results` finishes it)."""
    if large is None:
        large = is_large_run(len(readers), input_bytes)
    # One document (however long) is held as it is: spooled, it would be read back whole for each report all the
    # same, after a pickling whose memo of its every object took 40 MB more at the end of a 48 MB article.
    run = Run(SpooledResults() if compact and large and len(readers) > 1 else [])
    if decisions is not None:
        from audit.decisions import Review

        run.review = Review(decisions)
    run.results.extend(iter_results(readers, settings, run, strict=strict, reference=reference, jobs=jobs, progress=progress,
                                    compact=compact, large=large))
    return run


def iter_results(readers: list[tuple[str, Reader]], settings: Settings, run: Run, *, strict: bool = False,
                 reference: Path | None = None, jobs: int = 1, progress: "Progress | None" = None,
                 compact: bool = False, large: bool = False) -> Iterator[DocumentResult]:
    """The documents' results one at a time, in input order, so that a caller may report and forget each.

    Failures to read are appended to `run.failures` (or raised, with `strict`). With `jobs` > 1 the documents
    are audited by that many worker processes (forked, so they share the loaded dictionaries); the results,
    the baseline's bookkeeping and the failures are exactly those of a run with one process. With `compact`,
    results come as `compact_result` makes them (in the worker, so that less crosses between processes); with
    `large` too, they keep only the pairs with findings (those the baseline leaves reported)."""
    from audit.checks.registry import check_severities, select_rules
    from audit.lexicon.glossary import load_glossary
    from audit.pipeline import Auditor

    check_severities(settings.severity)
    auditor = Auditor(load_glossary(settings.glossary, bundled=settings.bundled_glossary), select_rules(settings.select, settings.ignore))
    baseline = read_baseline(settings.baseline) if settings.baseline else Counter()
    if reference is not None and len(readers) != 1:
        raise AuditError("--reference goes with exactly one document")
    workers = _workers(jobs, len(readers)) if reference is None else 1
    if workers > 1:
        outcomes = _audit_parallel(readers, auditor, workers, compact, large)
    else:
        outcomes = _audit_serial(readers, auditor, reference, settings, run, compact, large)
    try:
        for label, outcome in outcomes:
            if isinstance(outcome, str):  # an input error, as its message
                if strict:
                    raise InputError(outcome)
                run.failures.append(outcome)
            else:
                _override_severity(outcome, settings.severity)
                if drop_baselined(outcome, baseline) and compact and large:
                    outcome = compact_result(outcome, findings_only=True)  # pairs whose findings were all known
                if run.review is not None:
                    run.review.take(outcome)
                yield outcome
            if progress is not None:
                progress.advance(label)
    finally:
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()


Outcome = tuple[str, "DocumentResult | str"]


def _audit_serial(readers: list[tuple[str, Reader]], auditor: "Auditor", reference: Path | None, settings: Settings,
                  run: Run, compact: bool, large: bool) -> Iterator[Outcome]:
    for label, read in readers:
        try:
            document = read()
        except InputError as error:
            yield label, str(error)
            continue
        if reference is None:
            result = auditor.run(document, _keeper(compact, large))
            del document  # the paragraphs as read are let go before the caller takes the result (and spools it)
            yield label, result
            continue
        auditor.options.reference = {document.name: _reference_segments(reference, settings.encoding)}
        result = auditor.run(document)  # scored against the reference with all its pairs, then compacted
        run.reference = _reference_summary(result, auditor.options.reference[document.name])
        yield label, compact_result(result, findings_only=large) if compact else result


def _keeper(compact: bool, large: bool) -> "Callable[[DocumentResult], DocumentResult] | None":
    """What a result keeps (`compact_result`), applied by the auditor to each section of a long article."""
    return (lambda result: compact_result(result, findings_only=large)) if compact else None


def _workers(jobs: int, documents: int) -> int:
    """How many processes: never more than documents, and one where processes cannot be forked."""
    if jobs == 1 or documents <= 1:
        return 1  # decided without importing multiprocessing (and the socket module it loads): 5-10 ms of a start
    import multiprocessing

    if jobs <= 0:
        jobs = os.cpu_count() or 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1  # Windows: a spawned worker would load every dictionary again; one process is faster
    return max(1, min(jobs, documents))


# The work of a parallel run, set before the workers are forked: they inherit it rather than unpickle it.
_SHARED: tuple[list[tuple[str, Reader]], "Auditor", bool, bool] | None = None


def _audit_one(index: int) -> Outcome:
    assert _SHARED is not None
    readers, auditor, compact, large = _SHARED
    label, read = readers[index]
    try:
        document = read()
    except InputError as error:
        return label, str(error)
    return label, auditor.run(document, _keeper(compact, large))


def _audit_parallel(readers: list[tuple[str, Reader]], auditor: "Auditor", workers: int, compact: bool,
                    large: bool) -> Iterator[Outcome]:
    """Documents audited by `workers` forked processes; results come back in input order."""
    import multiprocessing

    global _SHARED
    _warm_up(auditor)  # load the dictionaries once, before forking, so that every worker shares them
    _SHARED = (readers, auditor, compact, large)
    # The workers are forked with Ctrl-C and SIGTERM blocked and unblock them once `_worker_signals` has set their
    # own handling: a signal that reaches a worker still starting is held until then, not handled by the main
    # process's handler it inherited (which raised, and the worker printed a traceback). The main process's mask
    # is given back once the pool exists: a signal held meanwhile is handled then, and the pool ended below.
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _WORKER_SIGNALS)
    pool = None
    try:
        pool = multiprocessing.get_context("fork").Pool(workers, initializer=_worker_signals)
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        # Documents handed out a few at a time: fewer round trips (11 % faster on 1,353 articles), while a short
        # run still gets one document per task and every worker some work.
        chunk = max(1, min(8, len(readers) // (workers * 8)))
        yield from pool.imap(_audit_one, range(len(readers)), chunksize=chunk)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        _SHARED = None
        if pool is not None:
            pool.terminate()
            pool.join()


def _worker_signals() -> None:
    """A worker leaves Ctrl-C to the main process (which ends the pool) and dies at once, silently, on the
    SIGTERM `pool.terminate()` sends: no traceback per worker, no worker left running after the run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _WORKER_SIGNALS)  # blocked while forked (`_audit_parallel`)


_WORKER_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def _warm_up(auditor: "Auditor") -> None:
    from audit.align import warm_up
    from audit.lexicon.fast.pypinyin_lazy import lazy_pinyin
    from audit.lexicon.fast.jieba_posseg import tagger
    from audit.normalize import to_simplified

    warm_up()
    tagger(auditor.glossary.words())
    lazy_pinyin("中")
    to_simplified("中")


def compact_result(result: DocumentResult, *, findings_only: bool = False) -> DocumentResult:
    """The result without what no report reads: the paragraphs as read, the sentence lists (the pairs hold
    the sentences; their counts are kept) and the normalized text of each sentence. With `findings_only`
    (large runs), also without the pairs that carry no finding: their number is kept (`hidden_pairs`), and
    the pairs kept keep their index in the full alignment. A compacted result may be compacted again."""
    aligned = result.aligned
    document = aligned.document
    shell = Document(document.name, [], [], prealigned=document.prealigned)
    numbered = result.numbered_pairs()
    if findings_only:
        wanted = {f.pair_index for f in result.findings}
        numbered = [(index, pair) for index, pair in numbered if index in wanted]
    for _, pair in numbered:
        pair.drop_norm()
    indexed = findings_only or result.pair_indices is not None
    return DocumentResult(
        AlignedDocument(shell, [], [], [pair for _, pair in numbered]), result.findings, result.suppressed,
        pair_indices=[index for index, _ in numbered] if indexed else None,
        total_pairs=result.pair_count,
        sentences=result.sentences or (len(aligned.source), len(aligned.target)),
    )


def _reference_segments(path: Path, encoding: str | None) -> list[Segment]:
    from audit.io.text import paragraphs, read_text
    from audit.segment import segment_blocks

    blocks, _ = paragraphs(read_text(path, encoding), str(path))
    return segment_blocks(blocks, "en")


def _reference_summary(result: DocumentResult, reference: list[Segment]) -> str:
    from audit.checks.reference import corpus_scores, reference_scores

    scores = reference_scores(result.aligned, reference)
    return corpus_scores(scores) if scores else "no sentence could be paired with the reference"


def _override_severity(result: DocumentResult, overrides: dict[str, Severity]) -> None:
    for finding in result.findings:
        if finding.code in overrides:
            finding.severity = overrides[finding.code]


def meta(settings: Settings) -> dict[str, str]:
    """What produced a report: tool version, settings and the signature of what decides the findings
    (audit.signature), so a result can be reproduced (as sacrebleu signs scores)."""
    from audit.signature import signature

    parts = [f"fail-on={settings.fail_on.label}"]
    for name in ("select", "ignore", "exclude"):
        if getattr(settings, name):
            parts.append(f"{name}={','.join(getattr(settings, name))}")
    if settings.severity:
        parts.append("severity=" + ",".join(f"{c}:{s.label}" for c, s in sorted(settings.severity.items())))
    if settings.glossary:
        parts.append("glossary=" + ",".join(str(p) for p in settings.glossary))
    if not settings.bundled_glossary:
        parts.append("bundled-glossary=off")
    if settings.baseline:
        parts.append(f"baseline={settings.baseline}")
    if settings.decisions:
        parts.append("decisions=" + ",".join(str(p) for p in settings.decisions))
    if settings.source:
        parts.append(f"config={settings.source}")
    return {
        "tool": f"audit {__version__}",
        "generated": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "settings": " ".join(parts),
        "signature": signature(settings),
    }


@dataclass
class ReviewInputs:
    """The decisions files and earlier runs' reports, read before any article is audited."""

    decisions: Decisions | None = None
    earlier: list[PastRun] = field(default_factory=list)
    error: AuditError | None = None  # one of them cannot be used: the articles are audited, no report is written


def load_review_inputs(settings: Settings, earlier: list[Path]) -> ReviewInputs:
    """Read `--decisions` and `--compare` files first, so a bad one is known before the audit. The run then
    prints its findings but writes no report: reports without the decisions would drop them from the CSV an
    editor keeps working in."""
    if not (settings.decisions or earlier):
        return ReviewInputs()  # neither module is imported: most runs have neither
    from audit.compare import load_previous
    from audit.decisions import load_decisions

    try:
        return ReviewInputs(load_decisions(settings.decisions) if settings.decisions else None,
                            [load_previous(path) for path in earlier])
    except AuditError as error:
        return ReviewInputs(error=error)


def review_results(run: Run, inputs: ReviewInputs) -> tuple[Review | None, Trend | None]:
    """The editor's loop: the decisions (`audit_documents` applied them to each document as it came, given
    `inputs.decisions`: ignored findings became suppressed), and the comparison with earlier runs. Either is
    None when not asked for."""
    review = run.review
    if review is not None:
        review.finish(result.name for result in run.results)
    trend: Trend | None = None
    if inputs.earlier:
        from audit.compare import compare

        trend = compare(run.results, inputs.earlier, review)
    return review, trend


Writer = Callable[[BinaryIO], None]


def report_renderers(results: Sequence[DocumentResult], formats: list[str], info: dict[str, str], *,
                     review: "Review | None" = None, trend: "Trend | None" = None) -> dict[str, Writer]:
    """Every requested report as a function that writes it into an open file: file name → writer. Each report
    streams to its file as it is made (`write_reports`): a run never holds a whole report in memory."""
    report = ReportInput(results, info, review, trend)
    return {REPORTS[name].file: _text(_bound(REPORTS[name], report), REPORTS[name].encoding)
            for name in REPORTS if name in formats}


def _bound(form: ReportFormat, report: ReportInput) -> Callable[[TextIO], None]:
    """`form`'s writer with the report input given (a function of its own: a lambda in the comprehension
    above would see only the last format)."""
    return lambda handle: form.write(handle, report)


def _text(write: Callable[[TextIO], None], encoding: str = "utf-8") -> Writer:
    """A writer of text into a binary file: encoded as it goes, line ends as written (the CSV's are CRLF)."""

    def writer(handle: BinaryIO) -> None:
        text = io.TextIOWrapper(handle, encoding=encoding, newline="", write_through=False)
        try:
            write(text)
            text.flush()
        finally:
            text.detach()  # the caller closes the file, after flushing it to disk

    return writer


def write_reports(rendered: dict[str, bytes] | dict[str, Writer], out: Path, done: list[Path] | None = None) -> list[Path]:
    """Write reports (rendered, or written one at a time by their writers) as one set: all replaced, or none
    (`atomic.write_set`); `done` collects the paths replaced, for a caller interrupted after the set was written."""
    from audit.report.atomic import write_set

    return write_set(out, rendered, done)
