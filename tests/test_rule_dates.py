"""D001 date-mismatch: quiet on correct translations, loud on a changed day, month or year."""

from __future__ import annotations

import pytest

from audit.checks.base import Context
from audit.checks.dates import DateMismatch
from audit.model import Finding, Severity
from tests.seed_pairs import SEED_PAIRS
from tests.seed_pairs import bead as make_pair

def check(zh: list[str] | str, en: list[str] | str) -> list[Finding]:
    return list(DateMismatch().check_pair(make_pair(zh, en), Context()))


DEC_6 = (
    "2025年12月6日,烏克蘭宣稱其無人機成功擊中一架俄羅斯蘇-24戰機,但俄方暫未作出回應。",
    "On December 6, 2025, Ukraine announced that its drone had successfully struck a Russian Su-24 fighter jet,"
    " though Russia has not yet responded.",
)
DEC_2_TO_3 = (
    "此前,12月2日晚至3日凌晨,俄羅斯總統普丁與美國特使威特科夫以及總統川普女婿庫什納舉行近五小時的會談。",
    "Earlier, from the evening of December 2 into the early hours of December 3, Russian President Vladimir Putin"
    " held nearly five hours of talks with U.S. special envoy Whitaker and President Trump’s son-in-law Jared Kushner.",
)
DEC_4_TO_5 = (
    "隨後,12月4日至5日,美烏代表在佛羅里達州連續舉行會談,美方提出新的思路以彌合雙方分歧。",
    "Subsequently, from December 4 to 5, U.S. and Ukrainian representatives held consecutive meetings in Florida.",
)

CORRECT_PAIRS = [
    ("民國114年3月2日,兩人在台北見面。", "On March 2, 2025, the pair met in Taipei."),
    ("報告於2025-12-11公布。", "The report was released on December 11, 2025."),
    ("他於6日抵達,7日離開。", "He arrived on the 6th and left on December 7."),
    ("2025年的預算", "the budget for 2025"),
    ("去年12月", "last December"),
    ("1930年代的教會", "the church of the 1930s"),
    ("2030年願景", "Vision 2030"),
    ("12月4日至5日", "December 4-5"),
    ("該公司成立於2016年。", "The company was set up in 2016."),
    ("颱風預計明（7）日上午8時最接近臺灣。", "The typhoon is expected to come closest to Taiwan at 8 a.m. on Saturday."),
    ("行政院113年度總預算較112年增加3.5%。", "The Cabinet’s 2024 budget is up 3.5% from 2023."),
    ("他於週二（5日）表示", "He said on Tuesday (Dec. 5)"),
]


@pytest.mark.parametrize(("zh", "en"), SEED_PAIRS)
def test_quiet_on_the_seed_article(zh: str, en: str) -> None:
    assert check(zh, en) == []


def test_quiet_on_the_seed_paragraph_as_one_bead() -> None:
    zh = [DEC_4_TO_5[0], "雙方的會談預計於12月6日仍將繼續進行。"]
    en = [DEC_4_TO_5[1], "Talks were expected to continue on December 6."]
    assert check(zh, en) == []


@pytest.mark.parametrize(("zh", "en"), CORRECT_PAIRS)
def test_quiet_on_dates_written_differently(zh: str, en: str) -> None:
    assert check(zh, en) == []


def test_quiet_when_the_translation_states_no_date() -> None:
    assert check("烏克蘭12月6日宣稱擊中戰機。", "Ukraine said on Saturday it had hit a jet.") == []


def test_changed_day_is_an_error_with_evidence() -> None:
    zh, en = DEC_6
    (finding,) = check(zh, en.replace("December 6", "December 7"))
    assert finding.code == "D001" and finding.severity == Severity.ERROR
    assert finding.expected == "December 6, 2025 (2025年12月6日)"
    assert finding.found == "December 7, 2025"
    assert finding.suggestion == "December 7, 2025 → December 6, 2025"
    assert finding.source_marks == ("2025年12月6日",)
    assert finding.target_marks == ("December 7, 2025",)


@pytest.mark.parametrize(
    ("wrong", "found"),
    [("November 6, 2025", "November 6, 2025"), ("December 6, 2024", "December 6, 2024")],
)
def test_changed_month_or_year_is_an_error(wrong: str, found: str) -> None:
    zh, en = DEC_6
    (finding,) = check(zh, en.replace("December 6, 2025", wrong))
    assert finding.severity == Severity.ERROR
    assert finding.found == found


def test_changed_end_of_a_range_points_at_that_end() -> None:
    zh, en = DEC_4_TO_5
    (finding,) = check(zh, en.replace("December 4 to 5", "December 4 to 6"))
    assert finding.expected == "December 5 (5日)"
    assert finding.found == "December 6"
    assert finding.source_marks == ("5日",)


def test_changed_second_night_of_talks() -> None:
    zh, en = DEC_2_TO_3
    (finding,) = check(zh, en.replace("December 3", "December 4"))
    assert finding.expected == "December 3 (3日)"
    assert finding.found == "December 4"


def test_a_year_on_both_sides_must_agree() -> None:
    (finding,) = check("該公司成立於2016年。", "The company was set up in 2018.")
    assert finding.expected == "2016 (2016年)"
    assert finding.found == "2018"


