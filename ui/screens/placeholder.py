"""Screens that arrive in a coming release: a title and one line on what each will do."""

from __future__ import annotations

from ui.qt import QT_TRANSLATE_NOOP, QEvent, QLabel, Qt, QVBoxLayout, QWidget, translate

PURPOSES = {
    "action_plan": QT_TRANSLATE_NOOP(
        "Placeholders", "Track each Action Plan activity's status, comments and evidence, by "
                        "ministry and due date."),
    "programmes": QT_TRANSLATE_NOOP(
        "Placeholders", "Browse every programme with its beneficiaries, budgets and sources, "
                        "year by year."),
    "ministries": QT_TRANSLATE_NOOP(
        "Placeholders", "See each ministry's programmes, reforms and submissions in one place."),
    "clusters": QT_TRANSLATE_NOOP(
        "Placeholders", "Compare the five thematic clusters: their ministries, programmes and "
                        "totals."),
    "dashboards": QT_TRANSLATE_NOOP(
        "Placeholders", "Programme dashboards: national, by ministry, cluster and life cycle."),
    "figures_entry": QT_TRANSLATE_NOOP(
        "Placeholders", "Enter or import your ministry's programme figures for a period."),
    "pivot": QT_TRANSLATE_NOOP(
        "Placeholders", "Build your own programme tables: choose dimensions and measures."),
    "committee": QT_TRANSLATE_NOOP(
        "Placeholders", "The CMC and M&E Committee summary of reform progress across all "
                        "ministries."),
    "search": QT_TRANSLATE_NOOP(
        "Placeholders", "Search programmes, activities and comments in English and Bangla."),
    "reports": QT_TRANSLATE_NOOP(
        "Placeholders", "Prepare and print the annual NSSS report as PDF and Excel."),
    "sync": QT_TRANSLATE_NOOP(
        "Placeholders", "Submit your ministry's changes to the GED server and receive approved "
                        "data when online."),
}


class PlaceholderScreen(QWidget):
    """Always ready; says what the screen will do once it arrives."""

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key, self._title = key, title
        self.heading = QLabel()
        self.body = QLabel()
        self.body.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.retranslate_ui()

    def is_ready(self) -> bool:
        return True

    def ensure_loaded(self) -> None:
        """Nothing to load yet."""

    def retranslate_ui(self) -> None:
        self.heading.setText("<h2>{}</h2>".format(translate("Navigation", self._title)))
        self.body.setText("<p>{}</p><p>{}</p>".format(
            translate("Placeholders", "This screen arrives in a coming release."),
            translate("Placeholders", PURPOSES.get(self._key, ""))))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
