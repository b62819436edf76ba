"""The choices of a programme report: rows, columns, measures, fiscal years, filters, scope.

`PivotOptions.definition()` turns what is chosen into the core's `PivotDefinition` (the core
checks it: a dimension used twice, or gender with area, is refused with a message), and
`set_definition()` shows a saved one. Filter lists are filled from the core's
`programme_report.FilterChoices`, loaded by the screen in a worker. A filter that a saved
definition gives several codes for (possible from the CLI) appears as one entry listing them,
so loading and saving again keeps it whole.
"""

from __future__ import annotations

from nsss_desktop.reports.programme_report import FilterChoices
from nsss_desktop.services.programme_pivot import DIMENSIONS, MEASURE_KEYS, PivotDefinition
from ui import i18n
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
    translate,
)

DIMENSION_LABELS = {
    "ministry": QT_TRANSLATE_NOOP("PivotDimension", "Ministry or division"),
    "cluster": QT_TRANSLATE_NOOP("PivotDimension", "Thematic cluster"),
    "life_cycle": QT_TRANSLATE_NOOP("PivotDimension", "Life cycle stage"),
    "programme": QT_TRANSLATE_NOOP("PivotDimension", "Programme"),
    "fiscal_year": QT_TRANSLATE_NOOP("PivotDimension", "Fiscal year"),
    "period": QT_TRANSLATE_NOOP("PivotDimension", "Period within the year"),
    "gender": QT_TRANSLATE_NOOP("PivotDimension", "Gender"),
    "area": QT_TRANSLATE_NOOP("PivotDimension", "Area (rural, urban)"),
}
MEASURE_LABELS = {
    "active_beneficiaries": QT_TRANSLATE_NOOP("PivotMeasure", "Beneficiaries"),
    "cumulative_beneficiaries": QT_TRANSLATE_NOOP("PivotMeasure", "Cumulative beneficiaries"),
    "budget": QT_TRANSLATE_NOOP("PivotMeasure", "Budget (revised, else original)"),
    "budget_original": QT_TRANSLATE_NOOP("PivotMeasure", "Original budget"),
    "budget_revised": QT_TRANSLATE_NOOP("PivotMeasure", "Revised budget"),
    "expenditure": QT_TRANSLATE_NOOP("PivotMeasure", "Expenditure"),
    "amount_disbursed": QT_TRANSLATE_NOOP("PivotMeasure", "Amount disbursed"),
    "benefit_value": QT_TRANSLATE_NOOP("PivotMeasure", "Benefit per beneficiary"),
}
SCOPE_LABELS = {
    "approved": QT_TRANSLATE_NOOP("PivotScope", "Approved figures"),
    "submitted": QT_TRANSLATE_NOOP("PivotScope", "Approved and submitted"),
    "working": QT_TRANSLATE_NOOP("PivotScope", "All, drafts included"),
}
assert set(DIMENSION_LABELS) == set(DIMENSIONS) and set(MEASURE_LABELS) == set(MEASURE_KEYS)
ADJUST = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
FILTERS = ("ministries", "clusters", "life_cycles", "programmes")
ALL_LABELS = {
    "ministries": QT_TRANSLATE_NOOP("PivotFilter", "All ministries"),
    "clusters": QT_TRANSLATE_NOOP("PivotFilter", "All clusters"),
    "life_cycles": QT_TRANSLATE_NOOP("PivotFilter", "All life cycle stages"),
    "programmes": QT_TRANSLATE_NOOP("PivotFilter", "All programmes"),
}


