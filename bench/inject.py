"""Recall and false alarms of the rules, by error injection on real news (NTREX-128, zh-TW ↔ en).

Every document is audited clean (false alarms per 100 sentence pairs, per rule and severity), then copies
of it get one injected error each in the English, at a seeded random line: a name replaced by another
entity or by a near-miss spelling, a number changed (digit, million↔billion, spelled number), a date
changed (day, month, year, weekday), a sentence deleted, a name or term of the Chinese left in place of
its translation (in Chinese, or in pinyin), a quote left unbalanced. An injection counts as found when the expected rule reports it on that sentence pair and
did not already do so on the clean text.

Documents are audited as given, line by line (the corpus is aligned 1-1 by line), so that these numbers
measure the rules; `bench/align.py` measures the alignment. Every fifth document is held out: tune on
`dev`, report both.

    python bench/inject.py [--seed 7] [--list RULE] [--mqm]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.checks.registry import select_rules  # noqa: E402
from audit.lexicon.glossary import Glossary, load_glossary  # noqa: E402
from audit.model import Block, Document, DocumentResult, Location, Severity  # noqa: E402
from audit.pipeline import Auditor  # noqa: E402
from audit.quantities import MONTHS  # noqa: E402
from bench.corpora import MQM, NTREX, Article, injection_sites, mqm_talks, ntrex_articles as load_articles  # noqa: E402
from bench.numbers_quietness import GENUINE  # noqa: E402

def document(article: Article, en: list[str] | None = None) -> Document:
    target = en if en is not None else article.en
    return Document(
        article.name,
        [Block(text, Location(article.name, i + 1)) for i, text in enumerate(article.zh)],
        [Block(text, Location(article.name, i + 1)) for i, text in enumerate(target)],
        prealigned=True,
    )


# ---- injections: each returns the new English line, or None when the line offers nothing to break ----

_MONTHS = list(MONTHS)
_SPELLED = {"two": "three", "three": "four", "four": "five", "five": "six", "six": "seven", "seven": "eight", "eight": "nine", "nine": "ten", "ten": "eleven"}
_CHINESE_DIGITS = dict(zip("二三四五六七八九十", ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]))


def _name_entities(glossary: Glossary, zh: str, en: str, kinds: tuple[str, ...]) -> list[tuple[object, re.Match[str]]]:
    from audit.normalize import normalize_en, normalize_zh

    found = []
    for mention in glossary.mentions(normalize_zh(zh)):
        if mention.entry.type in kinds:
            match = mention.entry.found_in(normalize_en(en))
            if match:
                found.append((mention.entry, match))
    return found


def inject_name_swap(zh: str, en: str, rng: random.Random, glossary: Glossary) -> str | None:
    found = _name_entities(glossary, zh, en, ("person", "place"))
    if not found:
        return None
    entry, match = rng.choice(found)
    others = [e for e in glossary.entries if e.type == entry.type and e is not entry and not e.found_in(en)]  # type: ignore[attr-defined]
    other = rng.choice(others)
    return en[: match.start()] + other.preferred + en[match.end():]


def inject_name_near_miss(zh: str, en: str, rng: random.Random, glossary: Glossary) -> str | None:
    found = [(e, m) for e, m in _name_entities(glossary, zh, en, ("person",)) if len(m.group()) >= 5]
    if not found:
        return None
    entry, match = rng.choice(found)
    word = match.group()
    i = rng.randrange(1, len(word) - 2)
    if word[i] == word[i + 1] or not word[i].isalpha() or not word[i + 1].isalpha():
        return None
    misspelled = word[:i] + word[i + 1] + word[i] + word[i + 2:]  # two letters swapped: Witkoff → Wiktoff
    return en[: match.start()] + misspelled + en[match.end():]


def inject_number_digit(zh: str, en: str, rng: random.Random, glossary: Glossary) -> str | None:
    numbers = [m for m in re.finditer(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?(?![\w])", en) if m.group().replace(",", "") in zh.replace(",", "")]
    numbers = [m for m in numbers if not (1900 <= int(float(m.group().replace(",", ""))) <= 2100)]
    if not numbers:
        return None
    match = rng.choice(numbers)
    digits = [i for i, ch in enumerate(match.group()) if ch.isdigit()]
    i = rng.choice(digits)
    old = match.group()[i]
    new = str((int(old) + rng.randint(1, 8)) % 10)
    if i == 0 and new == "0":
        new = "9" if old != "9" else "8"
    return en[: match.start() + i] + new + en[match.start() + i + 1:]


def inject_magnitude(zh: str, en: str, rng: random.Random, glossary: Glossary) -> str | None:
    match = re.search(r"\b(million|billion)\b", en)
    if not match:
        return None
    swapped = "billion" if match.group() == "million" else "million"
    return en[: match.start()] + swapped + en[match.end():]


def inject_spelled(zh: str, en: str, rng: random.Random, glossary: Glossary) -> str | None:
    for word, bigger in _SPELLED.items():
        match = re.search(rf"\b{word}\b", en, re.IGNORECASE)
        chinese = [c for c, w in _CHINESE_DIGITS.items() if w == word]
        if match and (chinese[0] in zh if chinese else False) or (match and str(list(_SPELLED).index(word) + 2) in zh):
            return en[: match.start()] + bigger + en[match.end():]
    return None


_DATE = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{1,2})\b(?:,\s+(\d{4}))?")


def _date_change(part: str) -> Callable[[str, str, random.Random, Glossary], str | None]:
    def inject(zh: str, en: str, rng: random.Random, glossary: Glossary) -> str | None:
        match = _DATE.search(en)
        if not match:
            month_only = re.search(r"\bin (\d{4})\b", en)
            if part == "year" and month_only and month_only.group(1) in zh:
                year = int(month_only.group(1))
                return en[: month_only.start(1)] + str(year - 1) + en[month_only.end(1):]
            return None
        month, day, year = match.group(1), int(match.group(2)), match.group(3)
        if part == "day":
            new = f"{month} {day % 28 + 1}" + (f", {year}" if year else "")
        elif part == "month":
            new = f"{_MONTHS[(_MONTHS.index(month) + 1) % 12]} {day}" + (f", {year}" if year else "")
        else:
            if not year:
                return None
            new = f"{month} {day}, {int(year) + 1}"
        return en[: match.start()] + new + en[match.end():]

    return inject


_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def inject_weekday(zh: str, en: str, rng: random.Random, glossary: Glossary) -> str | None:
    """The weekday moved by one to six days (Tuesday → Thursday)."""
    match = _WEEKDAY.search(en)
    if not match or not re.search(r"(?:星期|禮拜|週)[一二三四五六日天]|day", zh):  # a weekday the Chinese does not state
        return None
    new = _WEEKDAYS[(_WEEKDAYS.index(match.group(1)) + rng.randrange(1, 7)) % 7]
    return en[: match.start()] + new + en[match.end():]


def inject_delete(zh: str, en: str, rng: random.Random, glossary: Glossary) -> str | None:
    return "" if len(zh) >= 10 else None


# A common word of the English, in lower case: a capitalised one is a name or part of one (Navy, Labour Party),
# whose romanization is the name rules' business, not a word left untranslated.
_CONTENT_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")


def _translated_words(zh: str, en: str, glossary: Glossary) -> list[tuple[str, int, int]]:
    """(Chinese word as written, start, end of its English translation) for the CC-CEDICT words of `zh`
    (two characters or more) whose gloss stems meet an English word of `en`: where a translator could have
    left the source word, or its pinyin, instead of translating it."""
    from audit.lexicon.dictionary import content_stem, load_dictionary
    from audit.normalize import normalize_zh, original_span

    norm = normalize_zh(zh)
    english = [(m, content_stem(m.group())) for m in _CONTENT_WORD.finditer(en)]
    found = []
    for start, end, stems in load_dictionary().words_in(norm, min_length=2):
        for match, stem in english:
            if stem is not None and stem in stems:
                found.append((original_span(zh, norm, start, end) or norm[start:end], match.start(), match.end()))
                break
    return found


def inject_source_left(zh: str, en: str, rng: random.Random, glossary: Glossary) -> str | None:
    """A name or term of the sentence left in Chinese where its translation stood ("talks at 日內瓦")."""
    from audit.normalize import normalize_zh, original_span

    norm = normalize_zh(zh)
    candidates = [(original_span(zh, norm, m.start, m.end) or m.form, match.start(), match.end())
                  for m in glossary.mentions(norm) if (match := m.entry.found_in(en))]
    candidates += _translated_words(zh, en, glossary)
    if not candidates:
        return None
    chinese, start, end = rng.choice(candidates)
    return en[:start] + chinese + en[end:]


def inject_pinyin_left(zh: str, en: str, rng: random.Random, glossary: Glossary) -> str | None:
    """A word left in pinyin where its translation stood ("the tanpan"), written as people write pinyin: run
    together without tones (most), with tone marks, or syllable by syllable. The reading is pypinyin's, not the
    dictionary's that T001 reads, so a word with two readings may come out as the rule does not expect."""
    from pypinyin import Style, lazy_pinyin

    candidates = _translated_words(zh, en, glossary)
    if not candidates:
        return None
    chinese, start, end = rng.choice(candidates)
    form = rng.choices(["plain", "tones", "spaced"], weights=[6, 2, 2])[0]
    syllables = lazy_pinyin(chinese, style=Style.TONE if form == "tones" else Style.NORMAL)
    pinyin = (" " if form == "spaced" else "").join(syllables)
    return en[:start] + pinyin + en[end:]


