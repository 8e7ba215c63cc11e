"""Which files to audit, and how: turn the paths a user (or pre-commit) gives into reading jobs.

Give files, folders, or both. Folders are searched recursively; hidden folders (`.git`, `.venv`, …),
`node_modules` and `__pycache__` are skipped, and so are files of other kinds (images, code). A file
named explicitly must be of a kind the auditor reads:

    .txt .md .markdown   an article: bilingual (Chinese paragraphs, then the English), or one half of a pair
    .csv .tsv            aligned rows: a Chinese column and an English column
    .xlf .xliff          XLIFF 1.2 or 2.0 with a Chinese source and an English target
    .tmx                 translation memory with zh… and en… variants
    .po                  gettext catalogue: Chinese msgid, English msgstr

Pairs. Two files with the same extension form a pair when their paths differ only in a language tag:
Chinese is `zh` or `zh-…`/`zh_…` (zh-TW, zh-CN, zh-Hant), English is `en` or `en-…`/`en_…` (en-US, en-GB),
in any letter case. The tag is either
  - in the file name, just before the extension: `story.zh.md` + `story.en.md`, `story.zh-TW.txt` + `story.en.txt`;
  - or a folder of the path (the deepest such folder): `zh/story.md` + `en/story.md`,
    `news/zh-TW/2025/story.md` + `news/en-US/2025/story.md`.
The files may be given in any order. When only one half is given (pre-commit passes only the changed
files), the other half is looked up on disk. A Chinese file with two English counterparts (`story.en-US.md`
and `story.en-GB.md`) gives one document per translation.
A half without its counterpart is an input error when named explicitly (the other documents are still
audited); found while searching a folder, it is skipped as a draft not yet translated.

A .txt/.md file without a language tag is a single bilingual article. Named explicitly it is always read;
found in a folder it is audited only when a quick look at its beginning and end finds both Chinese and
English text, so that READMEs and notes are passed over. A CSV/TSV found in a folder is audited only when
its cells hold both Chinese and English (a data table of figures is not an article). With `articles_only`
(the pre-commit hook, which is handed every changed file) files named explicitly are looked at the same way:
what is not half of a bilingual article is passed over. A file that reads as bilingual only in a legacy
Chinese encoding (Big5, GB18030) is an article all the same, and its reader says which --encoding to give.

Our own files (audit reports, decisions files, glossaries: audit.io.ownfiles) are never audited: they are
passed over with a note that says what they are for, found in a folder or named.

Paths matching an `exclude` glob pattern (`drafts/*`, `*.glossary.csv`) are skipped, wherever they come from.
A folder with nothing to audit is an input error. Jobs come back in a stable order, sorted by path.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path, PurePath
from typing import Iterable, Iterator, Literal

from audit.errors import InputError
from audit.io.decode import peek
from audit.io.ownfiles import own_file_note
from audit.model import Document

Kind = Literal["text", "text-pair", "markdown", "markdown-pair", "table", "catalog", "unpaired", "refused"]

_FORMATS: dict[str, str] = {
    ".txt": "text", ".md": "markdown", ".markdown": "markdown",
    ".csv": "table", ".tsv": "table",
    ".xlf": "catalog", ".xliff": "catalog", ".tmx": "catalog", ".po": "catalog",
}
SUPPORTED = tuple(_FORMATS)
_SKIPPED_FOLDERS = {"node_modules", "__pycache__"}
_TAG = r"(?:zh|en)(?:[-_][A-Za-z0-9]{1,8})*"
_NAME_TAG = re.compile(rf"^(?P<stem>.+)\.(?P<tag>{_TAG})(?P<ext>\.[^.]+)$", re.IGNORECASE)
_FOLDER_TAG = re.compile(_TAG, re.IGNORECASE)
_SNIFF_BYTES = 64 * 1024
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_CELL = re.compile(r"[^,;\t\r\n]+")
NOT_AN_ARTICLE = "not half of a bilingual article (no Chinese and English paragraphs)"


@dataclass(frozen=True)
class Job:
    """How to read one document: a reader kind and its files (pairs: Chinese file, then English file)."""

    kind: Kind
    paths: tuple[Path, ...]
    encoding: str | None = None
    problem: str = ""  # for an "unpaired" or "refused" job: why it cannot be read

    @property
    def label(self) -> str:
        """The document's name, as its reader will give it (a pair is named by its English file)."""
        return str(self.paths[-1])


