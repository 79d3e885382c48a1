"""An installed wheel carries its rule packs, templates, schemas and the demo warehouse."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    # Build from a copy of the sources so a stale build/ directory can never leak into the wheel.
    source = tmp_path_factory.mktemp("src") / "exposure"
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"
        ),
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--disable-pip-version-check",
            "-w",
            str(dist),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = dist.glob("*.whl")
    return built


def test_wheel_contains_data_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in [
        "scanner/rulepacks/exposure.yaml",
        "scanner/rulepacks/classifiers/government_ids.yaml",
        "scanner/rulepacks/classifiers/workplace.yaml",
        "scanner/rulepacks/text_model.json",
        "scanner/templates/sev.md.j2",
        "scanner/templates/report.html.j2",
        "scanner/templates/report.css",
        "scanner/schemas/findings.schema.json",
        "scanner/schemas/config.schema.json",
        "scanner/examples/incident_warehouse.py",
        "scanner/examples/incident_grants.sql",
        "scanner/examples/exposure.yaml",
    ]:
        assert needed in names, needed
    assert not any(n.startswith(("tests/", "rules/", "reports/")) for n in names)


def test_installed_wheel_runs_the_demo(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--disable-pip-version-check",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target), "COLUMNS": "200"}
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import scanner, importlib.resources as r; print(scanner.__file__); "
            "print(r.files('scanner.templates').joinpath('sev.md.j2'))",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    ).stdout
    assert str(target) in where.splitlines()[0] and str(target) in where.splitlines()[1]
    run = subprocess.run(
        [sys.executable, "-m", "scanner.cli.main", "demo"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert (tmp_path / "exposure-report" / "report.html").is_file()
