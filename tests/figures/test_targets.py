"""Annual targets (services.targets): stored exactly, refused when they cannot be right, and
compared with the very actuals the dashboards show (the rollup)."""

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from nsss_desktop.domain import Count, FiscalYear, Money
from nsss_desktop.domain.measures import NOT_AVAILABLE
from nsss_desktop.errors import UsageError
from nsss_desktop.services import targets
from nsss_desktop.store.models import ChangeJournal, Figure, ProgrammeTarget
from tests.figures.conftest import add_figures, add_programme, counts, ministry_id

FY = FiscalYear(2023)  # OAA 2023-24 in the demo: 58.01 lakh, budget 4205.96 crore (approved)
LAKH = Count.from_lakh
CR = Money.from_crore


def set_targets(db, *calls: tuple) -> None:
    with db.unit_of_work(description="targets") as uow:
        for args in calls:
            kw = args[-1] if isinstance(args[-1], dict) else {}
            targets.set_target(uow.session, *(a for a in args if not isinstance(a, dict)), **kw)


def stored(db) -> list[tuple]:
    with db.reader() as s:
        return [tuple(r) for r in s.execute(
            select(ProgrammeTarget.measure, ProgrammeTarget.ministry_id, ProgrammeTarget.value,
                   ProgrammeTarget.not_available, ProgrammeTarget.note)
            .order_by(ProgrammeTarget.measure))]


def progress(db, fy=FY, **kw) -> dict[tuple[str, str | None, str], targets.TargetProgress]:
    with db.reader() as s:
        return {(r.programme_code, r.ministry_code, r.measure): r
                for r in targets.progress(s, fy, **kw)}


# --- setting targets --------------------------------------------------------------------------


def test_each_kind_of_target_is_stored_in_its_base_unit(db):
    set_targets(db, ("OAA", FY, "active_beneficiaries", LAKH("60")),
                ("OAA", FY, "eligible_population", LAKH("80.5")),
                ("OAA", FY, "coverage", Decimal("12.34")),
                ("OAA", FY, "benefit_value", Money.from_taka("600")),
                ("OAA", FY, "budget", CR("4205.96"), {"note": " Budget speech "}))
    assert stored(db) == [
        ("active_beneficiaries", None, 6_000_000, False, ""),
        ("benefit_value", None, 60_000, False, ""),
        ("budget", None, 4_205_960_000_000, False, "Budget speech"),
        ("coverage", None, 1234, False, ""),
        ("eligible_population", None, 8_050_000, False, "")]
    with db.reader() as s:
        read = [(t.measure, t.value) for t in targets.targets(s, FY)]
    assert read == [("active_beneficiaries", LAKH("60")), ("coverage", Decimal("12.34")),
                    ("benefit_value", Money(60_000)), ("budget", CR("4205.96")),
                    ("eligible_population", LAKH("80.5"))]
    assert str(read[1][1]) == "12.34"


@pytest.mark.parametrize(("percent", "hundredths"), [
    (Decimal("12.3"), 1230), (Decimal("12.340"), 1234), (75, 7500), (Decimal("100"), 10000),
    (Decimal("0.01"), 1)])
def test_coverage_is_kept_to_the_hundredth(db, percent, hundredths):
    set_targets(db, ("OAA", FY, "coverage", percent))
    assert stored(db)[0][2] == hundredths


@pytest.mark.parametrize(("measure", "value", "words"), [
    ("coverage", Decimal("12.345"), "more than 2 decimals"),
    ("coverage", Decimal("100.01"), "above 100"),
    ("coverage", 12.5, "not a float"),
    ("coverage", Decimal("NaN"), "must be a number"),
    ("active_beneficiaries", Count(-1), "negative"),
    ("budget", Money(-1), "negative"),
    ("coverage", Decimal("-0.01"), "negative"),
    ("active_beneficiaries", Money(5), "number of persons"),
    ("budget", Count(5), "amount of money"),
    ("budget", 5, "amount of money"),
    ("budget", None, "amount of money"),
    ("expenditure", Money(5), "cannot have a target"),
])
def test_a_target_that_cannot_be_right_is_refused(db, measure, value, words):
    before = counts(db)
    with db.unit_of_work(description="refused target") as uow, \
            pytest.raises(UsageError) as refused:
        targets.set_target(uow.session, "OAA", FY, measure, value)
    assert words in str(refused.value)
    assert counts(db) == before and stored(db) == []


@pytest.mark.parametrize(("programme", "ministry", "words"), [
    ("NO_SUCH", None, "no programme"), ("OAA", "MoNothing", "no ministry"),
    ("OAA", "MoWCA", "does not implement"), ("TOTAL_SSP", None, "national total")])
def test_unknown_or_foreign_codes_are_refused(db, programme, ministry, words):
    with db.unit_of_work(description="refused target") as uow, \
            pytest.raises(UsageError) as refused:
        targets.set_target(uow.session, programme, FY, "budget", CR("1"), ministry)
    assert words in str(refused.value)


