"""Timeframes as the plan tables write them: due dates, recurrences, and what is refused."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nsss_desktop.domain.timeframe import TIMEFRAME_KINDS, parse_timeframe

DUE = [
    ("June 2017", date(2017, 6, 30)),
    ("December 2014", date(2014, 12, 31)),
    ("July 2015", date(2015, 7, 31)),
    ("Dec. 2014", date(2014, 12, 31)),
    ("Jun-17", date(2017, 6, 30)),
    ("30 June 2017", date(2017, 6, 30)),
    ("June 30, 2017", date(2017, 6, 30)),
    ("2017-06-30", date(2017, 6, 30)),
    ("30/06/2017", date(2017, 6, 30)),
    ("06/2017", date(2017, 6, 30)),
    ("2016", date(2016, 12, 31)),
    ("By 2025", date(2025, 12, 31)),
    ("By June 2017", date(2017, 6, 30)),
    ("by the end of 2020", date(2020, 12, 31)),
    # fiscal years end on 30 June
    ("FY 2017-18", date(2018, 6, 30)),
    ("FY2017-18", date(2018, 6, 30)),
    ("2017-18", date(2018, 6, 30)),
    ("2017–18", date(2018, 6, 30)),  # the en dash Word substitutes
    ("2017/18", date(2018, 6, 30)),
    ("FY 2017-2018", date(2018, 6, 30)),
    ("FY 2019", date(2019, 6, 30)),
    ("By end of FY2019-20", date(2020, 6, 30)),
    # fiscal quarters and halves (Q1 = Jul-Sep); a calendar year's quarter without FY
    ("Q3 2018-19", date(2019, 3, 31)),
    ("Q1 FY2018-19", date(2018, 9, 30)),
    ("2018-19 Q4", date(2019, 6, 30)),
    ("H1 2018-19", date(2018, 12, 31)),
    ("Q3 2018", date(2018, 9, 30)),
    # ranges: the end of the range
    ("2016-2021", date(2021, 12, 31)),
    ("2016-21", date(2021, 12, 31)),
    ("2016 - 2021", date(2021, 12, 31)),
    ("July 2016 to June 2021", date(2021, 6, 30)),
    ("2016-17 to 2020-21", date(2021, 6, 30)),
    # Bangla digits and month names
    ("জুন ২০১৭", date(2017, 6, 30)),
    ("জানুয়ারি ২০১৮", date(2018, 1, 31)),
    ("ডিসেম্বর ২০১৪", date(2014, 12, 31)),
    ("অর্থবছর ২০১৭-১৮", date(2018, 6, 30)),
    ("২০১৭-১৮", date(2018, 6, 30)),
    ("২০২৫ সালের মধ্যে", date(2025, 12, 31)),
    ("২০১৬", date(2016, 12, 31)),
]


@pytest.mark.parametrize(("text", "due"), DUE)
def test_due_dates(text, due):
    tf = parse_timeframe(text)
    assert (tf.due_date, tf.recurrence, tf.kind, tf.error) == (due, None, "date", None)
    assert tf.text == text  # always kept as written


@pytest.mark.parametrize(("text", "done", "due"), [
    ("2016 (done)", True, date(2016, 12, 31)),
    ("June 2017 (completed)", True, date(2017, 6, 30)),
    ("২০১৬ (সম্পন্ন)", True, date(2016, 12, 31)),
    ("2016", False, date(2016, 12, 31)),
])
def test_done_as_written(text, done, due):
    tf = parse_timeframe(text)
    assert tf.done_as_written is done and tf.due_date == due


@pytest.mark.parametrize(("text", "recurrence"), [
    ("Annually for next five years", "annual"),
    ("Each year", "annual"),
    ("every year from 2017", "annual"),
    ("Periodically", "periodic"),
    ("Quarterly", "quarterly"),
    ("Ongoing", "continuous"),
    ("প্রতি বছর", "annual"),
    ("সময়ে সময়ে", "periodic"),
])
def test_recurrences_have_no_due_date(text, recurrence):
    tf = parse_timeframe(text)
    assert (tf.recurrence, tf.due_date, tf.kind) == (recurrence, None, "recurrence")


@pytest.mark.parametrize("text", [
    "Juen 2017", "Decmber 2014", "Jully 2017", "13/2017", "31/02/2017", "2017-02-30",
    "FY 2017-19", "2018-17", "Q5 2018-19", "H3 2018-19", "3017", "2016 to Juen 2021",
])
def test_text_that_looks_like_a_date_but_is_not_is_invalid(text):
    tf = parse_timeframe(text)
    assert tf.kind == "invalid" and tf.due_date is None and tf.error


@pytest.mark.parametrize(("text", "kind"), [
    ("", "empty"), ("   ", "empty"),
    ("Immediately", "free_text"), ("Medium term", "free_text"), ("As and when required",
                                                                 "free_text"),
    ("Phase 2017", "unrecognised"), ("Within the 7th Five Year Plan", "unrecognised"),
    ("After the cabinet decision", "unrecognised"),
])
def test_free_text_has_no_due_date_and_is_not_an_error(text, kind):
    tf = parse_timeframe(text)
    assert (tf.kind, tf.due_date, tf.error) == (kind, None, None)


@given(st.text(max_size=60))
def test_never_raises_and_always_keeps_the_text(text):
    tf = parse_timeframe(text)
    assert tf.kind in TIMEFRAME_KINDS
    assert tf.text == tf.text.strip()
    assert (tf.kind == "invalid") == (tf.error is not None)
    assert tf.due_date is None or tf.kind == "date"
