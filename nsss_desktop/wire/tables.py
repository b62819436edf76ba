"""Which tables sync, how their columns travel, and who owns a row.

Columns travel under their own names except money: a ``*_poisha`` column travels as
``*_taka``, a decimal string with two places (``"1974.34"``, never a JSON number), and
`programme_target.value` (poisha, persons or hundredths of a percent) as a string of digits.
Dates travel as ISO strings. The column lists come from the desktop's SQLAlchemy models, so the
server and the client can never disagree about them.

Ownership (rule 11): reference data (ministries, programmes, clusters, the Action Plan) belongs
to GED; a figure, target or disaggregation to the ministry it is reported for (or the
programme's lead ministry when it is a programme-level figure); a reform's status events,
comments and evidence to the reform's responsible ministry. A source (the document figures were
read from) belongs to whoever created it: a ministry importing a Finance Division table creates
the source with its figures, so the new row is owned by that ministry; an existing source keeps
the owner the server recorded at its creation. GED's own devices may write any row.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from nsss_desktop.wire.canonical import WireError

GED = "GED"

# In dependency order: a parent table always comes before the tables that refer to it.
SYNC_TABLES: tuple[str, ...] = (
    "source", "ministry", "cluster", "cluster_member", "life_cycle_stage", "programme",
    "programme_ministry", "programme_life_cycle", "figure", "figure_disaggregation",
    "programme_target", "action_plan", "objective", "activity", "activity_shared_ministry",
    "indicator", "status_event", "comment", "evidence",
)
# How the owner of a row is found (the desktop computes it, the server records it at creation).
OWNER_RULES: dict[str, str] = {
    "source": "creator",                     # the creating device's ministry, recorded at creation
    **dict.fromkeys((
        "ministry", "cluster", "cluster_member", "life_cycle_stage", "programme",
        "programme_ministry", "programme_life_cycle", "action_plan", "objective", "activity",
        "activity_shared_ministry", "indicator"), "ged"),
    "figure": "figure",                      # ministry_id, else the programme's lead ministry
    "programme_target": "figure",
    "figure_disaggregation": "parent_figure",
    "status_event": "activity",              # the activity's responsible ministry
    "comment": "activity",
    "evidence": "activity",
}
APPEND_ONLY = frozenset({"status_event", "comment"})

_TAKA = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]{2}")
_DIGITS = re.compile(r"-?(0|[1-9][0-9]*)")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _model_columns() -> dict[str, dict[str, str]]:
    """table -> {local column -> codec} for every synced table, read from the models."""
    from sqlalchemy import BigInteger, Boolean, Date, Integer

    from nsss_desktop.store.models import Base

    out: dict[str, dict[str, str]] = {}
    for name in SYNC_TABLES:
        cols: dict[str, str] = {}
        for col in Base.metadata.tables[name].columns:
            if col.name == "id":
                continue
            if col.name.endswith("_poisha"):
                codec = "taka"
            elif name == "programme_target" and col.name == "value":
                codec = "digits"
            elif isinstance(col.type, Boolean):
                codec = "bool"
            elif isinstance(col.type, Date):
                codec = "date"
            elif isinstance(col.type, BigInteger | Integer):
                codec = "int"
            else:
                codec = "text"
            cols[col.name] = codec
        out[name] = cols
    return out


COLUMNS: dict[str, dict[str, str]] = _model_columns()


def wire_name(column: str, codec: str) -> str:
    return column[: -len("_poisha")] + "_taka" if codec == "taka" else column


WIRE_COLUMNS: dict[str, dict[str, tuple[str, str]]] = {
    table: {wire_name(c, codec): (c, codec) for c, codec in cols.items()}
    for table, cols in COLUMNS.items()
}


def encode_value(codec: str, value: Any) -> Any:
    """A local column value as it travels."""
    if value is None:
        return None
    if codec == "taka":
        sign = "-" if value < 0 else ""
        whole, part = divmod(abs(int(value)), 100)
        return f"{sign}{whole}.{part:02d}"
    if codec == "digits":
        return str(int(value))
    if codec == "bool":
        return bool(value)
    if codec == "date":
        return value.isoformat() if isinstance(value, date) else str(value)
    if codec == "int":
        return int(value)
    return str(value)


def decode_value(codec: str, value: Any, path: str = "") -> Any:
    """A wire value as the local column stores it; WireError (422) when it has the wrong form."""
    if value is None:
        return None
    if codec == "taka":
        if not isinstance(value, str) or not _TAKA.fullmatch(value):
            raise WireError("bad_amount", f"{value!r} is not an amount in taka with two decimal "
                            "places, as a string (\"1974.34\")", path=path)
        return int(Decimal(value) * 100)  # exact: the pattern allows two decimal places only
    if codec == "digits":
        if not isinstance(value, str) or not _DIGITS.fullmatch(value):
            raise WireError("bad_value", f"{value!r} must be a whole number as a string",
                            path=path)
        return int(value)
    if codec == "bool":
        if not isinstance(value, bool):
            raise WireError("bad_value", "must be true or false", path=path)
        return value
    if codec == "date":
        if not isinstance(value, str) or not _DATE.fullmatch(value):
            raise WireError("bad_value", "must be a date YYYY-MM-DD", path=path)
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise WireError("bad_value", f"{value!r} is not a calendar date", path=path) from None
    if codec == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise WireError("bad_value", "must be an integer", path=path)
        return value
    if not isinstance(value, str):
        raise WireError("bad_value", "must be a string", path=path)
    return value


def encode_row(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """Local column values (without `id`) → wire values, for the columns present in `row`."""
    cols = COLUMNS[table]
    return {wire_name(c, cols[c]): encode_value(cols[c], v) for c, v in row.items() if c in cols}


def decode_row(table: str, values: dict[str, Any], path: str = "") -> dict[str, Any]:
    """Wire values → local column values; unknown tables or columns raise WireError (422)."""
    spec = WIRE_COLUMNS.get(table)
    if spec is None:
        raise WireError("unknown_table", f"{table!r} is not a synced table", path=path)
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name not in spec:
            raise WireError("unknown_column", f"{table} has no column {name!r}",
                            path=f"{path}.{name}")
        col, codec = spec[name]
        out[col] = decode_value(codec, value, f"{path}.{name}")
    return out


def validate_op_values(op: dict[str, Any], path: str) -> None:
    """Check an op's table and values against the synced schema (used by the server)."""
    decode_row(op["table"], op["set"], f"{path}.set")
    decode_row(op["table"], op["was"], f"{path}.was")
    if op["op"] == "delete" and op["table"] in APPEND_ONLY:
        raise WireError("append_only", f"rows of {op['table']} are never deleted",
                        path=f"{path}.op")
