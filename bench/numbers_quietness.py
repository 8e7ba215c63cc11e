"""Quietness and recall of U001 number-mismatch and D001 date-mismatch on real translations.

NTREX-128 (newstest2019): 1,997 English news sentences and their professional Traditional Chinese
translations, line i ↔ line i. The Chinese is treated as the source, as the auditor would.

1. False alarms: every finding on the untouched pairs is one (the translations are correct as far as
   numbers go, bar the odd genuine slip, which the listing lets a reader judge).
2. Recall: errors are injected into the English (a digit changed, million ↔ billion swapped, a month
   renamed) on lines where the Chinese visibly carries the same figure; an injection is caught when
   the injected pair gets a finding the clean pair did not have.

Every fifth document is held out (bench/corpora.py): both parts are reported. With --mqm, also the false alarms
on MQM-TED segments (WMT21 TED talks, 13 MT systems and two human translations) that no rater marked with an
accuracy error.

Run: .venv/bin/python bench/numbers_quietness.py [--list] [--cn] [--mqm]
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from opencc import OpenCC

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from audit.checks.base import Context  # noqa: E402
from audit.checks.dates import DateMismatch  # noqa: E402
from audit.checks.numbers import NumberMismatch  # noqa: E402
from audit.model import AlignedPair, Finding, Location, Segment, Severity  # noqa: E402
from audit.quantities import MONTHS  # noqa: E402
from bench.corpora import DEV, HELD_OUT, mqm_segments, ntrex_articles  # noqa: E402

RULES = (NumberMismatch(), DateMismatch())
_t2s = OpenCC("t2s")

# Findings a reader of both lines judges right: the reference translation itself is wrong or incomplete
# there. They are counted apart, not hidden; every other finding counts as a false alarm.
GENUINE = {
    ("TW", 238): "31萬 / 29.4萬 / 28.9萬 / 25.2萬 for 3.1 / 2.94 / 2.89 / 2.52 million: off by ten",
    ("TW", 1395): "9千萬英鎊 (90 million) for £9 billion",
    ("TW", 146): "禮拜六稍早 for \"early Sunday\"",
    ("TW", 1069): "the English closes a quotation it never opened (the Chinese quotes it whole)",
    ("TW", 1260): "the Chinese line carries a clause (5 屆 ... 得主) the English line lacks",
    ("CN", 268): "6.6英尺 for 6-foot-6 (6 ft 6 in)",
    ("CN", 699): "九月份选举 for November elections",
    ("CN", 1125): "《Bellator 206》 is in the Chinese line only",
}


def fold(text: str) -> str:
    """Full-width digits and letters to ASCII, one character for one (offsets stay valid)."""
    return "".join(unicodedata.normalize("NFKC", c) if c.isalnum() and ord(c) >= 0xFF00 else c for c in text)


def make_pair(index: int, zh: str, en: str) -> AlignedPair:
    source = Segment(index, "zh", zh, fold(_t2s.convert(zh)), Location("ref.zho-TW.txt", index + 1), index)
    target = Segment(index, "en", en, fold(en), Location("src.eng.txt", index + 1), index)
    return AlignedPair([source], [target])


def run(pair: AlignedPair) -> list[Finding]:
    ctx = Context()
    return [f for rule in RULES for f in rule.check_pair(pair, ctx)]


def _key(finding: Finding) -> tuple[str, str]:
    return finding.code, finding.message


# ---------------------------------------------------------------- injections (each returns new English or None)


def _digit_strings(text: str) -> set[str]:
    return {m.replace(",", "") for m in re.findall(r"\d[\d,]*", fold(text))}


def _change_digit(zh: str, en: str, last: bool) -> str | None:
    """Change the first (or last) digit of the first English figure the Chinese also writes in digits."""
    zh_digits = _digit_strings(zh)
    for match in re.finditer(r"(?<![\w.])\d(?:[\d,]*\d)?(?:\.\d+)?", en):
        if match.group(0).replace(",", "").split(".")[0] in zh_digits:
            at = match.end() - 1 if last else match.start()
            digit = int(en[at])
            new = str(digit + 1 if digit < 9 else digit - 1)
            if new == "0" and not last:
                new = "2"
            return en[:at] + new + en[at + 1 :]
    return None


def inject_last_digit(zh: str, en: str) -> str | None:
    return _change_digit(zh, en, last=True)


def inject_first_digit(zh: str, en: str) -> str | None:
    return _change_digit(zh, en, last=False)


def inject_scale(zh: str, en: str) -> str | None:
    """Swap the first "N million" ↔ "N billion" when the Chinese states a magnitude (萬/億 or long digits)."""
    if not re.search(r"[萬億万亿]|\d{7,}|\d{1,3}(?:,\d{3}){2,}", zh):
        return None
    match = re.search(r"(\d[\d,.]*|\b[a-z]+)\s+(million|billion)\b", en)
    if not match:
        return None
    swapped = "billion" if match.group(2) == "million" else "million"
    return en[: match.start(2)] + swapped + en[match.end(2) :]


def inject_month(zh: str, en: str) -> str | None:
    """Rename the first month written with a day or year, when the Chinese states the month."""
    if not re.search(r"\d{1,2}\s*月(?!份?[內内]?個)|[一二三四五六七八九十]{1,2}月", zh):
        return None
    match = re.search(rf"\b({'|'.join(MONTHS)})\b(?=\s+\d)|(?<=\d\s)({'|'.join(MONTHS)})\b", en)
    if not match:
        return None
    month = match.group(0)
    other = MONTHS[(MONTHS.index(month) + 1) % 12]
    return en[: match.start()] + other + en[match.end() :]


INJECTIONS = {"last digit": inject_last_digit, "first digit": inject_first_digit, "million↔billion": inject_scale, "month": inject_month}


def _ntrex_pairs(variant: str) -> list[tuple[str, int, str, str]]:
    """(part, corpus line, zh, en) of every NTREX line."""
    return [(article.part, article.first + k, zh, en) for article in ntrex_articles(variant=variant)
            for k, (zh, en) in enumerate(zip(article.zh, article.en))]


def main(list_findings: bool, variant: str) -> None:
    print(f"== NTREX-128 newstest2019-ref.zho-{variant}.txt ↔ newstest2019-src.eng.txt")
    lines = _ntrex_pairs(variant)
    clean = {line: run(make_pair(line - 1, zh, en)) for _, line, zh, en in lines}
    for part in (DEV, HELD_OUT):
        print(f"-- {part}")
        chosen = [(line, zh, en) for p, line, zh, en in lines if p == part]
        report_quietness({line: clean[line] for line, _, _ in chosen}, len(chosen), list_findings, variant)
        report_recall(chosen, clean, list_findings)


def report_quietness(clean: dict[int, list[Finding]], total: int, list_findings: bool, variant: str) -> None:
    genuine = Counter(f.severity for line, fs in clean.items() if (variant, line) in GENUINE for f in fs)
    counts = Counter((f.code, f.severity) for line, fs in clean.items() if (variant, line) not in GENUINE for f in fs)
    print(f"pairs: {total}")
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        per_code = {code: counts[(code, severity)] for code in ("U001", "D001")}
        total_sev = sum(per_code.values())
        print(f"false alarms {severity.label:7s}: {total_sev:4d} = {100 * total_sev / total:.2f} per 100 pairs  {per_code}"
              f"  (+{genuine[severity]} on lines where the reference is wrong)")
    if list_findings:
        for line, findings in clean.items():
            note = GENUINE.get((variant, line))
            for f in findings:
                label = f"genuine: {note}" if note else "false alarm"
                print(f"  line {line} {f.code} {f.severity.label} [{label}]: {f.message}\n"
                      f"    zh: {f.source_text}\n    en: {f.target_text}")


def report_recall(lines: list[tuple[int, str, str]], clean: dict[int, list[Finding]], list_findings: bool) -> None:
    for name, inject in INJECTIONS.items():
        caught = caught_error = tried = 0
        missed: list[str] = []
        for line, zh, en in lines:
            wrong = inject(zh, en)
            if wrong is None or wrong == en:
                continue
            tried += 1
            before = {_key(f) for f in clean[line]}
            new = [f for f in run(make_pair(line - 1, zh, wrong)) if _key(f) not in before]
            caught += bool(new)
            caught_error += any(f.severity == Severity.ERROR for f in new)
            if not new:
                missed.append(f"  line {line}\n    zh: {zh}\n    en: {wrong}")
        recall = caught / tried if tried else 0.0
        error_recall = caught_error / tried if tried else 0.0
        print(f"recall {name:16s}: {caught}/{tried} = {recall:.3f} (as error: {error_recall:.3f})")
        if list_findings and missed:
            print("\n".join(missed))


def mqm(list_findings: bool) -> None:
    """False alarms on MQM-TED segments no rater marked with an accuracy error (13 MT systems, 2 human)."""
    print("== MQM-TED zh→en, segments without accuracy errors")
    segments = [s for s in mqm_segments() if s.accuracy_clean]
    for part in (DEV, HELD_OUT):
        chosen = [s for s in segments if s.part == part]
        findings = [(s, f) for i, s in enumerate(chosen) for f in run(make_pair(i, s.source, s.target))]
        counts = Counter(f.severity for _, f in findings)
        per_code = Counter((f.code, f.severity.label) for _, f in findings)
        print(f"-- {part}: {len(chosen)} pairs; per 100 pairs: errors {100 * counts[Severity.ERROR] / len(chosen):.2f}, "
              f"warnings {100 * counts[Severity.WARNING] / len(chosen):.2f}  {dict(sorted(per_code.items()))}")
        if list_findings:
            for s, f in findings:
                print(f"  {s.system} {s.doc}:{s.seg_id} {f.code} {f.severity.label}: {f.message}\n"
                      f"    zh: {s.source}\n    en: {s.target}")


if __name__ == "__main__":
    # TW is the measurement the rule is tuned against; --cn adds the Simplified reference; --mqm the MQM-TED set.
    for variant in ("TW", "CN") if "--cn" in sys.argv else ("TW",):
        main("--list" in sys.argv, variant)
    if "--mqm" in sys.argv:
        mqm("--list" in sys.argv)
