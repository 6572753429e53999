"""newsline's Textual app: widgets grouped by area, styles in newsline.tcss."""

from tui.app.app import NewslineApp

__all__ = ["NewslineApp"]
