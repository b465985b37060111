"""Allow `python -m zuhause`."""

from .launch import run

raise SystemExit(run())
