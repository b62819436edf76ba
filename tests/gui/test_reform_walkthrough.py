"""A focal point's day, end to end through the real main window: open an overdue reform,
record that it is completed, attach the circular as evidence, then find it in the ministry
view and in the CMC committee summary.

Approval of the status is the one step done through the service layer here: the approval
workflow (GED's review screen) is a later issue, and until then statuses recorded in the form
are drafts, which the committee views rightly do not count. The approval is appended as a new
event, exactly as the workflow will do it.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from nsss_desktop.services import reform_status
from nsss_desktop.store import keys
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Activity, Ministry
from tests.gui.action_plan_files import minimal_pdf
from tests.gui.conftest import PASSPHRASE
from ui.main_window import MainWindow
from ui.qt import QDate, QFileDialog

TIMEOUT = 30_000


@pytest.fixture
def window(qtbot, app, demo_db, tmp_path: Path):  # noqa: ANN001, ANN201
    source, _ = demo_db
    path = tmp_path / "walk.nsssdb"
    shutil.copyfile(source, path)
    shutil.copyfile(keys.key_file_for(source), keys.key_file_for(path))
    win = MainWindow(Database.open(path, passphrase=PASSPHRASE, use_keyring=False))
    qtbot.addWidget(win)
    win.show()
    yield win
    from ui.jobs import wait_for_jobs

    wait_for_jobs()
    win.close()
    win.db.close()


def test_record_status_attach_evidence_see_it_in_ministry_and_committee_views(
        qtbot, window, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    db = window.db
    with db.reader() as s:
        target = s.scalar(select(Activity).where(Activity.timeframe_text == "June 2017"))
        mosw = s.scalar(select(Ministry).where(Ministry.code == "MoSW"))
    today, yesterday = date.today(), date.today() - timedelta(days=1)

    # 1. The Action Plan screen: the reform is overdue; open it and record "completed".
    plan = window.show_screen("action_plan")
    qtbot.waitUntil(plan.is_ready, timeout=TIMEOUT)
    dialog = plan.open_activity(target.id)
    qtbot.waitUntil(dialog.is_ready, timeout=TIMEOUT)
    form = dialog.status_tab
    form.status_combo.setCurrentIndex(form.status_combo.findData("completed"))
    form.date_edit.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    form.note_edit.setPlainText("Circular issued: age threshold 60 for men and women.")
    form.save_button.click()
    qtbot.waitUntil(lambda: dialog.detail is not None and len(dialog.detail.events) == 1,
                    timeout=TIMEOUT)

    # 2. Attach the circular (a real PDF) on the evidence tab.
    pdf = tmp_path / "circular.pdf"
    pdf.write_bytes(minimal_pdf())
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(pdf), "")))
    dialog.tabs.setCurrentWidget(dialog.evidence_tab)
    tab = dialog.evidence_tab
    tab.attach_button.click()
    attach = tab.attach_dialog
    attach.title_edit.setText("Circular on the age threshold")
    attach.buttons.button(attach.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: len(tab.files) == 1, timeout=TIMEOUT)
    dialog.close()

    # 3. GED approves the report (see the module docstring).
    reform_status.record_status(db, target.id, status="completed", event_date=yesterday,
                                note="Approved by GED", approval_state="approved")

    # 4. The ministry view: the Ministry of Social Welfare counts it as completed.
    ministries = window.show_screen("ministries")
    qtbot.waitUntil(ministries.is_ready, timeout=TIMEOUT)
    group = next(g for g in ministries.groups if g.key == mosw.id)
    assert target.id in group.counts.by_status["completed"].activity_ids
    assert target.id not in group.counts.by_status["delayed"].activity_ids

    # 5. The committee summary: completed, no longer overdue, listed with its evidence.
    committee = window.show_screen("committee")
    qtbot.waitUntil(committee.is_ready, timeout=TIMEOUT)
    summary = committee.summary
    assert summary.as_of == today
    assert target.id in summary.total.by_status["completed"].activity_ids
    assert target.id not in summary.overdue_cell.activity_ids
    (recent,) = [c for c in summary.recently_completed if c.row.activity_id == target.id]
    assert recent.evidence_count == 1 and recent.completed_on == yesterday
    assert target.id in committee.recent_list.activity_ids()
