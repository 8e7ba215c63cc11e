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


def test_bad_translation_is_blocked_with_line_and_fix_and_good_one_passes(tmp_path: Path) -> None:
    repo = tmp_path / "newsroom"
    repo.mkdir()
    assert git(repo, "init", "-q").returncode == 0
    manifest = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    files = next(line.split(":", 1)[1].strip() for line in manifest.splitlines() if line.strip().startswith("files:"))
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n- repo: local\n  hooks:\n  - id: zh-en-audit\n    name: translation audit\n"
        f"    entry: {sys.executable} -m audit hook\n    language: system\n    files: '{files}'\n",
        encoding="utf-8",
    )
    install = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
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
