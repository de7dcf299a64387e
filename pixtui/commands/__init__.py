"""Subcommands of the ``pixtui`` command line, one module per area."""
