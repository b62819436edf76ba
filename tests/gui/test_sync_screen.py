"""The Sync screen against a real GED server (uvicorn subprocess on SQLite, real SQLCipher).

GED's installation (the demo data) enrols and publishes its baseline once per module; each test
makes a fresh ministry installation (an empty database enrolled as MoSW) and drives the screen
as an officer would: Sync now, Cancel, Keep my values / Take the server's values. The window
must stay responsive while a sync waits on the network: the server process is paused
(SIGSTOP) so that a sync is provably in flight, then resumed. The automatic scheduler runs with
a one-second interval against the running server and against a stopped one. Nothing is mocked.
"""

from __future__ import annotations

import ast
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from nsss_desktop import paths
from nsss_desktop.services.demo import build_demo
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Figure
from nsss_desktop.sync_client import enrol, run, status
from nsss_desktop.sync_client.seal import seal_existing
from tests.gui.conftest import PASSPHRASE
from tests.sync.conftest import RunningServer, make_server
from tests.sync_client.conftest import outbox_rows, scalar
from ui import core_text, i18n
from ui.qt import QDialogButtonBox, QMessageBox, Qt, QTimer
from ui.screens import sync as sync_module
from ui.screens.sync import EnrolDialog, SyncScreen

TIMEOUT = 60_000


# --- a GED server with GED's baseline, and ministry installations ----------------------------


@pytest.fixture(scope="module")
def ged(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
        ) -> Iterator[tuple[RunningServer, Database]]:
    """A running server and GED's installation, enrolled, whose baseline is published."""
    folder = tmp_path_factory.mktemp("sync-screen")
    server = make_server("sqlite", folder, request)
    server.start()
    db, _ = Database.create(folder / "ged.nsssdb", PASSPHRASE, use_keyring=False)
    try:
        build_demo(db)
        enrol_with_code(db, server, "GED")
        seal_existing(db)
        assert run.sync_now(db).refusal is None
        yield server, db
    finally:
        db.close()
        server.stop()


def enrol_with_code(db: Database, server: RunningServer, ministry: str) -> None:
    enrol.enrol(db, server_url=server.base_url, code=server.enrol_code(ministry),
                root_key=server.root_public_key, environment=server.environment,
                device_name=f"{ministry} test PC")


@pytest.fixture
def server(ged: tuple[RunningServer, Database]) -> Iterator[RunningServer]:
    """The module's server, running again after a test that stopped or paused it."""
    running = ged[0]
    yield running
    if running.proc is not None and running.proc.poll() is None:
        os.kill(running.proc.pid, signal.SIGCONT)
    else:
        running.start()


@pytest.fixture
def ministry(server: RunningServer, tmp_path: Path) -> Iterator[Database]:
    """A fresh ministry installation: an empty database enrolled as MoSW, never synced."""
    db, _ = Database.create(tmp_path / "mosw.nsssdb", PASSPHRASE, use_keyring=False)
    enrol_with_code(db, server, "MoSW")
    yield db
    db.close()


@pytest.fixture
def screen(qtbot, app, ministry: Database) -> Iterator[SyncScreen]:  # noqa: ANN001
    widget = SyncScreen(ministry)
    qtbot.addWidget(widget)
    widget.resize(1180, 700)
    widget.show()
    with qtbot.waitSignal(widget.ready, timeout=TIMEOUT):
        widget.ensure_loaded()
    yield widget
    qtbot.waitUntil(lambda: not widget._busy(), timeout=TIMEOUT)
    from ui.jobs import wait_for_jobs

    wait_for_jobs()
    widget.close()


