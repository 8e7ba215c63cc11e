"""The code stays readable: no function of the package is longer than a screen and a half.

The developer guide's bar is 80 lines a function; the only exemption is the aligner's compiled search
kernel, whose loops are kept in one function so that Cython can type them as C locals.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

MOST_LINES = 80  # the team's developer guide: a function a reader can hold on one screen and a half
EXEMPT = {("audit/align/search.py", "search")}  # the aligner's compiled search kernel (setup.py's COMPILED)


def long_functions(package: Path, root: Path = ROOT) -> list[tuple[str, str, int]]:
    """(file relative to `root`, function, lines) of every function or method in `package` longer than MOST_LINES."""
    found = []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MOST_LINES:
                    found.append((path.relative_to(root).as_posix(), node.name, lines))
    return found


def test_no_function_of_the_package_is_longer_than_80_lines() -> None:
    too_long = [(file, name, lines) for file, name, lines in long_functions(ROOT / "audit") if (file, name) not in EXEMPT]
    assert too_long == [], "split these functions (the guide's limit is 80 lines): " + ", ".join(
        f"{file} {name} ({lines} lines)" for file, name, lines in too_long)


def test_the_exemption_names_a_function_that_exists_and_needs_it() -> None:
    """A stale exemption would hide the next long function of the same name."""
    exempt_found = {(file, name) for file, name, _ in long_functions(ROOT / "audit")}
    assert EXEMPT <= exempt_found


def test_the_check_sees_a_long_function(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    body = "\n".join(f"    x{i} = {i}" for i in range(MOST_LINES))
    (package / "long.py").write_text(f"def short():\n    return 1\n\n\ndef long():\n{body}\n", encoding="utf-8")
    assert [(name, lines) for _, name, lines in long_functions(package, root=tmp_path)] == [("long", MOST_LINES + 1)]


def bench_imports(folder: Path) -> list[str]:
    """The modules of `folder` that import the benchmarks (bench/), by their import statements."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            if any(name == "bench" or name.startswith("bench.") for name in names):
                found.append(path.name)
    return found


def test_neither_tests_nor_the_package_import_the_benchmarks(tmp_path: Path) -> None:
    """A bench measures; a test asserts on the package's own readers (issue #14), so a bench can change freely."""
    assert bench_imports(ROOT / "tests") == [] and bench_imports(ROOT / "audit") == []
    (tmp_path / "t.py").write_text("def f():\n    from bench.corpora import NTREX\n", encoding="utf-8")
    assert bench_imports(tmp_path) == ["t.py"]  # the check sees an import inside a function


# Modules that turn bytes into text outside audit/io/decode.py, and why: each reads only the package's own files
# (bundled data written UTF-8 by its builders, the report's templates, the repository's README, the NTREX corpus
# the benches are measured on) or builds text that came from no file. A file the user gives goes through
# audit/io/decode.py (issue #14, "byte decoding, one copy").
OWN_FILES = {
    "audit/lexicon": "the bundled data files, their builders and the libraries' tables (UTF-8, ours)",
    "audit/report/html.py": "the page's own script and style sheet; a hash to base64",
    "audit/checks/docs.py": "the repository's README.md, for its rules table",
    "audit/align_gold.py": "the NTREX-128 corpus files (UTF-8 as distributed), for bench/align.py",
    "audit/io/legibility.py": "the code-page tables of GB 2312 and Big5, built from Python's codecs",
    "audit/checks/form.py": "a str escaped for display (unicode_escape), no file",
}
_DECODING = ("decode", "read_text", "TextIOWrapper", "getincrementaldecoder")


def decoding_calls(package: Path, root: Path = ROOT) -> list[str]:
    """`file:line` of every call that turns bytes into text (bytes.decode, Path.read_text, a text wrapper or an
    incremental decoder) in `package`, outside audit/io/decode.py and the modules of OWN_FILES."""
    found = []
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(root).as_posix()
        if name == "audit/io/decode.py" or any(name == own or name.startswith(own + "/") for own in OWN_FILES):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            # methods and module functions only: audit.io.decode's own `decode` and io.text's `read_text` call it
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _DECODING:
                found.append(f"{name}:{node.lineno}")
    return found


def test_every_file_the_user_gives_is_decoded_by_one_module() -> None:
    """Articles, tables, glossaries, decisions, baselines, earlier reports and settings: audit/io/decode.py."""
    calls = [call for call in decoding_calls(ROOT / "audit") if not call.startswith("audit/run.py:")]
    assert calls == [], "decode through audit/io/decode.py: " + ", ".join(calls)
    # run.py writes the reports through a text wrapper, and reads no text but through audit/io/decode.py
    writing = [call for call in decoding_calls(ROOT / "audit") if call.startswith("audit/run.py:")]
    assert len(writing) == 1 and "TextIOWrapper" in _line(writing[0])
    assert all((ROOT / own).exists() for own in OWN_FILES)  # a stale entry would hide a new reader


def _line(call: str) -> str:
    name, line = call.rsplit(":", 1)
    return (ROOT / name).read_text(encoding="utf-8").splitlines()[int(line) - 1]


def test_the_decoding_check_sees_a_reader(tmp_path: Path) -> None:
    package = tmp_path / "audit"
    package.mkdir()
    (package / "reader.py").write_text("def f(p):\n    return p.read_bytes().decode('utf-8')\n", encoding="utf-8")
    assert decoding_calls(package, root=tmp_path) == ["audit/reader.py:2"]
