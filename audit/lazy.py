"""A read-only sequence whose items are made when read: paragraphs decoded from buffers, results from a spool."""

from __future__ import annotations

from abc import abstractmethod
from typing import Iterator, Sequence, TypeVar, overload

T = TypeVar("T")


class LazySequence(Sequence[T]):
    """Indexed and sliced as a list is; a subclass says how many items it has and makes the one at a position."""

    @abstractmethod
    def __len__(self) -> int: ...

    @abstractmethod
    def _item(self, position: int) -> T:
        """The item at `position`, 0 ≤ position < len(self)."""

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self._item(position) for position in range(*index.indices(len(self)))]
        return self._item(range(len(self))[index])  # IndexError, and negative indices, as a list has them

    def __iter__(self) -> Iterator[T]:
        for position in range(len(self)):
            yield self._item(position)
