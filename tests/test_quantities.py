"""Extraction of numbers and dates from Chinese and English news sentences (audit.quantities)."""

from __future__ import annotations

import pytest
from opencc import OpenCC

from audit.quantities import (
    DateRef,
    Quantity,
    english_value,
    extract_en,
    extract_zh,
    format_date,
    original_span,
    parse_chinese_number,
    parse_english_number,
)

_t2s = OpenCC("t2s")


def zh(text: str, default: DateRef | None = None) -> tuple[list[Quantity], list[DateRef]]:
    return extract_zh(_t2s.convert(text), default)


def values(quantities: list[Quantity]) -> list[float]:
    return [q.value for q in quantities]


def ymd(dates: list[DateRef]) -> list[tuple[int | None, int | None, int | None]]:
    return [(d.year, d.month, d.day) for d in dates]


# ---------------------------------------------------------------- Chinese numerals


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("五", 5), ("十二", 12), ("两百", 200), ("三千五百", 3500), ("一万", 10_000), ("3万5千", 35_000),
        ("1.2亿", 120_000_000), ("一百零五", 105), ("三千五", 3500), ("两万五", 25_000), ("5000万", 50_000_000),
        ("3万亿", 3e12), ("二十", 20),
    ],
)
def test_chinese_numerals_have_their_value(text: str, value: float) -> None:
    parsed = parse_chinese_number(text)
    assert parsed is not None and parsed[0] == pytest.approx(value)


@pytest.mark.parametrize("text", ["三四", "十五六", "万"])
def test_ranges_and_bare_magnitudes_are_no_number(text: str) -> None:
    assert parse_chinese_number(text) is None


def test_magnitude_words_carry_their_rounding_step() -> None:
    assert parse_chinese_number("1.2亿") == (120_000_000, pytest.approx(10_000_000))
    assert parse_chinese_number("3万5千")[1] == 1000  # type: ignore[index]


# ---------------------------------------------------------------- Chinese quantities


def test_arabic_numbers_with_separators_decimals_and_magnitudes() -> None:
    quantities, _ = zh("逾10,000人受傷,損失1.2億美元,增長3.5%。")
    assert values(quantities) == [10_000, 120_000_000, 3.5]
    assert [q.kind for q in quantities] == ["number", "money", "percent"]
    assert quantities[0].hedge == "逾"
    assert quantities[1].unit == "USD"


def test_percentages_in_all_three_spellings() -> None:
    quantities, _ = zh("支持率百分之二十,反對者兩成,其餘20%。")
    assert values(quantities) == [20, 20, 20]
    assert {q.kind for q in quantities} == {"percent"}


def test_hedge_is_kept_out_of_the_value() -> None:
    (hours,), _ = zh("舉行近五小時的會談")
    assert (hours.value, hours.unit, hours.hedge, hours.spelled) == (5, "hour", "近", True)


def test_mixed_arabic_and_chinese_magnitudes() -> None:
    quantities, _ = zh("約3萬5千人參加,觀看人數超過 2000 萬人。")
    assert values(quantities) == [35_000, 20_000_000]


def test_currency_named_before_the_figure() -> None:
    (money,), _ = zh("營收新台幣1.2億元")
    assert (money.value, money.unit, money.kind) == (120_000_000, "TWD", "money")
    assert english_value(money) == "NT$120 million"


def test_ordinals_after_di() -> None:
    quantities, _ = zh("他在第三輪被淘汰,第12次參賽。")
    assert [(q.kind, q.value) for q in quantities] == [("ordinal", 3), ("ordinal", 12)]


def test_model_designation_keeps_its_letters() -> None:
    (model,), _ = zh("烏克蘭擊中一架俄羅斯蘇-24戰機")
    assert (model.kind, model.value, model.text) == ("model", 24, "苏-24")


@pytest.mark.parametrize(
    "text",
    ["烏克蘭擊中一架戰機", "這一決定產生一定影響", "雙方統一立場", "萬一失敗", "十分重要", "三星電子", "一些議員", "兩岸關係"],
)
def test_numerals_inside_words_or_as_articles_are_not_numbers(text: str) -> None:
    assert zh(text)[0] == []


def test_a_lone_yi_counts_only_with_a_physical_unit_or_magnitude() -> None:
    assert values(zh("相隔約一英里")[0]) == [1]
    assert values(zh("一百多人")[0]) == [100]
    assert zh("過去一年")[0] == []


def test_vague_counts_are_not_numbers() -> None:
    assert zh("數十年來的紛爭,上千名民眾,幾百人")[0] == []


def test_clock_times_after_afternoon_read_on_a_24_hour_clock() -> None:
    quantities, _ = zh("下午 2 點,晚上8點30分")
    assert values(quantities) == [14, 20.5]
    assert {q.kind for q in quantities} == {"time"}


# ---------------------------------------------------------------- Chinese dates


