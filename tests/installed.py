"""zuhause as a user gets it: sdist and wheel built from the checkout's files, the wheel installed
into a fresh venv that cannot see the source tree."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from support import REPO


def checkout_files() -> list[str]:
    """The files git knows in the checkout, plus the new ones it does not ignore."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                            cwd=REPO, capture_output=True, check=True).stdout.decode()
    return [name for name in listed.split("\0") if name and (REPO / name).is_file()]


def copy_checkout(target: Path) -> Path:
    """A copy of the checkout's files without any build or venv folders."""
    for name in checkout_files():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target / name)
    return target


def build_distributions(work: Path) -> tuple[Path, Path]:
    """`python -m build` of a copy of the checkout: the sdist, then the wheel made from it."""
    source = copy_checkout(work / "source")
    dist = work / "dist"
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(dist), str(source)],
                   check=True, capture_output=True, cwd=work)
    return next(dist.glob("zuhause-*.tar.gz")), next(dist.glob("zuhause-*.whl"))


@dataclass(frozen=True)
class Venv:
    """A virtual environment with zuhause installed from a wheel."""

    root: Path
    wheel: Path

    @property
    def bin(self) -> Path:
        return self.root / ("Scripts" if os.name == "nt" else "bin")

    def env(self) -> dict[str, str]:
        """The environment a user's shell has after activating the venv: no PYTHONPATH."""
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env["PATH"] = f"{self.bin}{os.pathsep}{env.get('PATH', '')}"
        env["VIRTUAL_ENV"] = str(self.root)
        return env

    def run(self, command: str, cwd: Path, extra_env: dict[str, str] | None = None,
            timeout: float = 600) -> subprocess.CompletedProcess[str]:
        """Run a shell command as a user would type it, with the venv activated."""
        env = {**self.env(), **(extra_env or {})}
        return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True,
                              text=True, timeout=timeout)


def fresh_venv(root: Path, wheel: Path) -> Venv:
    """A new venv (no system site-packages) with the wheel and its dependencies installed."""
    subprocess.run([sys.executable, "-m", "venv", str(root)], check=True, capture_output=True)
    venv = Venv(root, wheel)
    subprocess.run([str(venv.bin / "python"), "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", str(wheel)], check=True, capture_output=True)
    return venv
