"""The compiled build (setup.py) and the Python source are the same auditor; a stale build gives way to its source."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import audit
from audit import _SourceOverStaleBuild
from audit.align_gold import load_ntrex as ntrex_documents

ROOT = Path(__file__).resolve().parent.parent
EXCERPT = ROOT / "fixtures" / "ntrex-excerpt"
NTREX = ROOT.parent / "shared" / "data" / "ntrex128"  # all 123 documents, where the team's data is at hand



def _compiled_list() -> list[str]:
    """setup.py's COMPILED, the one list of what is compiled, as module names."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    [paths] = [node.value for node in tree.body if isinstance(node, ast.Assign)
               and any(isinstance(t, ast.Name) and t.id == "COMPILED" for t in node.targets)]
    return [path[:-3].replace("/", ".") for path in ast.literal_eval(paths)]


COMPILED = _compiled_list()

_GAINS = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from audit.align import DEFAULT
from audit.align.band import band
from audit.align.features import en_sentence, paragraph_starts, zh_sentence
from audit.align.matching import match_masks
from audit.align.scoring import Beads
from audit.align.search import search
from audit.lexicon.dictionary import load_dictionary
from audit.lexicon.glossary import load_glossary
from audit.model import Block, Location
from audit.segment import segment_blocks
from audit.align_gold import load_ntrex as ntrex_documents
import audit

glossary, dictionary, out = load_glossary(), load_dictionary(), []
for name, zh_lines, en_lines in ntrex_documents(Path(sys.argv[2])):  # each document one paragraph a side
    source = segment_blocks([Block("\\n".join(zh_lines), Location(name + ".zh", 1))], "zh")
    target = segment_blocks([Block("\\n".join(en_lines), Location(name + ".en", 1))], "en")
    zh = [zh_sentence(s, f, dictionary, glossary, DEFAULT.anchor_bits) for s, f in zip(source, paragraph_starts(source))]
    en = [en_sentence(t, f, glossary, DEFAULT.anchor_bits) for t, f in zip(target, paragraph_starts(target))]
    lo, hi = band(zh, en, DEFAULT.band)
    cells = []
    search(Beads(zh, en, match_masks(zh, en, lo, hi), DEFAULT, True), lo, hi, len(zh), len(en), cells)
    out.append([[s.keys, s.weights] for s in zh] + [repr(cell) for cell in cells])
print(json.dumps({"compiled": audit.compiled_modules(), "out": out}))
"""


def _run(code_or_args: list[str], pure: bool) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "AUDIT_PURE_PYTHON"}
    if pure:
        env["AUDIT_PURE_PYTHON"] = "1"
    return subprocess.run([sys.executable, *code_or_args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def _compiled_here() -> list[str]:
    """The modules of setup.py's list that this installation runs compiled."""
    import importlib

    for name in COMPILED:
        importlib.import_module(name)
    return [name for name in COMPILED if name in audit.compiled_modules()]


needs_a_build = pytest.mark.skipif(not _compiled_here(), reason="nothing compiled in this installation (installed without AUDIT_COMPILE=1, "
                                   "no Cython or C compiler, or sources edited since): nothing to compare")


def test_the_compiled_modules_exist_as_source():
    """A module moved or renamed must be renamed in setup.py's list too, or it would quietly stay Python."""
    assert COMPILED
    for name in COMPILED:
        assert (ROOT / (name.replace(".", "/") + ".py")).is_file(), f"setup.py compiles {name}, which is not there"


@needs_a_build
def test_search_and_segmenter_give_the_same_bits_compiled_and_as_python():
    """Every cell's bead gain (repr: all 17 digits) and every sentence's units, on real news, both ways."""
    data = NTREX if (NTREX / "DOCUMENT_IDS.tsv").exists() else EXCERPT
    compiled = _run(["-c", _GAINS, str(ROOT), str(data)], pure=False)
    python = _run(["-c", _GAINS, str(ROOT), str(data)], pure=True)
    assert compiled.returncode == 0, compiled.stderr
    assert python.returncode == 0, python.stderr
    compiled_out, python_out = json.loads(compiled.stdout), json.loads(python.stdout)
    assert python_out["compiled"] == []
    assert set(_compiled_here()) <= set(compiled_out["compiled"])
    assert len(compiled_out["out"]) >= 3
    assert compiled_out["out"] == python_out["out"]


@needs_a_build
def test_the_audit_is_the_same_compiled_and_as_python(tmp_path):
    """The sample article and NTREX documents as bilingual files: the same JSON report, findings and scores."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "seed.txt").write_bytes((ROOT / "fixtures" / "seed-article.txt").read_bytes())
    for name, zh, en in ntrex_documents(EXCERPT):
        (folder / f"{name}.txt").write_text("\n\n".join(zh) + "\n\n" + "\n\n".join(en) + "\n", encoding="utf-8")
    reports = []
    for pure in (False, True):
        out = tmp_path / ("python" if pure else "compiled")
        done = _run(["-m", "audit", "check", str(folder), "-r", "json", "--out", str(out), "-q"], pure)
        assert done.returncode in (0, 1), done.stderr
        report = json.loads((out / "audit.json").read_text(encoding="utf-8"))
        report.pop("generated")
        reports.append(report)
    assert reports[0]["summary"]["documents"] == 4  # the sample and three NTREX documents
    assert reports[0]["summary"]["errors"] + reports[0]["summary"]["warnings"] > 0
    assert reports[0] == reports[1]


@pytest.mark.skipif(not os.environ.get("AUDIT_REQUIRE_COMPILED"), reason="AUDIT_REQUIRE_COMPILED not set (CI sets it)")
def test_the_listed_modules_are_compiled_where_required():
    assert _compiled_here() == COMPILED


def _package(tmp_path: Path, source_newer: bool) -> list[str]:
    """A module `audit.fake` as source and as a (pretend) compiled file, the source older or newer."""
    folder = tmp_path / "pkg"
    folder.mkdir()
    source, built = folder / "fake.py", folder / f"fake{EXTENSION_SUFFIXES[0]}"
    source.write_text("x = 1\n")
    built.write_bytes(b"")
    os.utime(source, (1_000_000, 2_000_000 if source_newer else 1_000_000))
    os.utime(built, (1_000_000, 1_500_000))
    return [str(folder)]


@pytest.mark.parametrize("checkout, pure, source_newer, loads", [
    (True, False, False, "compiled"),  # a checkout built after its last edit
    (True, False, True, "source"),  # a checkout edited after `pip install -e .`: the build is stale
    (False, False, True, "compiled"),  # installed from a wheel: file times say nothing
    (False, True, False, "source"),  # AUDIT_PURE_PYTHON=1 at run time
])
def test_which_form_of_a_module_is_imported(tmp_path, monkeypatch, checkout, pure, source_newer, loads):
    if pure:
        monkeypatch.setenv("AUDIT_PURE_PYTHON", "1")
    else:
        monkeypatch.delenv("AUDIT_PURE_PYTHON", raising=False)
    monkeypatch.setattr(_SourceOverStaleBuild, "checkout", checkout)
    spec = _SourceOverStaleBuild.find_spec("audit.fake", _package(tmp_path, source_newer))
    assert spec is not None
    assert spec.origin.endswith("fake.py" if loads == "source" else EXTENSION_SUFFIXES[0])


def test_modules_of_other_packages_are_left_to_python(tmp_path):
    assert _SourceOverStaleBuild.find_spec("fake", _package(tmp_path, source_newer=True)) is None
