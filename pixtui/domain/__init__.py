"""The pure domain of Pix certification: models, Pix's enums, rules and timing.

Imports neither textual nor rich (a test checks it).
"""
