"""Cython's declarations for the modules setup.py compiles, as no-ops where they run as Python without Cython.

Compiled, `@cython.locals(i=cython.Py_ssize_t, x=cython.double)` makes those variables C integers and doubles;
run as Python, it changes nothing (Cython's own pure-Python module does the same, when it is installed)."""

from __future__ import annotations

from typing import Any, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

Py_ssize_t = int
double = float
bint = bool
Py_UCS4 = str


def locals(**types: object) -> Callable[[F], F]:  # noqa: A001 - Cython's name
    return lambda function: function


def ccall(function: F) -> F:  # a C function callable from Python too (cpdef), compiled
    return function


def returns(_type: object) -> Callable[[F], F]:  # the C return type, compiled
    return lambda function: function
