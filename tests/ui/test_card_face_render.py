"""Card faces on screen: every card shows all its information at the game's sizes when given the
height it asks for, a face that cannot counts as cut text, faces are painted once and blitted from
the cache, and the turn screen's states (selected, focus, dimmed, fit marks) are visible."""

from __future__ import annotations

import pygame
import pytest

from game.content import builtin_deck_paths, load_deck
from game.export.card_face import card_face, deck_faces, face_palette
from game.ui import card_face as screen
from game.ui import text as text_module
from game.ui.text import take_cut_count
from game.ui.theme import Theme

# (window, UI scale, the screen's fit, card width): the turn screen's hand cards
GAME_SIZES = [((1280, 720), 1.0, 1.0, 171), ((1920, 1080), 1.0, 1.0, 256), ((1280, 720), 2.0, 0.656, 188),
              ((1920, 1080), 2.0, 0.656, 282)]


@pytest.fixture(scope="module")
def decks():
    pygame.init()
    return [load_deck(p) for p in builtin_deck_paths()]


@pytest.fixture
def recorded(monkeypatch):
    """Every text the card renderer draws."""
    texts: list[str] = []
    original = text_module.render

    def render(theme, text, size, colour, bold=False):
        texts.append(text)
        return original(theme, text, size, colour, bold)

    monkeypatch.setattr(screen, "render", render)
    return texts


def letters(s: str) -> str:
    return "".join(ch for ch in s if ch.isalnum())


@pytest.mark.parametrize("window,scale,fit,width", GAME_SIZES, ids=["720p", "1080p", "720p-x2", "1080p-x2"])
def test_every_hand_card_shows_everything_at_the_height_it_asks_for(decks, window, scale, fit, width, recorded):
    theme = Theme(ui_scale=scale, window=window, fit=fit)
    take_cut_count()
    for deck in decks:
        for card in deck.cards_of("role", "task"):
            height = screen.face_min_height(theme, deck, "nl", card.id, width)
            surface = pygame.Surface((width, height))
            recorded.clear()
            layout = screen.paint_card(surface, theme, deck, "nl", card.id, surface.get_rect())
            assert not layout.overflow, (deck.id, card.id, layout.overflow)
            shown = letters("".join(recorded))
            face = card_face(deck, card, "nl")
            for item in (face.title, face.hours_label, *face.tags, *(p.text for p in face.pips),
                         *(line.text for line in face.on_play)):
                assert letters(item) in shown, (deck.id, card.id, item)
    assert take_cut_count() == 0


def test_every_card_shows_everything_on_a_1080p_screen_at_the_width_of_a_large_card(decks):
    theme = Theme(window=(1920, 1080))
    take_cut_count()
    for deck in decks:
        for lang in deck.languages:
            for face in deck_faces(deck, lang):
                height = int(screen.face_layout(theme, face, (420, 1)).needed + 1)
                assert height <= 1080 - 2 * theme.s("pad"), (deck.id, lang, face.id, height)
                surface = pygame.Surface((420, height))
                layout = screen.paint_face(surface, theme, face, surface.get_rect())
                assert not layout.overflow, (deck.id, lang, face.id, layout.overflow)
    assert take_cut_count() == 0


def test_a_face_too_small_for_its_information_counts_as_cut_text(decks):
    deck = decks[0]
    card = max(deck.cards_of("role", "task"), key=lambda c: len(c.personal) + len(c.social) + len(c.tags))
    theme = Theme(window=(1280, 720))
    surface = pygame.Surface((171, 120))
    take_cut_count()
    layout = screen.paint_card(surface, theme, deck, "nl", card.id, surface.get_rect())
    assert layout.overflow and take_cut_count() == 1


def test_a_face_is_painted_once_and_then_blitted_from_the_cache(decks, monkeypatch):
    from game.ui.widgets import forget_faces

    deck = decks[0]
    card = deck.cards_of("role")[0]
    theme = Theme(window=(1920, 1080))
    painted = []
    original = screen.paint_card
    monkeypatch.setattr(screen, "paint_card", lambda *a, **k: painted.append(1) or original(*a, **k))
    forget_faces()
    target = pygame.Surface((600, 400))
    rect = pygame.Rect(10, 10, 256, 311)
    for _ in range(3):
        screen.draw_card(target, theme, deck, "nl", f"{card.id}#1", rect)
    assert len(painted) == 1
    screen.draw_card(target, theme, deck, "nl", f"{card.id}#1", rect, selected=True)
    screen.draw_card(target, theme, deck, "nl", f"{card.id}#1", rect, fit="swap")
    assert len(painted) == 3, "another look is another face"


