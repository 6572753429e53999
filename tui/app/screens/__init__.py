"""Screens over the main view: the actor picker and the help."""
