"""U001 number-mismatch: quiet on correct translations, loud on changed figures."""

from __future__ import annotations

import pytest

from audit.checks.base import Context
from audit.checks.numbers import NumberMismatch
from audit.model import AlignedPair, Finding, Severity
from tests.seed_pairs import SEED_PAIRS, SEED_PARAGRAPH
from tests.seed_pairs import bead as make_pair

def check(zh: list[str] | str, en: list[str] | str) -> list[Finding]:
    return list(NumberMismatch().check_pair(make_pair(zh, en), Context()))


# Correct renderings of figures that read differently in the two languages.
CORRECT_PAIRS = [
    ("台積電去年營收新台幣1.2億元,年增兩成。", "TSMC's revenue last year was NT$120 million, up 20 percent."),
    ("約3萬5千人參加,逾10萬人在線上觀看。", "About 35,000 people took part and more than 100,000 watched online."),
    ("支持率為百分之二十。", "The approval rating stood at 20%."),
    ("民國114年3月2日晚上8點,兩人在台北見面。", "On March 2, 2025, at 8 p.m., the pair met in Taipei."),
    ("他在第三輪被淘汰。", "He was knocked out in the third round."),
    ("過去十年間,該市人口增加了一倍。", "Over the past decade, the city's population has doubled."),
    ("事故造成12人死亡、3人受傷。", "The accident killed twelve people and injured three."),
    ("美國將投資2.5億美元。", "The U.S. will invest $250 million."),
    ("超過 2000 萬人收看聽證會", "More than 20 million people watched the hearing"),
    # Taiwan wire style: 今(6)日, ROC years, 兆, mixed 萬 figures, 成 for tenths.
    ("颱風預計明（7）日上午8時最接近臺灣。", "The typhoon is expected to come closest to Taiwan at 8 a.m. on Saturday."),
    ("台股今天終場大漲312.5點，收在2萬3,456點，成交值4,321億元。",
     "The Taiex closed up 312.5 points at 23,456, with turnover of NT$432.1 billion."),
    ("行政院113年度總預算新台幣2.9兆元，較112年增加3.5%。",
     "The Cabinet’s 2024 general budget is NT$2.9 trillion, up 3.5% from 2023."),
    ("內政部統計，今年1至9月出生數僅8萬7,000多人，逾8成民眾表示憂心。",
     "Interior ministry figures show just over 87,000 births from January to September, and more than 80% of people"
     " said they were worried."),
    ("颱風造成2死15傷，約4萬戶停電。",
     "The typhoon left two dead and 15 injured, and about 40,000 households without power."),
    ("他於週二（5日）表示，將在未來3到5年內投資超過100億美元。",
     "He said on Tuesday (Dec. 5) that it would invest more than $10 billion over the next three to five years."),
]


@pytest.mark.parametrize(("zh", "en"), SEED_PAIRS)
def test_quiet_on_the_seed_article(zh: str, en: str) -> None:
    assert check(zh, en) == []


def test_quiet_on_a_whole_seed_paragraph() -> None:
    assert check(*SEED_PARAGRAPH) == []


@pytest.mark.parametrize(("zh", "en"), CORRECT_PAIRS)
def test_quiet_on_figures_rendered_in_other_words(zh: str, en: str) -> None:
    assert check(zh, en) == []


def test_a_as_article_and_small_counts_in_words_raise_nothing() -> None:
    assert check("兩人在一架飛機上會面。", "The pair met on a plane.") == []


def test_changed_hours_is_an_error_with_evidence() -> None:
    zh, en = SEED_PAIRS[1]
    (finding,) = check(zh, en.replace("nearly five hours", "nearly six hours"))
    assert finding.code == "U001" and finding.severity == Severity.ERROR
    assert finding.expected == "5 hours (五小時)"
    assert finding.found == "six hours"
    assert finding.suggestion == "six hours → 5 hours"
    assert finding.source_marks == ("五小時",)
    assert finding.target_marks == ("six hours",)


@pytest.mark.parametrize(
    ("zh", "en", "found"),
    [
        ("台積電去年營收新台幣1.2億元。", "TSMC's revenue last year was NT$1.2 billion.", "NT$1.2 billion"),
        ("營收1.2億美元。", "Revenue was $12 million.", "$12 million"),
        ("美國將投資2.5億美元。", "The U.S. will invest $2.5 billion.", "$2.5 billion"),
        ("支持率為百分之二十。", "The approval rating stood at 25%.", "25%"),
        ("他在第三輪被淘汰。", "He was knocked out in the fourth round.", "fourth"),
        ("烏克蘭擊中一架俄羅斯蘇-24戰機。", "Ukraine struck a Russian Su-25 fighter jet.", "Su-25"),
        ("事故造成12人死亡。", "The accident killed 13 people.", "13"),
    ],
)
def test_changed_figures_are_errors(zh: str, en: str, found: str) -> None:
    (finding,) = check(zh, en)
    assert finding.severity == Severity.ERROR
    assert finding.found == found
    assert found in finding.target_marks


def test_model_suggestion_keeps_the_english_designation() -> None:
    (finding,) = check("烏克蘭擊中一架俄羅斯蘇-24戰機。", "Ukraine struck a Russian Su-25 fighter jet.")
    assert finding.suggestion == "Su-25 → Su-24"
    assert finding.source_marks == ("蘇-24",)


def test_a_dropped_figure_is_a_warning() -> None:
    (finding,) = check("逾3,000人在地震中受傷。", "Many people were injured in the earthquake.")
    assert finding.severity == Severity.WARNING
    assert "3,000" in finding.expected
    assert finding.source_marks == ("3,000人",)


def test_several_dropped_figures_make_one_warning() -> None:
    findings = check("逾3,000人受傷,損失達4,500萬美元。", "Many people were injured and the losses were heavy.")
    assert len(findings) == 1 and findings[0].severity == Severity.WARNING


def test_marks_are_substrings_of_the_original_text() -> None:
    pair = make_pair("營收新台幣1.2億元,較前年的1.5億元減少。", "Revenue was NT$1.2 billion, down from NT$150 million.")
    (finding,) = NumberMismatch().check_pair(pair, Context())
    assert all(mark in pair.source_text for mark in finding.source_marks)
    assert all(mark in pair.target_text for mark in finding.target_marks)
    assert finding.source_marks == ("新台幣1.2億元",)


def test_rule_documents_itself() -> None:
    doc = NumberMismatch.__doc__ or ""
    assert NumberMismatch.code == "U001" and NumberMismatch.name == "number-mismatch"
    assert all(key in doc for key in ("Why:", "Bad:", "Good:"))


def test_a_pair_without_target_is_left_to_the_omission_rule() -> None:
    pair = AlignedPair(make_pair("逾3,000人受傷。", "x").source, [])
    assert list(NumberMismatch().check_pair(pair, Context())) == []


def test_two_as_a_count_is_compared_but_two_as_a_pair_is_not() -> None:
    wrong = check("在下午2點，兩輛警車駛進警哨線範圍。", "At 2pm three police vans were inside the cordon.")
    assert [(f.code, f.found) for f in wrong] == [("U001", "three")]
    assert check("兩名球員表現出色，各得三分。", "Both players shone, scoring three points each.") == []


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("是次改名將需要國會三分之二大多數成員的支持。", "The name change would require a two-thirds majority in parliament."),
        ("5 分之 1 的孩子擁有秘密社交帳號", "One in five children have secret social media accounts"),
        ("兩成受訪者表示支持。", "One in five respondents said they were in favour."),
        ("近三成選民未表態。", "Nearly a third of voters are undecided."),
        ("三分之一的人口", "33% of the population"),
    ],
)
def test_shares_rendered_as_fractions_or_percentages_are_quiet(zh: str, en: str) -> None:
    assert check(zh, en) == []


@pytest.mark.parametrize(
    ("zh", "en", "found"),
    [
        ("是次改名將需要國會三分之二大多數成員的支持。", "The name change would require a three-quarters majority.", "three-quarters"),
        ("5 分之 1 的孩子擁有秘密社交帳號", "One in six children have secret social media accounts", "One in six"),
        ("兩成受訪者表示支持。", "One in three respondents said they were in favour.", "One in three"),
    ],
)
def test_a_changed_share_is_an_error(zh: str, en: str, found: str) -> None:
    (finding,) = check(zh, en)
    assert finding.severity == Severity.ERROR and finding.found == found


