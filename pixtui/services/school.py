"""The school's settings that staff change during the year: the campaign window of its level."""

from __future__ import annotations

from datetime import date
from typing import Any

from pixtui.domain.models import CampaignWindow, SchoolSettings
from pixtui.domain.problems import Problem, Refused
from pixtui.domain.sessions import school_year_of


class WindowRefused(Refused):
    """The window's dates break a rule; ``problem.message`` is the French sentence to show."""


def window_problems(start: date, end: date) -> list[Problem]:
    """Start before end, both in one school year (September to August)."""
    if end < start:
        return [Problem.error("home.window.order")]
    if school_year_of(start) != school_year_of(end):
        return [Problem.error("home.window.one_year", year=school_year_of(start))]
    return []


def set_campaign_window(tx: Any, start: date, end: date) -> SchoolSettings:
    """Replace the window of the school's level for that school year (others are kept)."""
    problems = window_problems(start, end)
    if problems:
        raise WindowRefused(problems)
    school: SchoolSettings = tx.school
    year = school_year_of(start)
    school.campaign_windows = [
        w
        for w in school.campaign_windows
        if not (w.school_type == school.school_type and w.school_year == year)
    ]
    school.campaign_windows.append(CampaignWindow(school.school_type, year, start, end))
    school.campaign_windows.sort(key=lambda w: (w.school_year, w.school_type.value))
    return tx.save_school(school)
