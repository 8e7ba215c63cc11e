"""Our fast copies of library internals: the same results as the libraries, at a fraction of their load time.

| module | copies | reads (private) |
| --- | --- | --- |
| `jieba_posseg` | jieba 0.42.1's `jieba.posseg` cutting and tagging | `dict.txt`, `posseg/*.py` tables |
| `pypinyin_lazy` | pypinyin 0.55.0's `lazy_pinyin` (plain style, its phrase segmentation) | `phrases_dict`, `pinyin_dict` |
| `opencc_t2s` | opencc-python-reimplemented 0.1.7's `OpenCC("t2s").convert` | `OpenCC._dict_chain_data` |

Each follows its library's algorithm step for step on the library's own tables, so the versions are pinned
exactly in pyproject.toml: another version may change the tables or the algorithm. The equivalence tests
(tests/test_fast_copies.py, tests/test_normalize.py) compare each copy with its library on the bundled
articles and NTREX excerpt (and the whole of NTREX when `../shared` is there), so they never skip.
"""
