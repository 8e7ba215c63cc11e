"""jieba's part-of-speech tagger (`jieba.posseg`), the same algorithm on a dictionary that loads fast.

`jieba.posseg.POSTokenizer.cut` gives the same words and tags, but loading it costs about 1.5 s and
250 MB per process: jieba parses its 350,000-word dictionary twice (once for frequencies with every word
prefix as a key of a dict, once for tags), and the tagger module builds a default instance on import.
Here the dictionary is one sorted word list with parallel frequency and tag arrays, built once from
jieba's own files and kept in the user cache (`audit.lexicon.cache`); the list is kept in blocks by first
character, each split into words when first used (`blocks.WordBlocks`), so a run loads it in a few ms.
"Is this a word prefix?" is a binary search instead of a dict of all prefixes; answers are memoised.

The cutting and tagging code follows jieba 0.42.1 (`jieba/__init__.py` get_DAG and calc,
`jieba/posseg/__init__.py` and `viterbi.py`; MIT licence, © Sun Junyi) step for step, including its
floating-point expressions and tie-breaking, so results are identical. tests/test_fast_copies.py
compares the two on news text.
"""

from __future__ import annotations

import re
from array import array
from functools import lru_cache
from importlib.util import find_spec
from math import log
from pathlib import Path
from typing import Any, Callable, Iterator

from audit.lexicon.cache import cached
from audit.lexicon.fast.blocks import PREFIX_ONLY, Packed, WordBlocks, pack

FORMAT = "audit-jieba-pos/1"  # of the tagger's model tables
LEXICON_FORMAT = "audit-jieba-lexicon/3"  # of the word list, frequencies and tags (3: words in UTF-8 blocks)
ADDED_WORD_FREQ = 100000  # the frequency glossary names get (as jieba.add_word would), so that they stay whole

MIN_FLOAT = -3.14e100
MIN_INF = float("-inf")

# jieba.posseg's patterns, unchanged.
_RE_HAN_DETAIL = re.compile("([\u4E00-\u9FD5]+)")
_RE_SKIP_DETAIL = re.compile(r"([\.0-9]+|[a-zA-Z0-9]+)")
_RE_HAN_INTERNAL = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_RE_SKIP_INTERNAL = re.compile("(\r\n|\\s)")
_RE_ENG = re.compile("[a-zA-Z0-9]+")
_RE_NUM = re.compile(r"[\.0-9]+")

# Look-ups remembered per tagger before the memo starts afresh: a fragment (a dictionary prefix and the character
# after it) and its count, about 120 bytes, so at most about 30 MB; NTREX-128's 123 documents ask for 12,945.
_MEMO_LIMIT = 262_144


def _jieba_dir() -> Path:
    spec = find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jieba is not installed")
    return Path(list(spec.submodule_search_locations)[0])


def _sources() -> list[Path]:
    base = _jieba_dir()
    return [base / "dict.txt", base / "posseg" / "char_state_tab.py", base / "posseg" / "prob_emit.py",
            base / "posseg" / "prob_start.py", base / "posseg" / "prob_trans.py"]


def _build_lexicon() -> tuple[str, Packed, bytes, bytes, list[str], int]:
    """jieba's dict.txt as jieba reads it (gen_pfdict and load_word_tag): the last line of a word wins,
    every line counts towards the total."""
    freq: dict[str, int] = {}
    tag: dict[str, str] = {}
    total = 0
    with open(_jieba_dir() / "dict.txt", "rb") as handle:
        for raw in handle:
            line = raw.strip().decode("utf-8")
            if not line:
                continue
            word, count, kind = line.split(" ")
            freq[word] = int(count)
            tag[word] = kind
            total += int(count)
    words = sorted(freq)
    names = sorted(set(tag.values()))
    index = {name: n for n, name in enumerate(names)}
    return (LEXICON_FORMAT, pack(words), array("q", (freq[w] for w in words)).tobytes(),
            bytes(index[tag[w]] for w in words), names, total)


