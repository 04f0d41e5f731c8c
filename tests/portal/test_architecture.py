"""The import direction of ARCHITECTURE.md: the apps are floors, an app imports only from its
own floor or below (import-linter's ``layers`` contract in pyproject.toml, also run by
``make test``), and no module of an app takes part in an import circle with another module
of the same app (an import done lazily inside a function counts: it is how circles hide)."""

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = ROOT / "pyproject.toml"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
APPS = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]["root_packages"]


def run_lint_imports(cwd, *args, pythonpath=None):
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(pythonpath or cwd)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def stand_in_apps(root):
    """Empty packages named like the apps, for running the contracts on made-up imports."""
    for app in APPS:
        (root / app).mkdir()
        (root / app / "__init__.py").write_text("")


def test_every_app_imports_only_from_its_floor_or_below():
    result = run_lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_the_floors_contract_fails_when_a_lower_app_imports_a_higher_one(tmp_path):
    """The contract of pyproject.toml, run on stand-in packages with the apps' names where
    home (the lowest floor) imports trainings: lint-imports refuses it."""
    stand_in_apps(tmp_path)
    (tmp_path / "home" / "models.py").write_text("def event_pages():\n    from trainings import models\n")
    (tmp_path / "trainings" / "models.py").write_text("from home import models\n")
    result = run_lint_imports(tmp_path, str(PYPROJECT))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "home is not allowed to import trainings" in result.stdout
    assert "home.models -> trainings.models" in result.stdout


def test_the_circles_contract_fails_when_two_modules_of_an_app_import_each_other(tmp_path):
    """Stand-in packages where library's listing imports its models lazily and the models
    import the listing: the contract of pyproject.toml refuses the circle."""
    stand_in_apps(tmp_path)
    (tmp_path / "library" / "listing.py").write_text("def pages():\n    from . import models\n")
    (tmp_path / "library" / "models.py").write_text("from . import listing\n")
    result = run_lint_imports(tmp_path, str(PYPROJECT))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "No import circle between the modules of an app BROKEN" in result.stdout
    assert "No cycles are allowed in library." in result.stdout
