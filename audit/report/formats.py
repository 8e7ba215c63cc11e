"""The reports `audit check --report` writes, one registry: each format's file name, encoding and writer.

A writer takes an open text file and the run's report input. Its module is imported only when its format is
asked for (the HTML writer brings jinja2). A new format is one entry here, with a writer in its own module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence, TextIO

if TYPE_CHECKING:
    from audit.compare import Trend
    from audit.decisions import Review
    from audit.model import DocumentResult


@dataclass(frozen=True)
class ReportInput:
    """What every report is made from: the results, the run's metadata and signature (`run.meta`), and the
    editor's decisions and the comparison with earlier runs when asked for."""

    results: Sequence[DocumentResult]
    info: dict[str, str]
    review: Review | None = None
    trend: Trend | None = None


@dataclass(frozen=True)
class ReportFormat:
    file: str  # the name written in --out
    write: Callable[[TextIO, ReportInput], None]
    encoding: str = "utf-8"


def _csv(out: TextIO, report: ReportInput) -> None:
    from audit.report.csv_report import write_csv

    write_csv(out, report.results, report.review)


def _html(out: TextIO, report: ReportInput) -> None:
    from audit.report.html import write_html_report

    write_html_report(out, report.results, report.info, report.review, report.trend)


def _json(out: TextIO, report: ReportInput) -> None:
    from audit.report.json_report import write_json_report

    write_json_report(out, report.results, report.info, report.review, report.trend)


def _sarif(out: TextIO, report: ReportInput) -> None:
    from audit.checks.registry import ALL_RULES
    from audit.report.sarif import write_sarif

    write_sarif(out, report.results, report.info, list(ALL_RULES))


REPORTS: dict[str, ReportFormat] = {
    "csv": ReportFormat("audit.csv", _csv, "utf-8-sig"),  # with a BOM: Excel then reads it as UTF-8
    "html": ReportFormat("audit.html", _html),
    "json": ReportFormat("audit.json", _json),
    "sarif": ReportFormat("audit.sarif", _sarif),
}
