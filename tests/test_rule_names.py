from __future__ import annotations

from audit.checks.base import Context
from audit.checks.names import NameMismatch, UnknownName
from audit.lexicon.glossary import Glossary
from audit.model import Severity
from tests.conftest import make_doc, make_pair

SAMPLE_ZH = "此前,12月2日晚至3日凌晨,俄羅斯總統普丁與美國特使威特科夫以及總統川普女婿庫什納舉行近五小時的會談。"
SAMPLE_EN = (
    "Earlier, from the evening of December 2 into the early hours of December 3, Russian President Vladimir Putin "
    "held nearly five hours of talks with U.S. special envoy Whitaker and President Trump’s son-in-law Jared Kushner."
)


def run(rule, pairs, glossary):  # type: ignore[no-untyped-def]
    return list(rule.check_document(make_doc(pairs), Context(glossary)))


def test_wrong_name_in_the_sample_is_an_error_with_the_fix(glossary: Glossary) -> None:
    [finding] = run(NameMismatch(), [make_pair(SAMPLE_ZH, SAMPLE_EN)], glossary)
    assert finding.code == "N001" and finding.severity == Severity.ERROR
    assert finding.message == '威特科夫 rendered "Whitaker"; expected "Witkoff"'
    assert finding.suggestion == "Whitaker → Witkoff"
    assert finding.source_marks == ("威特科夫",) and finding.target_marks == ("Whitaker",)


def test_correct_translation_of_the_same_sentence_is_quiet(glossary: Glossary) -> None:
    fixed = SAMPLE_EN.replace("Whitaker", "Steve Witkoff")
    assert run(NameMismatch(), [make_pair(SAMPLE_ZH, fixed)], glossary) == []


def test_accepted_spelling_variants_are_quiet(glossary: Glossary) -> None:
    zh = "烏克蘭總統澤連斯基則重申,俄烏和平協議沒有簡單的解決方案。"
    for spelling in ("Zelensky", "Zelenskyy", "Volodymyr Zelensky"):
        en = f"Ukrainian President {spelling} emphasized that there is no simple solution to a peace agreement."
        assert run(NameMismatch(), [make_pair(zh, en)], glossary) == []


def test_simplified_source_and_mainland_variant_are_matched(glossary: Glossary) -> None:
    zh = "普京在会后公开强硬表态,表示俄罗斯无法接受欧洲的修改。"
    en = "Following the meeting, Putin publicly declared that Russia could not accept European modifications."
    assert run(NameMismatch(), [make_pair(zh, en)], glossary) == []


def test_a_name_one_sentence_away_is_alignment_slack_not_an_error(glossary: Glossary) -> None:
    pairs = [
        make_pair("普京在會後公開強硬表態。", "Following the meeting, he publicly expressed a firm stance."),
        make_pair("他表示俄羅斯已做好準備。", "Putin said Russia was prepared."),
    ]
    assert run(NameMismatch(), pairs, glossary) == []


def test_a_person_dropped_without_a_substitute_is_only_a_warning(glossary: Glossary) -> None:
    zh = "庫什納也出席了會談。"
    en = "The president's son-in-law also attended the talks."
    [finding] = run(NameMismatch(), [make_pair(zh, en)], glossary)
    assert finding.severity == Severity.WARNING and "not found" in finding.message


def test_elided_place_is_quiet_but_a_substituted_place_is_flagged(glossary: Glossary) -> None:
    elided = make_pair("此外,美國白宮於12月2日宣布援助終止。", "In addition, on December 2, the White House announced the end of aid.")
    assert run(NameMismatch(), [elided], glossary) == []
    swapped = make_pair("美烏代表在佛羅里達州連續舉行會談。", "U.S. and Ukrainian representatives held consecutive meetings in Texas.")
    [finding] = run(NameMismatch(), [swapped], glossary)
    assert finding.found == "Texas" and finding.suggestion == "Texas → Florida"