class PivotOptions(QWidget):
    """The form; every control is a standard, keyboard-reachable widget with a buddy label."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = FilterChoices()
        self.rows = [QComboBox(), QComboBox()]
        self.columns = QComboBox()
        self.measures = {m: QCheckBox() for m in MEASURE_KEYS}
        self.first_year, self.last_year = QComboBox(), QComboBox()
        self.scope = QComboBox()
        self.filters = {f: QComboBox() for f in FILTERS}
        for combo in self.filters.values():
            combo.setSizeAdjustPolicy(ADJUST)
            combo.setMinimumContentsLength(24)
        for key in DIMENSIONS:
            self.rows[0].addItem("", key)
        for combo in (self.rows[1], self.columns):
            combo.addItem("", "")
            for key in DIMENSIONS:
                combo.addItem("", key)
        for key in SCOPE_LABELS:
            self.scope.addItem("", key)
        self.labels = {k: QLabel() for k in ("rows", "then", "columns", "measures", "years",
                                              "to", "scope", *FILTERS)}
        buddies = {"rows": self.rows[0], "then": self.rows[1], "columns": self.columns,
                   "measures": self.measures["active_beneficiaries"], "years": self.first_year,
                   "to": self.last_year, "scope": self.scope, **self.filters}
        for key, widget in buddies.items():
            self.labels[key].setBuddy(widget)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        line = QHBoxLayout()
        for widget in (self.rows[0], self.labels["then"], self.rows[1], self.labels["columns"],
                       self.columns):
            line.addWidget(widget)
        line.addStretch(1)
        grid.addWidget(self.labels["rows"], 0, 0)
        grid.addLayout(line, 0, 1, 1, 5)
        grid.addWidget(self.labels["measures"], 1, 0)
        boxes = QGridLayout()
        for i, box in enumerate(self.measures.values()):
            boxes.addWidget(box, i // 4, i % 4)
        grid.addLayout(boxes, 1, 1, 1, 5)
        years = QHBoxLayout()
        for widget in (self.first_year, self.labels["to"], self.last_year,
                       self.labels["scope"], self.scope):
            years.addWidget(widget)
        years.addStretch(1)
        grid.addWidget(self.labels["years"], 2, 0)
        grid.addLayout(years, 2, 1, 1, 5)
        filters = QGridLayout()
        for i, key in enumerate(FILTERS):
            filters.addWidget(self.labels[key], i // 2, 2 * (i % 2))
            filters.addWidget(self.filters[key], i // 2, 2 * (i % 2) + 1)
        filters.setColumnStretch(4, 1)
        grid.addLayout(filters, 3, 0, 1, 6)
        grid.setColumnStretch(5, 1)
        self.set_definition(PivotDefinition(rows=("ministry",), columns="fiscal_year"))
        self.retranslate_ui()

    # --- choices -----------------------------------------------------------------------------

    def set_choices(self, choices: FilterChoices) -> None:
        keep = self.definition_fields()
        self._choices = choices
        for combo, open_text in ((self.first_year, "first"), (self.last_year, "last")):
            combo.clear()
            combo.addItem(open_text, "")
            for fy in choices.years:
                combo.addItem(str(fy), str(fy))
        for key, combo in self.filters.items():
            combo.clear()
            combo.addItem("", "")
            for code, _en, _bn in choices.lists.get(key, []):
                combo.addItem("", code)
        self._apply(keep)
        self.retranslate_ui()

    # --- the definition ----------------------------------------------------------------------

    def definition_fields(self) -> dict[str, object]:
        rows = [c.currentData() for c in self.rows if c.currentData()]
        return {
            "rows": tuple(dict.fromkeys(rows)), "columns": self.columns.currentData() or None,
            "measures": tuple(m for m, box in self.measures.items() if box.isChecked()),
            "first_year": self.first_year.currentData() or None,
            "last_year": self.last_year.currentData() or None, "scope": self.scope.currentData(),
            **{key: tuple(c for c in (combo.currentData() or "").split(",") if c)
               for key, combo in self.filters.items()},
        }

    def definition(self, name: str = "") -> PivotDefinition:
        """The chosen report; UsageError (shown by the screen) when it cannot be run."""
        return PivotDefinition(name=name, **self.definition_fields())  # type: ignore[arg-type]

    def set_definition(self, definition: PivotDefinition) -> None:
        data = definition.to_dict()
        self._apply({**data, "rows": tuple(data["rows"]),
                     **{key: tuple(data[key]) for key in FILTERS}})

    def _apply(self, data: dict[str, object]) -> None:
        rows = list(data.get("rows") or ("ministry",))  # type: ignore[call-overload]
        self._select(self.rows[0], rows[0])
        self._select(self.rows[1], rows[1] if len(rows) > 1 else "")
        self._select(self.columns, data.get("columns") or "")
        measures = set(data.get("measures") or ())  # type: ignore[call-overload]
        for key, box in self.measures.items():
            box.setChecked(key in measures)
        self._select(self.first_year, data.get("first_year") or "", add=True)
        self._select(self.last_year, data.get("last_year") or "", add=True)
        self._select(self.scope, data.get("scope") or "approved")
        for key, combo in self.filters.items():
            codes = ",".join(data.get(key) or ())  # type: ignore[call-overload]
            if codes and combo.findData(codes) < 0:
                combo.addItem(codes.replace(",", ", "), codes)  # several codes, or not listed
            self._select(combo, codes)

    @staticmethod
    def _select(combo: QComboBox, value: object, add: bool = False) -> None:
        index = combo.findData(value)
        if index < 0 and add and value:
            combo.addItem(str(value), value)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        texts = {"rows": self.tr("&Rows:"), "then": self.tr("then"),
                 "columns": self.tr("&Columns across:"), "measures": self.tr("&Measures:"),
                 "years": self.tr("&Fiscal years:"), "to": self.tr("to"),
                 "scope": self.tr("Da&ta:"), "ministries": self.tr("M&inistry:"),
                 "clusters": self.tr("C&luster:"), "life_cycles": self.tr("Life c&ycle:"),
                 "programmes": self.tr("&Programme:")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        for i, key in enumerate(DIMENSIONS):
            label = translate("PivotDimension", DIMENSION_LABELS[key])
            self.rows[0].setItemText(i, label)
            self.rows[1].setItemText(i + 1, label)
            self.columns.setItemText(i + 1, label)
        self.rows[1].setItemText(0, self.tr("(nothing more)"))
        self.columns.setItemText(0, self.tr("(none: measures only)"))
        for key, box in self.measures.items():
            box.setText(translate("PivotMeasure", MEASURE_LABELS[key]))
        for i, key in enumerate(SCOPE_LABELS):
            self.scope.setItemText(i, translate("PivotScope", SCOPE_LABELS[key]))
        self.first_year.setItemText(0, self.tr("(first)"))
        self.last_year.setItemText(0, self.tr("(latest)"))
        for combo in (self.first_year, self.last_year):
            for i in range(1, combo.count()):
                combo.setItemText(i, i18n.digits(str(combo.itemData(i))))
        bangla = i18n.current_language() == "bn"
        names = {key: {code: bn if bangla else en
                       for code, en, bn in self._choices.lists.get(key, [])} for key in FILTERS}
        for key, combo in self.filters.items():
            combo.setItemText(0, translate("PivotFilter", ALL_LABELS[key]))
            for i in range(1, combo.count()):
                codes = str(combo.itemData(i))
                label = names[key].get(codes) or codes.replace(",", ", ")
                combo.setItemText(i, f"{codes} – {label}" if key == "programmes"
                                  and codes in names[key] else label)