@contextmanager
def paused(server: RunningServer) -> Iterator[None]:
    """The server process stopped (SIGSTOP): requests wait, as on a very slow network."""
    assert server.proc is not None
    os.kill(server.proc.pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(server.proc.pid, signal.SIGCONT)


def mosw_figure(db: Database, n: int) -> str:
    """The n-th programme-level figure of a programme MoSW leads (MoSW owns it)."""
    return scalar(db, "SELECT f.id FROM figure f JOIN programme p ON p.id = f.programme_id "
                      "JOIN ministry m ON m.id = p.lead_ministry_id WHERE m.code = 'MoSW' AND "
                      "f.ministry_id IS NULL ORDER BY f.id LIMIT 1 OFFSET ?", n)


def set_beneficiaries(db: Database, figure_id: str, value: int) -> None:
    with db.unit_of_work(description="Enter figures") as uow:
        figure = uow.session.get(Figure, figure_id)
        assert figure is not None
        figure.active_beneficiaries = value


def beneficiaries(db: Database, figure_id: str) -> int:
    return scalar(db, "SELECT active_beneficiaries FROM figure WHERE id = ?", figure_id)


def sync(qtbot, screen: SyncScreen) -> None:  # noqa: ANN001
    """Click Sync now and wait until the sync and the refresh after it are done."""
    assert screen.sync_button.isEnabled()
    qtbot.mouseClick(screen.sync_button, Qt.MouseButton.LeftButton)
    assert screen._busy()
    qtbot.waitUntil(screen.is_ready, timeout=TIMEOUT)


def counters(screen: SyncScreen) -> dict[str, str]:
    return {key: label.text() for key, label in screen.counter_values.items()}


def cells(table, row: int) -> list[str]:  # noqa: ANN001
    return [table.item(row, col).text() for col in range(table.columnCount())]


# --- not enrolled ------------------------------------------------------------------------------


def test_not_enrolled_shows_what_enrolment_needs_and_enrols(qtbot, app, demo_db,  # noqa: ANN001
                                                            server: RunningServer) -> None:
    db = Database.open(demo_db[0], passphrase=PASSPHRASE, use_keyring=False)
    widget = SyncScreen(db)
    qtbot.addWidget(widget)
    widget.show()
    try:
        with qtbot.waitSignal(widget.ready, timeout=TIMEOUT):
            widget.ensure_loaded()
        assert "Not enrolled with the GED server" in widget.state_label.text()
        assert widget.enrol_panel.isVisible() and widget.enrol_button.isVisible()
        assert "one-time enrolment code" in widget.enrol_help.text()
        for hidden in (widget.tabs, widget.counters, widget.facts_box, widget.sync_button,
                       widget.export_button, widget.import_button, widget.cancel_button,
                       widget.progress):
            assert not hidden.isVisible()

        dialog = EnrolDialog(widget)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # all three are needed
        dialog.server.setText(server.base_url)
        dialog.code.setText(server.enrol_code("MoWCA"))
        assert not ok.isEnabled()
        dialog.root_key.setText(server.root_public_key)
        assert ok.isEnabled()

        with qtbot.waitSignal(widget.state_changed, timeout=TIMEOUT) as changed:
            widget.enrol_with(*dialog.values())
        assert changed.args == ["never synced"]
        qtbot.waitUntil(widget.is_ready, timeout=TIMEOUT)
        assert "Enrolled, never synced" in widget.state_label.text()
        assert "Enrolled as a device of MoWCA" in widget.progress_text.text()
        assert not widget.enrol_button.isVisible() and widget.sync_button.isEnabled()
        name, value = widget.facts["ministry"]
        assert "(MoWCA)" in value.text()
    finally:
        qtbot.waitUntil(lambda: not widget._busy(), timeout=TIMEOUT)
        widget.close()
        db.close()


# --- Sync now ----------------------------------------------------------------------------------


def test_sync_now_runs_in_a_worker_and_the_window_stays_responsive(
        qtbot, screen: SyncScreen, ministry: Database, server: RunningServer) -> None:  # noqa: ANN001
    assert "Enrolled, never synced" in screen.state_label.text()
    assert screen.receipt_stack.currentWidget() is screen.receipt_empty  # a hint, not a blank
    assert "No receipts yet" in screen.receipt_empty.text()
    seen: list[int] = []
    screen.progress.valueChanged.connect(seen.append)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    with paused(server):
        qtbot.mouseClick(screen.sync_button, Qt.MouseButton.LeftButton)
        # The worker waits for the server; the GUI thread keeps processing events meanwhile.
        qtbot.waitUntil(lambda: "Receiving changes" in screen.progress_text.text(),
                        timeout=TIMEOUT)
        timer.start(10)
        qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=TIMEOUT)
        assert screen._busy()
        assert screen.progress.isVisible() and screen.progress.value() == 40
        assert screen.cancel_button.isVisible() and screen.cancel_button.isEnabled()
        assert not screen.sync_button.isEnabled() and not screen.export_button.isEnabled()
        screen.tabs.setCurrentIndex(1)  # the screen itself stays usable
        assert screen.tabs.currentIndex() == 1
    timer.stop()
    qtbot.waitUntil(screen.is_ready, timeout=TIMEOUT)
    assert max(seen) == 100 and 40 in seen
    assert not screen.progress.isVisible() and not screen.cancel_button.isVisible()
    st = status.status(ministry)
    assert st.state == "synced" and st.cursor > 0
    assert "Synced" in screen.state_label.text()
    summary = screen.progress_text.text()
    assert summary.startswith("Sync finished. Nothing was waiting to be sent.")
    assert "changed row(s) received from GED" in summary
    assert screen.facts["last_sync"][1].text() not in ("", "never")

    # An edit: waiting to be sent, then delivered with a receipt.
    figure = mosw_figure(ministry, 0)
    set_beneficiaries(ministry, figure, 1_234_567)
    with qtbot.waitSignal(screen.ready, timeout=TIMEOUT):
        screen.load()
    assert counters(screen)["pending"] == "1"
    assert "Changes waiting to be sent" in screen.state_label.text()
    sync(qtbot, screen)
    assert counters(screen) == {"pending": "0", "held": "0", "acked": "1", "rejected": "0",
                                "quarantined": "0", "conflicts": "0"}
    assert "1 change set(s) sent, 1 delivered." in screen.progress_text.text()
    assert screen.receipt_stack.currentWidget() is screen.receipt_table
    assert screen.tabs.tabText(1) == "Receipts (1)"
    (row,) = outbox_rows(ministry)
    change_set, result, received, rows, entry, fingerprint = cells(screen.receipt_table, 0)
    assert (change_set, result, rows) == ("1", "delivered", "1")
    assert entry == str(row["server_seq"]) and received[:4].isdigit()
    assert fingerprint == row["payload_sha256"][:16] + "…"
    assert row["changeset_id"] in screen.receipt_table.item(0, 0).toolTip()


