"""The Bangla catalogs are complete, keep every placeholder, match the code and the .qm files.

Style rule 9: named placeholders only, translated first and formatted after, so a translation
that drops `{path}` would raise KeyError or hide information at run time; this test stops it.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from nsss_desktop import paths

TRANSLATIONS = paths.resources_dir() / "translations"
REPO = paths.resources_dir().parent
CATALOGS = ("nsss_bn", "qtbase_bn")
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%n|%L?\d+")


def messages(ts: Path) -> list[dict[str, str | None]]:
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")]
            out.append({"context": context.findtext("name"), "source": message.findtext("source"),
                        "comment": message.findtext("comment"),
                        "translation": "|".join(forms) if forms else translation.text or "",
                        "type": translation.get("type")})
    return out


@pytest.mark.parametrize("catalog", CATALOGS)
def test_every_message_is_translated(catalog: str) -> None:
    found = messages(TRANSLATIONS / f"{catalog}.ts")
    assert found
    for m in found:
        assert m["type"] not in ("unfinished", "obsolete", "vanished"), m
        assert m["translation"].strip(), m
        # Bangla text, not a copied English string (the app's own name is the one exception).
        assert re.search("[\u0980-\u09ff]", m["translation"]), m


@pytest.mark.parametrize("catalog", CATALOGS)
def test_placeholders_and_line_breaks_survive(catalog: str) -> None:
    for m in messages(TRANSLATIONS / f"{catalog}.ts"):
        source, translation = m["source"] or "", m["translation"] or ""
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), m
        assert source.count("\n") == translation.count("\n"), m
        assert re.findall(r"</?\w+", source) == re.findall(r"</?\w+", translation), m  # markup


@pytest.mark.parametrize("catalog", CATALOGS)
def test_qm_matches_ts(app, catalog: str) -> None:  # noqa: ANN001
    """The compiled .qm gives exactly the .ts translations (so it is not stale)."""
    from ui.qt import QTranslator

    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / f"{catalog}.qm"))
    for m in messages(TRANSLATIONS / f"{catalog}.ts"):
        got = translator.translate(m["context"], m["source"], m["comment"])
        assert got == m["translation"], m


def test_ts_is_in_sync_with_the_code(tmp_path: Path) -> None:
    """Running lupdate over ui/ finds no string that nsss_bn.ts lacks (and none extra)."""
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (REPO / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True,
                   cwd=REPO)
    key = lambda m: (m["context"], m["source"], m["comment"])  # noqa: E731
    in_code = {key(m) for m in messages(fresh)}
    in_catalog = {key(m) for m in messages(TRANSLATIONS / "nsss_bn.ts")}
    assert in_code - in_catalog == set(), "run scripts/update_translations.sh and translate"
    assert in_catalog - in_code == set(), "run scripts/update_translations.sh"


def test_qt_standard_buttons_speak_bangla(qtbot, app) -> None:  # noqa: ANN001
    """PySide6 has no qtbase_bn.qm; our substitute translates Qt's own buttons, live."""
    from ui import i18n
    from ui.qt import QDialogButtonBox, QWizard

    i18n.set_language("bn")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "ঠিক আছে"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "বাতিল"
    assert QWizard().buttonText(QWizard.WizardButton.FinishButton) == "শেষ করুন"
    i18n.set_language("en")
    qtbot.waitUntil(lambda: ok.text() in ("OK", "&OK"))