@dataclass(frozen=True)
class PassedOver:
    """A file discovery did not turn into a job, and why (a note for the user)."""

    path: Path
    note: str
    own: bool  # one of our own files (a report, decisions, glossary): worth telling even when not asked


@dataclass
class Discovery:
    """The jobs, sorted by path, and the files passed over."""

    jobs: list[Job]
    passed: list[PassedOver] = field(default_factory=list)


def read_job(job: Job) -> Document:
    """Read the document a job describes."""
    if job.kind == "text":
        from audit.io.text import read_bilingual

        return read_bilingual(job.paths[0], job.encoding)
    if job.kind == "text-pair":
        from audit.io.text import read_pair

        return read_pair(job.paths[0], job.paths[1], job.encoding)
    if job.kind == "markdown":
        from audit.io.markdown import read_markdown_bilingual

        return read_markdown_bilingual(job.paths[0], job.encoding)
    if job.kind == "markdown-pair":
        from audit.io.markdown import read_markdown_pair

        return read_markdown_pair(job.paths[0], job.paths[1], job.encoding)
    if job.kind == "table":
        from audit.io.table import read_table

        return read_table(job.paths[0], job.encoding)
    if job.kind == "catalog":
        from audit.io.catformats import read_catalog

        return read_catalog(job.paths[0])
    raise InputError(job.problem or f"{job.paths[0]}: cannot be audited")


def find_jobs(paths: Iterable[Path], encoding: str | None = None, exclude: Iterable[str] = (), *,
              articles_only: bool = False) -> Discovery:
    """Jobs for files and folders, and the files passed over. With `articles_only` (the hook), a file named
    explicitly that is not half of a bilingual article is passed over instead of refused."""
    patterns = list(exclude)
    found: dict[str, tuple[Path, bool]] = {}  # normalized path → (path as given, named explicitly)
    folders: list[Path] = []
    passed: list[PassedOver] = []
    refused: list[Job] = []
    for path in paths:
        path = Path(path)
        if _excluded(path, patterns):
            continue
        if path.is_dir():
            folders.append(path)
            for file in _walk(path, patterns, refused):
                found.setdefault(_key(file), (file, False))
        elif not path.exists():
            raise InputError(f"{path}: no such file or folder")
        elif path.suffix.lower() not in _FORMATS:
            if (note := own_file_note(path)) is not None:  # a JSON, SARIF or HTML report, a baseline
                passed.append(PassedOver(path, note, own=True))
            elif articles_only:
                passed.append(PassedOver(path, NOT_AN_ARTICLE, own=False))
            else:  # refused when read: the other files of the run are still audited
                refused.append(Job("refused", (path,), encoding,
                                   f"{path}: cannot audit {_kind_of(path)} file (audited: {', '.join(SUPPORTED)})"
                                   + (SPREADSHEET_HINT if path.suffix.lower() in SPREADSHEETS else "")))
        else:
            found[_key(path)] = (path, not articles_only)
    jobs = _jobs(list(found.values()), encoding, patterns, passed) | set(refused)
    if folders and not jobs and not articles_only:
        names = ", ".join(str(f) for f in folders)
        raise InputError(f"{names}: nothing to audit (no bilingual article, zh/en pair, table, XLIFF, TMX or PO file)")
    ordered = sorted(jobs, key=lambda job: ([str(p) for p in job.paths], job.kind))
    return Discovery(ordered, sorted(passed, key=lambda p: str(p.path)))


