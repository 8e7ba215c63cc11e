"""Each report of audit/report written into a string, for tests that read a report as text.

The tool itself streams every report to its file (audit/run.py); these are the same writers given a
`StringIO`, kept here so that no production function lives only for the tests.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from audit.model import DocumentResult
from audit.report.csv_report import write_csv
from audit.report.html import write_html_report
from audit.report.json_report import write_json_report
from audit.report.sarif import write_sarif


def _text(write: Callable[..., None], *args: Any) -> str:
    out = io.StringIO()
    write(out, *args)
    return out.getvalue()


def render_csv(results: Iterable[DocumentResult], review: Any = None) -> str:
    return _text(write_csv, results, review)


def render_json(results: Iterable[DocumentResult], meta: dict[str, str], review: Any = None, trend: Any = None) -> str:
    return _text(write_json_report, results, meta, review, trend)


def render_html(results: Iterable[DocumentResult], meta: dict[str, str], review: Any = None, trend: Any = None) -> str:
    return _text(write_html_report, results, meta, review, trend)


def render_sarif(results: Iterable[DocumentResult], meta: dict[str, str], rules: list[Any]) -> str:
    return _text(write_sarif, results, meta, rules)


def write_html(results: Iterable[DocumentResult], path: Path, meta: dict[str, str], review: Any = None,
               trend: Any = None) -> None:
    path.write_text(render_html(results, meta, review, trend), encoding="utf-8")
