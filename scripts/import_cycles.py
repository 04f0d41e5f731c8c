"""Print the import circles between modules of the portal's apps (grimp).

Usage: .venv/bin/python scripts/import_cycles.py [module-substring ...]
Each circle is printed once, as a chain ``a -> b -> ... -> a``; imports inside functions
count (grimp reads every import statement), so a lazy import back is a circle too."""

import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PACKAGES = ("accounts", "home", "library", "trainings", "webinars", "search", "demo", "portal")


def cycles(graph):
    found = set()
    modules = sorted(graph.modules)
    for module in modules:
        for imported in graph.find_modules_directly_imported_by(module):
            path = graph.find_shortest_chain(importer=imported, imported=module)
            if path:
                cycle = (module, *path)
                start = cycle.index(min(cycle[:-1]))
                normal = cycle[start:-1] + cycle[:start] + (cycle[start],)
                found.add(normal)
    return sorted(found)


def main(filters):
    packages = [name for name in PACKAGES if (ROOT / name / "__init__.py").exists()]
    graph = grimp.build_graph(*packages, include_external_packages=False)
    shown = [c for c in cycles(graph) if not filters or any(f in m for f in filters for m in c)]
    for cycle in shown:
        print(" -> ".join(cycle))
    print(f"{len(shown)} circle(s)")


if __name__ == "__main__":
    main(sys.argv[1:])
