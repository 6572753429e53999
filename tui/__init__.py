"""newsline: a terminal timeline explorer for news reports."""

__version__ = "0.1.0"
