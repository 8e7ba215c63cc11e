"""The HTML report: counts, side-by-side text, exact highlights, safe escaping, no network. (Writing the set of reports atomically: test_robust_reports.py.)"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import count
from pathlib import Path

import pytest
from markupsafe import escape

from audit.model import (
    AlignedDocument,
    AlignedPair,
    Document,
    DocumentResult,
    Finding,
    Lang,
    Location,
    Segment,
    Severity,
)
from tests.rendered import render_html

SEED = Path(__file__).parents[1] / "fixtures" / "seed-article.txt"
SEED_NAME = "seed-article.txt"
META = {"tool": "audit 0.1.0", "generated": "2025-12-12T09:00:00Z", "settings": "fail-on=error"}
EVIL_ZH = '標題<script>document.title="pwned"</script>結束'
EVIL_EN = "Title <img src=x onerror=alert(1)> and <script>alert(1)</script> & <img src=x onerror=\"document.title='pwned'\">"


# --- building a result by hand from the seed article -------------------------------------------


def _sentences(line: str, lang: Lang) -> list[str]:
    if lang == "zh":
        return re.findall(r"[^。]+。?", line)
    return re.split(r"(?<=\.)\s+(?=[A-Z])", line)


class Seed:
    """Real sentences of the seed article, addressed by (line, sentence number)."""

    def __init__(self) -> None:
        self.lines = SEED.read_text(encoding="utf-8").splitlines()
        self.index = count()

    def seg(self, line: int, nth: int, lang: Lang) -> Segment:
        text = self.lines[line - 1]
        sentence = _sentences(text, lang)[nth]
        loc = Location(SEED_NAME, line, text.index(sentence) + 1)
        return Segment(next(self.index), lang, sentence, sentence, loc, paragraph=line)


def seed_result() -> DocumentResult:
    s = Seed()
    pairs = [
        AlignedPair([s.seg(1, 0, "zh")], []),  # headline, untranslated
        AlignedPair([s.seg(3, 0, "zh")], []),  # dateline
        AlignedPair([s.seg(5, 0, "zh")], [s.seg(17, 0, "en")], 0.9),
        AlignedPair([s.seg(5, 1, "zh")], [s.seg(17, 1, "en")], 0.8),
        AlignedPair([s.seg(7, 0, "zh")], [s.seg(19, 0, "en")], 0.7),
        AlignedPair([s.seg(11, 0, "zh")], [s.seg(25, 0, "en")], 0.8),
        AlignedPair([s.seg(15, 0, "zh")], [s.seg(29, 0, "en"), s.seg(29, 1, "en")], 0.6),
    ]
    whitaker = pairs[4]
    findings = [
        Finding(
            "O001", "omitted-sentence", Severity.ERROR, "The headline has no translation.",
            source_text=pairs[0].source_text, source_loc=pairs[0].source_loc, pair_index=0,
        ),
        Finding(
            "N001", "name-mismatch", Severity.ERROR, "威特科夫 (Witkoff) is rendered as “Whitaker”.",
            source_text=whitaker.source_text, target_text=whitaker.target_text,
            source_loc=whitaker.source_loc, target_loc=whitaker.target_loc,
            expected="Witkoff", found="Whitaker", suggestion="Whitaker → Witkoff",
            source_marks=("威特科夫",), target_marks=("Whitaker",), pair_index=4,
        ),
        Finding(
            "N002", "name-expanded", Severity.INFO, "The translation adds a first name.",
            expected="Kushner", found="Jared Kushner",
            source_marks=("庫什納",), target_marks=("Jared Kushner",), pair_index=4,
        ),
        Finding(
            "G001", "glossary-term", Severity.WARNING, "國防部情報總局 has a glossary rendering.",
            expected="Defence Intelligence of Ukraine (HUR)", found="intelligence agency",
            source_marks=("國防部情報總局",), target_marks=("intelligence agency",), pair_index=5,
        ),
        Finding(
            "V001", "variant-inconsistency", Severity.WARNING, "Putin is written 普丁 and 普京 in the source.",
            source_text="普丁 … 普京", source_loc=Location(SEED_NAME, 7, 25), source_marks=("普京",),
        ),
        Finding(
            "F001", "blank-paragraph", Severity.WARNING, "A paragraph holds only a non-breaking space.",
            target_text="\u00a0", target_loc=Location(SEED_NAME, 23, 1),
        ),
    ]
    document = Document(SEED_NAME, [], [])
    return DocumentResult(AlignedDocument(document, [], [], pairs), findings, suppressed=1)


def evil_result() -> DocumentResult:
    zh = Segment(0, "zh", EVIL_ZH, EVIL_ZH, Location("evil.txt", 1), 1)
    en = Segment(0, "en", EVIL_EN, EVIL_EN, Location("evil.txt", 3), 3)
    added = Segment(1, "en", "An added <em>sentence</em>.", "", Location("evil.txt", 5), 5)
    pairs = [AlignedPair([zh], [en]), AlignedPair([], [added])]
    findings = [
        Finding(
            "X001", "<b>rule</b>", Severity.ERROR, 'Message with <i>markup</i> & "quotes"',
            expected="<u>x</u>", found="</li></ul><script>alert(1)</script>",
            source_marks=("<script>",), target_marks=("<img src=x onerror=alert(1)>",), pair_index=0,
        ),
        Finding("O002", "added-sentence", Severity.INFO, "A sentence has no source.", pair_index=1),
    ]
    document = Document('evil <b onmouseover="x()">doc</b>.txt', [], [])
    return DocumentResult(AlignedDocument(document, [], [], pairs), findings)


def sample_results() -> list[DocumentResult]:
    return [seed_result(), evil_result()]


# --- a tiny DOM ---------------------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    children: list[Node | str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def iter(self) -> list[Node]:
        found = [self]
        for child in self.children:
            if isinstance(child, Node):
                found.extend(child.iter())
        return found

    def all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        return [
            n for n in self.iter()[1:]
            if (tag is None or n.tag == tag)
            and (cls is None or cls in n.classes)
            and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def one(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Node:
        (node,) = self.all(tag, cls, **attrs)
        return node


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()  # convert_charrefs: text nodes hold the unescaped text a reader sees
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        while len(self.stack) > 1:
            if self.stack.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> Node:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    return builder.root


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(sample_results(), META)


@pytest.fixture(scope="module")
def dom(page: str) -> Node:
    return parse(page)


def pair_body(dom: Node, doc: int, number: int) -> Node:
    return dom.one("tbody", id=f"doc-{doc}-p{number}")


# --- the page ------------------------------------------------------------------------------------


def test_summary_counts_by_severity(dom: Node) -> None:
    summary = dom.one(id="summary")
    assert {n.attrs["data-sev"]: n.text for n in summary.all(cls="n") if "data-sev" in n.attrs} == {
        "error": "3", "warning": "3", "info": "2",
    }
    assert summary.one(data_total="suppressed").text == "1"


def test_document_table_links_to_sections_with_counts_and_score(dom: Node) -> None:
    rows = dom.one("table", cls="docs").all("tr")[1:]
    # Worst score first; the score is 100 − 100 × (errors + ½ warnings) per pair: both are 50 here, input order.
    assert [r.one("a").attrs["href"] for r in rows] == ["#doc-1", "#doc-2"]
    # pairs, errors, warnings, infos, suppressed, to review (filled in by the script), score
    assert [[c.text for c in r.all("td", cls="num")] for r in rows] == [
        ["7", "2", "3", "1", "1", "0", "50"], ["2", "1", "0", "1", "0", "0", "50"],
    ]
    assert dom.one("section", id="doc-1").one("h2").text == SEED_NAME


def test_pairs_show_both_texts_with_line_numbers_and_kind(dom: Node) -> None:
    result = seed_result()
    for number, pair in enumerate(result.aligned.pairs, start=1):
        body = pair_body(dom, 1, number)
        for cell, segments in (("zh", pair.source), ("en", pair.target)):
            shown = body.one("td", cls=cell).all("div", cls="seg")
            if segments:
                assert [s.one(cls="text").text for s in shown] == [s.text for s in segments]
                assert [s.one(cls="ln").text for s in shown] == [str(s.loc.line) for s in segments]
        assert body.one(cls="kind").text == pair.kind
    assert pair_body(dom, 1, 1).one(cls="kind-note").text == "omission"
    assert pair_body(dom, 2, 2).one(cls="kind-note").text == "addition"
    assert pair_body(dom, 1, 7).one(cls="kind").text == "1-2"


def test_plain_text_is_in_the_source_escaped(page: str) -> None:
    pair = seed_result().aligned.pairs[2]
    assert str(escape(pair.source_text)) in page and str(escape(pair.target_text)) in page


def test_pairs_carry_their_worst_severity(dom: Node) -> None:
    assert [pair_body(dom, 1, n).attrs["data-worst"] for n in range(1, 8)] == [
        "error", "", "", "", "error", "warning", "",
    ]


def test_marks_wrap_exactly_the_flagged_words(dom: Node) -> None:
    body = pair_body(dom, 1, 5)
    zh = [(m.text, m.attrs["class"]) for m in body.one("td", cls="zh").all("mark")]
    en = [(m.text, m.attrs["class"]) for m in body.one("td", cls="en").all("mark")]
    assert zh == [("威特科夫", "sev-error"), ("庫什納", "sev-info")]
    assert en == [("Whitaker", "sev-error"), ("Jared Kushner", "sev-info")]
    # Each mark points at the finding it belongs to, listed under the pair.
    for mark in body.all("mark"):
        (finding,) = body.all("li", id=mark.attrs["data-f"])
        assert finding.attrs["data-code"] in {"N001", "N002"}


def test_findings_are_listed_under_their_pair(dom: Node) -> None:
    body = pair_body(dom, 1, 5)
    items = body.all("li", cls="finding")
    assert [(i.attrs["data-code"], i.attrs["data-sev"]) for i in items] == [("N001", "error"), ("N002", "info")]
    n001 = items[0]
    assert n001.one(cls="rule").text == "name-mismatch"
    assert n001.one(cls="message").text == "威特科夫 (Witkoff) is rendered as “Whitaker”."
    assert (n001.one("q", cls="expected").text, n001.one("q", cls="found").text) == ("Witkoff", "Whitaker")
    assert "Whitaker → Witkoff" in n001.one(cls="suggestion").text


def test_document_findings_show_their_locations(dom: Node) -> None:
    box = dom.one("section", id="doc-1").one(cls="doc-findings")
    items = box.all("li", cls="finding")
    assert [i.attrs["data-code"] for i in items] == ["F001", "V001"]
    assert [i.one(cls="loc").text for i in items] == ["seed-article.txt:23:1", "seed-article.txt:7:25"]
    assert [(m.text, m.attrs["class"]) for m in items[1].all("mark")] == [("普京", "sev-warning")]


def test_filters_list_severities_and_present_codes(dom: Node) -> None:
    form = dom.one("form", id="filters")
    assert [i.attrs["value"] for i in form.all("input", name="sev")] == ["error", "warning", "info"]
    codes = [i.attrs["value"] for i in form.all("input", name="code")]
    assert codes == ["F001", "G001", "N001", "N002", "O001", "O002", "V001", "X001"]
    assert "checked" not in form.one("input", id="only-findings").attrs


def test_meta_is_shown(dom: Node) -> None:
    footer = dom.one("footer")
    assert [(dt.text, dd.text) for dt, dd in zip(footer.all("dt"), footer.all("dd"))] == list(META.items())
    assert "audit 0.1.0" in dom.one("header").text


# --- safety --------------------------------------------------------------------------------------


def test_injected_markup_is_shown_as_text_only(page: str, dom: Node) -> None:
    scripts = dom.all("script")
    assert len(scripts) == 1 and "document.body.dataset.ready" in scripts[0].text
    assert not [n for n in dom.iter() if any(a.startswith("on") for a in n.attrs)]
    assert not dom.all("img") and not dom.all("b") and not dom.all("em")
    body = pair_body(dom, 2, 1)
    assert body.one("td", cls="zh").one(cls="text").text == EVIL_ZH
    assert body.one("td", cls="en").one(cls="text").text == EVIL_EN
    assert [m.text for m in body.all("mark")] == ["<script>", "<img src=x onerror=alert(1)>"]
    assert "<script>alert" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_no_network_resources(page: str, dom: Node) -> None:
    for node in dom.iter():
        for name in ("src", "href", "action", "srcset", "poster", "data", "xlink:href"):
            assert not re.match(r"\s*(https?:)?//", node.attrs.get(name) or ""), (node.tag, name)
    assert not dom.all("link") and not dom.all("iframe")
    assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import", page)
    assert "http://" not in page and "https://" not in page


def test_content_security_policy_allows_exactly_the_page_script(dom: Node) -> None:
    policy = dom.one("meta", http_equiv="Content-Security-Policy").attrs["content"] or ""
    digest = base64.b64encode(hashlib.sha256(dom.one("script").text.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy


