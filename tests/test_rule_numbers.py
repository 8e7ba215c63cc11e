"""U001 number-mismatch: quiet on correct translations, loud on changed figures."""

from __future__ import annotations

import pytest
from opencc import OpenCC

from audit.checks.base import Context
from audit.checks.numbers import NumberMismatch
from audit.model import AlignedPair, Finding, Location, Segment, Severity

_t2s = OpenCC("t2s")


def make_pair(zh: list[str] | str, en: list[str] | str) -> AlignedPair:
    """A bead of real sentences, the Chinese normalised as the pipeline does (t2s)."""
    zh_list, en_list = ([zh] if isinstance(zh, str) else zh), ([en] if isinstance(en, str) else en)
    source = [Segment(i, "zh", s, _t2s.convert(s), Location("zh.txt", i + 1), 0) for i, s in enumerate(zh_list)]
    target = [Segment(i, "en", s, s, Location("en.txt", i + 1), 0) for i, s in enumerate(en_list)]
    return AlignedPair(source, target)


def check(zh: list[str] | str, en: list[str] | str) -> list[Finding]:
    return list(NumberMismatch().check_pair(make_pair(zh, en), Context()))


# Every sentence pair of fixtures/seed-article.txt that carries a number or a date, and a few without.
SEED_PAIRS = [
    (
        "2025年12月6日,烏克蘭宣稱其無人機成功擊中一架俄羅斯蘇-24戰機,但俄方暫未作出回應。",
        "On December 6, 2025, Ukraine announced that its drone had successfully struck a Russian Su-24 fighter jet,"
        " though Russia has not yet responded.",
    ),
    (
        "此前,12月2日晚至3日凌晨,俄羅斯總統普丁與美國特使威特科夫以及總統川普女婿庫什納舉行近五小時的會談。",
        "Earlier, from the evening of December 2 into the early hours of December 3, Russian President Vladimir Putin"
        " held nearly five hours of talks with U.S. special envoy Whitaker and President Trump’s son-in-law Jared Kushner.",
    ),
    (
        "隨後,12月4日至5日,美烏代表在佛羅里達州連續舉行會談,美方提出新的思路以彌合雙方分歧。",
        "Subsequently, from December 4 to 5, U.S. and Ukrainian representatives held consecutive meetings in Florida.",
    ),
    ("雙方的會談預計於12月6日仍將繼續進行。", "Talks were expected to continue on December 6."),
    (
        "在軍事行動方面,12月5日,烏克蘭國防部情報總局宣稱,其無人機在克里米亞成功擊中一架俄軍蘇-24戰機,並發布相關影片,"
        "但未透露具體發生時間。",
        "On the military front, on December 5, the Ukrainian Defense Ministry’s intelligence agency claimed that its"
        " drone successfully struck a Russian Su-24 fighter jet in Crimea and released related footage, though the"
        " exact timing of the incident was not disclosed.",
    ),
    (
        "此外,美國白宮於12月2日宣布,川普已終止前任政府對烏克蘭的“無休止”援助,理由是擔心資金被濫用,"
        "並強調不會為這場戰爭“開空白支票”。",
        "In addition, on December 2, the White House announced that Trump had terminated the previous administration’s"
        " “endless” aid to Ukraine, citing concerns over potential misuse of funds and emphasizing that the U.S. would"
        " not give a “blank check” for the war.",
    ),
    (
        "這一決定對美烏軍事合作與外交談判產生一定影響,也反映出美國內部對持續援烏政策的重新評估。",
        "This decision affects U.S.-Ukraine military cooperation and diplomatic negotiations, reflecting a"
        " reassessment of U.S. aid policy.",
    ),
    (
        "整體而言,近期俄烏局勢在外交與軍事層面均出現多重動態,從高層和談、無人機襲擊,到美國政策調整,各方互動錯綜複雜,"
        "短期內局勢仍存在高度不確定性。",
        "Overall, recent developments in the Russia-Ukraine situation show complex interactions across both diplomatic"
        " and military arenas. From high-level talks and drone attacks to shifts in U.S. policy, the situation remains"
        " highly uncertain in the near term.",
    ),
]

# Paragraph 3 of the seed article as one 5-5 bead: dates in one sentence must not leak into another.
SEED_PARAGRAPH = (
    [
        "烏克蘭總統澤連斯基則重申,俄烏和平協議沒有簡單的解決方案,任何決定都必須有烏克蘭的參與,並且須明確安全保障。",
        "他表示,烏方正在加大談判努力,期待進一步磋商。",
        "隨後,12月4日至5日,美烏代表在佛羅里達州連續舉行會談,美方提出新的思路以彌合雙方分歧。",
        "烏方形容談判“艱難但富有成效”,俄方則表示,願基於美方方案推進和談,但若無法透過和平達成目標,將繼續進行軍事行動。",
        "雙方的會談預計於12月6日仍將繼續進行。",
    ],
    [
        "Ukrainian President Volodymyr Zelensky emphasized that there is no simple solution to a Russia-Ukraine peace"
        " agreement, asserting that any decisions must include Ukraine’s participation and clearly outline security"
        " guarantees.",
        "He stated that Ukraine is intensifying its negotiation efforts and looks forward to further discussions.",
        "Subsequently, from December 4 to 5, U.S. and Ukrainian representatives held consecutive meetings in Florida.",
        "The U.S. proposed new approaches to bridge the gaps, while Ukraine described the negotiations as “difficult"
        " but productive.” Russia expressed willingness to advance talks based on the U.S. proposals but warned that"
        " military operations would continue if peace failed to achieve objectives.",
        "Talks were expected to continue on December 6.",
    ],
)

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
