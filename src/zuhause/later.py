"""Dataclass fields worked out on first use: a page read from the parse cache keeps its front
matter with the places of its keys as plain data until something asks where a key stood
(which only an error message does), and a single build keeps no page's text in memory: the
text is read from its file when the page is rendered, and let go again afterwards."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")
_NO_DEFAULT: Any = object()


@dataclass(frozen=True)
class Later(Generic[T]):
    """A value still to be made: `make(data)` (both picklable when `make` is a module's
    function)."""

    make: Callable[[Any], T]
    data: Any


class Deferred(Generic[T]):
    """A dataclass field that takes a value or a `Later`, made into the value when first read
    (and kept, until `release`). `default` is the field's default, if it has one."""

    def __init__(self, default: T = _NO_DEFAULT) -> None:
        self.default = default

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_deferred_{name}"

    def __get__(self, instance: object | None, owner: type | None = None) -> T:
        if instance is None:
            if self.default is _NO_DEFAULT:
                raise AttributeError(self.slot)  # (to dataclasses: the field has no default)
            return self.default
        value = instance.__dict__[self.slot]
        if isinstance(value, Later):
            made: T = value.make(value.data)
            instance.__dict__[self.slot] = made
            instance.__dict__[f"{self.slot}_later"] = value
            return made
        return value  # type: ignore[no-any-return]

    def __set__(self, instance: object, value: T | Later[T]) -> None:
        instance.__dict__[self.slot] = value
        instance.__dict__.pop(f"{self.slot}_later", None)

    def stored(self, instance: object) -> T | Later[T]:
        """The field's value as given: a `Later` stays one (nothing is made)."""
        return instance.__dict__[self.slot]  # type: ignore[no-any-return]

    def release(self, instance: object) -> None:
        """Let go of a value made from a `Later`: the next read makes it again."""
        later = instance.__dict__.pop(f"{self.slot}_later", None)
        if later is not None:
            instance.__dict__[self.slot] = later


def stored(instance: object, name: str) -> Any:
    """The value of the deferred field `name` as given (a `Later` stays one)."""
    return _field(instance, name).stored(instance)


def release(instance: object, name: str) -> None:
    """`Deferred.release` for the field `name` of `instance`."""
    _field(instance, name).release(instance)


def _field(instance: object, name: str) -> Deferred[Any]:
    for cls in type(instance).__mro__:
        found = cls.__dict__.get(name)
        if isinstance(found, Deferred):
            return found
    raise AttributeError(f"{type(instance).__name__}.{name} is not a deferred field")
