"""Hostile article text stays text: in the HTML page (no script of the article runs) and in the CSV (no formula)."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

HOSTILE = (
    "美國特使威特科夫<script>alert(1)</script>與普丁會談。\n\n"
    "=HYPERLINK(\"http://evil.example/\",\"click\") envoy Whitaker met Putin <img src=x onerror=alert(1)> "
    "<a href=\"javascript:alert(1)\">here</a>.\n"
)


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts = 0
        self.bad_attributes: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.scripts += tag == "script"
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.bad_attributes.append(f"{tag} {name}={value}")


def test_article_markup_and_formulas_are_neutralised_end_to_end(tmp_path: Path) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "audit", "check", str(article), "--out", str(tmp_path / "out")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr  # the name error is still found
    page = (tmp_path / "out" / "audit.html").read_text(encoding="utf-8")
    elements = Elements()
    elements.feed(page)
    assert elements.scripts == 1  # the page's own script, nothing from the article
    assert elements.bad_attributes == [] and "img" not in elements.tags  # the page has its own links, none of the article
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r"<script>alert", page)
    with open(tmp_path / "out" / "audit.csv", encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert any(c.startswith("'=HYPERLINK") for c in cells)
