"""Every rule of `services.figure_entry`, each with an input that breaks it and one that does
not; then saving: all or nothing, idempotent, a draft updated in place, and NA / blank / zero
kept apart and read back (domain.md, "Approval" and "Units and exactness")."""

from decimal import Decimal

import pytest
from sqlalchemy import select, update

from nsss_desktop.domain import Count, Money, Period
from nsss_desktop.domain.measures import NOT_AVAILABLE
from nsss_desktop.errors import ImportRefused
from nsss_desktop.services import figure_entry
from nsss_desktop.services.figure_input import DisaggregationInput as D
from nsss_desktop.services.figure_input import FigureInput
from nsss_desktop.store.models import Figure, FigureDisaggregation
from tests.figures.conftest import counts, ministry_id, programme_id

YEAR = Period.parse("2023-24")
TK = Money.from_taka
CR = Money.from_crore


def entry(programme="OAA", ministry="MoSW", period=YEAR, **values) -> FigureInput:
    breakdown = values.pop("breakdown", [])
    explanation = values.pop("explanation", "")
    return FigureInput(programme, ministry, period, values=values, disaggregations=breakdown,
                       explanation=explanation, where="sheet Figures, row 4")


def findings(db, *inputs: FigureInput) -> set[tuple[str, str]]:
    with db.reader() as s:
        return {(i.level, i.code) for i in figure_entry.validate(s, list(inputs))}


def save(db, *inputs: FigureInput, state: str = "draft") -> figure_entry.SaveResult:
    with db.unit_of_work(description="test entry") as uow:
        return figure_entry.save(uow.session, list(inputs), state=state)


# --- breakdowns -------------------------------------------------------------------------------


@pytest.mark.parametrize(("dimension", "parts"), [
    ("gender", {"female": 600, "male": 300, "third_gender": 50}),
    ("area", {"rural": 700, "urban": 200}),
])
def test_disaggregation_sum_fails_when_the_breakdown_misses_the_total(db, dimension, parts):
    rows = [D(dimension, c, beneficiaries=Count(n)) for c, n in parts.items()]
    bad = entry(active_beneficiaries=Count(1000), breakdown=rows)
    assert ("error", "disaggregation_sum") in findings(db, bad)
    good = entry(active_beneficiaries=Count(sum(parts.values())), breakdown=rows)
    assert findings(db, good) == set()


def test_disaggregation_sum_of_amounts_and_within_one_district(db):
    amounts = [D("gender", "female", amount=CR("6")), D("gender", "male", amount=CR("3"))]
    assert ("error", "disaggregation_sum") in findings(
        db, entry(amount_disbursed=CR("10"), breakdown=amounts))
    assert findings(db, entry(amount_disbursed=CR("9"), breakdown=amounts)) == set()
    # A gender split inside Bhola must add up to Bhola's own row, not to the national total.
    bhola = [D("district", "Bhola", beneficiaries=Count(74011)),
             D("gender", "male", beneficiaries=Count(40235), geo_code="Bhola"),
             D("gender", "female", beneficiaries=Count(33776), geo_code="Bhola")]
    assert findings(db, entry(active_beneficiaries=Count(5801000), breakdown=bhola)) == set()
    wrong = [*bhola[:2], D("gender", "female", beneficiaries=Count(33775), geo_code="Bhola")]
    assert ("error", "disaggregation_sum") in findings(
        db, entry(active_beneficiaries=Count(5801000), breakdown=wrong))


def test_breakdown_without_total(db):
    rows = [D("gender", "female", beneficiaries=Count(60)),
            D("gender", "male", beneficiaries=Count(40))]
    assert ("error", "breakdown_without_total") in findings(db, entry(breakdown=rows))
    assert findings(db, entry(active_beneficiaries=Count(100), breakdown=rows)) == set()


def test_geography_exceeds_total(db):
    too_many = [D("division", "Dhaka", beneficiaries=Count(700)),
                D("division", "Rangpur", beneficiaries=Count(500))]
    assert ("error", "geography_exceeds_total") in findings(
        db, entry(active_beneficiaries=Count(1000), breakdown=too_many))
    # Fewer is fine: not every division has to be reported.
    some = [D("division", "Dhaka", beneficiaries=Count(700)),
            D("division", "Rangpur", beneficiaries=Count(200))]
    assert findings(db, entry(active_beneficiaries=Count(1000), breakdown=some)) == set()