def test_a_share_missing_from_the_translation_is_no_finding() -> None:
    assert check("三分之二的議員投下贊成票。", "Most lawmakers voted in favour.") == []


def test_a_figure_is_paired_with_its_own_kind_before_another() -> None:
    """3 分 must not take "third" from 第三名, which would leave the changed points unseen."""
    findings = check("目前位居甲級聯賽第三名，落後第一名 3 分。", "They sit third in League One, four points off the top.")
    assert [f.found for f in findings] == ["four"]


def test_a_name_carried_over_in_latin_is_no_figure_and_the_others_are_still_compared() -> None:
    zh = "暴雨將蔓延至四角地區 (Four Corners)，降雨達3吋。"
    assert check(zh, "Heavy rain will spread into the Four Corners, with up to 3 inches of rain.") == []
    (finding,) = check(zh, "Heavy rain will spread into the Four Corners, with up to 4 inches of rain.")
    assert finding.found == "4 inches"


def test_a_figure_the_source_restates_is_rendered_once() -> None:
    """Chinese repeats a figure where English refers back (MQM-TED and NTREX both show it)."""
    zh = "去年德國海軍將F125護衛艦退還給船廠時，這艘命運多舛的F125護衛艦便登上了頭條新聞。"
    assert check(zh, "The ill-fated F125 frigate made headlines last year when the navy returned the vessel.") == []


def test_a_pair_word_takes_the_liang_it_renders_and_no_other() -> None:
    """"duo" renders 二人組; the 兩場 beside it, changed to "three", is still an error."""
    zh = "表現優越的二人組以兩場勝者姿態領先老虎伍茲，積分領先至四分。"
    assert check(zh, "The inspired duo led with two victories over Tiger Woods to take their tally to four points.") == []
    (finding,) = check(zh, "The inspired duo led with three victories over Tiger Woods to take their tally to four points.")
    assert finding.found == "three"


def test_both_stands_for_liang_people_but_not_for_two_years() -> None:
    assert check("兩人在台北見面。", "Both met in Taipei.") == []
    (finding,) = check("兩人為期兩年的合作", "both men's three-year partnership")
    assert finding.found == "three-year"


def test_a_plain_one_is_not_spent_on_first() -> None:
    (finding,) = check("自二月以 4-1 大勝後首次落敗", "their first defeat since February's 4-8 triumph")
    assert finding.found == "8"


def test_a_rank_written_as_a_number_word() -> None:
    zh = "勝於世界排名分別為第一和第三的強森和柯普卡。"
    assert check(zh, "beat Johnson and Koepka, ranked one and three in the world.") == []
    (finding,) = check(zh, "beat Johnson and Koepka, ranked one and four in the world.")
    assert finding.found == "four"


def test_golf_formats_are_not_read_as_figures() -> None:
    """"foursomes" names a format (四人賽), as "fivesomes" would: no figure of its own to compare."""
    zh = "在三場比賽後，禮拜六下午的四人賽才是觀眾期待的。"
    assert check(zh, "After three one-sided sessions, Saturday afternoon's foursomes were what fans wanted.") == []


def test_figures_pair_with_figures_written_the_same_way_first() -> None:
    """Digits pair with digits first, so the 4 of 5&4 changed to "5&2" is still seen beside 四球."""
    zh = "在四球局中輾壓對手後，他們以更明顯的 5&4 局擊敗伍茲。"
    assert check(zh, "Having crushed them in the fourballs, they beat Woods by an emphatic 5&4.") == []
    (finding,) = check(zh, "Having crushed them in the fourballs, they beat Woods by an emphatic 5&2.")
    assert finding.found == "2"


# ---------------------------------------------------------------- figures read as written (#14, #16 item 5)

