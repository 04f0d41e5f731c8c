"""The import direction of ARCHITECTURE.md: the apps are floors, an app imports only from its
own floor or below (import-linter's ``layers`` contract in pyproject.toml, also run by
``make test``), and no module of an app takes part in an import circle with another module
of the same app (an import done lazily inside a function counts: it is how circles hide)."""

import subprocess
import sys
import tomllib
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = ROOT / "pyproject.toml"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
APPS = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]["root_packages"]

# The import circles inside an app that existed when this check was written (issue 13): the
# listings import their models back, and the models import the listings. They are being
# removed; this list only shrinks. A circle found and not listed here fails the test.
KNOWN_CYCLES = [
    {"library.feeds", "library.listing", "library.models"},
    {"trainings.calendar", "trainings.listing", "trainings.models"},
    {"webinars.listing", "webinars.models"},
]


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


def test_every_app_imports_only_from_its_floor_or_below():
    result = run_lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 1 kept, 0 broken." in result.stdout


def test_the_floors_contract_fails_when_a_lower_app_imports_a_higher_one(tmp_path):
    """The contract of pyproject.toml, run on stand-in packages with the apps' names where
    home (the lowest floor) imports trainings: lint-imports refuses it."""
    for app in APPS:
        (tmp_path / app).mkdir()
        (tmp_path / app / "__init__.py").write_text("")
    (tmp_path / "home" / "models.py").write_text("def event_pages():\n    from trainings import models\n")
    (tmp_path / "trainings" / "models.py").write_text("from home import models\n")
    result = run_lint_imports(tmp_path, str(PYPROJECT))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "home is not allowed to import trainings" in result.stdout
    assert "home.models -> trainings.models" in result.stdout


def cycles_within_packages(graph, packages):
    """The import circles among the modules of each package: the strongly connected
    components of its internal import graph that hold more than one module."""
    found = []
    for package in packages:
        modules = {package} | graph.find_descendants(package)
        imports = {
            module: sorted(graph.find_modules_directly_imported_by(module) & modules) for module in modules
        }
        found += [component for component in strongly_connected(imports) if len(component) > 1]
    return found


def strongly_connected(imports):
    """Tarjan's algorithm, without recursion."""
    index, low, on_stack, stack, components = {}, {}, set(), [], []
    for start in sorted(imports):
        if start in index:
            continue
        work = [(start, iter(imports[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(imports[target])))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    components.append(component)
    return components


def test_the_cycle_finder_finds_circles_and_only_circles():
    graph = grimp.ImportGraph()
    for importer, imported in [
        ("app.listing", "app.models"),
        ("app.models", "app.feeds"),
        ("app.feeds", "app.listing"),  # app.listing → app.models → app.feeds → app.listing
        ("app.views", "app.models"),
        ("app.a", "app.b"),
        ("app.b", "app.a"),  # a second, separate circle
        ("app.models", "other.models"),
        ("other.models", "app.models"),  # across apps: the floors contract's business
    ]:
        graph.add_import(importer=importer, imported=imported)
    graph.add_module("app")
    graph.add_module("other")
    found = cycles_within_packages(graph, ["app", "other"])
    assert sorted(map(sorted, found)) == [["app.a", "app.b"], ["app.feeds", "app.listing", "app.models"]]


def project_cycles():
    sys.path.insert(0, str(ROOT))
    try:
        graph = grimp.build_graph(*APPS, cache_dir=None)
    finally:
        sys.path.remove(str(ROOT))
    return cycles_within_packages(graph, APPS)


def test_no_import_circle_inside_an_app_besides_the_known_ones():
    new = [sorted(cycle) for cycle in project_cycles() if not any(cycle <= known for known in KNOWN_CYCLES)]
    assert new == [], f"import circles inside an app (break them; see ARCHITECTURE.md): {new}"


def test_the_known_circles_are_still_there():
    """KNOWN_CYCLES only lists circles that still exist: one broken (or smaller) is taken
    off the list, so that it cannot come back unnoticed."""
    found = project_cycles()
    stale = [sorted(known) for known in KNOWN_CYCLES if known not in found]
    assert stale == [], f"these circles are gone or smaller: update KNOWN_CYCLES: {stale}"
