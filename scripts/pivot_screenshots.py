"""Screenshots of the Programme reports screen for docs/screens/ (offscreen, demo database).

    .venv/bin/python scripts/pivot_screenshots.py [--out docs/screens]

Builds a throw-away demo database in a sandbox (see screenshot_sandbox.py), opens the main
window at 1366x768 on Programme reports, chooses ministries down and fiscal years across with
beneficiaries and budget for 2019-20 to 2024-25, runs it and saves pivot-ministry-by-year.png.
Then exports the same report to PDF in Bangla, renders its first page with pdftoppm and saves
pivot-report-pdf.png (so the picture is of the PDF itself, fonts and all).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from screenshot_sandbox import PASSPHRASE, SANDBOX, wait  # noqa: I001 - sets up the sandbox first

from nsss_desktop.services.demo import build_demo  # noqa: E402
from nsss_desktop.services.programme_pivot import PivotDefinition  # noqa: E402
from nsss_desktop.store.database import Database  # noqa: E402
from ui import i18n  # noqa: E402
from ui.app import make_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

DEFINITION = PivotDefinition(name="Ministries by year", rows=("ministry",),
                             columns="fiscal_year",
                             measures=("active_beneficiaries", "budget"),
                             first_year="2019-20", last_year="2024-25")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).resolve().parent.parent / "docs" / "screens")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    make_application("en")
    path = SANDBOX / "pivot.nsssdb"
    db, _ = Database.create(path, PASSPHRASE, use_keyring=False)
    with db:
        build_demo(db)
    window = MainWindow(Database.open(path, passphrase=PASSPHRASE, use_keyring=False))
    window.resize(1366, 768)
    window.show()
    screen = window.show_screen("pivot")
    wait(screen.is_ready)  # type: ignore[attr-defined]

    screen.options.set_definition(DEFINITION)  # type: ignore[attr-defined]
    screen.name.setText(DEFINITION.name)  # type: ignore[attr-defined]
    screen.run()  # type: ignore[attr-defined]
    wait(lambda: screen.result is not None and screen.is_ready())  # type: ignore[attr-defined]
    target = args.out / "pivot-ministry-by-year.png"
    wait(lambda: True)
    if not window.grab().save(str(target)):
        raise OSError(f"could not write {target}")
    print(target)

    i18n.set_language("bn")
    pdf = SANDBOX / "pivot-report.pdf"
    screen.export(pdf, "pdf")  # type: ignore[attr-defined]
    wait(lambda: screen.last_export == pdf and screen.is_ready())  # type: ignore[attr-defined]
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is not installed: no PDF picture", file=sys.stderr)
        return 1
    stem = SANDBOX / "pivot-report-page"
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(stem)], check=True)
    target = args.out / "pivot-report-pdf.png"
    shutil.copyfile(stem.with_suffix(".png"), target)
    print(target)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
