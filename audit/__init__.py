"""Audit Chinese→English news translations: names, numbers, dates, omissions and form."""

from __future__ import annotations

import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec, PathFinder
from importlib.util import spec_from_file_location
from typing import Sequence

__version__ = "0.1.0"


class _SourceOverStaleBuild:
    """Imports a module of this package from its Python source rather than its compiled form (setup.py) when
    AUDIT_PURE_PYTHON is set, or, in a source checkout, when the source is newer than the compiled file: a
    checkout edited after `pip install -e .` would otherwise go on running the old code without a word.
    (Installed from a wheel, the files' times tell nothing: pip writes them in any order.)"""

    checkout = os.path.exists(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "setup.py"))

    @classmethod
    def find_spec(cls, name: str, path: Sequence[str] | None = None, target: object = None) -> ModuleSpec | None:
        if path is None or not name.startswith(__name__ + "."):
            return None
        spec = PathFinder.find_spec(name, path)
        origin = spec.origin if spec is not None else None
        suffix = next((s for s in EXTENSION_SUFFIXES if origin and origin.endswith(s)), None)
        if origin is None or suffix is None:
            return spec
        source = origin[: -len(suffix)] + ".py"
        try:
            stale = bool(os.environ.get("AUDIT_PURE_PYTHON")) or (
                cls.checkout and os.path.getmtime(source) > os.path.getmtime(origin))
        except OSError:  # no source beside the compiled module
            return spec
        return spec_from_file_location(name, source) if stale else spec


if not any(finder is _SourceOverStaleBuild for finder in sys.meta_path):
    sys.meta_path.insert(0, _SourceOverStaleBuild)  # type: ignore[arg-type]


def compiled_modules() -> list[str]:
    """The modules of this package loaded so far that run compiled code."""
    compiled = tuple(EXTENSION_SUFFIXES)
    return sorted(name for name, module in list(sys.modules.items())
                  if name.startswith(__name__ + ".") and str(getattr(module, "__file__", "")).endswith(compiled))