def test_unknown_transliterated_name_rendered_as_someone_else_is_a_warning(glossary: Glossary) -> None:
    bad = make_pair("發言人博爾特尼科夫表示,談判將繼續。", "Spokesman Kushner said the negotiations would continue.")
    good = make_pair("發言人博爾特尼科夫表示,談判將繼續。", "Spokesman Bortnikov said the negotiations would continue.")
    findings = run(UnknownName(), [bad], glossary)
    assert [f.found for f in findings] == ["Kushner"]
    assert run(UnknownName(), [good], glossary) == []


# ---------------------------------------------------------------- a name the source repeats, replaced once


def test_a_repeated_place_replaced_once_by_another_is_flagged(glossary: Glossary) -> None:
    zh = "英國首相特蕾莎·梅在 2018 年 9 月 29 日參加英國伯明罕的保守黨會議。"
    bad = "Cuba's Prime Minister Theresa May arrives for the Conservative Party Conference in Birmingham, Britain, September 29, 2018."
    [finding] = run(NameMismatch(), [make_pair(zh, bad)], glossary)
    assert finding.message == '英國 rendered "Cuba"; expected "United Kingdom"'
    assert finding.severity == Severity.WARNING and finding.target_marks == ("Cuba",)
    good = bad.replace("Cuba's", "British")
    assert run(NameMismatch(), [make_pair(zh, good)], glossary) == []


def test_a_repeated_person_replaced_once_is_an_error(glossary: Glossary) -> None:
    zh = "川普說，他相信川普政府的對華政策會成功。"
    bad = "Biden said he believed the Trump administration's China policy would succeed."
    [finding] = run(NameMismatch(), [make_pair(zh, bad)], glossary)
    assert finding.message == '川普 rendered "Biden"; expected "Trump"' and finding.severity == Severity.ERROR
    # One mention rendered by a pronoun: fewer names in the English, but none of them foreign to the source.
    good = "Trump said he believed his administration's China policy would succeed."
    assert run(NameMismatch(), [make_pair(zh, good)], glossary) == []


def test_a_name_found_only_inside_another_form_does_not_hide_a_substitute(glossary: Glossary) -> None:
    zh = "首爾表示，1953 年韓戰結束以來，已有超過 30,000 名北韓人非法越過北韓邊界。"
    bad = "Seoul says more than 30,000 Red Sea have illegally crossed the border since the end of the Korean War in 1953."
    [finding] = run(NameMismatch(), [make_pair(zh, bad)], glossary)
    assert finding.found == "Red Sea" and finding.source_marks == ("北韓",)
    good = "Seoul says more than 30,000 North Koreans have illegally crossed the border since the end of the Korean War in 1953."
    assert run(NameMismatch(), [make_pair(zh, good)], glossary) == []


def test_a_one_character_abbreviation_counts_only_where_it_abbreviates(glossary: Glossary) -> None:
    zh = "兩國關係因不同事情出現分歧，其中包括人權、新聞自由和土耳其加入歐盟的申請。"
    en = "They've fallen out over issues including human rights, press freedom and {}'s accession to the EU."
    [finding] = run(NameMismatch(), [make_pair(zh, en.format("Canada"))], glossary)
    assert finding.message == '土耳其 rendered "Canada"; expected "Turkey"'  # 加 of 加入 (join) is not Canada
    assert run(NameMismatch(), [make_pair(zh, en.format("Turkey"))], glossary) == []
    # 中美貿易 names China a second time: "U.S.-China trade" renders it, and a stranger in its place is caught.
    zh = "中國官方報紙在美國一份日報中刊登廣告以吹捧中美貿易的雙邊益處。"
    good = "An official Chinese newspaper ran a four-page ad in a U.S. daily touting the mutual benefits of U.S.-China trade."
    assert run(NameMismatch(), [make_pair(zh, good)], glossary) == []
    [finding] = run(NameMismatch(), [make_pair(zh, good.replace("Chinese", "Tuvalu"))], glossary)
    assert finding.found == "Tuvalu" and finding.source_marks == ("中國",)


