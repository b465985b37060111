"""Run every rule on a fresh build of the site, honour the checks the owner switched off."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..build import load_site, write_site
from ..config import SiteConfig
from ..errors import Problem, SiteError, did_you_mean, msg
from ..schema import position_of
from .context import load_context
from .findings import Finding
from .rules import ALL_RULES


@dataclass
class CheckReport:
    """The findings of one check, and the checks that were switched off (id, reason)."""

    findings: list[Finding]
    skipped: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, level: str) -> int:
        """How many findings of one level."""
        return sum(1 for f in self.findings if f.level == level)

    def summary(self, language: str) -> str:
        """One closing line, in `language`, each count with its singular or plural noun."""
        errors, warnings, hints = self.count("error"), self.count("warning"), self.count("hint")
        skipped = len(self.skipped)
        return msg("check.summary",
                   errors=msg("check.errors-one" if errors == 1 else "check.errors", count=errors),
                   warnings=msg("check.warnings-one" if warnings == 1 else "check.warnings",
                                count=warnings),
                   hints=msg("check.hints-one" if hints == 1 else "check.hints", count=hints),
                   skipped=msg("check.skipped-checks-one" if skipped == 1
                               else "check.skipped-checks", count=skipped),
                   seconds=f"{self.seconds:.2f}").format(language)

    def exit_code(self, strict: bool = False) -> int:
        """1 when there is an error (or, with strict, a warning), else 0."""
        failing = self.count("error") + (self.count("warning") if strict else 0)
        return 1 if failing else 0


def _skips(config: SiteConfig, known: set[str]) -> dict[str, str]:
    """The checks switched off in zuhause.yaml; an unknown id is an error."""
    entries = config.check.get("skip", [])
    raw_entries = config.raw.get("check", {}).get("skip", [])
    problems = []
    skips = {}
    for index, entry in enumerate(entries):
        check_id = entry.get("id", "")
        if check_id and check_id not in known:
            raw = raw_entries[index] if index < len(raw_entries) else None
            pos = raw.value_at("id") if raw is not None else position_of(config.raw, "check")
            close = did_you_mean(check_id, known)
            problems.append(Problem("zuhause.yaml", pos.line, pos.column,
                                    msg("check.unknown-id", id=check_id),
                                    close or msg("check.unknown-id-hint"),
                                    "check.unknown-id"))
        elif check_id:
            skips[check_id] = entry.get("reason", "")
    if problems:
        raise SiteError(problems)
    return skips


def check_site(site: Path | str, base_url: str | None = None, drafts: bool = False,
               future: bool = False, now: datetime | None = None) -> CheckReport:
    """Build the site into a temporary folder and run every rule on it. Raises SiteError when
    the site cannot be built at all. `future` includes pages dated after `now`."""
    started = time.perf_counter()
    loaded = load_site(Path(site), base_url, drafts, future, now)
    skips = _skips(loaded.config, {rule.id for rule in ALL_RULES})
    findings: list[Finding] = []
    with tempfile.TemporaryDirectory(prefix="zuhause-check-") as folder:
        out = Path(folder) / "site"
        write_site(loaded, out)
        context = load_context(loaded, out)
        for rule in ALL_RULES:
            if rule.id not in skips:
                findings.extend(rule.findings(context))
    order = {"error": 0, "warning": 1, "hint": 2}
    findings.sort(key=lambda f: (order[f.level], f.path, f.line, f.id))
    return CheckReport(findings, sorted(skips.items()), time.perf_counter() - started)
