"""One plain sentence for each chart, worked out from the figures.

Readings describe what was logged ("most cravings came on Fridays"), never why:
the data can show a pattern, not a cause. Few records say so instead of a pattern.
"""

from __future__ import annotations

from recovery_app.core.i18n import translate
from recovery_app.core.insights.figures import HaltShare, Insights, Named, share
from recovery_app.core.meetings.schedule import WEEKDAY_PLURALS

FEW = 5  # fewer records than this: too few to speak of a pattern

_t = translate
HALT_WORDS = (
    _t("core.insights.readings", "hungry"),
    _t("core.insights.readings", "angry"),
    _t("core.insights.readings", "lonely"),
    _t("core.insights.readings", "tired"),
)
# (first hour, last hour, words): four parts of six hours, so none wins by being longer.
PARTS_OF_DAY = (
    (6, 11, _t("core.insights.readings", "in the morning")),
    (12, 17, _t("core.insights.readings", "in the afternoon")),
    (18, 23, _t("core.insights.readings", "in the evening")),
    (0, 5, _t("core.insights.readings", "at night")),
)


def percent(part: int, whole: int) -> str:
    return f"{round(100 * share(part, whole))} %"


def days_text(n: int) -> str:
    return (
        _t("core.insights.readings", "1 day")
        if n == 1
        else _t("core.insights.readings", "{n} days").format(n=n)
    )


def number(value: float) -> str:
    return f"{value:.1f}"


def _few(count: int) -> str:
    return _t(
        "core.insights.readings",
        "Only {count} logged in this period: too few to show a pattern yet.",
    ).format(count=count)


def cravings(ins: Insights) -> str:
    count = ins.craving_count
    if count == 0:
        return _t(
            "core.insights.readings",
            "No cravings were logged in this period. When one comes, "
            "“I'm having a craving” or the journal keeps it.",
        )
    passed, used, ongoing, _not_said = ins.outcome_totals()
    strength = number(ins.mean_strength or 0)
    if count == 1:
        text = _t(
            "core.insights.readings", "1 craving logged, at a strength of {strength} of 10."
        ).format(strength=strength)
    elif ins.period.days < 7:  # a rate "a week" would be made up
        text = _t(
            "core.insights.readings",
            "{count} cravings logged, at a mean strength of {strength} of 10.",
        ).format(count=count, strength=strength)
    else:
        text = _t(
            "core.insights.readings",
            "{count} cravings logged, about {per_week} a week, at a mean strength of "
            "{strength} of 10.",
        ).format(count=count, per_week=number(count / (ins.period.days / 7)), strength=strength)
    ended = passed + used + ongoing  # a quick note may not say how it ended
    if ended:
        text += " " + (
            _t("core.insights.readings", "Of those whose end you noted, {passed} passed.")
            if ended < count
            else _t("core.insights.readings", "{passed} passed.")
        ).format(passed=percent(passed, ended))
    if ins.previous_cravings:
        text += " " + _t(
            "core.insights.readings", "The same number of days before had {count}."
        ).format(count=ins.previous_cravings)
    return text


def triggers(ins: Insights) -> str:
    count = ins.craving_count
    if not ins.triggers:
        return _t(
            "core.insights.readings", "No triggers were chosen for the cravings in this period."
        )
    if count < FEW:
        return _few(count)
    top: Named = ins.triggers[0]
    now, before = share(top.count, count), share(top.previous, ins.previous_cravings)
    text = _t(
        "core.insights.readings",
        "{name} was the most common trigger, in {share} of cravings.",
    ).format(name=top.name, share=percent(top.count, count))
    if ins.previous_cravings >= FEW:
        if now > before + 0.05:
            text += " " + _t(
                "core.insights.readings", "That is up from {share} in the days before."
            ).format(share=percent(top.previous, ins.previous_cravings))
        elif now < before - 0.05:
            text += " " + _t(
                "core.insights.readings", "That is down from {share} in the days before."
            ).format(share=percent(top.previous, ins.previous_cravings))
    return text


def _part_of_day(hour: int) -> str:
    return next(words for first, last, words in PARTS_OF_DAY if first <= hour <= last)