def test_unknown_category(db):
    bad = [D("gender", "female", beneficiaries=Count(60)),
           D("gender", "other", beneficiaries=Count(40))]
    assert ("error", "unknown_category") in findings(
        db, entry(active_beneficiaries=Count(100), breakdown=bad))
    good = [D("gender", "female", beneficiaries=Count(60)),
            D("gender", "third_gender", beneficiaries=Count(40))]
    assert findings(db, entry(active_beneficiaries=Count(100), breakdown=good)) == set()


def test_duplicate_breakdown(db):
    twice = [D("gender", "female", beneficiaries=Count(50)),
             D("gender", "female", beneficiaries=Count(50))]
    assert ("error", "duplicate_breakdown") in findings(
        db, entry(active_beneficiaries=Count(100), breakdown=twice))
    # The same category in two places is not a duplicate.
    two_places = [D("gender", "female", beneficiaries=Count(60)),
                  D("gender", "male", beneficiaries=Count(40)),
                  D("division", "Dhaka", beneficiaries=Count(50)),
                  D("gender", "female", beneficiaries=Count(30), geo_code="Dhaka"),
                  D("gender", "male", beneficiaries=Count(20), geo_code="Dhaka")]
    assert findings(db, entry(active_beneficiaries=Count(100), breakdown=two_places)) == set()


# --- values -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("measure", "negative", "zero"), [
    ("active_beneficiaries", Count(-1), Count(0)),
    ("expenditure", Money(-1), Money(0)),
    ("benefit_value", TK("-600"), TK("0")),
])
def test_negative(db, measure, negative, zero):
    assert ("error", "negative") in findings(db, entry(**{measure: negative}))
    assert findings(db, entry(**{measure: zero})) == set()


def test_negative_breakdown(db):
    rows = [D("gender", "female", beneficiaries=Count(-10)),
            D("gender", "male", beneficiaries=Count(110))]
    assert ("error", "negative") in findings(
        db, entry(active_beneficiaries=Count(100), breakdown=rows))


def test_expenditure_over_budget_is_an_error_unless_explained(db):
    over = {"budget_original": CR("100"), "expenditure": CR("120")}
    assert findings(db, entry(**over)) == {("error", "expenditure_over_budget")}
    explained = entry(**over, explanation="Arrears of 2022-23 paid from this year's budget")
    assert findings(db, explained) == {("warning", "expenditure_over_budget")}
    with db.reader() as s:
        (issue,) = figure_entry.validate(s, [explained])
    assert "Arrears of 2022-23" in issue.message
    # The revised budget, where given, is the one compared.
    assert findings(db, entry(**over, budget_revised=CR("150"))) == set()
    assert findings(db, entry(budget_original=CR("100"), expenditure=CR("100"))) == set()


def test_cumulative_below_active(db):
    assert ("error", "cumulative_below_active") in findings(
        db, entry(active_beneficiaries=Count(1000), cumulative_beneficiaries=Count(999)))
    assert findings(db, entry(active_beneficiaries=Count(1000),
                              cumulative_beneficiaries=Count(1000))) == set()