def test_a_typo_year_outside_the_usual_range_is_still_caught() -> None:
    (finding,) = check("該法案於2017年通過。", "The Act 3017 was passed.")
    assert finding.found == "3017"


def test_a_day_only_reference_is_compared_on_its_day() -> None:
    assert check("他於6日抵達。", "He arrived on December 6.") == []
    (finding,) = check("他於6日抵達。", "He arrived on December 8.")
    assert finding.found == "December 8"


def test_an_roc_year_is_compared_as_its_western_year() -> None:
    (finding,) = check("行政院113年度總預算新台幣2.9兆元。", "The Cabinet’s 2023 general budget is NT$2.9 trillion.")
    assert finding.expected == "2024 (113年度)"
    assert finding.found == "2023"


def test_rule_documents_itself() -> None:
    doc = DateMismatch.__doc__ or ""
    assert DateMismatch.code == "D001" and DateMismatch.name == "date-mismatch"
    assert all(key in doc for key in ("Why:", "Bad:", "Good:"))


# ---------------------------------------------------------------- D002 day-mismatch

from pathlib import Path  # noqa: E402

from audit.checks.dates import DayMismatch  # noqa: E402
from audit.io.text import read_bilingual  # noqa: E402
from audit.lexicon.glossary import Glossary  # noqa: E402
from audit.model import AlignedDocument, Document  # noqa: E402
from audit.pipeline import Auditor  # noqa: E402


def days(zh: str, en: str) -> list[Finding]:
    return list(DayMismatch().check_document(_document([zh], [en]), Context()))


def _document(zh: list[str], en: list[str]) -> AlignedDocument:
    pair = make_pair(zh, en)
    return AlignedDocument(Document("test", [], []), pair.source, pair.target, [pair])


def audit_article(text: str, tmp_path: Path) -> list[Finding]:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return Auditor(Glossary(), [DayMismatch()]).run(read_bilingual(path)).findings


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("川普週二在白宮表示，將於禮拜五前作出決定。", "Trump said at the White House on Tuesday he would decide by Friday."),
        ("羅莎將在禮拜二清晨抵達亞利桑那州邊界，並最晚在禮拜二深夜進入猶他州。",
         "Rosa will reach the Arizona border early Tuesday and enter Utah by late Tuesday night."),
        ("他昨天抵達，今天離開。", "He arrived yesterday and is leaving today."),
        ("會議一周三次。", "The committee meets three times a week on Wednesday."),  # 一周三次 is no Wednesday
        ("他於週二（5日）表示", "He said on Tuesday (Dec. 5)"),
        ("一名消息人士向 Sunday Times 表示", "A source told the Sunday Times"),  # a name carried over: no day
        ("一名消息人士週二向 Sunday Times 表示", "A source told the Sunday Times on Tuesday"),
    ],
)
def test_days_quiet_when_the_translation_names_the_same_day(zh: str, en: str) -> None:
    assert days(zh, en) == []


@pytest.mark.parametrize(
    ("zh", "en", "found"),
    [
        ("川普週二在白宮表示", "Trump said at the White House on Wednesday", "Wednesday"),
        ("羅莎將在禮拜二清晨抵達邊界，並最晚在禮拜二深夜進入猶他州。",
         "Rosa will reach the border early Wednesday and enter Utah by late Tuesday night.", "Wednesday"),
        ("他昨天抵達。", "He arrived today.", "today"),
    ],
)
def test_a_changed_weekday_or_relative_day_is_an_error(zh: str, en: str, found: str) -> None:
    (finding,) = days(zh, en)
    assert finding.code == "D002" and finding.severity == Severity.ERROR
    assert finding.found == found


def test_a_weekday_that_disagrees_with_its_date_is_a_warning() -> None:
    (finding,) = days("集會將在今天（2018 年 9 月 29日）晚上舉行。", "The rally is scheduled for tonight, Sunday, September 29, 2018.")
    assert finding.severity == Severity.WARNING
    assert (finding.found, finding.expected) == ("Sunday", "Saturday")


def test_a_weekday_that_agrees_with_its_date_is_quiet() -> None:
    assert days("集會將在今天（2018 年 9 月 29日）晚上舉行。", "The rally is scheduled for tonight, Saturday, September 29, 2018.") == []


ARTICLE = """美國特使昨天抵達莫斯科

2025-12-11

美國特使昨天抵達莫斯科，將於週五返國。

U.S. envoy arrives in Moscow

2025-12-11

The U.S. envoy arrived in Moscow on {day} and will return home on Friday.
"""


def test_yesterday_is_read_against_the_dateline(tmp_path: Path) -> None:
    """2025-12-11 is a Thursday: 昨天 is Wednesday, December 10."""
    assert audit_article(ARTICLE.format(day="Wednesday"), tmp_path) == []
    (finding,) = audit_article(ARTICLE.format(day="Tuesday"), tmp_path)
    assert finding.severity == Severity.WARNING and finding.found == "Tuesday"
    assert "Wednesday, December 10" in finding.expected and "2025-12-11" in finding.message
