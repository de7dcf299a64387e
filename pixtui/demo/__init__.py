"""The fictional demo collège behind ``pixtui demo``: pure data, built from a seed and a clock."""

from pixtui.demo.builder import DemoData, build_demo, demo_summary

__all__ = ["DemoData", "build_demo", "demo_summary"]