def inject_quote(zh: str, en: str, rng: random.Random, glossary: Glossary) -> str | None:
    for close in ("”", '"'):
        at = en.rfind(close)
        if at > 0 and en.count(close) >= (1 if close == "”" else 2):
            return en[:at] + en[at + 1:]
    words = en.split()
    if len(words) < 4:
        return None
    i = rng.randrange(1, len(words) - 1)
    return " ".join(words[:i] + ["“" + words[i]] + words[i + 1:])


INJECTIONS: list[tuple[str, str, Callable[[str, str, random.Random, Glossary], str | None]]] = [
    ("name replaced", "N001", inject_name_swap),
    ("name near-miss", "N001", inject_name_near_miss),
    ("number digit", "U001", inject_number_digit),  # a digit of a date changed is a date error: D001 counts too
    ("number magnitude", "U001", inject_magnitude),
    ("number spelled", "U001", inject_spelled),
    ("date day", "D001", _date_change("day")),
    ("date month", "D001", _date_change("month")),
    ("date year", "D001", _date_change("year")),
    ("date weekday", "D002", inject_weekday),
    ("sentence deleted", "O001", inject_delete),
    ("source phrase left", "T001", inject_source_left),
    ("pinyin left", "T001", inject_pinyin_left),
    ("unbalanced quote", "F002", inject_quote),
]


