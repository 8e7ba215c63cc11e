"""Rebuild the romanization tables (data/romanization.tsv.gz) that audit.lexicon.romanize reads.

    pip install --no-deps hanja==0.15.1 && pip install ToJyutping==3.2.0 && python -m audit.lexicon.build_romanization

Build-time only; nothing is downloaded and the audit never imports these packages.

- Wade–Giles: pypinyin's own Wade–Giles style (MIT licence), for every syllable its character table
  spells: one `wg<TAB>pinyin<TAB>wade-giles` line per syllable (tone marks and umlauts dropped, apostrophes
  kept), with two slips of its table corrected (see `_corrected`).
- Korean: the Hanja → Hangul table of the `hanja` package (Sumin Byeon, WTFPL; installed without its
  test-only dependencies, its `table.yml` read as text), each character keyed by its OpenCC-simplified
  form as the audit matches it, its Hangul syllable spelled in the Revised Romanization of Korean (Ministry
  of Culture and Tourism, 2000; syllable by syllable, as Korean names are written), with the spellings
  Korean names take in English beside it: the initial-sound law of South Korea (리 → 이, 로 → 노), ㅓ also
  written u or o (석 Seok/Suk, 정 Jeong/Jung), ㅡ also u (은 Eun/Un). One `ko<TAB>char<TAB>spelling|…` line each.
- Cantonese: each character's commonest Jyutping reading from `ToJyutping` (CanCLID, BSD 2-Clause), spelled
  as Hong Kong writes names (the Hong Kong Government's romanization, as on identity cards: Lee Ka-chiu,
  Lam Cheng Yuet-ngor, Leung Chun-ying, Wong, Ng). One `yue<TAB>char<TAB>spelling|…` line each.
"""

from __future__ import annotations

import gzip
import re
import sys
from importlib.util import find_spec
from pathlib import Path

from audit.normalize import normalize_zh

FORMAT = "audit-romanization/1"
TARGET = Path(__file__).parent / "data" / "romanization.tsv.gz"

# Revised Romanization of Korean (2000), the letters of each jamo in syllable order: 19 initials, 21 medials,
# 28 finals (a final as pronounced at the end of a word: ㄳ k, ㅅ t).
_INITIALS = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()
_MEDIALS = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
           "ng", "t", "t", "k", "t", "p", "t"]
_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3


def revised_romanization(syllable: str) -> tuple[str, str, str]:
    """(initial, medial, final) of one Hangul syllable in the Revised Romanization."""
    code = ord(syllable) - _HANGUL_FIRST
    initial, rest = divmod(code, 21 * 28)
    medial, final = divmod(rest, 28)
    return _INITIALS[initial].replace("-", ""), _MEDIALS[medial], _FINALS[final]


def korean_spellings(syllable: str) -> list[str]:
    """The spellings a name syllable takes in English: the standard's, the initial-sound law's (in South Korea
    ㄹ before i/y is dropped and otherwise read ㄴ; ㄴ before i/y is dropped), ㄹ also written l, and the
    older spellings of ㅓ (u, o) and ㅡ (u)."""
    initial, medial, final = revised_romanization(syllable)
    initials = {initial}
    if initial == "r":
        initials |= {"l", "" if medial.startswith(("i", "y")) else "n"}
    if initial == "n" and medial.startswith(("i", "y")):
        initials.add("")
    medials = {medial}
    if "eo" in medial:
        medials |= {medial.replace("eo", "u"), medial.replace("eo", "o")}
    if medial == "eu":
        medials.add("u")
    return sorted({i + m + final for i in initials for m in medials})


def wade_giles_lines() -> list[str]:
    from pypinyin import Style, lazy_pinyin
    from pypinyin.constants import PINYIN_DICT

    table: dict[str, str] = {}
    for code in PINYIN_DICT:
        char = chr(code)
        plain, wade = lazy_pinyin(char)[0], lazy_pinyin(char, style=Style.WADEGILES)[0]
        if plain.isalpha() and plain.isascii() and plain not in table:
            table[plain] = _corrected(plain, wade.replace("ü", "u").replace("v", "u").replace("`", "'"))
    return [f"wg\t{plain}\t{wade}" for plain, wade in sorted(table.items())]


