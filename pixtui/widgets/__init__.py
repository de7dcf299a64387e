"""Reusable widgets. They never touch the store: screens give them data and handle their messages."""
