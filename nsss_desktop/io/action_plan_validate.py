"""Turn sheet records into plan rows, checking their meaning against the reference data.

Everything is checked and every problem kept, so the user fixes the sheet once rather than
once per error: unknown or ambiguous ministries, timeframes that look like dates but are not
(free text such as "Periodically" is fine, and text we cannot read is kept as written with a
note), duplicate numbers, and the same activity twice in an objective without a number to
tell them apart. An Objective cell left blank (not merged) means "same as the row above", as
in many retyped tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nsss_desktop.domain.numbers import to_latin_digits
from nsss_desktop.domain.timeframe import Timeframe, parse_timeframe
from nsss_desktop.errors import Problem
from nsss_desktop.io.action_plan_layout import text_key
from nsss_desktop.io.action_plan_ministries import MinistryIndex
from nsss_desktop.io.action_plan_xlsx import Cell, SheetRead, SheetRecord

__all__ = ["PlanRow", "ValidatedSheet", "normalise_number", "validate_sheet"]


@dataclass(frozen=True)
class PlanRow:
    """One activity as the sheet states it, with ministries resolved to ids."""

    row: int
    number: str  # '' when blank, or when the No. cell numbers the whole objective
    objective: str
    objective_number: str  # the merged No. of the objective, else ''
    activity: str
    indicators: tuple[str, ...]
    timeframe: Timeframe
    lead_id: str | None
    shared_ids: tuple[str, ...]  # in the order written, without the lead


@dataclass
class ValidatedSheet:
    sheet: str
    rows: list[PlanRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)


def normalise_number(text: str) -> str:
    """'১২.' -> '12': the No. as a matching key (Bangla digits and a trailing dot ignored)."""
    return to_latin_digits(text).strip().rstrip(".").strip()


class _Checker:
    def __init__(self, read: SheetRead, ministries: MinistryIndex) -> None:
        self.read = read
        self.ministries = ministries
        self.out = ValidatedSheet(read.sheet, problems=list(read.problems))
        self._seen_problems: set[tuple[object, ...]] = set()

    def problem(self, cell: Cell | None, row: int, code: str, message: str,
                note: bool = False) -> None:
        place = (cell.row, cell.column) if cell else (row, None)
        key = (*place, code, message)
        if key in self._seen_problems:  # a merged cell is read once per row it spans
            return
        self._seen_problems.add(key)
        (self.out.notes if note else self.out.problems).append(
            Problem(self.read.sheet, place[0], place[1], code, message))

    def ministries_of(self, record: SheetRecord, key: str) -> list[str]:
        cell = record.cells.get(key)
        if cell is None:
            return []
        resolved = self.ministries.resolve(cell.text)
        for name in resolved.unknown:
            self.problem(cell, record.row, "unknown_ministry",
                         f"'{name}' is not a known ministry or division (write its full English "
                         "or Bangla name, or its code).")
        for name, matches in resolved.ambiguous.items():
            self.problem(cell, record.row, "unknown_ministry",
                         f"'{name}' could mean {' or '.join(matches)}; write the full name.")
        return resolved.ids

    def timeframe_of(self, record: SheetRecord) -> Timeframe:
        tf = parse_timeframe(record.text("timeframe"))
        cell = record.cells.get("timeframe")
        if tf.kind == "invalid":
            self.problem(cell, record.row, "bad_timeframe",
                         f"'{tf.text}' looks like a date but is not one: {tf.error}.")
        elif tf.kind == "unrecognised":
            self.problem(cell, record.row, "timeframe_free_text",
                         f"'{tf.text}' is kept as written, with no due date.", note=True)
        return tf

    def run(self) -> ValidatedSheet:
        numbers: dict[str, int] = {}
        texts: dict[tuple[str, str], int] = {}
        objective = ""
        for record in self.read.records:
            objective = record.text("objective") or objective
            if not objective:
                self.problem(record.cells.get("objective"), record.row, "empty_objective",
                             "The first activity has no objective.")
            raw_number = normalise_number(record.text("number"))
            number = "" if record.number_is_objective else raw_number
            number_cell = record.cells.get("number")
            if number and number in numbers:
                self.problem(number_cell, record.row, "duplicate_number",
                             f"No. {number} is used again (first on row {numbers[number]}).")
            elif number:
                numbers[number] = record.row
            text = record.text("activity")
            if not number:
                key = (text_key(objective), text_key(text))
                if key in texts:
                    self.problem(record.cells.get("activity"), record.row, "duplicate_activity",
                                 f"The same activity, without a No., is already on row "
                                 f"{texts[key]} of this objective; give each a No.")
                texts.setdefault(key, record.row)
            lead = self.ministries_of(record, "responsible")
            shared = [m for m in [*lead[1:], *self.ministries_of(record, "shared")]
                      if m not in lead[:1]]
            self.out.rows.append(PlanRow(
                row=record.row, number=number, objective=objective,
                objective_number=raw_number if record.number_is_objective else "",
                activity=text, indicators=tuple(record.indicators),
                timeframe=self.timeframe_of(record), lead_id=lead[0] if lead else None,
                shared_ids=tuple(dict.fromkeys(shared))))
        return self.out


def validate_sheet(read: SheetRead, ministries: MinistryIndex) -> ValidatedSheet:
    """Check every record; `problems` refuse the import, `notes` are only reported."""
    return _Checker(read, ministries).run()
