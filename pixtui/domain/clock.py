"""Injected time. Every "now" in pixtui comes from a Clock, so tests and rehearsals control it.

Instants are timezone-aware and stored in UTC; they are shown in the school's zone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

SCHOOL_ZONE = ZoneInfo("Europe/Paris")


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware (UTC)."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that only moves when told to (tests, snapshots)."""

    def __init__(self, instant: datetime) -> None:
        self._instant = as_utc(instant)

    def now(self) -> datetime:
        return self._instant

    def set(self, instant: datetime) -> None:
        self._instant = as_utc(instant)

    def advance(self, delta: timedelta) -> None:
        self._instant += delta


class ScaledClock:
    """Runs ``speed`` times faster than ``base`` from ``origin`` (rehearsal at 1x to 60x)."""

    def __init__(self, base: Clock, speed: float = 1.0) -> None:
        self._base = base
        self._anchor_real = base.now()
        self._anchor_virtual = self._anchor_real
        self._speed = speed

    @property
    def speed(self) -> float:
        return self._speed

    def set_speed(self, speed: float) -> None:
        self._anchor_virtual = self.now()
        self._anchor_real = self._base.now()
        self._speed = speed

    def now(self) -> datetime:
        elapsed = self._base.now() - self._anchor_real
        return self._anchor_virtual + elapsed * self._speed


def as_utc(instant: datetime) -> datetime:
    """Aware UTC; a naive datetime is refused because its zone would be a guess."""
    if instant.tzinfo is None:
        raise ValueError("naive datetime: pixtui only stores aware instants")
    return instant.astimezone(UTC)


def local(instant: datetime, zone: ZoneInfo = SCHOOL_ZONE) -> datetime:
    return instant.astimezone(zone)


def local_today(clock: Clock, zone: ZoneInfo = SCHOOL_ZONE) -> date:
    return clock.now().astimezone(zone).date()


def at_local(day: date, hour: time, zone: ZoneInfo = SCHOOL_ZONE) -> datetime:
    """The UTC instant of a wall-clock time at the school (handles DST)."""
    return datetime.combine(day, hour, tzinfo=zone).astimezone(UTC)