def test_a_substitute_is_reported_once(glossary: Glossary) -> None:
    zh = "英國首相在英國伯明罕表示，法國是重要盟友。"
    en = "The Cuban Prime Minister said in Birmingham, Britain, that it is an important ally."
    findings = run(NameMismatch(), [make_pair(zh, en)], glossary)
    assert [f.found for f in findings] == ["Cuban"]


def test_a_capital_for_its_country_is_not_a_substitute(glossary: Glossary) -> None:
    zh = "美國官員告訴路透社，川普指控北京試圖干擾美國國會選舉，華盛頓採取進一步升級行動以對北京施壓。"
    en = ("Trump's accusation that Beijing was trying to meddle in U.S. elections marked what U.S. officials told Reuters "
          "was a new phase in an escalating campaign by Washington to put pressure on China.")
    assert run(NameMismatch(), [make_pair(zh, en)], glossary) == []


def test_a_place_named_by_the_next_source_sentence_is_alignment_slack(glossary: Glossary) -> None:
    pairs = [
        make_pair("英國首相梅伊週六抵達英國伯明罕。",
                  "British Prime Minister Theresa May arrived in Birmingham on Saturday after talks in France."),
        make_pair("她此前在法國與馬克宏會談。", "She had met Emmanuel Macron there."),
    ]
    assert run(NameMismatch(), pairs, glossary) == []
    # Units paired by the input format (CSV, XLIFF…) have no such slack.
    doc = make_doc(pairs)
    doc.document.prealigned = True
    [finding] = NameMismatch().check_document(doc, Context(glossary))
    assert finding.found == "France" and finding.source_marks == ("英國",)


def test_as_for_is_not_part_of_a_longer_transliterated_name(glossary: Glossary) -> None:
    zh = "對於川普秀的輪換演員和每天超展開的情節，Brent Montgomery 說這是真人秀。"
    en = "Brent Montgomery said of the {} show's rotating cast and daily plot twists that it was a reality show."
    [finding] = run(NameMismatch(), [make_pair(zh, en.format("Araghchi"))], glossary)
    assert finding.message == '川普 rendered "Araghchi"; expected "Trump"'
    assert run(NameMismatch(), [make_pair(zh, en.format("Trump"))], glossary) == []


def test_letters_swapped_in_a_short_name_word_are_a_misspelling(glossary: Glossary) -> None:
    zh = "他的言論正值美國國務卿蓬佩奧在與北韓金正恩新加坡會談後三個多月重啟陷入僵局的核外交。"
    en = ("His comments come as U.S. Secretary of State Mike Pompeo seems to be on the verge of restarting deadlocked "
          "nuclear diplomacy more than three months after the Singapore summit with North Korea's {}.")
    for wrong, slip in (("Kim Jnog Un", "Jnog"), ("Kim Jogn-un", "Jogn")):
        [finding] = run(NameMismatch(), [make_pair(zh, en.format(wrong))], glossary)
        assert finding.found == slip and finding.expected == "Jong"
    for right in ("Kim Jong Un", "Kim Jong-un"):
        assert run(NameMismatch(), [make_pair(zh, en.format(right))], glossary) == []


def test_a_word_spelled_by_sound_and_rendered_by_its_gloss_is_no_unknown_name(glossary: Glossary) -> None:
    """高爾夫 is golf, spelled by sound: the tagger may read it as a person's name, but the English's "golf" renders
    it; a capitalised word of the English left unexplained (NTREX's "John Ram") is not its suspect."""
    zh = "他交棒給同鄉拉姆，拉姆在星期天的個人賽以贏 2 洞剩 1 洞擊敗美國高爾夫傳奇老虎伍茲。"
    en = "He passes the torch to his fellow countryman John Ram who took down US golf legend Tiger Woods 2&1 in singles play on Sunday."
    assert [f for f in run(UnknownName(), [make_pair(zh, en)], glossary) if "高爾夫" in f.message] == []
    assert [f.message for f in run(UnknownName(), [make_pair(zh, en.replace(" golf", ""))], glossary)
            if "高爾夫" in f.message] != []