def times(ins: Insights) -> str:
    total = sum(map(sum, ins.heat))
    if total < FEW:
        return _few(total) if total else cravings(ins)
    by_day = [sum(row) for row in ins.heat]
    by_part: dict[str, int] = {}
    for row in ins.heat:
        for hour, n in enumerate(row):
            part = _part_of_day(hour)
            by_part[part] = by_part.get(part, 0) + n
    most_days = [d for d, n in enumerate(by_day) if n == max(by_day)]
    most_parts = [p for p, n in by_part.items() if n == max(by_part.values())]
    part_text = (
        _t("core.insights.readings", "{part_of_day} ({part_share})").format(
            part_of_day=most_parts[0], part_share=percent(by_part[most_parts[0]], total)
        )
        if len(most_parts) == 1
        else ""
    )
    if len(most_days) == 1:
        day = most_days[0]
        day_text = _t("core.insights.readings", "on {weekdays} ({day_share})").format(
            weekdays=WEEKDAY_PLURALS[day], day_share=percent(by_day[day], total)
        )
        if part_text:
            return _t("core.insights.readings", "Most cravings came {day} and {part}.").format(
                day=day_text, part=part_text
            )
        return _t("core.insights.readings", "Most cravings came {day}.").format(day=day_text)
    if part_text:
        return _t(
            "core.insights.readings",
            "No one day of the week stands out; most cravings came {part}.",
        ).format(part=part_text)
    return _t(
        "core.insights.readings",
        "Cravings were spread over the week and the day, with no time that stands out.",
    )


def halt(h: HaltShare) -> str:
    if h.craving_days < FEW:
        return _t(
            "core.insights.readings",
            "Too few days with both a craving and a check-in to compare hungry, angry, "
            "lonely and tired.",
        )
    top = max(range(4), key=lambda i: h.on_craving_days[i])
    if h.on_craving_days[top] == 0:
        return _t(
            "core.insights.readings",
            "On days with a craving, no check-in said hungry, angry, lonely or tired.",
        )
    text = _t(
        "core.insights.readings",
        "On days with a craving, you said you were {state} in {share} of check-ins",
    ).format(state=HALT_WORDS[top], share=percent(h.on_craving_days[top], h.craving_days))
    if h.other_days >= FEW:  # a share of one or two days would say little
        return text + _t("core.insights.readings", " ({share} on other days).").format(
            share=percent(h.on_other_days[top], h.other_days)
        )
    return text + "."


def coping(ins: Insights) -> str:
    if not ins.coping:
        return _t(
            "core.insights.readings",
            "No coping strategies were noted for the cravings in this period.",
        )
    best = ins.coping[0]
    text = _t(
        "core.insights.readings",
        "When you used “{name}”, the craving passed {passed} of {count} times.",
    ).format(name=best.name, passed=best.passed, count=best.count)
    if best.count < FEW:
        text += " " + _t("core.insights.readings", "That is a small number, so it says little yet.")
    return text


def checkins(ins: Insights) -> str:
    days = ins.checkin_days
    if days == 0:
        return _t(
            "core.insights.readings",
            "No check-ins in this period. The daily check-in takes about 30 seconds.",
        )
    if days < FEW:
        return _few(days)

    def mean(values: list[tuple[float, int]]) -> float | None:
        weight = sum(w for _v, w in values)
        return sum(v * w for v, w in values) / weight if weight else None

    mood = mean([(p.mood, p.days) for p in ins.checkins if p.mood is not None])
    sleep = mean([(p.sleep_hours, p.days) for p in ins.checkins if p.sleep_hours is not None])
    text = _t("core.insights.readings", "{days} check-ins; mood averaged {mood} of 5").format(
        days=days, mood=number(mood or 0)
    )
    if sleep is not None:
        text += _t("core.insights.readings", ", sleep {hours} hours a night").format(
            hours=number(sleep)
        )
    return text + "."


def recovery(ins: Insights) -> str:
    progress = ins.progress
    if progress is None:
        return _t(
            "core.insights.readings",
            "Set the day your recovery started (on Today) to see your days in recovery.",
        )
    text = _t(
        "core.insights.readings",
        "Current run: {current}. Longest run: {longest}. Days in recovery in all: {total}.",
    ).format(
        current=days_text(progress.current_run_days),
        longest=days_text(progress.longest_run_days),
        total=progress.total_free_days,
    )
    if ins.slips_in_period:
        text += " " + (
            _t(
                "core.insights.readings",
                "1 day in this period had use outside your plan; it is kept as history, "
                "and the total keeps counting.",
            )
            if ins.slips_in_period == 1
            else _t(
                "core.insights.readings",
                "{count} days in this period had use outside your plan; each is kept as "
                "history, and the total keeps counting.",
            ).format(count=ins.slips_in_period)
        )
    return text


def meetings(ins: Insights) -> str:
    weeks = ins.meeting_weeks
    if ins.went == 0:
        return _t(
            "core.insights.readings",
            "No meetings were marked as attended in this period. Meetings can be marked on "
            "the Meetings page.",
        )
    text = (
        _t("core.insights.readings", "You went to 1 meeting.")
        if ins.went == 1
        else _t("core.insights.readings", "You went to {count} meetings.").format(count=ins.went)
    )
    if weeks.mean_with is not None and weeks.mean_without is not None:
        text += " " + _t(
            "core.insights.readings",
            "In weeks with a meeting you logged {with_} cravings on average, in other weeks "
            "{without}.",
        ).format(with_=number(weeks.mean_with), without=number(weeks.mean_without))
    return text
