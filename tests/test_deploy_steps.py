"""The deploy files work on the first push: their install, check and build steps, run as
written in a fresh venv with the host's environment, give public/; a placeholder left in the
Impressum stops them before the build, naming zuhause.yaml and the line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from deploy_steps import netlify_command, resolve, workflow_steps
from filled_site import fill_placeholders
from installed import Venv
from zuhause.scaffold import answers_from_options, create_site
from zuhause.starter import placeholders

GITHUB_BASE = "https://annakorn.github.io/brot"
NETLIFY_URL = "https://baeckerei-korn.netlify.app"
HOSTS = {"github-project": {"github_user": "annakorn", "repo": "brot"},
         "netlify": {"netlify_name": "baeckerei-korn"}}


@pytest.fixture
def bare_venv(tmp_path: Path, distributions: tuple[Path, Path]) -> Venv:
    """A fresh venv without zuhause, for each test: the deploy file's install step brings it."""
    root = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(root)], check=True, capture_output=True)
    return Venv(root, distributions[1])


def site_for(folder: Path, host: str, wheel: Path) -> Path:
    """A new German site for `host`, placeholders replaced, installing the committed wheel."""
    spec = f"./vendor/{wheel.name}"
    answers = answers_from_options({"yes": True, "host": host, "install": spec, **HOSTS[host]},
                                   None)
    create_site(folder, answers)
    (folder / "vendor").mkdir()
    shutil.copy(wheel, folder / "vendor" / wheel.name)
    fill_placeholders(folder, "de")
    return folder


def run_deploy(site: Path, venv: Venv) -> tuple[int, str]:
    """Run the site's deploy steps as its host would: (exit code of the last step run, output)."""
    if (site / "netlify.toml").exists():
        result = venv.run(netlify_command(site), site, {"URL": NETLIFY_URL, "NETLIFY": "true"})
        return result.returncode, result.stdout + result.stderr
    outputs = {"steps.pages.outputs.base_url": GITHUB_BASE}
    github = {"CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(site)}
    output = ""
    for step in workflow_steps(site):
        if "run" not in step:
            continue  # an action of GitHub's (checked in test_new_deploy.py)
        env = {**github, **{k: resolve(str(v), outputs) for k, v in step.get("env", {}).items()}}
        result = venv.run(resolve(step["run"], outputs), site, env)
        output += result.stdout + result.stderr
        if result.returncode != 0:  # GitHub stops the job at the first failing step
            return result.returncode, output
    return 0, output


@pytest.mark.parametrize("host", ["github-project", "netlify"])
def test_the_deploy_steps_build_the_site(tmp_path: Path, host: str, bare_venv: Venv) -> None:
    site = site_for(tmp_path / "site", host, bare_venv.wheel)
    code, output = run_deploy(site, bare_venv)
    assert code == 0, output
    assert (site / "public/index.html").is_file()
    base = GITHUB_BASE if host == "github-project" else NETLIFY_URL
    assert f"<loc>{base}/</loc>" in (site / "public/sitemap.xml").read_text("utf-8")


@pytest.mark.parametrize("host", ["github-project", "netlify"])
def test_a_placeholder_in_the_impressum_stops_the_deploy_before_the_build(
        tmp_path: Path, host: str, bare_venv: Venv) -> None:
    site = site_for(tmp_path / "site", host, bare_venv.wheel)
    config = site / "zuhause.yaml"
    street = placeholders("de")["street"]
    config.write_text(config.read_text("utf-8").replace("Brotgasse 3", street), "utf-8")
    line = next(n for n, text in enumerate(config.read_text("utf-8").split("\n"), 1)
                if street in text)
    code, output = run_deploy(site, bare_venv)
    assert code == 1, output
    assert f"zuhause.yaml:{line}: error [placeholder.text]" in output
    assert not (site / "public").exists()