def _build_model() -> tuple[str, dict, dict, dict, dict]:  # type: ignore[type-arg]
    """The tagger's hidden Markov model tables (states by character, start, transition, emission)."""
    import jieba.posseg as posseg  # slow (it loads a tagger of its own), but only when the cache is built

    return (FORMAT, posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)


class _Lexicon:
    """jieba's word frequencies and tags, looked up by binary search in a sorted word list (split by first
    character on demand: `blocks.WordBlocks`)."""

    def __init__(self) -> None:
        data = cached(f"jieba-lexicon-{LEXICON_FORMAT.replace('/', '-')}", _sources()[:1], _build_lexicon)
        if data[0] != LEXICON_FORMAT:
            data = _build_lexicon()
        _, packed, freqs, tags, names, total = data
        self.words = WordBlocks(packed)
        self.freqs = array("q")
        self.freqs.frombytes(freqs)
        self.tags = tags
        self.tag_names = names
        self.total = total

    def find(self, fragment: str) -> int:
        """-1: no word starts with `fragment` (jieba: not a key of FREQ); else the word's frequency, 0 for a
        mere prefix of a word."""
        index = self.words.find(fragment)
        return self.freqs[index] if index >= 0 else 0 if index == PREFIX_ONLY else -1

    def tag(self, word: str) -> str:
        index = self.words.find(word)
        return self.tag_names[self.tags[index]] if index >= 0 else "x"


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon()


@lru_cache(maxsize=1)
def _model() -> tuple[dict, dict, dict, dict]:  # type: ignore[type-arg]
    data = cached("jieba-posseg-model", _sources()[1:], _build_model)
    if data[0] != FORMAT:
        data = _build_model()
    return data[1], data[2], data[3], data[4]


class _Memo(dict):  # type: ignore[type-arg]
    """Values of `compute` remembered by key, forgotten all at once past _MEMO_LIMIT keys."""

    def __init__(self, compute: Callable[[str], Any]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, key: str) -> Any:
        if len(self) > _MEMO_LIMIT:
            self.clear()
        value = self[key] = self.compute(key)
        return value


