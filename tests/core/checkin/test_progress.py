from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from recovery_app.core.checkin.progress import compute_progress

START = date(2026, 1, 1)


def test_no_slips_counts_every_finished_day() -> None:
    p = compute_progress(START, date(2026, 1, 31), [])
    assert (p.current_run_days, p.total_free_days, p.slip_days) == (30, 30, 0)


def test_first_day_is_zero() -> None:
    p = compute_progress(START, START, [])
    assert (p.current_run_days, p.total_free_days) == (0, 0)


def test_a_slip_restarts_the_run_but_keeps_the_total() -> None:
    p = compute_progress(START, date(2026, 2, 1), [date(2026, 1, 21)])
    assert p.current_run_days == 10  # Jan 22 .. Jan 31 finished; Feb 1 is still going
    assert p.total_free_days == 30  # 31 finished days, one of them a slip
    assert p.run_start == date(2026, 1, 22)


def test_a_slip_today_sets_the_run_to_zero_and_leaves_finished_days() -> None:
    p = compute_progress(START, date(2026, 1, 11), [date(2026, 1, 11)])
    assert p.current_run_days == 0
    assert p.total_free_days == 10


def test_slips_before_the_start_are_ignored() -> None:
    p = compute_progress(START, date(2026, 1, 11), [date(2025, 12, 31)])
    assert (p.current_run_days, p.total_free_days, p.slip_days) == (10, 10, 0)


def test_a_start_in_the_future_counts_nothing() -> None:
    p = compute_progress(date(2026, 2, 1), START, [])
    assert (p.current_run_days, p.total_free_days) == (0, 0)


days = st.integers(min_value=0, max_value=4000)


@given(days, st.lists(days, max_size=60))
def test_counts_are_consistent(elapsed: int, slip_offsets: list[int]) -> None:
    today = START + timedelta(days=elapsed)
    slips = [START + timedelta(days=o) for o in slip_offsets if o <= elapsed]
    p = compute_progress(START, today, slips)
    finished_slips = len({s for s in slips if s < today})
    assert p.total_free_days == elapsed - finished_slips
    assert 0 <= p.current_run_days <= p.total_free_days + (1 if today in slips else 0)
    assert p.current_run_days <= elapsed
    assert p.slip_days == len(set(slips))


@given(days, st.lists(days, max_size=30), days)
def test_a_new_slip_never_erases_the_total(elapsed: int, offsets: list[int], extra: int) -> None:
    today = START + timedelta(days=elapsed)
    slips = {START + timedelta(days=o) for o in offsets if o <= elapsed}
    before = compute_progress(START, today, slips)
    slip = START + timedelta(days=min(extra, elapsed))
    after = compute_progress(START, today, slips | {slip})
    assert before.total_free_days - after.total_free_days in (0, 1)
    assert after.current_run_days <= before.current_run_days


def test_runs_are_kept_and_the_longest_is_known() -> None:
    today = date(2026, 3, 1)
    slips = [date(2026, 1, 11), date(2026, 1, 12), date(2026, 2, 1)]
    p = compute_progress(START, today, slips)
    assert [(r.first, r.days, r.ended_by_slip) for r in p.runs] == [
        (START, 10, True),
        (date(2026, 1, 12), 0, True),  # two slips in a row: no days between them
        (date(2026, 1, 13), 19, True),
        (date(2026, 2, 2), 27, False),
    ]
    assert p.longest_run_days == 27 == p.current_run_days
    assert [r.days for r in p.earlier_runs] == [19, 10]  # newest first, empty ones left out
    assert p.total_free_days == 59 - 3


def test_no_slips_one_run() -> None:
    p = compute_progress(START, date(2026, 1, 31), [])
    assert len(p.runs) == 1 and p.earlier_runs == () and p.longest_run_days == 30
