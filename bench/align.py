"""Score the sentence aligner against gold alignments derived from NTREX-128 (news, zh-TW ↔ en).

    python bench/align.py                 # all gold sets, dev and held-out, plus speed
    python bench/align.py --quick         # dev part only, no speed runs
    python bench/align.py --paragraphs 3  # documents as paragraphs of 3 lines instead of one block

Gold set 1 (news): each document's lines are joined into one paragraph (lines separated by a line
break, as a wrapped paragraph in a text file), both sides are re-split with the project's own sentence
splitters, and the gold beads are recovered from the line boundaries: a line whose Chinese holds two
sentences and whose English holds one is a 2-1 bead; a sentence running over a line break joins the
lines it spans into one bead. Nothing of the line structure reaches the aligner.

Gold set 2 (omissions and additions), seeded and reproducible, on the same documents:
- `omission`: English sentences deleted (the English of whole gold beads, about one bead in eight, at
  least one per document); their Chinese must come out unaligned (1-0).
- `addition`: English sentences inserted from another document, or duplicated from the same one (next to
  the original or elsewhere); they must come out unaligned (0-1).
- `replacement`: the English of some 1-1 beads replaced by a sentence of another document (a wrong sentence
  pasted in); the Chinese must come out unaligned (1-0) and the stranger as an addition (0-1).
- `split` and `merged` (free translation, where nothing may come out unaligned): half the English sentences
  cut in two or three at clause boundaries (1-2, 1-3 beads), or a quarter of neighbouring 1-1 beads' English
  merged into one sentence (2-1 beads).

Metrics, as in vecalign's and Bertalign's evaluation scripts (Thompson & Koehn 2019, after Véronis &
Langlais): precision over the predicted beads (1-0 and 0-1 included), recall over the gold beads without
the 1-0 and 0-1 ones; strict = the same bead exactly, lax = the predicted bead overlaps a gold bead on
both sides. Omission and addition recall count the aligner's 1-0 and 0-1 beads; omissions reported also
count the sentences O001 reports inside a bead (absorbed with no evidence of their own:
`audit.checks.completeness.absorbed_sentences`), and false O001/O002 counts both kinds of report on
sentences that have a partner in the gold (false null: the unaligned ones alone). Every fifth document
(index 4, 9, …) is held out from tuning and reported separately.

NTREX-128: Federmann et al. 2022, "NTREX-128 – News Test References for MT Evaluation of 128 Languages",
CC BY-SA 4.0; read from ../shared/data/ntrex128 (see its README), never copied here in bulk.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from audit.align import align  # noqa: E402
from audit.align_gold import (Aligner, Case, build_sets, evaluate, renumber, reported_sentences, resolve_twins,  # noqa: E402
                              to_beads)
from audit.model import AlignedPair, Segment  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ntrex128"


def speed(news: Sequence[Case], sizes: Sequence[int] = (50, 100, 200, 400, 800), repeat: int = 5) -> list[dict[str, float]]:
    """Articles of about `size` Chinese sentences made by concatenating documents; median time of align()."""
    from audit.align import warm_up

    warm_up()
    rows = []
    for size in sizes:
        source: list[Segment] = []
        target: list[Segment] = []
        k = 0
        while len(source) < size:  # whole gold beads, so that the article ends where its translation does
            case = news[k % len(news)]
            for zh, en in case.gold:
                if len(source) >= size:
                    break
                source += [case.source[i] for i in zh]
                target += [case.target[j] for j in en]
            k += 1
        source, target = renumber(source), renumber(target)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            align(source, target)
            times.append(time.perf_counter() - start)
        tracemalloc.start()
        align(source, target)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        rows.append({"zh": len(source), "en": len(target), "ms": 1000 * statistics.median(times), "peak_kib": peak / 1024})
    return rows


def fit_length(cases: Sequence[Case]) -> dict[str, float]:
    """The length model's parameters (audit.align.Params) measured on gold beads: the mean and spread of
    log(English characters / Chinese characters) of true beads (the spread over all, and as it shrinks with the
    Chinese side's length), and its spread between unrelated nearby
    sentences (the bead k's Chinese against the English of beads k±1…3), lengths counted as the aligner does."""
    from audit.align.features import zh_length

    true: list[float] = []
    lengths: list[int] = []  # the Chinese characters of each true bead
    random_pairs: list[float] = []
    for case in cases:
        beads = [(zh, en) for zh, en in case.gold if zh and en]
        zh_len = [sum(zh_length(case.source[i].norm) for i in zh) + 1 for zh, _ in beads]
        en_len = [sum(len(case.target[j].norm) for j in en) + 3 for _, en in beads]
        for k in range(len(beads)):
            true.append(math.log(en_len[k] / zh_len[k]))
            lengths.append(zh_len[k] - 1)
            random_pairs += [math.log(en_len[k + d] / zh_len[k]) for d in (-3, -2, -1, 1, 2, 3) if 0 <= k + d < len(beads)]
    mean = statistics.fmean(true)
    # The variance of true beads as `variance + variance_per_char / (Chinese characters + 1)`: least squares of
    # the squared deviations against 1 / (characters + 1).
    inverse = [1 / (length + 1) for length in lengths]
    squares = [(ratio - mean) ** 2 for ratio in true]
    per_char, variance = statistics.linear_regression(inverse, squares)
    return {"log_ratio": mean, "sigma": statistics.pstdev(true), "variance": variance, "variance_per_char": per_char,
            "sigma_random": math.sqrt(statistics.fmean((d - mean) ** 2 for d in random_pairs)), "beads": len(true)}


def fit_rates(cases: Sequence[Case]) -> dict[str, float]:
    """The lexical model's rates (audit.align.Params) measured on gold beads: the share of each side's units
    (in mask bits, anchors weighing double) that have a translation on the other side of a true bead, the
    same share against an unrelated nearby bead (bead k's sentences against the other side of beads k±1…3),
    and the mean size of a side of a bead, in bits."""
    from audit.align import DEFAULT
    from audit.align.aligner import _share
    from audit.align.features import en_sentence, zh_sentence
    from audit.lexicon.dictionary import load_dictionary

    dictionary = load_dictionary()
    sums = {"zh_true": [0.0, 0], "zh_random": [0.0, 0], "en_true": [0.0, 0], "en_random": [0.0, 0]}
    zh_bits: list[int] = []
    en_bits: list[int] = []
    for case in cases:
        beads = [(zh, en) for zh, en in case.gold if zh and en]
        zh = [[zh_sentence(case.source[i], False, dictionary, None, DEFAULT.anchor_bits) for i in bead[0]] for bead in beads]
        en = [[en_sentence(case.target[j], False, None, DEFAULT.anchor_bits) for j in bead[1]] for bead in beads]
        zh_keys = [{key for s in side for unit in s.keys for key in unit} for side in zh]
        en_keys = [{key for s in side for unit in s.keys for key in unit} for side in en]
        for k in range(len(beads)):
            zh_bits.append(sum(s.bits for s in zh[k]))
            en_bits.append(sum(s.bits for s in en[k]))
            for d in (0, -3, -2, -1, 1, 2, 3):
                if 0 <= k + d < len(beads):
                    kind = "true" if d == 0 else "random"
                    for side, sentences, other in (("zh", zh[k], en_keys[k + d]), ("en", en[k], zh_keys[k + d])):
                        for sentence in sentences:
                            share, bits = _share(sentence, other)
                            sums[f"{side}_{kind}"][0] += share * bits
                            sums[f"{side}_{kind}"][1] += bits
    out = {name: found / total for name, (found, total) in sums.items()}
    out["typical_zh_bits"] = statistics.fmean(zh_bits)
    out["typical_en_bits"] = statistics.fmean(en_bits)
    return out


def _table(results: dict[str, dict[str, dict[str, float]]]) -> str:
    lines = ["| set | part | docs | gold pairs | P strict | R strict | F1 strict | P lax | R lax | F1 lax | omission recall | "
             "omissions reported | addition recall | false null /100 pairs | false O001/O002 /100 pairs |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for set_name, parts in results.items():
        for part, r in parts.items():
            om = f"{r['omission_recall']:.3f} ({r['omitted']})" if "omission_recall" in r else "–"
            ad = f"{r['addition_recall']:.3f} ({r['added']})" if "addition_recall" in r else "–"
            reported = f"{r['omission_reported']:.3f}" if "omission_reported" in r else "–"
            lines.append(
                f"| {set_name} | {part} | {r['docs']} | {r['gold_pairs']} | {r['p_strict']:.3f} | {r['r_strict']:.3f} | "
                f"**{r['f1_strict']:.3f}** | {r['p_lax']:.3f} | {r['r_lax']:.3f} | {r['f1_lax']:.3f} | {om} | {reported} | {ad} | "
                f"{r['false_null_per_100_pairs']:.2f} | {r['false_findings_per_100_pairs']:.2f} |"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="NTREX-128 folder (default: %(default)s)")
    parser.add_argument("--paragraphs", type=int, default=0, help="lines per paragraph (0: one paragraph per document)")
    parser.add_argument("--seed", type=int, default=20190801, help="seed of gold set 2")
    parser.add_argument("--quick", action="store_true", help="dev part only, no speed runs")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--glossary", action="store_true", help="pass the bundled name glossary to the aligner")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    parser.add_argument("--fit", action="store_true", help="print the length and lexical models measured on each part, and stop")
    parser.add_argument("--errors", type=int, default=0, help="print up to N wrongly aligned beads (dev part)")
    parser.add_argument("--errors-in", default="news", choices=["news", "omission", "addition", "replacement", "split", "merged"], help="of this gold set")
    parser.add_argument("--false-reports", action="store_true",
                        help="print each sentence O001/O002 report that the gold pairs (dev part of --errors-in's set)")
    args = parser.parse_args(argv)
    if not (args.data / "DOCUMENT_IDS.tsv").exists():
        print(f"NTREX-128 not found at {args.data}: pass --data", file=sys.stderr)
        return 2
    sets = build_sets(args.data, args.paragraphs, args.seed)
    if args.fit:
        for part in ("dev", "held-out"):
            print(part, {k: round(v, 4) for k, v in fit_length(sets["news"][part]).items()})
            print(part, {k: round(v, 3) for k, v in fit_rates(sets["news"][part]).items()})
        return 0
    aligner: Aligner = align
    if args.glossary:
        from audit.lexicon.glossary import load_glossary

        glossary = load_glossary()
        aligner = lambda source, target: align(source, target, glossary)  # noqa: E731
    results: dict[str, dict[str, dict[str, float]]] = {}
    error_outputs = []
    for set_name, parts in sets.items():
        results[set_name] = {}
        for part, cases in parts.items():
            if args.quick and part != "dev":
                continue
            results[set_name][part], outputs = evaluate(cases, aligner)
            if set_name == args.errors_in and part == "dev":
                error_outputs += outputs
    layout = f"paragraphs of {args.paragraphs} lines" if args.paragraphs else "one paragraph per document"
    print(f"NTREX-128 zh-TW → en, {layout}, seed {args.seed}, {'bundled glossary' if args.glossary else 'no glossary'}\n")
    print(_table(results))
    report: dict[str, object] = {"layout": layout, "seed": args.seed, "results": results}
    if args.errors:
        _print_errors(error_outputs, args.errors)
    if args.false_reports:
        _print_false_reports(error_outputs)
    if not (args.quick or args.no_speed):
        rows = speed(sets["news"]["dev"] + sets["news"]["held-out"])
        print("\n| zh sentences | en sentences | ms per align() | peak memory KiB |\n|---|---|---|---|")
        for row in rows:
            print(f"| {row['zh']} | {row['en']} | {row['ms']:.1f} | {row['peak_kib']:.0f} |")
        report["speed"] = rows
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


def _print_errors(outputs: Sequence[tuple[Case, list[AlignedPair]]], limit: int) -> None:
    shown = 0
    for case, pairs in outputs:
        gold = set(case.gold)
        for pair, bead in zip(pairs, resolve_twins(case, to_beads(pairs))):
            if bead in gold or shown >= limit:
                continue
            shown += 1
            wanted = [g for g in case.gold if set(g[0]) & set(bead[0]) or set(g[1]) & set(bead[1])]
            print(f"\n{case.name}: got {bead} score {pair.score}, gold {wanted}")
            print("  ZH:", pair.source_text[:160])
            print("  EN:", pair.target_text[:240])


def _print_false_reports(outputs: Sequence[tuple[Case, list[AlignedPair]]]) -> None:
    """Each reported sentence that has a partner in the gold, with the bead it is in and its gold bead: the list
    to group by cause (README, Measurements)."""
    for case, pairs in outputs:
        reported_zh, reported_en = reported_sentences(case, pairs)
        for side, reported in (("zh", reported_zh), ("en", reported_en)):
            for index in sorted(reported):
                gold = next(g for g in case.gold if index in (g[0] if side == "zh" else g[1]))
                if not (gold[0] and gold[1]):
                    continue  # a sentence the gold leaves unpaired: a true report
                pair = next(p for p in pairs if any(s.index == index for s in (p.source if side == "zh" else p.target)))
                [bead] = to_beads([pair])
                print(f"\n{case.name}: {side} {index} in {bead} (score {pair.score}), gold {gold}")
                print("  ZH:", " | ".join(case.source[i].text for i in gold[0])[:200])
                print("  EN:", " | ".join(case.target[j].text for j in gold[1])[:300])


if __name__ == "__main__":
    sys.exit(main())