class PosTagger:
    """`jieba.posseg.POSTokenizer` over jieba's default dictionary plus `added` words (each added as
    `add_word(word, freq=100000)` without a tag, in sorted order)."""

    def __init__(self, added: frozenset[str] = frozenset()) -> None:
        self.lexicon = _lexicon()
        self.added = {word: ADDED_WORD_FREQ for word in added}
        self.added_prefixes = {word[:n + 1] for word in added for n in range(len(word))}
        self.logtotal = log(self.lexicon.total + ADDED_WORD_FREQ * len(added))
        # `freq(fragment)`: jieba's `FREQ.get(fragment)`; `tag(word)`: its `word_tag_tab.get(word, 'x')` (added
        # words carry no tag of their own). Each remembered, looked up as a dict's own item (the tagger's hottest
        # call); _Memo.__missing__ computes a new one.
        self.freq: Callable[[str], int] = _Memo(self._frequency).__getitem__
        self.tag: Callable[[str], str] = _Memo(self.lexicon.tag).__getitem__

    # ------------------------------------------------------------ dictionary (jieba's FREQ, word_tag_tab)

    def _frequency(self, fragment: str) -> int:
        """jieba's `FREQ.get(fragment)` with None as -1."""
        value = self.added.get(fragment)
        if value is None:
            value = self.lexicon.find(fragment)
            if value < 0 and fragment in self.added_prefixes:
                value = 0
        return value

    # ------------------------------------------------------------ jieba.Tokenizer.get_DAG, calc

    def _dag(self, sentence: str) -> dict[int, list[int]]:
        freq = self.freq
        dag: dict[int, list[int]] = {}
        n = len(sentence)
        for k in range(n):
            found = []
            i = k
            fragment = sentence[k]
            value = freq(fragment)
            while i < n and value >= 0:
                if value:
                    found.append(i)
                i += 1
                fragment = sentence[k:i + 1]
                value = freq(fragment)
            if not found:
                found.append(k)
            dag[k] = found
        return dag

    def _route(self, sentence: str, dag: dict[int, list[int]]) -> dict[int, tuple[float, int]]:
        freq = self.freq
        n = len(sentence)
        route: dict[int, tuple[float, int]] = {n: (0, 0)}
        logtotal = self.logtotal
        for idx in range(n - 1, -1, -1):
            route[idx] = max((log(max(freq(sentence[idx:x + 1]), 0) or 1) - logtotal + route[x + 1][0], x)
                             for x in dag[idx])
        return route

    def words(self, sentence: str) -> list[str]:
        """jieba's `cut(sentence, HMM=False)` of a run of Han characters: the dictionary's most probable
        words, an unknown stretch one character at a time (no HMM, so a tenth of `cut`'s time)."""
        route = self._route(sentence, self._dag(sentence))
        out, x = [], 0
        while x < len(sentence):
            y = route[x][1] + 1
            out.append(sentence[x:y])
            x = y
        return out

    # ------------------------------------------------------------ jieba.posseg.POSTokenizer

    def cut(self, sentence: str) -> Iterator[tuple[str, str]]:
        """(word, tag) pairs, as `POSTokenizer.cut(sentence)` (HMM on) gives them."""
        for block in _RE_HAN_INTERNAL.split(sentence):
            if _RE_HAN_INTERNAL.match(block):
                yield from self._cut_dag(block)
            else:
                for x in _RE_SKIP_INTERNAL.split(block):
                    if _RE_SKIP_INTERNAL.match(x):
                        yield (x, "x")
                    else:
                        for xx in x:
                            yield (xx, _other_tag(xx, x))  # jieba tests the character for a digit, its run for a letter

    def _cut_dag(self, sentence: str) -> Iterator[tuple[str, str]]:
        route = self._route(sentence, self._dag(sentence))
        tag = self.tag
        x = 0
        buf = ""
        n = len(sentence)
        while x < n:
            y = route[x][1] + 1
            word = sentence[x:y]
            if y - x == 1:
                buf += word
            else:
                if buf:
                    yield from self._flush(buf)
                    buf = ""
                yield (word, tag(word))
            x = y
        if buf:
            yield from self._flush(buf)

    def _flush(self, buf: str) -> Iterator[tuple[str, str]]:
        if len(buf) == 1:
            yield (buf, self.tag(buf))
        elif not self.freq(buf) > 0:
            yield from self._cut_detail(buf)
        else:
            for char in buf:
                yield (char, self.tag(char))

    def _cut_detail(self, sentence: str) -> Iterator[tuple[str, str]]:
        for block in _RE_HAN_DETAIL.split(sentence):
            if _RE_HAN_DETAIL.match(block):
                yield from _cut_hmm(block)
            else:
                for x in _RE_SKIP_DETAIL.split(block):
                    if x:
                        yield (x, _other_tag(x, x))


def _other_tag(piece: str, run: str) -> str:
    """jieba.posseg's tag of a piece outside Han text: m (a number), eng (Latin letters; jieba tests the `run` the
    piece comes from) or x."""
    return "m" if _RE_NUM.match(piece) else "eng" if _RE_ENG.match(run) else "x"


def _cut_hmm(sentence: str) -> Iterator[tuple[str, str]]:
    """jieba.posseg's `__cut`: words and tags of a run of unknown characters, by Viterbi decoding."""
    _, pos_list = viterbi(sentence, *_model())
    begin, nexti = 0, 0
    for i, char in enumerate(sentence):
        pos = pos_list[i][0]
        if pos == "B":
            begin = i
        elif pos == "E":
            yield (sentence[begin:i + 1], pos_list[i][1])
            nexti = i + 1
        elif pos == "S":
            yield (char, pos_list[i][1])
            nexti = i + 1
    if nexti < len(sentence):
        yield (sentence[nexti:], pos_list[nexti][1])