def test_full_date_is_one_reference_not_numbers() -> None:
    quantities, dates = zh("2025年12月6日,烏克蘭宣稱")
    assert quantities == []
    assert ymd(dates) == [(2025, 12, 6)]
    assert dates[0].text == "2025年12月6日"


def test_day_ranges_inherit_the_month() -> None:
    assert ymd(zh("12月4日至5日")[1]) == [(None, 12, 4), (None, 12, 5)]
    assert ymd(zh("12月2日晚至3日凌晨")[1]) == [(None, 12, 2), (None, 12, 3)]
    assert ymd(zh("12月4至5日")[1]) == [(None, 12, 4), (None, 12, 5)]


def test_day_only_inherits_from_the_default() -> None:
    default = DateRef(2025, 12, 2, "12月2日", 0, 5)
    assert ymd(zh("雙方3日再度會面", default)[1]) == [(2025, 12, 3)]


def test_taiwan_wire_style_today_with_the_date_in_brackets() -> None:
    quantities, dates = zh("颱風預計明（7）日上午8時最接近臺灣")
    assert ymd(dates) == [(None, None, 7)]
    assert [(q.kind, q.value) for q in quantities] == [("time", 8)]


def test_trillions_and_exact_tails_after_wan() -> None:
    assert values(zh("總預算新台幣2.9兆元")[0]) == [2.9e12]
    (births,), _ = zh("出生數僅8萬7,000多人")
    assert (births.value, births.precision) == (87_000, 0.0)


def test_year_month_roc_and_iso_forms() -> None:
    assert ymd(zh("2025年")[1]) == [(2025, None, None)]
    assert ymd(zh("去年12月")[1]) == [(None, 12, None)]
    assert ymd(zh("民國114年3月2日")[1]) == [(2025, 3, 2)]
    assert ymd(zh("113年度預算")[1]) == [(2024, None, None)]
    assert ymd(zh("2025-12-11")[1]) == [(2025, 12, 11)]
    assert ymd(zh("20世紀30年代")[1]) == [(1930, None, None)]


@pytest.mark.parametrize("text", ["為期3日的會議", "7日內完成", "日本", "中日關係", "每日"])
def test_day_counts_and_japan_are_not_days_of_the_month(text: str) -> None:
    assert zh(text)[1] == []


def test_a_day_count_in_ri_is_a_number_of_days_not_a_date() -> None:
    assert ymd(zh("美日兩國")[1]) == []


# ---------------------------------------------------------------- English


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one", 1), ("twenty-five", 25), ("one hundred and twenty", 120), ("a dozen", 12), ("five million", 5e6),
        ("a hundred", 100), ("three thousand five hundred", 3500),
    ],
)
def test_english_spelled_numbers(text: str, value: float) -> None:
    assert parse_english_number(text) == value


def test_english_magnitudes_currencies_and_units() -> None:
    quantities, _ = extract_en("It cost $3bn, or 2.5 billion euros, and 120 million people saw it in nearly five hours.")
    assert values(quantities) == [3e9, 2.5e9, 120e6, 5]
    assert [q.unit for q in quantities] == ["USD", "EUR", None, "hour"]
    assert quantities[3].hedge == "nearly"
    assert quantities[2].precision == 1e6


def test_english_percent_ordinal_model_and_time() -> None:
    quantities, _ = extract_en("Up 20 percent in the 3rd round, a third Su-24 was hit at 8 p.m.")
    assert [(q.kind, q.value) for q in quantities] == [
        ("percent", 20), ("ordinal", 3), ("ordinal", 3), ("model", 24), ("time", 20)]


def test_english_dates_in_their_usual_shapes() -> None:
    _, dates = extract_en("On December 6, 2025, and Dec. 7 and 8 December 2025, from December 4 to 5, December 9-10.")
    assert ymd(dates) == [(2025, 12, 6), (None, 12, 7), (2025, 12, 8), (None, 12, 4), (None, 12, 5),
                          (None, 12, 9), (None, 12, 10)]


def test_english_night_into_morning_range() -> None:
    _, dates = extract_en("from the evening of December 2 into the early hours of December 3")
    assert ymd(dates) == [(None, 12, 2), (None, 12, 3)]


def test_a_year_after_month_and_day_is_not_a_number() -> None:
    quantities, dates = extract_en("On December 6, 2025, Ukraine said")
    assert quantities == []
    assert ymd(dates) == [(2025, 12, 6)]


def test_bare_years_and_months_after_a_preposition() -> None:
    _, dates = extract_en("in 2025, in December, and in May")
    assert ymd(dates) == [(2025, None, None), (None, 12, None), (None, 5, None)]


def test_may_the_verb_is_no_month() -> None:
    assert extract_en("Talks May resume, officials said")[1] == []


def test_a_decade_is_ten_years() -> None:
    (decade,), _ = extract_en("over the past decade")
    assert (decade.value, decade.unit) == (10, "year")


