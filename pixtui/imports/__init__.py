"""Pupil and certifiability file imports: bytes in, reports and plans out (no store access)."""
