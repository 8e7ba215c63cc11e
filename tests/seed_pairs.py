"""Real sentence pairs of the sample article (fixtures/seed-article.txt), shared by the number and date rule tests."""

from __future__ import annotations

from opencc import OpenCC

from audit.model import AlignedPair, Location, Segment

_t2s = OpenCC("t2s")


def bead(zh: list[str] | str, en: list[str] | str) -> AlignedPair:
    """A bead of real sentences, the Chinese normalised as the pipeline does (t2s)."""
    zh_list, en_list = ([zh] if isinstance(zh, str) else zh), ([en] if isinstance(en, str) else en)
    source = [Segment(i, "zh", s, _t2s.convert(s), Location("zh.txt", i + 1), 0) for i, s in enumerate(zh_list)]
    target = [Segment(i, "en", s, s, Location("en.txt", i + 1), 0) for i, s in enumerate(en_list)]
    return AlignedPair(source, target)


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