def test_a_conflict_shows_both_values_and_is_resolved_both_ways(
        qtbot, screen: SyncScreen, ministry: Database,  # noqa: ANN001
        ged: tuple[RunningServer, Database]) -> None:
    ged_db = ged[1]
    sync(qtbot, screen)
    assert screen.conflict_stack.currentWidget() is screen.conflict_empty
    assert not screen.keep_mine.isEnabled() and not screen.take_theirs.isEnabled()
    mine, theirs = mosw_figure(ministry, 1), mosw_figure(ministry, 2)
    for figure, local, remote in ((mine, 1_111_111, 2_222_222), (theirs, 3_333_333, 4_444_444)):
        set_beneficiaries(ged_db, figure, remote)
        set_beneficiaries(ministry, figure, local)
    assert run.sync_now(ged_db).refusal is None
    sync(qtbot, screen)
    assert "2 new conflict(s)" in screen.progress_text.text()
    assert "Conflicts to resolve" in screen.state_label.text()
    assert counters(screen)["conflicts"] == "2" and screen.tabs.tabText(0) == "Conflicts (2)"
    table = screen.conflict_table
    shown = {cells(table, r)[2]: cells(table, r) for r in range(table.rowCount())}
    what, field, your, server_value, noticed, _id = shown["11,11,111"]
    kind, label = what.split("\n")
    assert (kind, field, server_value) == ("Programme figure", "Active beneficiaries",
                                          "22,22,222")
    assert label.split()[0].isupper() and "-" in label  # the programme code and its period
    assert noticed[:4].isdigit()
    assert shown["33,33,333"][3] == "44,44,444"
    assert screen.keep_mine.isEnabled()  # the first conflict is chosen already

    def choose(local_text: str) -> None:
        row = next(r for r in range(table.rowCount()) if cells(table, r)[2] == local_text)
        table.selectRow(row)

    choose("11,11,111")
    with qtbot.waitSignal(screen.state_changed, timeout=TIMEOUT):
        qtbot.mouseClick(screen.keep_mine, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.is_ready, timeout=TIMEOUT)
    assert "your values are kept" in screen.progress_text.text()
    assert table.rowCount() == 1 and counters(screen)["conflicts"] == "1"
    assert counters(screen)["pending"] == "1"  # "keep mine" is sent again
    assert beneficiaries(ministry, mine) == 1_111_111

    choose("33,33,333")
    with qtbot.waitSignal(screen.state_changed, timeout=TIMEOUT):
        qtbot.mouseClick(screen.take_theirs, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.is_ready, timeout=TIMEOUT)
    assert "GED's values are now shown" in screen.progress_text.text()
    assert table.rowCount() == 0
    assert screen.conflict_stack.currentWidget() is screen.conflict_empty
    assert beneficiaries(ministry, theirs) == 4_444_444

    sync(qtbot, screen)
    assert status.status(ministry).state == "synced"
    run.sync_now(ged_db)
    assert beneficiaries(ged_db, mine) == 1_111_111
    assert beneficiaries(ged_db, theirs) == 4_444_444


