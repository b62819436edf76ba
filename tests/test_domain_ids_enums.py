"""UUIDv7 record ids and the shared enum vocabularies."""

from __future__ import annotations

import re
import threading
import time
import uuid
from enum import StrEnum

import pytest

from nsss_desktop.domain import (
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
    is_uuid7,
    new_id,
)

CANONICAL_V7 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


# --------------------------------------------------------------------------- ids


def test_new_id_format() -> None:
    s = new_id()
    assert isinstance(s, str)
    assert CANONICAL_V7.fullmatch(s)
    assert is_uuid7(s)
    u = uuid.UUID(s)
    assert u.version == 7 and u.variant == uuid.RFC_4122


def test_new_id_embeds_current_time() -> None:
    before = time.time_ns() // 10**6
    ms = uuid.UUID(new_id()).int >> 80
    # uuid7 may run slightly ahead of the clock to stay monotonic under bursts.
    assert before - 5 <= ms <= before + 60_000


def test_new_ids_are_unique_and_sorted() -> None:
    ids = [new_id() for _ in range(5000)]
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)  # string order == creation order


def test_new_id_threads() -> None:
    out: list[list[str]] = [[] for _ in range(8)]

    def work(bucket: list[str]) -> None:
        bucket.extend(new_id() for _ in range(500))

    threads = [threading.Thread(target=work, args=(b,)) for b in out]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    everything = [i for b in out for i in b]
    assert len(set(everything)) == len(everything)
    for bucket in out:
        assert bucket == sorted(bucket)


@pytest.mark.parametrize(
    "bad",
    [
        str(uuid.uuid4()),
        str(uuid.uuid1()),
        "",
        "not-a-uuid",
        "01890a5d-ac96-774b-bcce-b302099a8057x",
        "{01890a5d-ac96-774b-bcce-b302099a8057}",
        "01890a5dac96774bbcceb302099a8057",
        "urn:uuid:01890a5d-ac96-774b-bcce-b302099a8057",
        "01890A5D-AC96-774B-BCCE-B302099A8057",  # not lowercase canonical
        "01890a5d-ac96-774b-0cce-b302099a8057",  # wrong variant
        None,
        123,
    ],
)
def test_is_uuid7_rejects(bad: object) -> None:
    assert is_uuid7(bad) is False  # type: ignore[arg-type]


def test_is_uuid7_accepts_rfc_example() -> None:
    # RFC 9562 appendix A.6 example value.
    assert is_uuid7("017f22e2-79b0-7cc3-98c4-dc0c0c07398f")


# --------------------------------------------------------------------------- enums

EXPECTED_VALUES: dict[type[StrEnum], list[str]] = {
    ActivityStatus: ["not_started", "in_progress", "completed", "delayed", "dropped"],
    ApprovalState: ["draft", "submitted", "approved", "returned"],
    Gender: ["female", "male", "third_gender"],
    Area: ["rural", "urban"],
    Role: ["focal_point", "viewer", "ged_analyst", "cmc_member", "administrator"],
    FigureStage: ["proposed", "revised", "actual", "reported"],
    EvidenceKind: ["circular", "gazette", "minutes", "report", "photo", "other"],
    BenefitType: ["cash", "food", "in_kind", "service", "mixed"],
    BeneficiaryUnit: ["persons", "families"],
    DisaggregationDimension: ["gender", "area", "target_group", "division", "district"],
}


@pytest.mark.parametrize("enum_cls", list(EXPECTED_VALUES))
def test_enum_values_are_stable(enum_cls: type[StrEnum]) -> None:
    # These strings are stored in the database and sent over sync: never rename.
    assert [m.value for m in enum_cls] == EXPECTED_VALUES[enum_cls]
    for member in enum_cls:
        assert member.name == member.value.upper()
        assert enum_cls(member.value) is member
        assert member == member.value
        assert str(member) == member.value


@pytest.mark.parametrize("enum_cls", list(EXPECTED_VALUES))
def test_every_member_has_an_english_label(enum_cls: type[StrEnum]) -> None:
    labels = LABELS_EN[enum_cls]
    assert set(labels) == set(enum_cls)
    for member in enum_cls:
        label = member.label_en  # type: ignore[attr-defined]
        assert label == labels[member]
        assert label and label[0].isupper()


def test_labels_registry_covers_all_enums() -> None:
    assert set(LABELS_EN) == set(EXPECTED_VALUES)


def test_label_examples() -> None:
    assert ActivityStatus.NOT_STARTED.label_en == "Not started"
    assert Gender.THIRD_GENDER.label_en == "Third gender"
    assert Role.GED_ANALYST.label_en == "GED analyst"


def test_labels_are_read_only() -> None:
    with pytest.raises(TypeError):
        LABELS_EN[Area][Area.RURAL] = "x"  # type: ignore[index]


def test_unknown_value_rejected() -> None:
    with pytest.raises(ValueError):
        ActivityStatus("finished")
