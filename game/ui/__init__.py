"""Everything pygame: the loop, the scenes, widgets, theme and text rendering."""