def test_setting_a_target_again_replaces_it_and_the_same_value_writes_nothing(db):
    set_targets(db, ("OAA", FY, "active_beneficiaries", LAKH("60")))
    set_targets(db, ("OAA", FY, "active_beneficiaries", LAKH("62")))
    assert stored(db) == [("active_beneficiaries", None, 6_200_000, False, "")]
    before = counts(db)
    set_targets(db, ("OAA", FY, "active_beneficiaries", LAKH("62")))
    assert counts(db) == before
    # Another year, and a ministry's own share, are other targets.
    set_targets(db, ("OAA", FY.next(), "active_beneficiaries", LAKH("63")),
                ("OAA", FY, "active_beneficiaries", LAKH("61"), {"ministry_code": "MoSW"}))
    assert len(stored(db)) == 3


def test_not_available_zero_and_blank_are_kept_apart(db):
    set_targets(db, ("OAA", FY, "budget", NOT_AVAILABLE), ("OAA", FY, "benefit_value", Money(0)))
    assert stored(db) == [("benefit_value", None, 0, False, ""), ("budget", None, None, True, "")]
    with db.reader() as s:
        got = {t.measure: t.value for t in targets.targets(s, FY)}
    assert got == {"benefit_value": Money(0), "budget": NOT_AVAILABLE}
    set_targets(db, ("OAA", FY, "budget", CR("10")))
    assert stored(db)[1] == ("budget", None, CR("10").poisha, False, "")


def test_remove_target(db):
    set_targets(db, ("OAA", FY, "budget", CR("10")))
    with db.unit_of_work(description="remove") as uow:
        assert targets.remove_target(uow.session, "OAA", FY, "budget")
        assert not targets.remove_target(uow.session, "OAA", FY, "budget")
    assert stored(db) == []


def test_targets_are_filtered_by_programme(db):
    set_targets(db, ("OAA", FY, "budget", CR("10")), ("WDDW", FY, "budget", CR("20")))
    with db.reader() as s:
        assert [t.programme_code for t in targets.targets(s, FY)] == ["OAA", "WDDW"]
        assert [t.programme_code for t in targets.targets(s, FY, {"WDDW"})] == ["WDDW"]
        assert targets.targets(s, FY.next()) == []


# --- progress ---------------------------------------------------------------------------------


def test_progress_against_the_demo_actuals(db):
    set_targets(db, ("OAA", FY, "active_beneficiaries", LAKH("60")),
                ("OAA", FY, "eligible_population", LAKH("80")),
                ("OAA", FY, "coverage", Decimal("75")),
                ("OAA", FY, "budget", CR("4000")))
    got = progress(db)
    assert [k[2] for k in got] == ["active_beneficiaries", "coverage", "benefit_value", "budget"]
    active = got[("OAA", None, "active_beneficiaries")]
    # 58.01 / 60 = 96.683 %
    assert (active.target, active.actual, active.percent_achieved, active.status) == \
        (LAKH("60"), LAKH("58.01"), Decimal("96.7"), "on_track")
    assert (active.actual_months, active.actual_stage) == (12, "proposed")
    # Coverage: 58.01 lakh of 80 lakh = 72.5125 % -> 72.51; 72.51 / 75 = 96.68 % of the target.
    coverage = got[("OAA", None, "coverage")]
    assert (coverage.target, coverage.actual, coverage.percent_achieved, coverage.status) == \
        (Decimal("75.00"), Decimal("72.51"), Decimal("96.7"), "on_track")
    # 4205.96 / 4000 = 105.149 %
    budget = got[("OAA", None, "budget")]
    assert (budget.actual, budget.percent_achieved, budget.status) == \
        (CR("4205.96"), Decimal("105.1"), "met")
    assert got[("OAA", None, "benefit_value")].status == "no_target"
    assert all(isinstance(r.percent_achieved, Decimal | None) for r in got.values())


@pytest.mark.parametrize(("target", "percent", "status"), [
    (5_801_000, Decimal("100.0"), "met"),
    (5_801_001, Decimal("100.0"), "on_track"),  # rounds to 100.0 but is one person short
    (6_445_555, Decimal("90.0"), "on_track"),  # 90.00001 %
    (6_445_556, Decimal("90.0"), "behind"),  # 89.99998 %, shown as 90.0 but below 90 %
    (7_000_000, Decimal("82.9"), "behind"),
])
def test_status_compares_the_exact_numbers(db, target, percent, status):
    set_targets(db, ("OAA", FY, "active_beneficiaries", Count(target)))
    row = progress(db)[("OAA", None, "active_beneficiaries")]
    assert (row.percent_achieved, row.status) == (percent, status)


def test_percent_is_rounded_half_up(db):
    p = add_programme(db, "T_TGT")
    add_figures(db, Figure(programme_id=p, fiscal_year=2023, stage="actual",
                           active_beneficiaries=1933))
    set_targets(db, ("T_TGT", FY, "active_beneficiaries", Count(2000)))
    # 1933 / 2000 = 96.65 % exactly: half up gives 96.7 (half even would give 96.6).
    assert progress(db)[("T_TGT", None, "active_beneficiaries")].percent_achieved == \
        Decimal("96.7")


