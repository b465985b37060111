"""Allow `python -m zuhause`."""

try:
    from .launch import run
except KeyboardInterrupt:  # Ctrl-C while the small launcher itself was being imported
    from .launch import stopped
    raise SystemExit(stopped(130)) from None

raise SystemExit(run())