# A workbook is not read as an article (its cells have no line to point a finding at): say how to audit one.
SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
SPREADSHEET_HINT = ("; save the sheet as CSV UTF-8 and audit the CSV: one segment a row, the Chinese and English"
                    " columns found by their header (zh/en, source/target, 中文/英文) or by their script;"
                    " a reviewed audit sheet goes to --decisions")


def _kind_of(path: Path) -> str:
    """'a .pdf' (said "a dot-pdf"), or 'an extensionless'."""
    return f"a {path.suffix}" if path.suffix else "an extensionless"


def _jobs(files: list[tuple[Path, bool]], encoding: str | None, patterns: list[str], passed: list[PassedOver]) -> set[Job]:
    jobs: set[Job] = set()
    halves: dict[tuple[object, ...], dict[str, dict[str, tuple[Path, bool]]]] = {}
    for path, explicit in files:
        kind = _FORMATS[path.suffix.lower()]
        if kind == "table" and (note := own_file_note(path)) is not None:
            passed.append(PassedOver(path, note, own=True))
            continue
        if kind == "catalog":
            jobs.add(Job(kind, (path,), encoding))  # type: ignore[arg-type]
            continue
        half = _half(path) if kind != "table" else None
        if half is None:  # one file holds the whole article: read it if named, or if it looks like one
            if explicit or _looks_bilingual(path, kind, encoding):
                jobs.add(Job(kind, (path,), encoding))  # type: ignore[arg-type]
            else:
                passed.append(PassedOver(path, NOT_AN_ARTICLE, own=False))
            continue
        key, lang = half
        halves.setdefault(key, {"zh": {}, "en": {}})[lang][_key(path)] = (path, explicit)
    for key, sides in halves.items():
        for lang in ("zh", "en"):
            if not sides[lang]:
                given = next(iter(sides["en" if lang == "zh" else "zh"].values()))[0]
                for partner in _partners_on_disk(given, lang):
                    if not _excluded(partner, patterns):
                        sides[lang][_key(partner)] = (partner, False)
        pair_kind = "markdown-pair" if key[-1] in (".md", ".markdown") else "text-pair"
        for zh, _ in sides["zh"].values():
            for en, _ in sides["en"].values():
                jobs.add(Job(pair_kind, (zh, en), encoding))  # type: ignore[arg-type]
        if sides["zh"] and sides["en"]:
            continue
        for path, explicit in list(sides["zh"].values()) + list(sides["en"].values()):
            if explicit:
                jobs.add(Job("unpaired", (path,), encoding, _unpaired_message(path)))
    return jobs


def _half(path: Path) -> tuple[tuple[object, ...], str] | None:
    """(pair key, 'zh' or 'en') when the path carries a language tag; the key is the same for both halves."""
    match = _NAME_TAG.match(path.name)
    if match:
        lang = match.group("tag")[:2].lower()
        ext = match.group("ext").lower()
        return ("name", os.path.normpath(path.parent), match.group("stem"), ext), lang
    folders = path.parts[:-1]
    for index in range(len(folders) - 1, -1, -1):
        if _FOLDER_TAG.fullmatch(folders[index]):
            ext = path.suffix.lower()
            return ("folder", folders[:index], folders[index + 1:], path.name, ext), folders[index][:2].lower()
    return None