def test_zero_not_available_and_missing_targets_and_actuals(db):
    p = add_programme(db, "T_TGT")
    add_figures(db, Figure(programme_id=p, fiscal_year=2023, stage="actual",
                           na_measures="active_beneficiaries", benefit_value_poisha=50000))
    set_targets(db, ("T_TGT", FY, "active_beneficiaries", Count(100)),
                ("T_TGT", FY, "benefit_value", Money(0)),
                ("T_TGT", FY, "budget", CR("5")),
                ("T_TGT", FY, "coverage", NOT_AVAILABLE))
    got = progress(db)
    active = got[("T_TGT", None, "active_beneficiaries")]
    assert (active.actual, active.percent_achieved, active.status) == \
        (NOT_AVAILABLE, None, "no_actual")
    benefit = got[("T_TGT", None, "benefit_value")]  # a zero target is met, with no percent
    assert (benefit.actual, benefit.percent_achieved, benefit.status) == \
        (Money(50000), None, "met")
    assert (got[("T_TGT", None, "budget")].actual, got[("T_TGT", None, "budget")].status) == \
        (None, "no_actual")
    coverage = got[("T_TGT", None, "coverage")]
    assert (coverage.target, coverage.status) == (NOT_AVAILABLE, "no_target")


def test_coverage_needs_both_the_actual_and_the_eligible_population(db):
    set_targets(db, ("OAA", FY, "coverage", Decimal("75")))
    assert progress(db)[("OAA", None, "coverage")].actual is None  # no eligible population
    set_targets(db, ("OAA", FY, "eligible_population", Count(0)))
    assert progress(db)[("OAA", None, "coverage")].status == "no_actual"
    set_targets(db, ("OAA", FiscalYear(2030), "coverage", Decimal("75")),
                ("OAA", FiscalYear(2030), "eligible_population", LAKH("80")))
    assert progress(db, FiscalYear(2030))[("OAA", None, "coverage")].status == "no_actual"


def test_progress_follows_the_scope(db):
    p = add_programme(db, "T_TGT")
    add_figures(db, Figure(programme_id=p, fiscal_year=2023, stage="actual",
                           approval_state="draft", active_beneficiaries=95))
    set_targets(db, ("T_TGT", FY, "active_beneficiaries", Count(100)))
    assert progress(db)[("T_TGT", None, "active_beneficiaries")].status == "no_actual"
    assert progress(db, scope="submitted")[("T_TGT", None, "active_beneficiaries")].status == \
        "no_actual"
    working = progress(db, scope="working")[("T_TGT", None, "active_beneficiaries")]
    assert (working.actual, working.status) == (Count(95), "on_track")
    with pytest.raises(UsageError):
        progress(db, scope="everything")


def test_a_ministry_share_is_compared_with_its_own_share(db):
    p = add_programme(db, "T_SHARED", ("MoSW", "MoWCA"))
    mosw, mowca = ministry_id(db, "MoSW"), ministry_id(db, "MoWCA")
    add_figures(db, *(Figure(programme_id=p, ministry_id=m, fiscal_year=2023, stage="actual",
                             active_beneficiaries=LAKH(n).persons)
                      for m, n in ((mosw, "10"), (mowca, "5.5"))))
    set_targets(db, ("T_SHARED", FY, "active_beneficiaries", LAKH("10"),
                     {"ministry_code": "MoSW"}),
                ("T_SHARED", FY, "active_beneficiaries", LAKH("20")))
    got = progress(db)
    share = got[("T_SHARED", "MoSW", "active_beneficiaries")]
    whole = got[("T_SHARED", None, "active_beneficiaries")]
    assert (share.actual, share.status) == (LAKH("10"), "met")
    assert (whole.actual, whole.percent_achieved, whole.status) == \
        (LAKH("15.5"), Decimal("77.5"), "behind")
    assert ("T_SHARED", "MoWCA", "active_beneficiaries") not in got


def test_programmes_asked_for_are_listed_even_without_targets(db):
    assert progress(db) == {}
    got = progress(db, programme_codes={"WDDW"})
    assert {k[2]: r.status for k, r in got.items()} == {
        "active_beneficiaries": "no_target", "coverage": "no_target",
        "benefit_value": "no_target", "budget": "no_target"}
    assert got[("WDDW", None, "active_beneficiaries")].actual == LAKH("25.75")


def test_targets_are_journaled(db):
    with db.reader() as s:
        before = s.scalar(select(func.count()).select_from(ChangeJournal)
                          .where(ChangeJournal.table_name == "programme_target"))
    set_targets(db, ("OAA", FY, "budget", CR("10")))
    with db.reader() as s:
        after = s.scalar(select(func.count()).select_from(ChangeJournal)
                         .where(ChangeJournal.table_name == "programme_target"))
    assert after == before + 1
