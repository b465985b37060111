"""Allow `python -m zuhause`."""

from .cli import main

raise SystemExit(main())
