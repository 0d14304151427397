"""Test set-up shared by every test: headless SDL, and the small decks the rules are told with."""

import os

# Before anything imports pygame: no window, no sound device, no banner.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