def _partners_on_disk(path: Path, lang: str) -> Iterator[Path]:
    """Files on disk that are the `lang` half of the pair `path` belongs to (names only: nothing is read)."""
    half = _half(path)
    if half is None:
        return
    key = half[0]
    if key[0] == "name":
        try:
            entries = sorted(path.parent.iterdir())
        except OSError:
            return
        for entry in entries:
            other = _half(entry)
            if other is not None and other == (key, lang) and entry.is_file():
                yield entry
        return
    _, before, after, name, _ext = key
    base = Path(*before) if before else Path(".")
    try:
        entries = sorted(base.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.is_dir() and _FOLDER_TAG.fullmatch(entry.name) and entry.name[:2].lower() == lang:
            candidate = entry.joinpath(*after, name)  # type: ignore[arg-type]
            if candidate.is_file():
                yield candidate


def _unpaired_message(path: Path) -> str:
    half = _half(path)
    assert half is not None
    key, lang = half
    other = "en" if lang == "zh" else "zh"
    if key[0] == "name":
        expected = path.parent / f"{key[2]}.{other}{key[3]}"
    else:
        _, before, after, name, _ext = key
        expected = Path(*before, other, *after, name)  # type: ignore[arg-type]
    language = "English" if other == "en" else "Chinese"
    return f"{path}: no {language} counterpart found (expected e.g. {expected})"


def _walk(folder: Path, patterns: list[str], refused: list[Job]) -> Iterator[Path]:
    """The auditable files under `folder`; a folder that cannot be entered becomes a refused job (reported as
    skipped when read), never passed over silently."""
    def unreadable(error: OSError) -> None:
        where = Path(error.filename or folder)
        refused.append(Job("refused", (where,), problem=f"{where}: cannot read this folder ({error.strerror or error})"))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and d not in _SKIPPED_FOLDERS and not _excluded(Path(root, d), patterns)
        )
        for name in sorted(files):
            path = Path(root, name)
            if path.suffix.lower() in _FORMATS and not name.startswith(".") and not _excluded(path, patterns):
                yield path


def _excluded(path: Path, patterns: list[str]) -> bool:
    if not patterns:
        return False
    forms = {path.as_posix(), Path(os.path.abspath(path)).as_posix()}
    for pattern in patterns:
        for form in forms:
            if fnmatch(form, pattern) or fnmatch(form, f"*/{pattern}") or PurePath(form).match(pattern):
                return True
    return False


def _key(path: Path) -> str:
    return os.path.normcase(os.path.normpath(path))


def _looks_bilingual(path: Path, kind: str, encoding: str | None) -> bool:
    """A cheap sniff of a file's beginning and end: does it hold Chinese and English paragraphs?"""
    from audit.io.text import paragraphs, script_of

    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
            size = handle.seek(0, os.SEEK_END)
            tail = b""
            if size > 2 * _SNIFF_BYTES:
                handle.seek(size - _SNIFF_BYTES)
                tail = handle.read()
    except OSError:
        return True  # cannot tell without reading it: its reader reports why it cannot be read
    texts = [peek(chunk, encoding) for chunk in (head, tail)]
    if kind == "table":
        # Cells, not paragraphs: a data table's header is English and its figures no script at all.
        scripts = {script_of(cell) for text in texts for cell in _CELL.findall(text)}
        return "zh" in scripts and "en" in scripts
    if kind == "text":
        # Quicker still: the first and the last stretch between blank lines. Each holds whole paragraphs, and
        # a stretch can only read as Chinese (English) if one of its paragraphs does, so "both" here is
        # "both" below; anything else is left to the paragraph-by-paragraph look.
        first = _BLANK_LINE.split(texts[0].strip(), 1)[0]
        last = _BLANK_LINE.split((texts[1] or texts[0]).strip())[-1]
        if {script_of(first), script_of(last)} == {"zh", "en"}:
            return True
    blocks = []
    for text in texts:
        if kind == "markdown":
            from audit.io.markdown import markdown_blocks

            blocks += markdown_blocks(text, str(path))[0]
        else:
            blocks += paragraphs(text, str(path))[0]
    # From both ends inwards, stopping once both scripts are seen: a bilingual article usually shows
    # them in its first and last paragraphs, so two of its paragraphs are looked at, not all of them.
    scripts: set[str | None] = set()
    for index in range((len(blocks) + 1) // 2):
        scripts.add(script_of(blocks[index].text))
        scripts.add(script_of(blocks[-1 - index].text))
        if "zh" in scripts and "en" in scripts:
            return True
    return False
