"""Tests of game.content: deck folders -> validated decks, and the checker."""
