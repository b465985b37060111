"""Read the commands a host runs out of the deploy files `zuhause new` writes."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

_EXPRESSION = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")


def workflow(site: Path) -> dict[str, Any]:
    """The GitHub workflow, parsed (`on` stays a key: YAML 1.1 would read it as true)."""
    data = yaml.safe_load((site / ".github/workflows/pages.yml").read_text("utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def workflow_steps(site: Path) -> list[dict[str, Any]]:
    """The steps of the build job, in order."""
    return list(workflow(site)["jobs"]["build"]["steps"])


def resolve(value: str, outputs: dict[str, str]) -> str:
    """Fill in `${{ steps.x.outputs.y }}` the way GitHub does; an unknown one is an error."""
    return _EXPRESSION.sub(lambda m: outputs[m[1]], value)


def netlify_command(site: Path) -> str:
    """The build command of netlify.toml."""
    data = tomllib.loads((site / "netlify.toml").read_text("utf-8"))
    return str(data["build"]["command"])