def test_cancel_during_a_sync_leaves_a_consistent_state(
        qtbot, screen: SyncScreen, ministry: Database, server: RunningServer,  # noqa: ANN001
        ged: tuple[RunningServer, Database]) -> None:
    sync(qtbot, screen)
    figure = mosw_figure(ministry, 3)
    set_beneficiaries(ministry, figure, 7_654_321)
    with qtbot.waitSignal(screen.ready, timeout=TIMEOUT):
        screen.load()
    errors: list[QMessageBox] = []
    with paused(server):
        qtbot.mouseClick(screen.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Sending" in screen.progress_text.text(), timeout=TIMEOUT)
        qtbot.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)
        assert "Cancelling" in screen.progress_text.text()
        assert not screen.cancel_button.isEnabled()
    qtbot.waitUntil(screen.is_ready, timeout=TIMEOUT)
    errors = [w for w in screen.findChildren(QMessageBox) if w.isVisible()]
    assert errors == []  # a cancel is not an error
    assert "Sync cancelled" in screen.progress_text.text()
    assert screen.sync_button.isEnabled() and not screen.progress.isVisible()
    st = status.status(ministry)
    # The change set in flight either reached GED (receipt stored) or is still waiting: never
    # lost, never twice.
    assert st.counts["pending"] + st.counts["acked"] == 1
    assert counters(screen)["pending"] == str(st.counts["pending"])

    sync(qtbot, screen)
    st = status.status(ministry)
    assert st.state == "synced" and st.counts["acked"] == 1 and len(outbox_rows(ministry)) == 1
    run.sync_now(ged[1])
    assert beneficiaries(ged[1], figure) == 7_654_321


# --- automatic sync ----------------------------------------------------------------------------


