"""Audit Chinese→English news translations: names, numbers, dates, omissions and form."""

__version__ = "0.1.0"