# ---------------------------------------------------------------- helpers


def test_original_span_maps_offsets_back_to_traditional_text() -> None:
    original = "俄羅斯總統普丁舉行近五小時的會談"
    norm = _t2s.convert(original)
    (hours,), _ = extract_zh(norm)
    assert original_span(original, norm, hours.start, hours.end) == "五小時"


def test_format_date() -> None:
    assert format_date(DateRef(2025, 12, 6, "", 0, 0)) == "December 6, 2025"
    assert format_date(DateRef(None, 12, None, "", 0, 0)) == "December"
    assert format_date(DateRef(None, None, 5, "", 0, 0)) == "the 5th"


# ---------------------------------------------------------------- shares, glosses, compounds


@pytest.mark.parametrize(
    ("text", "percent"),
    [("三分之二的議員", 200 / 3), ("5 分之 1 的孩子", 20.0), ("近四分之一", 25.0), ("十分之三", 30.0)],
)
def test_chinese_fractions_are_shares_in_percent(text: str, percent: float) -> None:
    (quantity,) = zh(text)[0]
    assert quantity.kind == "fraction" and quantity.value == pytest.approx(percent)
    assert english_value(quantity) in ("2/3", "1/5", "1/4", "3/10")


@pytest.mark.parametrize(
    ("text", "percent"),
    [("a two-thirds majority", 200 / 3), ("One in five children", 20.0), ("a third of voters", 100 / 3),
     ("one-fifth of the budget", 20.0), ("1 in 10 people", 10.0), ("three quarters of them", 75.0)],
)
def test_english_fractions_are_shares_in_percent(text: str, percent: float) -> None:
    (quantity,) = extract_en(text)[0]
    assert quantity.kind == "fraction" and quantity.value == pytest.approx(percent)


@pytest.mark.parametrize("text", ["He won a third term.", "with a population of 379,800 in 2017", "the quarter-final"])
def test_ordinals_and_figures_before_in_are_no_fractions(text: str) -> None:
    assert all(q.kind != "fraction" for q in extract_en(text)[0])


def test_a_number_word_before_a_compound_is_still_a_number() -> None:
    """"four one-sided sessions": four, and the "one" of the compound is no part of it."""
    quantities, _ = extract_en("After four one-sided sessions, the foursomes began.")
    assert [(q.value, q.text) for q in quantities] == [(4, "four"), (1, "one")]
    assert [(q.value, q.text) for q in extract_en("ranked one and four in the world")[0]] == [(1, "one"), (4, "four")]


def test_golf_formats_and_other_words_that_hold_a_number_word_are_no_figures() -> None:
    assert extract_en("the foursomes, the fourballs and a fivesome")[0] == []


def test_points_difference_and_major_counts() -> None:
    assert [(q.value, q.text) for q in zh("落後榜首八分之差")[0]] == [(8, "八分")]
    assert [(q.value, q.text) for q in zh("六大電視頻道")[0]] == [(6, "六大")]


def test_a_latin_gloss_in_the_chinese_is_a_name_not_a_statement() -> None:
    """Taiwan's news gives the original name in parentheses: its words and figures restate the Chinese beside it."""
    assert zh("暴雨將蔓延至四角地區 (Four Corners)。")[0] == []
    assert [q.text for q in zh("CBS《60 分鐘》(60 Minutes) 節目")[0]] == ["60 分钟"]
    assert [q.value for q in zh("他說(見附表)有3人")[0]] == [3]  # a gloss needs Latin words


def test_a_designation_is_no_word_at_a_sentence_start() -> None:
    kinds = [(q.text, q.kind) for q in extract_en("Mid-2018, two Su-24 jets and an F-16 flew.")[0]]
    assert ("Su-24", "model") in kinds and ("F-16", "model") in kinds
    assert ("Mid-2018", "model") not in kinds


@pytest.mark.parametrize(("text", "bounds"), [("一万六七千", (16_000, 17_000)), ("十五六", (15, 16)), ("三四十", (30, 40)),
                                              ("七八万", (70_000, 80_000))])
def test_neighbouring_digits_are_an_approximate_range(text: str, bounds: tuple[float, float]) -> None:
    from audit.quantities.zh_numerals import parse_chinese_range

    assert parse_chinese_range(text) == bounds
    assert parse_chinese_range("三五") is None  # not neighbours


def test_si_prefixes_are_units_and_half_a_million_is_a_figure() -> None:
    assert [(q.value, q.unit) for q in zh("裝機容量為500千瓦,約120萬千瓦")[0]] == [(500, "kW"), (1_200_000, "kW")]
    assert [q.value for q in extract_en("half a million people")[0]] == [500_000]
    assert [q.value for q in extract_en("It was posted at 13:09:10.")[0]] == [pytest.approx(13 + 9 / 60 + 10 / 3600)]
