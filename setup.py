"""Compiles the aligner's search with Cython, from its unchanged Python source; everything else is in pyproject.toml.

Only what pays for its install time is compiled (README, Performance: compiling all 19 modules of the sentence
path took about 4 CPU-minutes for 1.07-1.3× on a whole audit; the aligner's typed search loop gives most of
that gain). Compiling is opt-in, with AUDIT_COMPILE=1 set when installing (CI does, and compares the two forms
in tests/test_compiled.py): the compiler's 15 CPU-seconds would be a quarter of the quick start's install, for
about a tenth of an audit's time. Without it, without Cython or a C compiler, or with AUDIT_PURE_PYTHON=1, the
same module runs as Python with the same results.
"""

from __future__ import annotations

import os
import sys
import time

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

# The one place that says what is compiled: modules whose loops carry C types (`@cython.locals`, audit/_cython.py).
# Keep it to small modules: the C that Cython writes for a large one takes a minute of compiler time to build.
COMPILED = [
    "audit/align/numbers.py",
    "audit/align/features.py",  # the segmenter of Chinese sentences into dictionary words carries C types
    "audit/align/matching.py",
    "audit/align/band.py",
    "audit/align/scoring.py",
    "audit/align/search.py",  # the bead gain and the dynamic programming over the band carry C types
    "audit/align/aligner.py",
]

# -O1: the typed loops gain what -O3 gives them (tests/test_compiled.py, README) at a quarter of the compiler
# time; -g0: no debugging tables, which were a third of the build time.
_CFLAGS = ["-O1", "-g0"]


class _TimedBuild(build_ext):
    """Says what it compiles and how long it took: pip shows this with -v, and the log keeps it."""

    def run(self) -> None:
        started = time.monotonic()
        _say(f"zh-en-audit: compiling {', '.join(COMPILED)} with Cython "
             "(a few seconds; AUDIT_COMPILE=1 asked for it)")
        super().run()
        _say(f"zh-en-audit: compiled in {time.monotonic() - started:.0f} s")


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def extensions() -> list[Extension]:
    if not os.environ.get("AUDIT_COMPILE") or os.environ.get("AUDIT_PURE_PYTHON"):
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        _say("zh-en-audit: Cython is not available, the auditor will run as pure Python (same results, slower)")
        return []
    modules = [Extension(path[:-3].replace("/", "."), [path], extra_compile_args=_CFLAGS) for path in COMPILED]
    # Annotations stay documentation: typed by them, Cython would refuse a subclass where a list is annotated.
    compiled = cythonize(modules, language_level=3, build_dir="build/cython", quiet=True,
                         compiler_directives={"annotation_typing": False})
    for module in compiled:
        module.optional = True  # a module that fails to compile stays Python; the build goes on
    return compiled


setup(ext_modules=extensions(), cmdclass={"build_ext": _TimedBuild},
      options={"build_ext": {"parallel": os.cpu_count() or 1}})
