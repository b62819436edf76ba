"""Save the documentation screenshots to docs/screens/ (offscreen, with the bundled font).

    .venv/bin/python scripts/take_screenshots.py [--out docs/screens]

Everything happens in a temporary folder: a throw-away demo database, its settings and logs;
the real user folders and the OS keyring are never touched. The wizard and unlock dialog are
driven as a user would drive them; the main window is captured at 1366x768 once each screen
says its data is on screen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from screenshot_sandbox import PASSPHRASE, SANDBOX, wait  # noqa: E402,F401 - sets up first

from ui import i18n  # noqa: E402
from ui.app import AppController, make_application  # noqa: E402
from ui.qt import QWidget, QWizard  # noqa: E402
from ui.wizard import FirstRunWizard  # noqa: E402


def save(widget: QWidget, out: Path, name: str) -> None:
    wait(lambda: True)
    target = out / name
    if not widget.grab().save(str(target)):
        raise OSError(f"could not write {target}")
    print(target)


def wizard_shots(out: Path, db_path: Path) -> None:
    wizard = FirstRunWizard(db_path, use_keyring=False)
    wizard.show()
    save(wizard, out, "wizard-language.png")
    wizard.next()
    wizard.next()
    page = wizard.passphrase_page
    page.first.setText(PASSPHRASE)
    page.second.setText(PASSPHRASE[:12])
    save(wizard, out, "wizard-passphrase.png")
    page.second.setText(PASSPHRASE)
    wizard.next()
    wizard.next()  # create with the demo data
    wait(lambda: wizard.currentId() == FirstRunWizard.RECOVERY)
    save(wizard, out, "wizard-recovery-code.png")
    wizard.recovery_page.confirm.setChecked(True)
    wizard.next()
    wait(lambda: wizard.ministry_page.combo.count() > 1)
    wizard.ministry_page.choose("MoSW")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait(lambda: wizard.result() == 1)
    assert wizard.db is not None
    wizard.db.close()
    wizard.close()


def unlock_and_main_shots(out: Path, db_path: Path) -> None:
    controller = AppController(db_path, passphrase=None, use_keyring=False)
    controller.start()
    wait(lambda: controller.unlock is not None and controller.unlock.isVisible())
    dialog = controller.unlock
    assert dialog is not None
    save(dialog, out, "unlock.png")
    dialog.secret.setText("a wrong passphrase")
    dialog.unlock_button.click()
    wait(lambda: dialog.error.isVisible())
    save(dialog, out, "unlock-wrong-passphrase.png")
    dialog.secret.setText(PASSPHRASE)
    dialog.unlock_button.click()
    wait(lambda: controller.window is not None)
    window = controller.window
    assert window is not None
    overview = window.show_screen("overview")
    wait(overview.is_ready)  # type: ignore[attr-defined]
    overview.chart.show_year(12)  # type: ignore[attr-defined]
    save(window, out, "overview-en.png")
    about = window.show_screen("about")
    wait(about.is_ready)  # type: ignore[attr-defined]
    save(window, out, "about-sources.png")
    i18n.set_language("bn")
    window.show_screen("overview")
    wait(lambda: window.nav.item(0).text() != "Overview")
    save(window, out, "overview-bn.png")
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).resolve().parent.parent / "docs" / "screens")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    make_application("en")
    db_path = SANDBOX / "screens.nsssdb"
    wizard_shots(args.out, db_path)
    i18n.set_language("en")
    unlock_and_main_shots(args.out, db_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
