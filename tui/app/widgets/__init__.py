"""The app's widgets, grouped by area: the timeline, the details of the selected event, the chrome."""