_LINKS: dict[int, tuple[dict, dict, dict]] = {}  # type: ignore[type-arg]


def _links(trans_p: dict) -> tuple[dict, dict]:  # type: ignore[type-arg]
    """For each state, the states it may follow (with the transition's log probability), and the set of
    states that may follow it."""
    known = _LINKS.get(id(trans_p))
    if known is not None and known[0] is trans_p:
        return known[1], known[2]
    predecessors: dict = {}  # type: ignore[type-arg]
    for y0, row in trans_p.items():
        for y, probability in row.items():
            predecessors.setdefault(y, {})[y0] = probability
    successors = {y0: frozenset(row) for y0, row in trans_p.items()}
    _LINKS[id(trans_p)] = (trans_p, predecessors, successors)
    return predecessors, successors


def viterbi(obs: str, states: dict, start_p: dict, trans_p: dict, emit_p: dict) -> tuple[float, list]:  # type: ignore[type-arg]
    """jieba.posseg.viterbi, computed the same way faster.

    jieba takes, for each state y at each step, max((V[t-1][y0] + trans_p[y0].get(y, -inf) + emit, y0)
    for y0 in prev_states). Here the same sums, in the same order, are taken only over the states y0 that
    have a transition into y: the others score -inf and can only win when nothing scores more, in which
    case the full comparison is made as jieba makes it. Ties go to the greater state, as with jieba's
    tuples; the order in which states are visited therefore never matters.
    """
    predecessors, successors = _links(trans_p)
    V: list[dict] = [{}]  # type: ignore[type-arg]
    mem_path: list[dict] = [{}]  # type: ignore[type-arg]
    all_states = trans_p.keys()
    for y in states.get(obs[0], all_states):
        V[0][y] = start_p[y] + emit_p[y].get(obs[0], MIN_FLOAT)
        mem_path[0][y] = ""
    for t in range(1, len(obs)):
        previous = V[t - 1]
        current: dict = {}  # type: ignore[type-arg]
        path: dict = {}  # type: ignore[type-arg]
        V.append(current)
        mem_path.append(path)
        prev_states = [x for x in mem_path[t - 1].keys() if len(trans_p[x]) > 0]
        prev_states_expect_next: set = set().union(*[successors[x] for x in prev_states])  # type: ignore[type-arg]
        obs_states = set(states.get(obs[t], all_states)) & prev_states_expect_next
        if not obs_states:
            obs_states = prev_states_expect_next if prev_states_expect_next else all_states
        if not prev_states:
            raise ValueError("max() arg is an empty sequence")
        char = obs[t]
        usable = {y0: previous[y0] for y0 in prev_states}
        for y in obs_states:
            emit = emit_p[y].get(char, MIN_FLOAT)
            best = None
            best_state = None
            into = predecessors.get(y, {})
            if len(into) < len(usable):
                pairs = [(usable[y0], trans, y0) for y0, trans in into.items() if y0 in usable]
            else:
                pairs = [(value, into[y0], y0) for y0, value in usable.items() if y0 in into]
            for value, trans, y0 in pairs:
                prob = value + trans + emit
                if best is None or prob > best or (prob == best and y0 > best_state):
                    best, best_state = prob, y0
            if best is None or best == MIN_INF:  # every candidate is -inf: compare them all, as jieba does
                best = best_state = None
                for y0 in prev_states:
                    prob = usable[y0] + trans_p[y0].get(y, MIN_INF) + emit
                    if best is None or prob > best or (prob == best and y0 > best_state):
                        best, best_state = prob, y0
            current[y] = best
            path[y] = best_state
    prob, state = max((V[-1][y], y) for y in mem_path[-1].keys())
    route: list = [None] * len(obs)  # type: ignore[type-arg]
    i = len(obs) - 1
    while i >= 0:
        route[i] = state
        state = mem_path[i][state]
        i -= 1
    return prob, route


@lru_cache(maxsize=8)
def tagger(added: frozenset[str] = frozenset()) -> PosTagger:
    return PosTagger(added)
