"""Reusable widgets shared by the labs (plane view, draggable items, editors, sliders, background jobs)."""