@pytest.mark.parametrize("period", ["2023-24 Jul", "2023-24 Q1", "2023-24"])
def test_disbursement_inconsistent_outside_ten_percent(db, period):
    """Tk 500 a month to 1,000 persons is Tk 5,00,000 a month, times the months of the
    period; within 10 % is normal (arrears, mid-period enrolment), outside is a warning."""
    p = Period.parse(period)
    expected = 500 * 1000 * p.kind.months_per_period  # taka
    values = {"benefit_value": TK("500"), "active_beneficiaries": Count(1000)}
    for paid, warned in ((expected, False), (expected * 105 // 100, False),
                         (expected * 110 // 100, False), (expected * 90 // 100, False),
                         (expected * 111 // 100, True), (expected * 85 // 100, True),
                         (500 * 1000, p.kind.months_per_period > 1)):
        got = findings(db, entry(period=p, amount_disbursed=TK(paid), **values))
        assert got == ({("warning", "disbursement_inconsistent")} if warned else set()), paid


# --- codes and rows ---------------------------------------------------------------------------


def test_unknown_programme(db):
    assert ("error", "unknown_programme") in findings(db, entry(programme="NO_SUCH"))
    assert findings(db, entry(programme="oaa ")) == set()  # codes are matched loosely


def test_unknown_ministry(db):
    assert ("error", "unknown_ministry") in findings(db, entry(ministry="MoNothing"))
    assert findings(db, entry(ministry=None)) == set()  # programme level


def test_not_implementing(db):
    assert ("error", "not_implementing") in findings(db, entry(ministry="MoWCA"))
    assert findings(db, entry(ministry="MoSW")) == set()


def test_duplicate_row(db):
    first = entry(active_beneficiaries=Count(10))
    assert ("error", "duplicate_row") in findings(db, first, entry(active_beneficiaries=Count(11)))
    assert findings(db, first, entry(period=Period.parse("2024-25"),
                                     active_beneficiaries=Count(11))) == set()


@pytest.mark.parametrize("state", ["submitted", "approved"])
def test_period_locked(db, state):
    save(db, entry(active_beneficiaries=Count(10)), state=state)
    with db.reader() as s:
        issues = figure_entry.validate(s, [entry(active_beneficiaries=Count(12))])
    assert [(i.level, i.code) for i in issues] == [("error", "period_locked")]
    assert state in issues[0].message
    # Another period, or another ministry's share, is not locked.
    assert findings(db, entry(period=Period.parse("2024-25"), active_beneficiaries=Count(1)),
                    entry(ministry=None, active_beneficiaries=Count(1))) == set()


def test_a_returned_period_is_open_again(db):
    save(db, entry(active_beneficiaries=Count(10)), state="submitted")
    with db.unit_of_work(description="GED returns") as uow:
        uow.session.execute(update(Figure).where(Figure.approval_state == "submitted")
                            .values(approval_state="returned"))
    assert findings(db, entry(active_beneficiaries=Count(12))) == set()
    result = save(db, entry(active_beneficiaries=Count(12)))
    assert (result.inserted, result.updated) == (0, 1)


# --- saving -----------------------------------------------------------------------------------


def test_one_error_writes_nothing(db):
    before = counts(db)
    good = entry(active_beneficiaries=Count(10))
    bad = entry(programme="WDDW", active_beneficiaries=Count(-1))
    with db.unit_of_work(description="caller catches the refusal") as uow:
        with pytest.raises(ImportRefused) as refused:
            figure_entry.save(uow.session, [good, bad])
    assert counts(db) == before
    assert [p.code for p in refused.value.problems] == ["negative"]
    assert "Nothing was saved" in str(refused.value)


def test_saving_the_same_figures_again_changes_nothing(db):
    inputs = [entry(active_beneficiaries=Count(5801000), expenditure=NOT_AVAILABLE,
                    breakdown=[D("gender", "female", beneficiaries=Count(2801000)),
                               D("gender", "male", beneficiaries=Count(3000000))]),
              entry(programme="WDDW", budget_original=CR("1844.32"))]
    first = save(db, *inputs)
    assert (first.inserted, first.updated, first.unchanged) == (2, 0, 0)
    after_first = counts(db)
    again = save(db, *inputs)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 2)
    assert counts(db) == after_first


def test_a_draft_is_updated_in_place(db):
    save(db, entry(active_beneficiaries=Count(100),
                   breakdown=[D("area", "rural", beneficiaries=Count(100))]))
    figures_before, journal_before = counts(db)
    result = save(db, entry(active_beneficiaries=Count(120),
                            breakdown=[D("area", "rural", beneficiaries=Count(90)),
                                       D("area", "urban", beneficiaries=Count(30))]))
    assert (result.inserted, result.updated, result.unchanged) == (0, 1, 0)
    figures_after, journal_after = counts(db)
    assert figures_after == figures_before and journal_after > journal_before
    oaa = programme_id(db, "OAA")
    with db.reader() as s:
        (row,) = s.scalars(select(Figure).where(Figure.programme_id == oaa,
                                                Figure.source_id.is_(None)))
        breakdown = {(d.category, d.beneficiaries) for d in s.scalars(
            select(FigureDisaggregation).where(FigureDisaggregation.figure_id == row.id))}
    assert (row.active_beneficiaries, row.approval_state) == (120, "draft")
    assert breakdown == {("rural", 90), ("urban", 30)}


def test_not_available_blank_and_zero_are_kept_apart(db):
    save(db, entry(expenditure=NOT_AVAILABLE, amount_disbursed=Money(0),
                   active_beneficiaries=Count(0), budget_original=None))
    oaa = programme_id(db, "OAA")
    with db.reader() as s:
        row = s.scalar(select(Figure).where(Figure.programme_id == oaa,
                                            Figure.source_id.is_(None)))
        values = figure_entry.existing_values(s, "MoSW", YEAR)["OAA"]
    assert (row.expenditure_poisha, row.na_measures) == (None, "expenditure")
    assert (row.amount_disbursed_poisha, row.active_beneficiaries) == (0, 0)
    assert row.budget_original_poisha is None
    assert values == {"expenditure": NOT_AVAILABLE, "amount_disbursed": Money(0),
                      "active_beneficiaries": Count(0)}
    assert "budget_original" not in values  # blank: not reported at all


def test_existing_values_prefer_the_draft_over_the_locked_row(db):
    save(db, entry(active_beneficiaries=Count(10)), state="approved")
    with db.unit_of_work(description="a correction") as uow:
        uow.session.add(Figure(programme_id=programme_id(db, "OAA"),
                               ministry_id=ministry_id(db, "MoSW"), fiscal_year=2023,
                               stage="actual", approval_state="draft",
                               active_beneficiaries=12))
    with db.reader() as s:
        assert figure_entry.existing_values(s, "MoSW", YEAR)["OAA"] == {
            "active_beneficiaries": Count(12)}


def test_completeness_lists_reported_not_available_and_missing(db):
    save(db, entry(active_beneficiaries=Count(5801000), expenditure=NOT_AVAILABLE,
                   benefit_value=TK("600")))
    with db.reader() as s:
        report = {c.programme_code: c for c in figure_entry.completeness(s, "MoSW", YEAR)}
    oaa = report["OAA"]
    assert oaa.state == "draft"
    assert set(oaa.reported) == {"active_beneficiaries", "benefit_value"}
    assert oaa.not_available == ("expenditure",)
    assert set(oaa.missing) == {"budget_original", "budget_revised", "cumulative_beneficiaries",
                                "amount_disbursed"}
    # Every other MoSW programme has nothing entered, and no published total is listed.
    assert report["WDDW"].state is None and len(report["WDDW"].missing) == 7
    assert "TOTAL_SSP" not in report and "MCBP" not in report  # MCBP is MoWCA's


def test_figures_are_exact_after_saving(db):
    save(db, entry(budget_original=Money.from_crore(Decimal("4205.960000001"))))
    with db.reader() as s:
        values = figure_entry.existing_values(s, "MoSW", YEAR)["OAA"]
    assert values["budget_original"] == Money(4_205_960_000_001)


# --- gaps found in review, now fixed ------------------------------------------------------


def test_an_unknown_source_code_is_refused(db):
    fi = FigureInput("OAA", None, YEAR, values={"active_beneficiaries": Count(5)},
                     stage="revised", source_code="NO_SUCH_SOURCE")
    assert findings(db, fi) != set()


def test_money_disbursed_to_no_beneficiaries_is_flagged(db):
    fi = entry(period=Period.parse("2023-24 Jul"), active_beneficiaries=Count(0),
               benefit_value=TK("500"), amount_disbursed=CR("100"))
    assert ("warning", "disbursement_inconsistent") in findings(db, fi)


def test_a_locked_row_repeated_unchanged_is_accepted_and_writes_nothing(db):
    """A ministry re-importing its pre-filled template: the submitted row comes back as it is."""
    from sqlalchemy import func, select

    from nsss_desktop.domain import Count, Period
    from nsss_desktop.services import figure_entry
    from nsss_desktop.services.figure_input import FigureInput
    from nsss_desktop.store.models import ChangeJournal

    fi = FigureInput("OAA", "MoSW", Period.parse("2023-24 Q2"),
                     {"active_beneficiaries": Count(5_800_000)})
    with db.unit_of_work() as uow:
        figure_entry.save(uow.session, [fi], state="submitted")
    with db.reader() as s:
        assert not [i for i in figure_entry.validate(s, [fi]) if i.is_error]
        journal = s.scalar(select(func.count()).select_from(ChangeJournal))
    with db.unit_of_work() as uow:
        result = figure_entry.save(uow.session, [fi])
    assert (result.inserted, result.updated, result.unchanged) == (0, 0, 1)
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(ChangeJournal)) == journal
        changed = FigureInput("OAA", "MoSW", Period.parse("2023-24 Q2"),
                              {"active_beneficiaries": Count(5_800_001)})
        assert [i.code for i in figure_entry.validate(s, [changed]) if i.is_error] == [
            "period_locked"]
