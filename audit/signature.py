"""The run's signature: everything that decides its findings, in one line, as sacrebleu signs its scores.

`audit:0.1.0|jieba:0.42.1|opencc:0.1.7|pypinyin:0.55.0|dictionary:…|glossary:…|aligner:…|rules:C001=warning,…`

Two runs with the same signature on the same text give the same findings. The libraries are named by version
(their dictionaries and tables are read as shipped); our own data by the SHA-256 of its bytes (the first 12 hex
digits): the bundled dictionary and name, negation and romanization tables, every glossary loaded, in order; the aligner by a hash of its parameters and of the windows a long article is aligned and checked in; the
rules by code with the severity in force (after `severity` overrides). Reports carry it: JSON and SARIF in full,
the HTML page in its header; the JSON report also spells out the aligner's parameters.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path

from audit import __version__
from audit.config import Settings
from audit.lexicon import bundled

# The distributions whose data decide findings, and the short names the signature gives them.
LIBRARIES = {"jieba": "jieba", "opencc-python-reimplemented": "opencc", "pypinyin": "pypinyin"}
# Our bundled data that decides findings, each built by a script in audit/lexicon (the glossary is hashed apart).
DATA_FILES = ("cedict-stems.txt.gz", "cedict-pinyin.tsv.gz", "entities.tsv.gz", "negation.tsv", "news-supplement.tsv",
              "romanization.tsv.gz", "english-irregular.tsv", "demonyms.tsv", "english-stopwords.tsv")
DIGITS = 12  # hex digits of a hash kept: a chance collision between two versions of one file is out of reach


def signature(settings: Settings) -> str:
    """The signature of a run with these settings (see the module's docstring)."""
    parts = [("audit", __version__)]
    parts += [(short, _version(name)) for name, short in LIBRARIES.items()]
    parts.append(("dictionary", _file_hash([bundled(f"data/{name}") for name in DATA_FILES])))
    glossaries = ([bundled("data/names.csv")] if settings.bundled_glossary else []) + list(settings.glossary)
    parts.append(("glossary", _file_hash(glossaries) if glossaries else "none"))
    parts.append(("aligner", _aligner_hash()))
    parts.append(("rules", ",".join(f"{code}={level}" for code, level in rules_in_force(settings))))
    return "|".join(f"{key}:{value}" for key, value in parts)


def signature_fields(text: str) -> dict[str, str]:
    """A signature's parts by name, for the JSON report."""
    return dict(part.split(":", 1) for part in text.split("|") if ":" in part)


def rules_in_force(settings: Settings) -> list[tuple[str, str]]:
    """(code, severity) of every rule the settings select, with their severity overrides applied."""
    from audit.checks.registry import select_rules

    return [(rule.code, settings.severity.get(rule.code, rule.severity).label)
            for rule in select_rules(settings.select, settings.ignore)]


def _version(distribution: str) -> str:
    """The installed version, from the name of its `.dist-info` folder: importlib.metadata would take ~0.1 s
    to import on a cold start (it loads the email package), and importing the library itself more."""
    prefix = distribution.replace("-", "_").lower() + "-"
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and name.lower().startswith(prefix):
                return name[len(prefix):-len(".dist-info")]
    return "absent"


def _file_hash(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        try:
            digest.update(path.read_bytes())
        except OSError:  # a glossary that cannot be read stops the run before any report is written
            digest.update(b"unreadable:" + str(path).encode("utf-8", "replace"))
        digest.update(b"\0")
    return digest.hexdigest()[:DIGITS]


def aligner_parameters() -> dict[str, object]:
    """The aligner's parameters (audit.align.Params) as this build has them, for the JSON report, with the
    windows a long article is aligned and checked in (audit.align.aligner, audit.sections): a different window
    may pair a long article's sentences otherwise."""
    from audit import sections
    from audit.align import DEFAULT, aligner

    parameters = asdict(DEFAULT)
    # Bead shapes are keyed by (Chinese, English) sentence counts: "2-1" in JSON.
    parameters["shapes"] = {f"{zh}-{en}": prior for (zh, en), prior in parameters["shapes"].items()}
    parameters["window"] = {"sentences": aligner.WINDOW, "kept": aligner.COMMIT}
    parameters["section"] = {"sentences": sections.SECTION_SENTENCES, "keep_share": sections.KEEP_SHARE,
                             "english_margin": sections.ENGLISH_MARGIN, "anchor_confidence": sections.ANCHOR_CONFIDENCE}
    return parameters


def _aligner_hash() -> str:
    text = json.dumps(aligner_parameters(), sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGITS]
