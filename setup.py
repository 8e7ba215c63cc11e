"""Compiles the modules that do most of an audit's work to C with Cython, from their unchanged Python source.

Everything else about the package is in pyproject.toml. Compiled, an audit runs about 1.3× faster
(bench/speed.py) with the same results (tests/test_compiled.py compares the two). Compiling is optional: without
Cython or a C compiler, or with AUDIT_PURE_PYTHON=1 set when installing, the same modules run as Python.
"""

from __future__ import annotations

import os

from setuptools import Extension, setup

# The path every sentence takes (read → normalize → segment → align → check). The command line, the reports and
# the readers of XLIFF, TMX, PO and tables run once per run or per file: compiling them would only lengthen the
# install.
HOT_MODULES = [
    "audit/align.py",
    "audit/quantities/scan.py",
    "audit/quantities/zh_numerals.py",
    "audit/quantities/zh_numbers.py",
    "audit/quantities/zh_dates.py",
    "audit/quantities/en_numbers.py",
    "audit/quantities/en_words.py",
    "audit/quantities/en_dates.py",
    "audit/quantities/days.py",
    "audit/normalize.py",
    "audit/segment.py",
    "audit/model.py",
    "audit/pipeline.py",
    "audit/io/text.py",
    "audit/lexicon/dictionary.py",
    "audit/lexicon/glossary.py",
    "audit/lexicon/pinyin.py",
    "audit/lexicon/postag.py",
    "audit/lexicon/transliterate.py",
    "audit/checks/base.py",
    "audit/checks/completeness.py",
    "audit/checks/dates.py",
    "audit/checks/form.py",
    "audit/checks/names.py",
    "audit/checks/numbers.py",
    "audit/checks/untranslated.py",
]


def extensions() -> list[Extension]:
    if os.environ.get("AUDIT_PURE_PYTHON"):
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        print("zh-en-audit: Cython is not available, the auditor will run as pure Python (same results, slower)")
        return []
    modules = [Extension(path[:-3].replace("/", "."), [path]) for path in HOT_MODULES]
    # Annotations stay documentation: typed by them, Cython would refuse a subclass where a list is annotated.
    compiled = cythonize(modules, language_level=3, build_dir="build/cython", quiet=True,
                         compiler_directives={"annotation_typing": False})
    for module in compiled:
        module.optional = True  # a module that fails to compile stays Python; the build goes on
    return compiled


setup(ext_modules=extensions(), options={"build_ext": {"parallel": os.cpu_count() or 1}})
