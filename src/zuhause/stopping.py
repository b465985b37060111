"""Being asked to stop: SIGTERM as an exception, and what a stopped build left behind.

Kept free of other zuhause imports, so the command line can install it before anything else.
"""

from __future__ import annotations

from types import FrameType


class Terminated(BaseException):
    """The process was asked to stop (SIGTERM). Like KeyboardInterrupt, no `except Exception`
    in the library may swallow it."""


def on_sigterm(signum: int, frame: FrameType | None) -> None:
    """A SIGTERM handler: stop the way Ctrl-C does."""
    raise Terminated()


class BuildStopped(BaseException):
    """A build stopped by Ctrl-C or SIGTERM while it was writing, and which site it left:
    `published` is True when the new site was already complete in the output folder, False
    when the previous output is as it was."""

    def __init__(self, cause: BaseException, published: bool) -> None:
        super().__init__(cause)
        self.cause = cause
        self.published = published

    @property
    def exit_code(self) -> int:
        """130 for Ctrl-C, 143 for SIGTERM, as a shell reports them."""
        return 130 if isinstance(self.cause, KeyboardInterrupt) else 143