READ_RIGHT = [
    ("這座電站的裝機容量為500千瓦。", "The plant has a capacity of 500 kilowatts."),  # 千瓦 is kW, not 500,000
    ("全程約120千米，重50千克。", "The route is about 120 kilometres and it weighs 50 kilograms."),
    ("他跑了三千米。", "He ran 3,000 metres."),  # after a Chinese digit 千 stays a number
    ("估計有1200萬至1400萬人受影響。", "An estimated 12 to 14 million people were affected."),
    ("約有12至14萬人參加。", "Some 120,000 to 140,000 people took part."),
    ("發文時間為2023-02-11 13:09:10。", "It was posted at 2023-02-11 13:09:10."),
    ("他每月賺一萬六七千元。", "He earns 16,000 to 17,000 yuan a month."),
    ("約14萬人參加。", "About 135,000 people took part."),  # a hedged figure is a rounded one
    ("謀殺率從每一百萬15起直到150起。", "The murder rate ranges from 15 to 150 per million."),
    ("50萬至上百萬個部分。", "Half a million to a million parts."),
    # fractions of a scale and halves (MQM-TED talk.7 and talk.6, as MT and human translators wrote them)
    ("五年時間，兩百五十萬個零件。", "Five years, two and a half million parts."),
    ("有25萬種開花植物。", "There are a quarter of a million species of flowering plants."),
    ("兩年半的時間，三個半月的準備。", "Two and a half years, and three and a half months of preparation."),
]


@pytest.mark.parametrize(("zh", "en"), READ_RIGHT)
def test_figures_written_in_either_way_are_one_figure(zh: str, en: str) -> None:
    assert check(zh, en) == []


@pytest.mark.parametrize(("en", "cited"), [("135,000", "140,000"), ("145,000", "140,000")])
def test_an_exactly_written_figure_has_no_rounding_slack(en: str, cited: str) -> None:
    findings = check("共有14萬人參加。", f"A total of {en} people took part.")
    assert [f.severity for f in findings] == [Severity.ERROR]
    assert findings[0].message == f"14萬人 ({cited}) is rendered as {en}"
    assert findings[0].suggestion == f"{en} → {cited}"


def test_an_approximate_range_is_not_a_figure_of_its_digits() -> None:
    findings = check("他每月賺一萬六七千元。", "He earns 167,000 yuan a month.")
    assert [f.code for f in findings] == ["U001"]
    assert "16,000–17,000" in findings[0].message


ROSA_ZH = ("羅莎在東部時間禮拜天上午 5 點錄得每小時 85 英里的風速，為一級颶風。當時颶風位於墨西哥 Punta Eugenia 西南部 "
           "385 英里處。")  # NTREX-128 line 202 (zho-TW)
ROSA_EN = ("Rosa had winds of 92 mph, a Category 1 Hurricane, as of 5 a.m. Eastern time Sunday, and was located 385 miles"
           " southwest of Punta Eugenia, Mexico.")  # 85 changed to 92


def test_the_changed_figure_is_named_fixed_and_highlighted_where_it_stands() -> None:
    (finding,) = check(ROSA_ZH, ROSA_EN)
    assert finding.found == "92 mph" and finding.suggestion == "92 mph → 85 mph"  # not "1 → 85 miles" (Category 1)
    (source_span,), (target_span,) = finding.source_spans, finding.target_spans
    assert ROSA_ZH[source_span[0]:source_span[1]] == "85 英里" and source_span[0] == ROSA_ZH.index("85 英里")
    assert ROSA_ZH.index("385 英里") + 1 != source_span[0]  # the 85 inside 385 英里 is not marked
    assert ROSA_EN[target_span[0]:target_span[1]] == "92 mph"


def test_the_report_highlights_by_offset_not_by_search() -> None:
    from audit.report.html import _cover  # the page's highlighter

    (finding,) = check(ROSA_ZH, ROSA_EN)

    class View:
        id = "f1"

    View.finding = finding  # type: ignore[attr-defined]
    cover = _cover(ROSA_ZH, [(span, View) for span in finding.source_spans])  # type: ignore[list-item]
    marked = "".join(c for c, covered in zip(ROSA_ZH, cover) if covered)
    assert marked == "85 英里"