# Numbers and dates overlap: a changed digit of "September 29" is a date error, a changed "in 2018" a number one.
ACCEPTED = {"U001": {"U001", "D001"}, "D001": {"D001", "U001"}}


def findings_at(result: DocumentResult, code: str, line: int) -> int:
    codes = ACCEPTED.get(code, {code})
    return sum(1 for f in result.findings if f.code in codes and f.location is not None and f.location.line == line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-type", type=int, default=3, help="injections per document and error type (at most)")
    parser.add_argument("--list", metavar="CODE", help="print the clean-text findings of this rule, and misses of its injections")
    parser.add_argument("--mqm", action="store_true", help="also count these rules' findings on MQM-TED's accuracy-clean segments")
    args = parser.parse_args()
    if not NTREX.exists():
        sys.exit(f"bench: {NTREX} not found (NTREX-128 lives in ../shared/data/ntrex128)")

    glossary = load_glossary()
    auditor = Auditor(glossary, select_rules())
    articles = load_articles()
    rng = random.Random(args.seed)
    started = time.perf_counter()

    clean: dict[str, DocumentResult] = {}
    alarms = []
    for article in articles:
        result = auditor.run(document(article))
        clean[article.name] = result
        for f in result.findings:
            line = article.first + (f.location.line if f.location else 1) - 1
            reference_wrong = ("TW", line) in GENUINE  # the corpus's own translation errors, judged by hand
            alarms.append({"part": article.part, "code": f.code, "severity": f.severity.label, "reference_wrong": reference_wrong})
            if args.list == f.code:
                print(f"[clean] {f.location}: {f.message}\n    zh: {f.source_text}\n    en: {f.target_text}")
    pairs = Counter(a.part for a in articles for _ in a.zh)

    outcomes = []
    for article in articles:
        for kind, code, inject in INJECTIONS:
            sites = injection_sites(article.en, rng, args.per_type,
                                    lambda line: inject(article.zh[line], article.en[line], rng, glossary),
                                    # already reported on the clean text: cannot tell a hit
                                    lambda line: not findings_at(clean[article.name], code, line + 1))
            for line, new in sites:
                en = list(article.en)
                en[line] = new
                result = auditor.run(document(article, en))
                hit = findings_at(result, code, line + 1) > 0
                outcomes.append({"part": article.part, "type": kind, "rule": code, "hit": hit})
                if not hit and args.list == code:
                    print(f"[missed {kind}] {article.name}:{line + 1}\n    zh: {article.zh[line]}\n    en: {new}")
    elapsed = time.perf_counter() - started

    report(pd.DataFrame(outcomes), pd.DataFrame(alarms, columns=["part", "code", "severity", "reference_wrong"]), pairs, elapsed)
    if args.mqm:
        mqm_alarms(auditor, args.list)


def mqm_alarms(auditor: Auditor, listed: str | None) -> None:
    """Findings of the injected errors' rules on MQM-TED segments no rater marked with an accuracy error."""
    if not MQM.exists():
        print(f"(MQM-TED not found at {MQM}: skipped)")
        return
    codes = {code for _, code, _ in INJECTIONS}
    clean: Counter[str] = Counter()
    found: Counter[tuple[str, str, str]] = Counter()
    for (system, talk), segments in mqm_talks().items():
        name = f"{system}/{talk}"
        result = auditor.run(Document(name, [Block(s.source, Location(name, i + 1)) for i, s in enumerate(segments)],
                                      [Block(s.target or ".", Location(name, i + 1)) for i, s in enumerate(segments)],
                                      prealigned=True))
        for f in result.findings:
            segment = segments[f.location.line - 1] if f.location else None
            if f.code in codes and segment is not None and segment.accuracy_clean:
                found[(segment.part, f.code, f.severity.label)] += 1
                if listed == f.code:
                    print(f"[MQM clean] {name}: {f.message}\n    zh: {segment.source}\n    en: {segment.target}")
        clean.update(s.part for s in segments if s.accuracy_clean)
    print(f"\nMQM-TED, segments no rater marked with an accuracy error (dev {clean['dev']}, held-out {clean['held-out']}):"
          f" findings of {', '.join(sorted(codes))} per 100")
    for (part, code, severity), n in sorted(found.items()):
        print(f"  {part} {code} {severity}: {100 * n / clean[part]:.2f} ({n})")
    if not found:
        print("  none")


def report(outcomes: pd.DataFrame, alarms: pd.DataFrame, pairs: Counter[str], elapsed: float) -> None:
    print("Recall on injected errors (hit = the expected rule reports the injected sentence pair)")
    recall = outcomes.groupby(["type", "rule", "part"])["hit"].agg(["mean", "count"]).unstack("part")
    recall.columns = [f"{stat} {part}" for stat, part in recall.columns]
    print(recall.round(3).to_string())
    print()
    print(f"Findings on the clean corpus, per 100 sentence pairs (dev {pairs['dev']} pairs, held-out {pairs['held-out']}),"
          " lines where the reference translation itself is wrong left out")
    table = alarms[~alarms.reference_wrong].groupby(["code", "severity", "part"]).size().unstack("part", fill_value=0)
    for part in ("dev", "held-out"):
        if part in table:
            table[part] = (table[part] * 100 / pairs[part]).round(2)
    print(table.to_string())
    for part in ("dev", "held-out"):
        subset = alarms[(alarms.part == part) & ~alarms.reference_wrong]
        wrong = int(((alarms.part == part) & alarms.reference_wrong).sum())
        total = len(subset) * 100 / max(1, pairs[part])
        warnings_up = len(subset[subset.severity != Severity.INFO.label]) * 100 / max(1, pairs[part])
        errors = len(subset[subset.severity == Severity.ERROR.label]) * 100 / max(1, pairs[part])
        print(f"{part}: all findings {total:.2f}, warnings and errors {warnings_up:.2f}, errors {errors:.2f} per 100 pairs"
              f" (not counting {wrong} findings on lines where the reference translation itself is wrong)")
    print(f"({len(outcomes)} injected copies audited in {elapsed:.1f} s)")


if __name__ == "__main__":
    main()