def colours_in(surface: pygame.Surface, area: pygame.Rect) -> set[tuple[int, int, int]]:
    sub = surface.subsurface(area)
    return {tuple(sub.get_at((x, y)))[:3] for x in range(sub.get_width()) for y in range(sub.get_height())}


def paint(deck, card_id, **state):
    theme = Theme(window=(1920, 1080))
    surface = pygame.Surface((256, 311))
    surface.fill((1, 2, 3))
    screen.paint_card(surface, theme, deck, "nl", card_id, surface.get_rect(), **state)
    return surface


def test_the_states_of_the_turn_screen_are_visible(decks):
    deck = decks[0]
    card = deck.cards_of("role")[0].id
    palette = face_palette()
    selected = pygame.Color(palette["selected"])[:3]
    focus = pygame.Color(palette["focus"])[:3]
    edge = pygame.Rect(100, 300, 50, 11)  # the middle of the bottom edge
    assert selected in colours_in(paint(deck, card, selected=True), edge)
    assert selected not in colours_in(paint(deck, card), edge)
    assert focus in colours_in(paint(deck, card, focused=True), edge)
    plain, dimmed = paint(deck, card), paint(deck, card, dim=True)
    title_area = pygame.Rect(20, 150, 216, 40)
    assert colours_in(plain, title_area) != colours_in(dimmed, title_area)


def test_fits_fits_after_a_swap_and_does_not_fit_look_different(decks):
    from game.export.card_layout import Disc, FaceState

    deck = decks[0]
    card = deck.cards_of("role")[0].id
    palette = face_palette()
    theme = Theme(window=(1920, 1080))
    seen = {}
    for fit, name in (("fits", "fit_yes"), ("swap", "fit_swap"), ("no", "fit_no")):
        layout = screen.face_layout(theme, card_face(deck, card, "nl"), (256, 311), FaceState(fit=fit))
        mark = next(op for op in layout.ops if isinstance(op, Disc) and op.fill == palette[name])
        surface = paint(deck, card, fit=fit)
        spot = (round(mark.cx - mark.r * 0.75), round(mark.cy))  # inside the mark, beside its icon
        seen[fit] = tuple(surface.get_at(spot))[:3]
        assert seen[fit] == pygame.Color(palette[name])[:3], fit
    assert len(set(seen.values())) == 3
    plain = paint(deck, card)
    assert tuple(plain.get_at(spot))[:3] != seen["no"], "without a fit the corner is free"


def test_the_high_contrast_look_paints_a_dark_face(decks):
    deck = decks[0]
    theme = Theme(window=(1920, 1080), high_contrast=True)
    surface = pygame.Surface((256, 311))
    screen.paint_card(surface, theme, deck, "nl", deck.cards_of("role")[0].id, surface.get_rect())
    assert tuple(surface.get_at((128, 300)))[:3] == pygame.Color(face_palette(True)["face"])[:3]


def test_a_row_of_cards_shares_one_level_and_one_art_height(decks):
    deck = decks[0]
    theme = Theme(window=(1920, 1080))
    row = [c.id for c in deck.cards_of("role")[:5]]
    level, band = screen.row_look(theme, deck, "nl", row, (256, 400))
    layouts = [screen.face_layout(theme, card_face(deck, c, "nl"), (256, 400), richest=level, art_band=band)
               for c in row]
    assert {x.level for x in layouts} == {level} and len({x.band for x in layouts}) == 1


def test_the_preview_renders_every_card_at_the_game_sizes(decks, tmp_path):
    deck = decks[0]
    sheets = screen.preview(deck, "en", tmp_path)
    names = sorted(p.name for p, _ in sheets)
    assert names == sorted(f"{deck.id}-en-{n}.png" for n in
                           [s[0] for s in screen.PREVIEW_SIZES] + ["states"])
    large = pygame.image.load(str(tmp_path / f"{deck.id}-en-1080p-large.png"))
    assert large.get_height() > 588 * (len(deck_faces(deck, "en")) // 8)
