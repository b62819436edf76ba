"""Finding Action Plan text in English and Bangla, with snippets, paging and filters."""

from __future__ import annotations

from datetime import date

import pytest

from nsss_desktop.errors import UsageError
from nsss_desktop.services import search as search_module
from nsss_desktop.services.search import MARK_END, MARK_START, search

from .conftest import AS_OF


@pytest.fixture(params=["one pass", "two steps"], autouse=True)
def ranking_path(request, monkeypatch):
    """Every test runs both ways a search can go: FTS5 ranking and snipping in one pass with
    row-by-row filters (few matches), and bm25 sorted by SQLite, then snippets, with filters
    as a set (many matches)."""
    if request.param == "two steps":
        monkeypatch.setattr(search_module, "ONE_PASS_MAX", 0)
    return request.param


def find(plan, query: str, **filters):
    with plan.db.reader() as s:
        return search(s, query, as_of=filters.pop("as_of", AS_OF), **filters)


def refs(result) -> set[str]:
    return {h.ref_id for h in result.hits}


def test_english_words_are_found_in_activities_indicators_comments_notes_and_evidence(plan):
    assert refs(find(plan, "widow")) == {plan.a2}
    assert refs(find(plan, "circular")) == {plan.indicator}
    assert refs(find(plan, "finance division budget")) == {plan.comment_a2}
    gazette = find(plan, "gazette")
    assert {h.kind for h in gazette.hits} == {"status_event", "evidence"}
    assert {h.activity_id for h in gazette.hits} == {plan.a1, plan.a4}


def test_bangla_words_are_found_whole(plan):
    assert refs(find(plan, "বিধবা ")) == {plan.a2}
    assert refs(find(plan, "প্রতিবন্ধী ")) == {plan.a4}
    # মন্ত্রণালয় stands alone in the indicator; the comment has মন্ত্রণালয়ের, a longer word.
    assert refs(find(plan, "মন্ত্রণালয় ")) == {plan.indicator}
    assert refs(find(plan, "বয়স্ক ভাতা ")) == {plan.o1, plan.a1}


def test_the_last_word_is_a_prefix_while_it_is_being_typed(plan):
    assert refs(find(plan, "pens")) == {plan.a3}
    assert find(plan, "pens ").total == 0  # a finished word is matched exactly
    assert refs(find(plan, "মন্ত্র")) == {plan.indicator, plan.comment_a3}
    assert refs(find(plan, "প্রতিব")) == {plan.a4}
    assert refs(find(plan, "ভাতাভো")) == {plan.a4}


def test_a_mixed_english_and_bangla_query_needs_every_word(plan):
    assert refs(find(plan, "widow ভাতা")) == {plan.a2}
    assert refs(find(plan, "allowance বিধবা")) == {plan.a2}
    assert find(plan, "pension বিধবা").total == 0


def test_words_in_other_spellings_are_found(plan):
    """বয়স্ক is stored with য + nukta; the precomposed য় (U+09DF) finds it too. Case and Latin
    accents do not matter."""
    typed = "ব\u09dfস্ক"
    assert typed != "বয়স্ক"
    assert refs(find(plan, typed + " ভাতা ")) == {plan.o1, plan.a1}
    assert refs(find(plan, "WIDÓW")) == {plan.a2}


def test_punctuation_is_ignored(plan):
    assert refs(find(plan, "“widow”, (allowance)!")) == {plan.a2}
    assert refs(find(plan, "বিধবা। ভাতা,")) == {plan.a2}
    assert refs(find(plan, "life-cycle")) == {plan.a2}


def test_hits_carry_their_activity_and_a_highlighted_snippet(plan):
    (hit,) = find(plan, "widow").hits
    assert (hit.kind, hit.activity_id, hit.activity_number) == ("activity", plan.a2, "1.2")
    assert hit.activity_text_en.startswith("Merge the widow")
    assert hit.activity_text_bn.startswith("বিধবা")
    assert (hit.objective_id, hit.objective_number, hit.plan_id) == (plan.o1, "1", plan.plan_new)
    assert f"{MARK_START}widow{MARK_END}" in hit.snippet
    (bangla,) = find(plan, "প্রতিবন্ধী").hits
    assert f"{MARK_START}প্রতিবন্ধী{MARK_END}" in bangla.snippet
    (comment,) = find(plan, "budget").hits
    assert (comment.kind, comment.activity_number, comment.activity_id) == (
        "comment", "1.2", plan.a2)
    (objective,) = find(plan, "grievance").hits
    assert (objective.kind, objective.activity_id, objective.activity_number) == (
        "objective", None, None)
    assert objective.objective_number == "3"


