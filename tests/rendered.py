"""The reports written into memory (one at a time as text, or the set as bytes), for tests that read them.

The tool itself streams every report to its file (audit/run.py); these are the same writers given a
`StringIO`, kept here so that no production function lives only for the tests.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from audit.model import DocumentResult
from audit.report.csv_report import write_csv
from audit.report.html import write_html_report
from audit.report.json_report import write_json_report
from audit.report.sarif import write_sarif
from audit.run import report_renderers


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


def render_reports(results: Sequence[DocumentResult], formats: list[str], info: dict[str, str], *,
                   review: Any = None, trend: Any = None) -> dict[str, bytes]:
    """Every requested report as `audit.run` writes it, in memory: file name → bytes."""
    rendered = {}
    for name, write in report_renderers(results, formats, info, review=review, trend=trend).items():
        buffer = io.BytesIO()
        write(buffer)
        rendered[name] = buffer.getvalue()
    return rendered
