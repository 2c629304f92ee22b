"""Quick skills for riding out a craving, each a few short steps in our own words.

The methods are credited, not copied: urge surfing (G. Alan Marlatt; Sarah Bowen's
mindfulness-based relapse prevention), STOP (mindfulness-based stress reduction),
opposite action and TIPP (Marsha Linehan's dialectical behaviour therapy), HALT and
playing the tape forward (mutual-help groups). The TIPP cautions follow the DBT
skills materials: cold water and hard exercise change the heart rate.
"""

from __future__ import annotations

from dataclasses import dataclass

from recovery_app.core.i18n import translate


@dataclass(frozen=True)
class Skill:
    key: str
    title: str
    summary: str
    steps: tuple[str, ...]
    method: str  # whose method it is, in a few words
    caution: str = ""  # health cautions, shown before the steps
    coping: str = ""  # the default coping strategy it is logged as (core.journal.choices)
    timer_minutes: int = 0  # a skill that needs its own timer sets the flow's to this


def _t(text: str) -> str:
    return translate("core.toolkit.skills", text)


SKILLS: tuple[Skill, ...] = (
    Skill(
        "grounding",
        _t("5-4-3-2-1 grounding"),
        _t("Come back to the room you are in, one sense at a time."),
        (
            _t("Name five things you can see. Say them out loud if you can."),
            _t("Name four things you can touch, and touch them."),
            _t("Name three things you can hear."),
            _t("Name two things you can smell, or two smells you like."),
            _t("Name one thing you can taste, or take a sip of water."),
        ),
        _t("A grounding exercise used in trauma and anxiety care."),
        coping="Grounding (5 things I can see...)",
    ),
    Skill(
        "stop",
        _t("STOP"),
        _t("A pause between the urge and what you do next."),
        (
            _t("Stop. Whatever you are doing, pause for a moment."),
            _t("Take a breath. One slow breath in, and a longer one out."),
            _t("Observe. What do you feel in your body? What is the urge telling you to do?"),
            _t("Proceed. Choose one small next step that helps you."),
        ),
        _t("From mindfulness-based stress reduction."),
    ),
    Skill(
        "tape",
        _t("Play the tape forward"),
        _t("Follow the story past the first moment of relief."),
        (
            _t("Picture giving in to the urge. Now keep the film running."),
            _t("What happens an hour later? Where are you, and how do you feel?"),
            _t("What happens tomorrow morning? How would you feel when you wake up?"),
            _t("Now picture getting through the next half hour instead. How does tomorrow look?"),
        ),
        _t("A tool used in 12-step and SMART Recovery groups."),
        coping="Played the tape forward",
    ),
    Skill(
        "halt",
        _t("HALT check"),
        _t("Hungry, angry, lonely or tired? Each makes an urge stronger."),
        (
            _t("Hungry? Eat something small and drink a glass of water."),
            _t("Angry? Name what you are angry about. Move your body or write it down."),
            _t("Lonely? Call or text someone, or go where there are people."),
            _t("Tired? Rest, even for ten minutes. Things look different after sleep."),
        ),
        _t("A check used in many recovery groups."),
    ),
    Skill(
        "opposite",
        _t("Opposite action"),
        _t("Do the opposite of what the urge asks."),
        (
            _t("Notice what the urge wants you to do, and where it wants you to go."),
            _t("Pick the opposite: leave the place, put the money away, go where people are."),
            _t("Do it fully, with your whole body, for a few minutes."),
        ),
        _t("A skill from dialectical behaviour therapy (Marsha Linehan)."),
    ),
    Skill(
        "tipp",
        _t("TIPP: change your body's chemistry"),
        _t("Fast ways to bring a strong feeling down."),
        (
            _t("Temperature: hold cold water or an ice pack to your face for 30 seconds."),
            _t("Intense exercise: move hard for a few minutes, such as fast walking or stairs."),
            _t("Paced breathing: breathe out longer than you breathe in."),
            _t("Paired relaxation: tense a muscle as you breathe in, let go as you breathe out."),
        ),
        _t("A skill from dialectical behaviour therapy (Marsha Linehan)."),
        caution=_t(
            "Cold water on the face slows the heart. Skip it, and the hard exercise, if you "
            "have a heart condition, take a beta-blocker or another heart medicine, or have an "
            "eating disorder, unless your doctor says it is safe."
        ),
    ),
    Skill(
        "delay",
        _t("Delay and distract"),
        _t("Put the decision off, and fill the time."),
        (
            _t("Tell yourself: not now. I can decide in 15 minutes."),
            _t("Do something that needs your hands and your mind: a puzzle, a game, cooking."),
            _t("When the 15 minutes are up, check in again. Often the urge is smaller."),
        ),
        _t("A common relapse-prevention skill."),
        coping="Distracted myself",
        timer_minutes=15,
    ),
)

BY_KEY = {skill.key: skill for skill in SKILLS}
URGE_SURFING_COPING = "Urge surfing (waited for it to pass)"
BREATHING_COPING = "Breathing exercise"
CALLED_COPING = "Called or texted someone"
