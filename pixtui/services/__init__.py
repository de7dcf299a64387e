"""Application services: domain rules applied through the store, for screens and commands.

No textual or rich here either: screens call these, and so do headless commands.
"""