def _corrected(plain: str, wade: str) -> str:
    """pypinyin 0.55's table against Wade–Giles's own: it spells the final -ai as -ei (lai → lei, hai → hei;
    Wade–Giles writes lai, hai, as Taiwan's Lai Ching-te does) and tie as t'oeh (t'ieh)."""
    if plain.endswith("ai") and wade.endswith("ei"):
        return wade[:-2] + "ai"
    return wade.replace("oeh", "ieh")


def korean_lines() -> list[str]:
    spec = find_spec("hanja")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("pip install --no-deps hanja==0.15.1 (its Hanja → Hangul table is read; nothing is imported)")
    table = Path(list(spec.submodule_search_locations)[0]) / "table.yml"
    readings: dict[str, set[str]] = {}
    for hanja, hangul in re.findall(r'^"\\u([0-9A-F]{4,5})": "\\u([0-9A-F]{4})"$', table.read_text("utf-8"), re.M):
        char, syllable = chr(int(hanja, 16)), chr(int(hangul, 16))
        if not _HANGUL_FIRST <= ord(syllable) <= _HANGUL_LAST or not 0x4E00 <= ord(char) <= 0x9FFF:
            continue
        readings.setdefault(normalize_zh(char), set()).update(korean_spellings(syllable))
    return [f"ko\t{char}\t{'|'.join(sorted(spellings))}" for char, spellings in sorted(readings.items())]


# Jyutping → the Hong Kong Government's spellings of names, as pairs tried in order on the syllable (each a
# spelling of its own beside the Jyutping): j and jy are y (jyut → yuet, jing → ying), oe/eo are eu/u (zoeng → cheung, ceon → chun),
# eoi is ui (ceoi → chui), yu is u or ue (jyu → yu, jyun → yuen), aa is a (gaa → ka), a short a is often u
# (zan → chun), ei is ee (lei → lee), ou is o (gou → ko), z and c are ch or ts.
_HONG_KONG = (("^jy", "y"), ("^j(?!y)", "y"), ("oe", "eu"), ("eoi", "ui"), ("eo", "u"), ("eo", "eu"), ("yu", "ue"), ("aa", "a"),
              ("(?<!a)a(?=[nmt]$)", "u"), ("ei", "ee"), ("ou", "o"), ("^z", "ts"), ("^c", "ts"))


def hong_kong_spellings(jyutping: str) -> list[str]:
    """A syllable of Jyutping (tone dropped) and the ways Hong Kong writes it in a name."""
    syllable = jyutping.rstrip("123456")
    spellings = {syllable}
    for pattern, spelled in _HONG_KONG:
        spellings |= {re.sub(pattern, spelled, known) for known in spellings}
    return sorted(spellings)


def cantonese_lines() -> list[str]:
    try:
        import ToJyutping  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("pip install ToJyutping==3.2.0 (its Jyutping readings are read at build time only)")
    readings: dict[str, set[str]] = {}
    for code in range(0x4E00, 0xA000):
        char = chr(code)
        [(_, jyutping)] = ToJyutping.get_jyutping_list(char)
        if jyutping:
            readings.setdefault(normalize_zh(char), set()).update(hong_kong_spellings(jyutping))
    return [f"yue\t{char}\t{'|'.join(sorted(spellings))}" for char, spellings in sorted(readings.items())]


def build() -> str:
    lines = [f"{FORMAT}\tWade–Giles from pypinyin (MIT); Korean readings from hanja (WTFPL), Revised Romanization; "
             "Cantonese from ToJyutping (BSD 2-Clause), Hong Kong spellings"]
    return "\n".join(lines + wade_giles_lines() + korean_lines() + cantonese_lines()) + "\n"


def main() -> None:
    text = build()
    TARGET.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{TARGET}: {text.count(chr(10)) - 1} lines")


if __name__ == "__main__":
    main()
