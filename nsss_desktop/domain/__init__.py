"""Pure-Python value types (no Qt, no SQL) shared by every layer of the app."""

from nsss_desktop.domain.enums import (
    LABELS_EN,
    ActivityStatus,
    ApprovalState,
    Area,
    BeneficiaryUnit,
    BenefitType,
    DisaggregationDimension,
    EvidenceKind,
    FigureStage,
    Gender,
    Role,
)
from nsss_desktop.domain.fiscal_year import FiscalYear, Period, PeriodKind
from nsss_desktop.domain.ids import is_uuid7, new_id
from nsss_desktop.domain.money import (
    PERSONS_PER_LAKH,
    POISHA_PER_TAKA,
    TAKA_PER_CRORE,
    TAKA_PER_LAKH,
    Count,
    Money,
)
from nsss_desktop.domain.numbers import (
    BANGLA_DIGITS,
    format_decimal,
    group_indian,
    parse_decimal,
    to_bangla_digits,
    to_latin_digits,
)

__all__ = [
    "BANGLA_DIGITS",
    "LABELS_EN",
    "PERSONS_PER_LAKH",
    "POISHA_PER_TAKA",
    "TAKA_PER_CRORE",
    "TAKA_PER_LAKH",
    "ActivityStatus",
    "ApprovalState",
    "Area",
    "BeneficiaryUnit",
    "BenefitType",
    "Count",
    "DisaggregationDimension",
    "EvidenceKind",
    "FigureStage",
    "FiscalYear",
    "Gender",
    "Money",
    "Period",
    "PeriodKind",
    "Role",
    "format_decimal",
    "group_indian",
    "is_uuid7",
    "new_id",
    "parse_decimal",
    "to_bangla_digits",
    "to_latin_digits",
]
