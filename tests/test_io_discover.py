"""Discovery: folders and pre-commit file lists become reading jobs; pairs are found by their language tags."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

from audit.errors import InputError
from audit.io.discover import Job, find_jobs, read_job
from tests.conftest import ROOT

FOLDER = ROOT / "fixtures" / "formats" / "folder"
ZH = "美國白宮於12月2日宣布終止對烏克蘭的援助。"
EN = "On December 2, the White House announced the end of aid to Ukraine."


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def summary(jobs: list[Job], base: Path) -> list[tuple[str, ...]]:
    return [(job.kind, *(p.relative_to(base).as_posix() for p in job.paths)) for job in jobs]


def test_folder_walk_pairs_halves_and_ignores_what_is_not_an_article() -> None:
    assert summary(find_jobs([FOLDER]).jobs, FOLDER) == [
        ("text-pair", "briefs/aid.zh-TW.txt", "briefs/aid.en.txt"),
        ("text", "briefs/outlook.txt"),
        ("markdown-pair", "zh/news/ukraine.md", "en/news/ukraine.md"),
    ]
    # not listed: assets/photo.png and assets/build.py (not articles), README.md (English only),
    # drafts/talks.zh.txt (a Chinese draft without its translation yet)


def test_every_job_reads_into_a_document() -> None:
    documents = [read_job(job) for job in find_jobs([FOLDER]).jobs]
    assert [d.name for d in documents] == [job.label for job in find_jobs([FOLDER]).jobs]
    assert all(d.source and d.target for d in documents)
    markdown = documents[2]
    assert markdown.source[0].text == "烏克蘭宣稱擊中俄軍蘇-24戰機" and markdown.target[0].loc.line == 1


def test_fixture_formats_are_chosen_by_extension() -> None:
    base = ROOT / "fixtures" / "formats"
    kinds = {job.paths[0].name: job.kind for job in find_jobs([base]).jobs}
    assert kinds["sample.csv"] == kinds["sample.tsv"] == "table"
    assert kinds["sample.xlf"] == kinds["sample-v2.xlf"] == kinds["sample.tmx"] == kinds["sample.po"] == "catalog"
    assert kinds["sample.zh.md"] == "markdown-pair"
    assert all(read_job(job).prealigned for job in find_jobs([base]).jobs if job.kind in ("table", "catalog"))


def test_pre_commit_list_in_any_order_pairs_both_naming_conventions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "story.en.md", EN)
    write(tmp_path / "story.zh.md", ZH)
    write(tmp_path / "zh-TW/2025/aid.txt", ZH)
    write(tmp_path / "en-US/2025/aid.txt", EN)
    jobs = find_jobs([Path("en-US/2025/aid.txt"), Path("story.en.md"), Path("zh-TW/2025/aid.txt"), Path("story.zh.md")]).jobs
    assert [(j.kind, [str(p) for p in j.paths]) for j in jobs] == [
        ("markdown-pair", ["story.zh.md", "story.en.md"]),
        ("text-pair", ["zh-TW/2025/aid.txt", "en-US/2025/aid.txt"]),
    ]
    assert jobs[0].label == "story.en.md"  # a pair is named by its translation, as read_pair names it


def test_the_missing_half_is_found_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "news/story.zh-TW.txt", ZH)
    write(tmp_path / "news/story.en.txt", EN)
    write(tmp_path / "site/zh/a/b.md", ZH)
    write(tmp_path / "site/en/a/b.md", EN)
    assert [[str(p) for p in j.paths] for j in find_jobs([Path("news/story.en.txt")]).jobs] == [["news/story.zh-TW.txt", "news/story.en.txt"]]
    assert [[str(p) for p in j.paths] for j in find_jobs([Path("site/zh/a/b.md")]).jobs] == [["site/zh/a/b.md", "site/en/a/b.md"]]
    assert [[str(p) for p in j.paths] for j in find_jobs([Path("site/zh")]).jobs] == [["site/zh/a/b.md", "site/en/a/b.md"]]


def test_a_pair_given_twice_or_through_its_folder_is_one_job(tmp_path: Path) -> None:
    zh = write(tmp_path / "story.zh.md", ZH)
    en = write(tmp_path / "story.en.md", EN)
    assert len(find_jobs([zh, en, tmp_path, zh]).jobs) == 1


def test_two_translations_of_one_source_are_two_documents(tmp_path: Path) -> None:
    write(tmp_path / "story.zh.txt", ZH)
    write(tmp_path / "story.en-US.txt", EN)
    write(tmp_path / "story.en-GB.txt", EN)
    assert summary(find_jobs([tmp_path / "story.zh.txt"]).jobs, tmp_path) == [
        ("text-pair", "story.zh.txt", "story.en-GB.txt"),
        ("text-pair", "story.zh.txt", "story.en-US.txt"),
    ]


def test_halves_of_different_extensions_are_not_a_pair(tmp_path: Path) -> None:
    write(tmp_path / "story.zh.md", ZH)
    write(tmp_path / "story.en.txt", EN)
    assert find_jobs([tmp_path / "story.en.txt", tmp_path / "story.zh.md"]).jobs[0].kind == "unpaired"


def test_a_named_half_without_partner_fails_when_read_and_names_the_expected_file(tmp_path: Path) -> None:
    zh = write(tmp_path / "zh/story.md", ZH)
    other = write(tmp_path / "other.txt", f"{ZH}\n\n{EN}\n")
    jobs = find_jobs([zh, other]).jobs
    assert [job.kind for job in jobs] == ["text", "unpaired"]
    with pytest.raises(InputError, match=r"zh/story.md: no English counterpart found \(expected e.g. .*en/story.md\)"):
        read_job(jobs[1])


def test_named_files_of_other_kinds_are_errors_when_read_and_the_others_are_still_audited(tmp_path: Path) -> None:
    image, makefile = tmp_path / "photo.png", tmp_path / "Makefile"
    image.write_bytes(b"\x89PNG\r\n")
    makefile.write_text("all:\n")
    article = write(tmp_path / "article.txt", f"{ZH}\n\n{EN}\n")
    jobs = find_jobs([image, makefile, article]).jobs
    kinds = {job.paths[0].name: job for job in jobs}
    assert {name: job.kind for name, job in kinds.items()} == {"Makefile": "refused", "photo.png": "refused", "article.txt": "text"}
    with pytest.raises(InputError, match=r"Makefile: cannot audit an extensionless file \(audited: .txt, .md"):
        read_job(kinds["Makefile"])
    with pytest.raises(InputError, match=r"photo.png: cannot audit a .png file \(audited: .txt, .md"):
        read_job(kinds["photo.png"])
    with pytest.raises(InputError, match="nope.txt: no such file or folder"):
        find_jobs([tmp_path / "nope.txt"]).jobs


def test_a_folder_with_nothing_to_audit_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n")
    write(tmp_path / "README.md", "# Notes\n\nEnglish only.\n")
    write(tmp_path / ".git/story.zh.txt", ZH)
    with pytest.raises(InputError, match="nothing to audit") as error:
        find_jobs([tmp_path]).jobs
    assert str(tmp_path) in str(error.value)


def test_untagged_text_is_a_bilingual_article_named_explicitly_or_sniffed_in_a_folder(tmp_path: Path) -> None:
    notes = write(tmp_path / "notes.txt", "Only English.\n")
    write(tmp_path / "article.md", f"# 白宮宣布\n\n{ZH}\n\n# White House\n\n{EN}\n")
    long = write(tmp_path / "long.txt", (ZH + "\n\n") * 4000 + EN + "\n")  # English only in its last bytes
    assert summary(find_jobs([tmp_path]).jobs, tmp_path) == [("markdown", "article.md"), ("text", "long.txt")]
    assert [job.kind for job in find_jobs([notes]).jobs] == ["text"]  # named: read it, and let the reader say what is wrong
    assert long.stat().st_size > 2 * 64 * 1024


def test_the_sniff_finds_both_scripts_wherever_they_are_and_only_then(tmp_path: Path) -> None:
    """The quick look (first and last stretch between blank lines) and the paragraph-by-paragraph one agree."""
    write(tmp_path / "usual.txt", f"{ZH}\n\n{ZH}\n\n{EN}\n")  # Chinese first, English last: the quick look
    write(tmp_path / "sandwich.txt", f"{ZH}\n\n{EN}\n\n{ZH}\n")  # English only in the middle
    write(tmp_path / "dated.txt", f"2025-12-11\n\n{ZH}\n\n{EN}\n\n© 2025\n")  # no letters at either end
    write(tmp_path / "invisible.txt", f"{ZH}\n\u00a0\n{EN}\n")  # one stretch: a line of NBSP parts the two
    write(tmp_path / "mixed-chinese.txt", f"{ZH} (Witkoff)\n\n{ZH}\n")  # a Latin name is no English paragraph
    write(tmp_path / "english.txt", f"{EN} (白宮)\n\n{EN}\n")  # a stray Chinese word, no Chinese paragraph
    write(tmp_path / "crlf.txt", f"{ZH}\r\n\r\n{EN}\r\n")
    found = [name for _, name in summary(find_jobs([tmp_path]).jobs, tmp_path)]
    assert found == ["crlf.txt", "dated.txt", "invisible.txt", "sandwich.txt", "usual.txt"]


def test_discovery_reads_no_file_to_pair_or_choose_a_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a table's head is read: it may be one of our own files (a report, decisions) or a data table."""
    write(tmp_path / "zh/a.md", ZH)
    write(tmp_path / "en/a.md", EN)
    write(tmp_path / "b.zh.txt", ZH)
    write(tmp_path / "c.csv", f"zh,en\n{ZH},{EN}\n")
    write(tmp_path / "d.po", 'msgid "x"\nmsgstr "y"\n')
    real_open = Path.open

    def no_open(self: Path, *args: object, **kwargs: object) -> object:
        if self.suffix != ".csv" or args[:1] != ("rb",):
            raise AssertionError(f"discovery opened {self}")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", lambda *args, **kwargs: no_open(Path(args[0]), *args[1:], **kwargs))
    monkeypatch.setattr(Path, "open", no_open)
    assert [job.kind for job in find_jobs([tmp_path]).jobs] == ["table", "catalog", "markdown-pair"]


