"""The core never imports Qt, and the GUI imports PySide6 only through ui/qt.py (rules 1, 2).

The import check runs in a fresh interpreter, so nothing imported by other tests can hide or
cause a violation.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "pyqtgraph")

IMPORT_EVERY_CORE_MODULE = r"""
import importlib, importlib.util, json, pathlib, sys
root = pathlib.Path(sys.argv[1])
imported = []
for path in sorted((root / "nsss_desktop").rglob("*.py")):
    rel = path.relative_to(root)
    if path.name == "__main__.py" or rel.parts[-2:] == ("migrations", "env.py"):
        continue  # __main__ runs the CLI; env.py runs only inside Alembic
    parents = [root.joinpath(*rel.parts[:i]) for i in range(1, len(rel.parts))]
    if all((p / "__init__.py").exists() for p in parents):
        name = ".".join(rel.with_suffix("").parts).removesuffix(".__init__")
        importlib.import_module(name)
    else:  # e.g. migration scripts, which are not in a package
        name = "_nsss_file_" + "_".join(rel.with_suffix("").parts)
        spec = importlib.util.spec_from_file_location(name, path)
        spec.loader.exec_module(importlib.util.module_from_spec(spec))
    imported.append(name)
print(json.dumps({"imported": imported, "modules": sorted(sys.modules)}))
"""


def test_core_modules_import_without_qt() -> None:
    result = subprocess.run([sys.executable, "-c", IMPORT_EVERY_CORE_MODULE, str(REPO)],
                            capture_output=True, text=True, check=True, cwd=REPO, timeout=120)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert len(report["imported"]) > 20
    assert "nsss_desktop.services.overview" in report["imported"]
    qt = [m for m in report["modules"] if m.split(".")[0] in QT_MODULES]
    assert qt == []


DIRECT_QT_IMPORT = re.compile(r"^\s*(?:from|import)\s+(PySide6|shiboken6|PyQt5|PyQt6)\b", re.M)
PYQTGRAPH_IMPORT = re.compile(r"^\s*(?:from|import)\s+pyqtgraph\b", re.M)


def test_ui_imports_pyside6_only_through_ui_qt() -> None:
    offenders = []
    for path in sorted((REPO / "ui").rglob("*.py")):
        rel = path.relative_to(REPO).as_posix()
        text = path.read_text(encoding="utf-8")
        if rel != "ui/qt.py" and DIRECT_QT_IMPORT.search(text):
            offenders.append(rel)
        if PYQTGRAPH_IMPORT.search(text) and "chart" not in path.name:
            offenders.append(rel + " (pyqtgraph outside a chart module)")
    assert offenders == []
    assert DIRECT_QT_IMPORT.search((REPO / "ui" / "qt.py").read_text(encoding="utf-8"))


def test_ui_never_runs_sql() -> None:
    """`ui/` calls services: no SQLAlchemy, no sessions, no SQL text of its own."""
    pattern = re.compile(r"^\s*(?:from|import)\s+(sqlalchemy|sqlcipher3|sqlite3)\b|\.reader\(\)"
                         r"|\.unit_of_work\(|\bSELECT\b", re.M)
    offenders = [p.relative_to(REPO).as_posix() for p in sorted((REPO / "ui").rglob("*.py"))
                 if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
