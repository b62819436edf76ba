"""About and sources: what the data is, how one figure is chosen, and where every figure is from.

The figure-choice rule is the one documented in `nsss_desktop/services/figures.py`; it is
repeated here as translatable text because users must be able to read it in Bangla.
"""

from __future__ import annotations

from nsss_desktop import __version__
from nsss_desktop.services import overview
from nsss_desktop.services.tables import DashboardTable
from nsss_desktop.store.database import Database
from ui import i18n
from ui.jobs import Job
from ui.models.table_model import DashboardTableModel
from ui.qt import (
    QAbstractItemView,
    QEvent,
    QHeaderView,
    QLabel,
    QResizeEvent,
    QSplitter,
    Qt,
    QTableView,
    QTextBrowser,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
)

SOURCE_COLUMN_WIDTHS = {"code": 220, "title": 250}


class AboutScreen(QWidget):
    ready = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._loaded = False
        self._job: Job[DashboardTable] | None = None
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.sources_title = QLabel()
        self.model = DashboardTableModel(lang=i18n.current_language(), parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.address = QLabel()
        self.address.setWordWrap(True)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.sources_title)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.address)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.text)
        splitter.addWidget(right)
        splitter.setSizes([400, 760])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.retranslate_ui()

    def is_ready(self) -> bool:
        return self._loaded

    def ensure_loaded(self) -> None:
        if not self._loaded and (self._job is None or self._job.done):
            db = self._db  # workers capture data, never a widget
            self._job = Job(self, lambda _state: overview.sources(db), progress=False)
            self._job.success(self._show).start()

    def _show(self, table: DashboardTable) -> None:
        self.model.set_table(table)
        keys = [c.key for c in table.columns]
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for key, width in SOURCE_COLUMN_WIDTHS.items():
            if key in keys:
                header.resizeSection(keys.index(key), width)
        if "url" in keys:  # shown below the table for the selected source, in full
            self.table.setColumnHidden(keys.index("url"), True)
        qconnect(self.table.selectionModel().currentRowChanged,
                 lambda current, _previous: self._show_address(current.row()))
        self._loaded = True
        self.retranslate_ui()
        # Once the columns are laid out; the table as context drops the call if it is gone.
        QTimer.singleShot(0, self.table, self.table.resizeRowsToContents)
        self.ready.emit()

    def _show_address(self, row: int) -> None:
        table = self.model.table
        if table is None or not 0 <= row < len(table.rows):
            self.address.setText(self.tr("Select a source to see its web address."))
            return
        self.address.setText(self.tr("Address: {url}").format(url=table.rows[row].get("url")
                                                               or "—"))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._loaded:
            QTimer.singleShot(0, self.table, self.table.resizeRowsToContents)

    def _rule_html(self) -> str:
        steps = [
            self.tr("the most final stage: actual, then revised budget, then reported, then "
                    "proposed;"),
            self.tr("then a government source (department or ministry portal) over the press;"),
            self.tr("then the most precise figure (4350.97 over 4351: the same figure, less "
                    "rounded);"),
            self.tr("then the source code, alphabetically, so the choice never depends on load "
                    "order."),
        ]
        counting = self.tr(
            "A programme-level figure counts once in every total that spans ministries; where "
            "only per-ministry shares exist, the programme value is their sum. A component "
            "programme is left out of a total in any year its aggregate has a value for the "
            "measure, published national totals are never added to programmes, and programmes "
            "counted in families are kept apart from those counted in persons.")
        return "<p>{}</p><ol>{}</ol><p>{}</p>".format(
            self.tr("The real data has several sources and budget stages for one "
                    "programme-year. The dashboards pick one value per programme, fiscal year "
                    "and measure by this stated rule:"),
            "".join(f"<li>{i18n.digits(step)}</li>" for step in steps), counting)

    def retranslate_ui(self) -> None:
        html = [
            "<h2>{}</h2>".format(self.tr("NSSS M&amp;E Desktop")),
            "<p>{}</p>".format(self.tr("Version {version}").format(
                version=i18n.digits(__version__))),
            "<p>{}</p>".format(self.tr(
                "Offline monitoring and evaluation of Bangladesh's National Social Security "
                "Strategy (NSSS) for ministries and the General Economics Division (GED).")),
            "<h3>{}</h3>".format(self.tr("What the data is")),
            "<p>{}</p>".format(self.tr(
                "The demo data are real public figures: NSSS Action Plan rows, thematic "
                "clusters, ministries, and programme beneficiaries and budgets as published by "
                "ministries, departments and the press. Each figure keeps its source and budget "
                "stage; nothing is invented. They are for trying the app out and are not an "
                "official statement of the NSSS.")),
            "<p><b>{}</b></p>".format(self.tr(
                "The thematic cluster and life-cycle stage of each programme are demo "
                "(synthetic) assignments where marked 'demo': no source gives them.")),
            "<h3>{}</h3>".format(self.tr("How one figure is chosen")),
            self._rule_html(),
        ]
        self.text.setHtml("".join(html))
        count = len(self.model.table.rows) if self.model.table else 0
        self.sources_title.setText("<h3>{}</h3>".format(
            self.tr("Sources ({count})").format(count=i18n.number(count, 0))))
        self.model.set_language(i18n.current_language())
        self._show_address(self.table.currentIndex().row())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
