"""pixtui: a keyboard-only terminal dashboard for a school's Pix certification sessions."""

__version__ = "0.1.0"
