"""Closed vocabularies shared by the store, services, sync and UI.

StrEnum values are the stable strings written to the database and sync payloads;
English labels live here so reports and the UI agree, while Bangla comes from the
UI's translation files.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

__all__ = [
    "LABELS_EN",
    "ActivityStatus",
    "ApprovalState",
    "Area",
    "BeneficiaryUnit",
    "BenefitType",
    "DisaggregationDimension",
    "EvidenceKind",
    "FigureStage",
    "Gender",
    "Role",
]


class _LabelledEnum(StrEnum):
    """StrEnum whose members expose an English display label via ``label_en``."""

    @property
    def label_en(self) -> str:
        """English display label for this member."""
        return LABELS_EN[type(self)][self]


class ActivityStatus(_LabelledEnum):
    """Implementation status of an action-plan activity."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    DELAYED = "delayed"
    DROPPED = "dropped"


class ApprovalState(_LabelledEnum):
    """Where a submission is in the focal point -> GED review workflow."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"


class Gender(_LabelledEnum):
    """Beneficiary gender as disaggregated in NSSS reporting."""

    FEMALE = "female"
    MALE = "male"
    THIRD_GENDER = "third_gender"


class Area(_LabelledEnum):
    """Rural/urban split used for coverage disaggregation."""

    RURAL = "rural"
    URBAN = "urban"


class Role(_LabelledEnum):
    """User roles, which decide what a user can see and approve."""

    FOCAL_POINT = "focal_point"
    VIEWER = "viewer"
    GED_ANALYST = "ged_analyst"
    CMC_MEMBER = "cmc_member"
    ADMINISTRATOR = "administrator"


class FigureStage(_LabelledEnum):
    """Budget/coverage figure stage: budget cycle (proposed, revised), outturn, report."""

    PROPOSED = "proposed"
    REVISED = "revised"
    ACTUAL = "actual"
    REPORTED = "reported"


class EvidenceKind(_LabelledEnum):
    """Type of document attached as evidence of progress."""

    CIRCULAR = "circular"
    GAZETTE = "gazette"
    MINUTES = "minutes"
    REPORT = "report"
    PHOTO = "photo"
    OTHER = "other"


class BenefitType(_LabelledEnum):
    """What a programme delivers to beneficiaries."""

    CASH = "cash"
    FOOD = "food"
    IN_KIND = "in_kind"
    SERVICE = "service"
    MIXED = "mixed"


class BeneficiaryUnit(_LabelledEnum):
    """Whether a programme counts individual persons or families."""

    PERSONS = "persons"
    FAMILIES = "families"


class DisaggregationDimension(_LabelledEnum):
    """Axes along which coverage figures may be broken down."""

    GENDER = "gender"
    AREA = "area"
    TARGET_GROUP = "target_group"
    DIVISION = "division"
    DISTRICT = "district"


def _labels(mapping: dict[StrEnum, str]) -> Mapping[StrEnum, str]:
    return MappingProxyType(mapping)


# Keyed by enum class first: members of different enums may share a value string.
LABELS_EN: Mapping[type[StrEnum], Mapping[StrEnum, str]] = MappingProxyType(
    {
        ActivityStatus: _labels(
            {
                ActivityStatus.NOT_STARTED: "Not started",
                ActivityStatus.IN_PROGRESS: "In progress",
                ActivityStatus.COMPLETED: "Completed",
                ActivityStatus.DELAYED: "Delayed",
                ActivityStatus.DROPPED: "Dropped",
            }
        ),
        ApprovalState: _labels(
            {
                ApprovalState.DRAFT: "Draft",
                ApprovalState.SUBMITTED: "Submitted",
                ApprovalState.APPROVED: "Approved",
                ApprovalState.RETURNED: "Returned for revision",
            }
        ),
        Gender: _labels(
            {
                Gender.FEMALE: "Female",
                Gender.MALE: "Male",
                Gender.THIRD_GENDER: "Third gender",
            }
        ),
        Area: _labels({Area.RURAL: "Rural", Area.URBAN: "Urban"}),
        Role: _labels(
            {
                Role.FOCAL_POINT: "Focal point",
                Role.VIEWER: "Viewer",
                Role.GED_ANALYST: "GED analyst",
                Role.CMC_MEMBER: "CMC member",
                Role.ADMINISTRATOR: "Administrator",
            }
        ),
        FigureStage: _labels(
            {
                FigureStage.PROPOSED: "Proposed",
                FigureStage.REVISED: "Revised",
                FigureStage.ACTUAL: "Actual",
                FigureStage.REPORTED: "Reported",
            }
        ),
        EvidenceKind: _labels(
            {
                EvidenceKind.CIRCULAR: "Circular",
                EvidenceKind.GAZETTE: "Gazette",
                EvidenceKind.MINUTES: "Minutes",
                EvidenceKind.REPORT: "Report",
                EvidenceKind.PHOTO: "Photo",
                EvidenceKind.OTHER: "Other",
            }
        ),
        BenefitType: _labels(
            {
                BenefitType.CASH: "Cash",
                BenefitType.FOOD: "Food",
                BenefitType.IN_KIND: "In kind",
                BenefitType.SERVICE: "Service",
                BenefitType.MIXED: "Mixed",
            }
        ),
        BeneficiaryUnit: _labels(
            {BeneficiaryUnit.PERSONS: "Persons", BeneficiaryUnit.FAMILIES: "Families"}
        ),
        DisaggregationDimension: _labels(
            {
                DisaggregationDimension.GENDER: "Gender",
                DisaggregationDimension.AREA: "Rural/urban",
                DisaggregationDimension.TARGET_GROUP: "Target group",
                DisaggregationDimension.DIVISION: "Division",
                DisaggregationDimension.DISTRICT: "District",
            }
        ),
    }
)
