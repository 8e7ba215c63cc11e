"""The hook as content repositories use it: the real pre-commit package, a real git commit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytest.importorskip("pre_commit", reason="pre-commit is a test extra: pip install -e '.[test]'")
if shutil.which("git") is None:
    pytest.skip("git not installed", allow_module_level=True)

ZH = (
    "此前,12月2日晚至3日凌晨,俄羅斯總統普丁與美國特使威特科夫以及總統川普女婿庫什納舉行近五小時的會談。"
    "雙方稱此次會談“富有成效”,但最終未能在烏克蘭問題上達成折中方案。\n"
)
EN = (
    "Earlier, from the evening of December 2 into the early hours of December 3, Russian President Vladimir Putin "
    "held nearly five hours of talks with U.S. special envoy {envoy} and President Trump’s son-in-law Jared Kushner. "
    "Both sides described the meeting as “productive,” but no compromise solution was reached regarding the Ukraine issue.\n"
)


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "e@example.org",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "e@example.org",
           "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home")}
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env, timeout=300)


def test_manifest_is_valid() -> None:
    result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _manifest(key: str) -> str:
    manifest = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    return next(line.split(":", 1)[1].strip() for line in manifest.splitlines() if line.strip().startswith(f"{key}:"))


def _newsroom(tmp_path: Path) -> Path:
    """A content repository with the hook installed as the manifest declares it (run from this checkout)."""
    repo = tmp_path / "newsroom"
    repo.mkdir()
    assert git(repo, "init", "-q").returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n- repo: local\n  hooks:\n  - id: zh-en-audit\n    name: translation audit\n"
        f"    entry: {sys.executable} -m audit hook\n    language: system\n    files: '{_manifest('files')}'\n"
        f"    exclude: '{_manifest('exclude')}'\n",
        encoding="utf-8",
    )
    install = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    return repo


def test_bad_translation_is_blocked_with_line_and_fix_and_good_one_passes(tmp_path: Path) -> None:
    repo = _newsroom(tmp_path)
    (repo / "story.zh.txt").write_text(ZH, encoding="utf-8")
    (repo / "story.en.txt").write_text(EN.format(envoy="Whitaker"), encoding="utf-8")
    git(repo, "add", ".")

    bad = git(repo, "commit", "-m", "translation with a wrong name")
    assert bad.returncode != 0
    output = bad.stdout + bad.stderr
    assert 'story.en.txt:1:1: N001 error: 威特科夫 rendered "Whitaker"; expected "Witkoff" [Whitaker → Witkoff]' in output

    (repo / "story.en.txt").write_text(EN.format(envoy="Witkoff"), encoding="utf-8")
    git(repo, "add", ".")
    good = git(repo, "commit", "-m", "fixed")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "N001" not in good.stdout


def test_hook_is_silent_and_passes_on_a_draft_without_translation(tmp_path: Path) -> None:
    draft = tmp_path / "story.zh.txt"
    draft.write_text(ZH, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "audit", "hook", str(draft)], capture_output=True, text=True, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_ordinary_files_of_a_content_repository_are_committed_without_a_word(tmp_path: Path) -> None:
    """README, changelog, a style guide and a data table: none is half of a bilingual article."""
    repo = _newsroom(tmp_path)
    (repo / "docs").mkdir()
    (repo / "data").mkdir()
    (repo / "README.md").write_text("# Newsroom\n\nOur translations of the wire, checked on commit.\n", encoding="utf-8")
    (repo / "CHANGELOG.md").write_text("# Changelog\n\n- 2025-12-01: first stories\n", encoding="utf-8")
    (repo / "docs" / "style-guide.md").write_text("# Style\n\nWrite 5 million, not 5,000,000.\n", encoding="utf-8")
    (repo / "data" / "traffic.csv").write_text("date,road,vehicles\n2025-12-01,A1,3400\n2025-12-02,A2,2900\n",
                                               encoding="utf-8")
    git(repo, "add", ".")
    done = git(repo, "commit", "-m", "docs and data")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "audit:" not in done.stdout + done.stderr


def test_the_hook_names_what_it_passed_over_only_when_asked(tmp_path: Path) -> None:
    (tmp_path / "style-guide.md").write_text("# Style\n\nWrite 5 million, not 5,000,000.\n", encoding="utf-8")
    (tmp_path / "traffic.csv").write_text("date,road,vehicles\n2025-12-01,A1,3400\n", encoding="utf-8")
    args = [sys.executable, "-m", "audit", "hook", "style-guide.md", "traffic.csv"]
    quiet = subprocess.run(args, capture_output=True, text=True, cwd=tmp_path)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    told = subprocess.run(args + ["-v"], capture_output=True, text=True, cwd=tmp_path)
    assert told.returncode == 0
    assert told.stderr.splitlines() == [
        "audit: passed over style-guide.md: not half of a bilingual article (no Chinese and English paragraphs)",
        "audit: passed over traffic.csv: not half of a bilingual article (no Chinese and English paragraphs)",
    ]


def test_an_article_the_hook_cannot_read_still_fails(tmp_path: Path) -> None:
    """A bilingual article saved in Big5 is an article: the commit is refused with the --encoding hint."""
    (tmp_path / "story.txt").write_bytes((ZH + "\n" + EN.format(envoy="Witkoff")).encode("big5", errors="replace"))
    done = subprocess.run([sys.executable, "-m", "audit", "hook", "story.txt"], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 2
    assert "story.txt: not valid UTF-8" in done.stderr and "--encoding big5" in done.stderr