def test_hits_come_best_first(plan):
    scores = [h.score for h in find(plan, "allowance").hits]
    assert len(scores) >= 4 and scores == sorted(scores)  # bm25: lower is better


def test_paging_reports_the_total(plan):
    everything = find(plan, "allowance")
    assert everything.total == len(everything.hits) >= 4
    first = find(plan, "allowance", limit=2)
    second = find(plan, "allowance", limit=2, offset=2)
    assert first.total == second.total == everything.total
    assert first.has_more and len(first.hits) == 2
    assert [h.ref_id for h in first.hits + second.hits] == [
        h.ref_id for h in everything.hits[:4]]
    past = find(plan, "allowance", offset=100)
    assert past.hits == [] and past.total == everything.total and not past.has_more


def test_filter_by_plan(plan):
    assert refs(find(plan, "allowance", plan_id=plan.plan_old)) == {plan.a4, plan.evidence_a4}
    assert plan.a4 not in refs(find(plan, "allowance", plan_id=plan.plan_new))


def test_filter_by_ministry_counts_lead_and_shared_responsibility(plan):
    assert refs(find(plan, "allowance", ministry_id=plan.mowca)) == {plan.a1, plan.a2}
    assert refs(find(plan, "allowance", ministry_id=plan.mosw)) == {
        plan.a1, plan.a4, plan.evidence_a4}
    assert find(plan, "allowance", ministry_id=plan.fd).total == 0
    assert refs(find(plan, "মন্ত্র", ministry_id=plan.fd)) == {plan.comment_a3}


def test_filter_by_cluster_uses_the_objective(plan):
    assert refs(find(plan, "allowance", cluster_id=plan.cluster_sa)) == {
        plan.o1, plan.a1, plan.a2}
    assert refs(find(plan, "pension", cluster_id=plan.cluster_si)) == {plan.a3}
    assert find(plan, "pension", cluster_id=plan.cluster_sa).total == 0


def test_filter_by_derived_status_on_the_as_of_date(plan):
    # a1 completed (approved); a2 not started, due 2024; a3 in progress; a4 recurring.
    assert refs(find(plan, "allowance", status="completed")) == {plan.a1}
    assert refs(find(plan, "allowance", status="not_started")) == {
        plan.a2, plan.a4, plan.evidence_a4}
    assert find(plan, "allowance", status="delayed").total == 0
    # After a2's due date it is delayed without any new event.
    late = find(plan, "allowance", status="delayed", as_of=date(2024, 7, 1))
    assert refs(late) == {plan.a2}
    # Before a1's completion event, a1 was not yet completed.
    assert find(plan, "allowance", status="completed", as_of=date(2022, 4, 30)).total == 0
    assert refs(find(plan, "pension", status=["in_progress", "completed"])) == {plan.a3}


def test_filter_by_due_date_range(plan):
    assert refs(find(plan, "allowance", due_from=date(2022, 6, 30),
                     due_to=date(2022, 6, 30))) == {plan.a1}
    assert refs(find(plan, "allowance", due_from=date(2023, 1, 1))) == {plan.a2}
    # recurring activities have no due date, so a due-date filter leaves them out
    assert plan.a4 not in refs(find(plan, "allowance", due_to=date(2030, 1, 1)))


def test_filters_combine(plan):
    assert refs(find(plan, "allowance", ministry_id=plan.mowca, cluster_id=plan.cluster_sa,
                     plan_id=plan.plan_new, status="completed")) == {plan.a1}
    assert refs(find(plan, "allowance", ministry_id=plan.mowca, status="not_started",
                     due_to=date(2024, 12, 31))) == {plan.a2}
    assert find(plan, "allowance", ministry_id=plan.mowca, plan_id=plan.plan_old).total == 0
    assert find(plan, "allowance", ministry_id=plan.mosw, status="completed",
                due_from=date(2023, 1, 1)).total == 0


def test_objective_hits_are_left_out_by_activity_filters(plan):
    assert plan.o1 in refs(find(plan, "বয়স্ক"))
    assert plan.o1 not in refs(find(plan, "বয়স্ক", ministry_id=plan.mosw))
    assert plan.o1 not in refs(find(plan, "বয়স্ক", status="completed"))


def test_bad_arguments_are_refused_with_a_usage_error(plan):
    with pytest.raises(UsageError, match="Unknown status"):
        find(plan, "allowance", status="finished")
    with pytest.raises(UsageError):
        find(plan, "allowance", limit=0)
    with pytest.raises(UsageError):
        find(plan, "allowance", offset=-1)


def test_unknown_filter_ids_give_no_hits(plan):
    assert find(plan, "allowance", ministry_id="no-such-ministry").total == 0
    assert find(plan, "allowance", plan_id="no-such-plan").total == 0
