"""A dataclass field worked out on first use: a page read from the parse cache keeps its front
matter with the places of its keys as plain data until something asks where a key stood
(which only an error message does)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Later(Generic[T]):
    """A value still to be made: `make(data)` (both picklable when `make` is a module's
    function)."""

    make: Callable[[Any], T]
    data: Any


class Deferred(Generic[T]):
    """A dataclass field that takes a value or a `Later`, made into the value when first read."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_deferred_{name}"

    def __get__(self, instance: object | None, owner: type | None = None) -> T:
        if instance is None:
            raise AttributeError(self.slot)  # (to dataclasses: the field has no default)
        value = instance.__dict__[self.slot]
        if isinstance(value, Later):
            value = value.make(value.data)
            instance.__dict__[self.slot] = value
        return value  # type: ignore[no-any-return]

    def __set__(self, instance: object, value: T | Later[T]) -> None:
        instance.__dict__[self.slot] = value
