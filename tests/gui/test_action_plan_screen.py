"""The Action Plan register, its import preview and the activity detail, driven as a user would.

What the screen shows is compared with what the core returns (`register_rows`, `history`,
`thread`, `list_for_activity`), never with hard-coded demo values, and every "nothing was
written" claim is checked by counting the change journal through a reader session.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from nsss_desktop.domain.fiscal_year import Period
from nsss_desktop.services import action_plan, comments, evidence, reform_status
from nsss_desktop.services.register_views import Register
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import ChangeJournal, JournalTxn
from tests.gui.action_plan_files import minimal_pdf, minimal_png
from tests.gui.conftest import PASSPHRASE
from ui import i18n
from ui.models.register_model import COLUMN_KEYS, RegisterModel, column
from ui.qt import QDate, QPushButton, Qt, translate
from ui.screens.action_plan import ActionPlanScreen
from ui.screens.action_plan_widgets import PENDING_ROLE

TIMEOUT = 30_000


# --- fixtures and helpers ---------------------------------------------------------------------


@pytest.fixture
def db(demo_db) -> Database:  # noqa: ANN001
    path, _ = demo_db
    database = Database.open(path, passphrase=PASSPHRASE, use_keyring=False)
    yield database
    from ui.jobs import wait_for_jobs

    wait_for_jobs()
    database.close()


@pytest.fixture
def screen(qtbot, app, db) -> ActionPlanScreen:  # noqa: ANN001
    widget = ActionPlanScreen(db)
    qtbot.addWidget(widget)
    widget.resize(1180, 700)
    widget.show()
    widget.ensure_loaded()
    qtbot.waitUntil(widget.is_ready, timeout=TIMEOUT)
    return widget


def journal(db: Database) -> tuple[int, int]:
    with db.reader() as s:
        return (s.scalar(select(func.count()).select_from(JournalTxn)),
                s.scalar(select(func.count()).select_from(ChangeJournal)))


def expected_rows(db: Database, **filters: str | None) -> list[action_plan.RegisterRow]:
    with db.reader() as s:
        return action_plan.register_rows(s, as_of=date.today(), **filters)


def shown_ids(screen: ActionPlanScreen) -> list[str]:
    return [screen.proxy.index(i, 0).data(Qt.ItemDataRole.UserRole).activity_id
            for i in range(screen.proxy.rowCount())]


def cell(screen: ActionPlanScreen, activity_id: str, key: str, role: int = 0) -> object:
    row = screen.model.row_of(activity_id)
    return screen.model.data(screen.model.index(row, column(key)), role)


def open_detail(qtbot, screen: ActionPlanScreen, activity_id: str):  # noqa: ANN001, ANN201
    dialog = screen.open_detail(activity_id)
    qtbot.waitUntil(dialog.is_ready, timeout=TIMEOUT)
    return dialog


# --- the register -----------------------------------------------------------------------------


def test_register_shows_the_demo_plans_like_the_core(qtbot, screen, db) -> None:  # noqa: ANN001
    expected = expected_rows(db)
    assert len(expected) > 0 and shown_ids(screen) == [r.activity_id for r in expected]
    assert screen.model.columnCount() == len(COLUMN_KEYS)
    for r in expected:
        assert cell(screen, r.activity_id, "number") == r.number
        assert cell(screen, r.activity_id, "activity") == r.activity
        assert cell(screen, r.activity_id, "responsible") == r.responsible
        assert cell(screen, r.activity_id, "shared") == "; ".join(r.shared)
        assert cell(screen, r.activity_id, "indicators") == "\n".join(
            f"• {i}" for i in r.indicators)
        label = translate("ActivityStatus", {"delayed": "Delayed", "not_started": "Not started",
                                             "in_progress": "In progress",
                                             "completed": "Completed",
                                             "dropped": "Dropped"}[r.status])
        assert cell(screen, r.activity_id, "status") == label
    assert any(r.overdue for r in expected)  # the demo has overdue activities: "Delayed"

    # Several plans side by side: one plan at a time, or all of them.
    plans = {r.plan_code for r in expected}
    assert len(plans) >= 2 and screen.plan_combo.count() == len(plans) + 1
    with db.reader() as s:
        plan = action_plan.get_plan(s, "AP2016")
    screen.choose_plan("AP2016")
    assert shown_ids(screen) == [r.activity_id for r in expected_rows(db, plan_id=plan.id)]
    assert screen.table.isColumnHidden(column("plan")) and screen.export_button.isEnabled()
    screen.choose_plan(None)
    assert not screen.table.isColumnHidden(column("plan"))

    # Ministry filter keeps activities the ministry leads or shares.
    lead = next(r for r in expected if r.shared_ids)
    for ministry_id in (lead.responsible_id, lead.shared_ids[0]):
        screen.choose_ministry(ministry_id)
        assert shown_ids(screen) == [r.activity_id
                                     for r in expected_rows(db, ministry_id=ministry_id)]
    screen.choose_ministry(None)

    # Text filter, case-insensitive, over every column.
    word = lead.activity.split()[2].upper()
    qtbot.keyClicks(screen.filter_edit, word)
    assert shown_ids(screen) == [r.activity_id for r in expected
                                 if word.casefold() in screen.model.search_text(
                                     screen.model.row_of(r.activity_id))]
    assert lead.activity_id in shown_ids(screen) and len(shown_ids(screen)) < len(expected)
    screen.filter_edit.clear()
    assert len(shown_ids(screen)) == len(expected)

    # Keyboard: Enter on the selected row opens its detail.
    assert screen.select_activity(lead.activity_id)
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert screen.detail is not None and screen.detail.activity_id == lead.activity_id
    qtbot.waitUntil(screen.detail.is_ready, timeout=TIMEOUT)
    screen.detail.close()


def test_register_model_contract(qtmodeltester, app, db) -> None:  # noqa: ANN001
    model = RegisterModel()
    model.set_register(Register(tuple(expected_rows(db)), {}, date.today()))
    qtmodeltester.check(model)


# --- import and export ------------------------------------------------------------------------


def test_import_preview_lists_problems_and_writes_nothing(qtbot, screen, db,  # noqa: ANN001
                                                          tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "AP2016"
    sheet.append(["No.", "Objective", "Performance indicators", "Timeframe",
                  "Responsible ministry"])  # no "Activities" column
    sheet.append([1, "Old Age Allowance", "Circular issued", "June 2017",
                  "Ministry of Social Welfare"])
    path = tmp_path / "malformed.xlsx"
    book.save(path)
    before = journal(db)
    dialog = screen.preview_import(path, "AP2016")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.problems), timeout=TIMEOUT)
    assert dialog.problem_table.isVisible() and not dialog.tree.isVisible()
    assert dialog.problem_table.rowCount() == len(dialog.problems)
    codes = {p.code for p in dialog.problems}
    assert "missing_column" in codes
    first = dialog.problems[0]
    assert dialog.problem_table.item(0, 0).text() == first.location
    assert first.location.startswith("AP2016")
    assert dialog.problem_table.item(0, 1).text() == "A required column is missing"
    assert dialog.problem_table.item(0, 2).text() == first.message
    assert "Nothing was written" in dialog.summary.text() and dialog.summary.kind == "error"
    assert not dialog.import_button.isEnabled()
    assert journal(db) == before


def test_export_edit_reimport_previews_one_update_and_applies_it(qtbot, screen, db,  # noqa: ANN001
                                                                 tmp_path: Path) -> None:
    job = screen.export_to("AP2016", tmp_path / "AP2016")  # the .xlsx suffix is added
    qtbot.waitUntil(lambda: job.done, timeout=TIMEOUT)
    exported = tmp_path / "AP2016.xlsx"
    assert exported.exists() and str(exported) in screen.message.text()

    target = expected_rows(db)[2]
    book = openpyxl.load_workbook(exported)
    sheet = book.active
    row = next(r for r in range(1, sheet.max_row + 1)
               if str(sheet.cell(r, 1).value) == target.number)
    assert sheet.cell(row, 3).value == target.activity
    edited = target.activity + " (revised)"
    sheet.cell(row, 3).value = edited
    book.save(exported)

    before = journal(db)
    dialog = screen.preview_import(exported, "AP2016")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT)
    report = dialog.report
    assert (len(report.to_insert), len(report.to_update)) == (0, 1) and not report.written
    assert journal(db) == before  # the preview wrote nothing
    groups = {dialog.tree.topLevelItem(i).text(0): dialog.tree.topLevelItem(i)
              for i in range(dialog.tree.topLevelItemCount())}
    changed = groups["Changed activities (1)"]
    change = changed.child(0).child(0)
    assert change.text(0) == "Activity"
    assert change.text(1) == f"{target.activity}\n→ {edited}"
    assert dialog.import_button.isEnabled()

    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.job is not None and dialog.job.done, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: cell(screen, target.activity_id, "activity") == edited,
                    timeout=TIMEOUT)
    assert [r.activity for r in expected_rows(db) if r.activity_id == target.activity_id] == [
        edited]
    assert journal(db)[0] == before[0] + 1
    assert screen.message.kind == "success" and "1 updated" in screen.message.text()


# --- activity detail: status ------------------------------------------------------------------


def test_recording_a_status_appends_an_event_and_updates_the_row(qtbot, screen,  # noqa: ANN001
                                                                 db) -> None:  # noqa: ANN001
    target = expected_rows(db)[0]
    dialog = open_detail(qtbot, screen, target.activity_id)
    form = dialog.status_tab
    assert form.history.rowCount() == 0 and not form.is_dirty()
    form.status_combo.setCurrentIndex(form.status_combo.findData("in_progress"))
    yesterday = date.today() - timedelta(days=1)
    form.date_edit.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    form.note_edit.setPlainText("Draft circular sent to the Finance Division.")
    assert form.is_dirty() and form.discard_button.isEnabled()
    form.save_button.click()
    qtbot.waitUntil(lambda: dialog.detail is not None and len(dialog.detail.events) == 1,
                    timeout=TIMEOUT)
    with db.reader() as s:
        (event,) = reform_status.history(s, target.activity_id)
    assert (event.status, event.event_date, event.approval_state) == (
        "in_progress", yesterday, "draft")
    assert event.reporting_period == str(Period.containing(yesterday, "quarter"))
    assert form.history.item(0, 2).text() == "In progress"
    assert form.history.item(0, 5).text() == "Draft"
    assert not form.is_dirty() and form.message.kind == "success"
    # The register reloads: the row shows the draft and the date of the last update.
    qtbot.waitUntil(lambda: cell(screen, target.activity_id, "status", PENDING_ROLE)
                    == "In progress (draft)", timeout=TIMEOUT)
    assert cell(screen, target.activity_id, "last_update") == QDate(
        yesterday.year, yesterday.month, yesterday.day).toString("d MMM yyyy")
    dialog.close()


def test_status_form_refuses_inline_and_escape_discards(qtbot, screen, db) -> None:  # noqa: ANN001
    target = expected_rows(db)[1]
    dialog = open_detail(qtbot, screen, target.activity_id)
    form = dialog.status_tab
    before = journal(db)
    form.save_button.click()  # no status chosen
    assert form.status_error.isVisible() and "Choose the status" in form.status_error.text()
    tomorrow = date.today() + timedelta(days=1)
    form.status_combo.setCurrentIndex(form.status_combo.findData("completed"))
    form.date_edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    form.period_combo.setCurrentText("next spring")
    form.save_button.click()
    assert not form.status_error.isVisible()
    assert form.date_error.isVisible() and "cannot be after today" in form.date_error.text()
    assert form.period_error.isVisible() and "fiscal year" in form.period_error.text()
    assert form.job is None and journal(db) == before

    # Esc restores the form (and does not close the dialog); the next Esc closes it.
    form.note_edit.setPlainText("not saved")
    assert form.is_dirty()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not form.is_dirty() and form.status_combo.currentIndex() == 0
    assert form.note_edit.toPlainText() == "" and dialog.isVisible()
    assert form.date_edit.date().toPython() == date.today()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


# --- activity detail: comments ----------------------------------------------------------------


def test_comment_and_reply_are_threaded_and_append_only(qtbot, screen, db) -> None:  # noqa: ANN001
    target = expected_rows(db)[0]
    dialog = open_detail(qtbot, screen, target.activity_id)
    dialog.tabs.setCurrentWidget(dialog.comments_tab)
    tab = dialog.comments_tab
    assert not tab.add_button.isEnabled()  # nothing typed yet
    qtbot.keyClicks(tab.editor, "Circular drafted; awaiting Finance Division.")
    tab.add_button.click()
    qtbot.waitUntil(lambda: tab.tree.topLevelItemCount() == 1, timeout=TIMEOUT)
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0))
    qtbot.keyClicks(tab.editor, "Correction: awaiting the Cabinet Division.")
    tab.reply_button.click()
    qtbot.waitUntil(lambda: tab.tree.topLevelItemCount() == 1
                    and tab.tree.topLevelItem(0).childCount() == 1, timeout=TIMEOUT)
    with db.reader() as s:
        (root,) = comments.thread(s, target.activity_id)
    assert tab.tree.topLevelItem(0).text(0) == root.body
    assert tab.tree.topLevelItem(0).child(0).text(0) == root.replies[0].body
    assert "Correction" in root.replies[0].body
    assert dialog.tabs.tabText(1).replace("&", "") == "Comments (2)"
    texts = {b.text().replace("&", "").lower() for b in dialog.findChildren(QPushButton)}
    assert not any(word in t for t in texts for word in ("edit", "delete", "remove"))
    dialog.close()


# --- activity detail: evidence ----------------------------------------------------------------


def test_evidence_attach_refuse_open_and_save_a_copy(qtbot, screen, db, tmp_path: Path,  # noqa: ANN001
                                                     monkeypatch) -> None:  # noqa: ANN001
    target = expected_rows(db)[0]
    dialog = open_detail(qtbot, screen, target.activity_id)
    dialog.tabs.setCurrentWidget(dialog.evidence_tab)
    tab = dialog.evidence_tab
    pdf = tmp_path / "circular-2017.pdf"
    pdf.write_bytes(minimal_pdf())

    # Attach through the button: file dialog (patched), then the title/kind/date form.
    from ui.qt import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(pdf), "")))
    tab.attach_button.click()
    form = tab.attach_dialog
    assert form is not None and form.title_edit.text() == "circular-2017"
    form.title_edit.setText("Circular on the age threshold")
    form.dated.setChecked(True)
    form.date_edit.setDate(QDate(2017, 6, 1))
    form.buttons.button(form.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: len(tab.files) == 1, timeout=TIMEOUT)
    with db.reader() as s:
        (stored,) = evidence.list_for_activity(s, target.activity_id)
    assert (stored.title, stored.kind, stored.document_date, stored.media_type) == (
        "Circular on the age threshold", "circular", date(2017, 6, 1), "application/pdf")
    assert [tab.table.item(0, c).text() for c in (0, 1, 4)] == [
        "Circular on the age threshold", "Circular", "PDF"]
    assert tab.message.kind == "success"
    qtbot.waitUntil(lambda: cell(screen, target.activity_id, "evidence") == "1",
                    timeout=TIMEOUT)

    # A program renamed .pdf is refused by its bytes, with the specific message, inline.
    fake = tmp_path / "annual-report.pdf"
    fake.write_bytes(b"MZ\x90\x00" + b"\x00" * 60 + b"This program cannot be run in DOS mode")
    before = journal(db)
    job = tab.attach_file(fake, "Annual report", "report")
    qtbot.waitUntil(lambda: job.done, timeout=TIMEOUT)
    assert tab.message.kind == "error" and tab.message.isVisible()
    assert tab.message.text() == ("This file is an EXE program, not a PDF: only PDF, images, "
                                  "Word, Excel and PowerPoint files are accepted.")
    assert journal(db) == before and len(tab.files) == 1

    # Save a copy: the verified bytes, under the safe display name, in the chosen folder.
    tab.table.selectRow(0)
    folder = tmp_path / "copies"
    folder.mkdir()
    job = tab.save_copy_to(folder)
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=TIMEOUT)
    assert tab.last_copy is not None and tab.last_copy.parent == folder
    assert tab.last_copy.read_bytes() == pdf.read_bytes()
    assert tab.last_copy.name == "circular-2017.pdf"
    assert list(folder.iterdir()) == [tab.last_copy]  # no partial file left behind

    # Open an image: previewed from memory, nothing written to disk.
    image = tmp_path / "site-visit.png"
    image.write_bytes(minimal_png())
    job = tab.attach_file(image, "Site visit photo", "photo")
    qtbot.waitUntil(lambda: len(tab.files) == 2, timeout=TIMEOUT)
    tab.table.selectRow(1)
    job = tab.preview_image(tab.selected())
    qtbot.waitUntil(lambda: job.done, timeout=TIMEOUT)
    assert tab.preview_box.isVisible() and not tab.preview.pixmap().isNull()
    assert list(folder.iterdir()) == [tab.last_copy]
    dialog.close()


def test_register_in_bangla(qtbot, screen, db) -> None:  # noqa: ANN001
    target = next(r for r in expected_rows(db) if r.responsible_bn)
    i18n.set_language("bn")
    qtbot.waitUntil(lambda: screen.plan_combo.itemText(0) != "All plans")  # LanguageChange
    assert screen.model.headerData(column("status"), Qt.Orientation.Horizontal) == translate(
        "RegisterColumns", "Status") != "Status"
    assert cell(screen, target.activity_id, "responsible") == target.responsible_bn
    assert cell(screen, target.activity_id, "status") == translate(
        "ActivityStatus", "Delayed" if target.status == "delayed" else "Not started")
    assert cell(screen, target.activity_id, "number") == i18n.digits(target.number)
    assert screen.plan_combo.itemText(0) == translate("ActionPlanScreen", "All plans")
    assert screen.plan_combo.itemText(0) != "All plans"