def test_excluded_paths_are_skipped_wherever_they_come_from(tmp_path: Path) -> None:
    write(tmp_path / "story.zh.md", ZH)
    write(tmp_path / "story.en.md", EN)
    glossary = write(tmp_path / "data/glossary.csv", "chinese,english\n白宮,White House\n")
    write(tmp_path / "drafts/x.zh.txt", ZH)
    write(tmp_path / "drafts/x.en.txt", EN)
    jobs = find_jobs([tmp_path, glossary], exclude=["glossary.csv", "drafts/*"]).jobs
    assert summary(jobs, tmp_path) == [("markdown-pair", "story.zh.md", "story.en.md")]
    assert find_jobs([glossary], exclude=["*.csv"]).jobs == []


def test_language_tags_are_case_insensitive_and_underscored_ones_count(tmp_path: Path) -> None:
    write(tmp_path / "ZH_TW/x.txt", ZH)
    write(tmp_path / "EN/x.txt", EN)
    write(tmp_path / "y.zh_Hant.md", ZH)
    write(tmp_path / "y.EN-us.md", EN)
    assert [job.kind for job in find_jobs([tmp_path]).jobs] == ["text-pair", "markdown-pair"]


def test_jobs_come_back_sorted_whatever_the_input_order(tmp_path: Path) -> None:
    paths = [write(tmp_path / f"{name}.csv", f"zh,en\n{ZH},{EN}\n") for name in ("c", "a", "b")]
    assert [job.paths[0].name for job in find_jobs(paths).jobs] == ["a.csv", "b.csv", "c.csv"]
    assert find_jobs(list(reversed(paths))).jobs == find_jobs(paths).jobs


def test_a_spreadsheet_named_as_an_article_is_refused_with_how_to_audit_it(tmp_path: Path) -> None:
    from audit.io.discover import SPREADSHEET_HINT

    sheet = ROOT / "fixtures" / "decisions" / "seed-reviewed.libreoffice.xlsx"
    [job] = find_jobs([sheet]).jobs
    assert job.kind == "refused" and job.problem.endswith(SPREADSHEET_HINT)
    assert "cannot audit a .xlsx file" in job.problem