def test_the_scheduler_syncs_when_the_server_answers_and_skips_when_it_does_not(
        qtbot, app, ministry: Database, server: RunningServer,  # noqa: ANN001
        monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.main_window import MainWindow

    monkeypatch.setenv("NSSS_SYNC_INTERVAL_S", "1")
    window = MainWindow(ministry)
    qtbot.addWidget(window)
    window.show()
    screen = window.show_screen("sync")
    assert isinstance(screen, SyncScreen)
    assert window.offline_label.text() == "Enrolled with GED, not yet synced"
    try:
        with qtbot.waitSignal(window.sync.finished, timeout=TIMEOUT):
            pass  # the first automatic sync, about a second after the window opened
        qtbot.waitUntil(lambda: window.offline_label.text() == "Synced with GED",
                        timeout=TIMEOUT)
        qtbot.waitUntil(lambda: "Synced" in screen.state_label.text(), timeout=TIMEOUT)
        assert status.status(ministry).state == "synced"

        server.stop()
        with qtbot.waitSignal(window.sync.skipped, timeout=TIMEOUT) as skipped:
            pass
        assert skipped.args == ["unreachable"]
        qtbot.waitUntil(lambda: window.offline_label.text()
                        == "GED server not reachable: working offline", timeout=TIMEOUT)
        qtbot.waitUntil(lambda: "could not be reached" in screen.progress_text.text(),
                        timeout=TIMEOUT)
        assert [w for w in window.findChildren(QMessageBox) if w.isVisible()] == []

        server.start()
        with qtbot.waitSignal(window.sync.finished, timeout=TIMEOUT):
            pass
        qtbot.waitUntil(lambda: window.offline_label.text() == "Synced with GED",
                        timeout=TIMEOUT)
    finally:
        window.sync.stop()
        qtbot.waitUntil(lambda: not window.sync.running, timeout=TIMEOUT)
        window.close()


# --- words: translated core texts and Bangla ---------------------------------------------------


def _core_strings() -> set[str]:
    """Every string constant in nsss_desktop/sync_client (implicit concatenations joined)."""
    found: set[str] = set()
    for source in (paths.resources_dir().parent / "nsss_desktop" / "sync_client").glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
            elif isinstance(node, ast.JoinedStr):
                found.update(v.value for v in node.values
                             if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return found


def test_the_listed_core_texts_are_the_core_s_own_words() -> None:
    """core_text translates by English text: a reworded core message would silently stay
    English, so every listed sync text must still exist in the core, word for word."""
    core = _core_strings()
    listed = [*core_text._SYNC_MESSAGES, *core_text._GUI_WORDING,
              *(s for s in core_text._STATUSES if s != "Reading the demo data…")]
    assert [text for text in listed if text not in core] == []
    for pattern, _template, _names in sync_module._PROGRESS_PATTERNS:
        prefix = pattern.pattern.split("(")[0]
        assert any(text.startswith(prefix) for text in core), prefix


def test_bangla_screen_and_messages(qtbot, screen: SyncScreen) -> None:  # noqa: ANN001
    sync(qtbot, screen)
    i18n.set_language("bn")
    qtbot.waitUntil(lambda: "সিঙ্ক" in screen.title.text())
    assert "সিঙ্ক করা আছে" in screen.state_label.text()
    assert screen.sync_button.text() == "এখনই সিঙ্ক করুন"
    assert screen.counter_values["acked"].text() == "০"
    assert "সিঙ্ক শেষ হয়েছে।" in screen.progress_text.text()  # the last result, re-worded
    assert sync_module.progress_text("Sending change sets 3–4") == "পরিবর্তন-সেট ৩–৪ পাঠানো হচ্ছে"
    assert sync_module.field_value("expenditure_taka", "1974.34") == "১,৯৭৪.৩৪ টাকা"
    assert core_text.message("Enrol it: nsss-desktop sync enrol --server URL --code CODE "
                             "--root-key KEY.") == ("'সিঙ্ক' পর্দায় নিবন্ধন করুন "
                                                   "('এই ইনস্টলেশন নিবন্ধন করুন…')।")
    i18n.set_language("en")
    assert core_text.message("Enrol it first: nsss-desktop sync enrol.") == \
        "Enrol it on the Sync screen (Enrol this installation…)."
