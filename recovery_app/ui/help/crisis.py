"""The public crisis lines shown on every Get help surface (United States)."""

from dataclasses import dataclass

from recovery_app.core.i18n import translate


@dataclass(frozen=True)
class CrisisLine:
    name: str
    number: str
    detail: str


CRISIS_LINES: tuple[CrisisLine, ...] = (
    CrisisLine(
        translate("ui.help.crisis", "Emergency services"),
        "911",
        translate(
            "ui.help.crisis",
            "If you or someone else is in danger, has taken too much, or has a seizure.",
        ),
    ),
    CrisisLine(
        translate("ui.help.crisis", "988 Suicide & Crisis Lifeline"),
        "988",
        translate(
            "ui.help.crisis", "Call or text 988, any time, to talk with a trained counsellor."
        ),
    ),
    CrisisLine(
        translate("ui.help.crisis", "Poison Help"),
        "1-800-222-1222",
        translate(
            "ui.help.crisis",
            "Free expert advice, 24/7, if someone may have taken too much or mixed medicines or "
            "substances. If they are hard to wake or breathing slowly, call 911 first.",
        ),
    ),
    CrisisLine(
        translate("ui.help.crisis", "SAMHSA National Helpline"),
        "1-800-662-4357",
        translate(
            "ui.help.crisis",
            "Free, confidential, 24/7, in English and Spanish: treatment referrals and "
            "information.",
        ),
    ),
    CrisisLine(
        translate("ui.help.crisis", "SAMHSA National Helpline, TTY"),
        "1-800-487-4889",
        translate(
            "ui.help.crisis", "The same helpline for people who are deaf or hard of hearing."
        ),
    ),
    CrisisLine(
        translate("ui.help.crisis", "SAMHSA by text"),
        "435748",
        translate("ui.help.crisis", "Text your ZIP code to 435748 (HELP4U) to find help near you."),
    ),
)
COUNTRY_NOTE = translate(
    "ui.help.crisis",
    "These numbers are for the United States. Numbers differ by country: "
    "if you live elsewhere, add your local emergency and crisis numbers to your own list.",
)
