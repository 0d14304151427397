"""`bbb play --audit-layout`: it finds text that is cut, shortened or on top of other text, and
widgets on top of each other, and the real screens have none (CI runs the whole audit)."""

import pygame

from game.ui.drivers import layout_audit as audit
from game.ui.scenes.base import Scene
from game.ui.text import draw_text, draw_wrapped


class Broken(Scene):
    """A screen with every mistake the audit looks for (no `name` in its class: not registered)."""

    def layout(self) -> None:
        self.button("a", (10, 10, 200, 80), "Een", None)
        self.button("b", (100, 50, 200, 80), "Twee", None)

    def draw_content(self, surface) -> None:
        th = self.theme
        draw_text(surface, th, "Boven op elkaar", (400, 300), th.s("body"), th.c("text"))
        draw_text(surface, th, "Over elkaar heen", (410, 305), th.s("body"), th.c("text"))
        draw_text(surface, th, "Een zin die veel te lang is voor zijn plek", (400, 400), th.s("body"), th.c("text"),
                  max_width=120)
        draw_text(surface, th, "Onder het bericht", (400, 600), th.s("body"), th.c("text"))
        draw_wrapped(surface, th, "Drie regels tekst in een vak voor een regel " * 3, pygame.Rect(400, 500, 300, 40),
                     th.s("body"), th.c("text"), max_lines=1)


def broken(window):
    scene = Broken(window)
    scene.name = "broken"
    window.set_scene(scene)
    return window.top


def test_the_audit_reports_cut_shortened_and_overlapping_text_and_widgets_with_a_screenshot(new_app, tmp_path):
    app = new_app()
    report = audit.audit(app, [audit.Screen("broken", broken)], [(1280, 720)], [1.0], tmp_path / "shots", print)
    details = [p.detail for p in report.problems]
    assert any("overlaps" in d and "Boven op elkaar" in d for d in details)
    assert any(d.startswith("text cut") and "veel te lang" in d for d in details)
    assert any(d.startswith("text cut") and "Drie regels" in d for d in details)
    assert any(d.startswith("widgets:") and "a overlaps b" in d for d in details)
    shots = list((tmp_path / "shots").glob("*.png"))
    assert len(shots) == 1 and pygame.image.load(str(shots[0])).get_size() == (1280, 720)


def test_a_message_box_hides_the_text_under_it_and_is_not_an_overlap(new_app):
    app = new_app()

    def with_message(window):
        scene = broken(window)
        scene.message = "Opgeslagen: uitslag.pdf"
        return scene

    report = audit.audit(app, [audit.Screen("message", with_message)], [(1280, 720)], [1.0], None, print)
    assert not [p for p in report.problems if "Opgeslagen" in p.detail or "Onder het bericht" in p.detail]
    plain = audit.audit(app, [audit.Screen("plain", broken)], [(1280, 720)], [1.0], None, print)
    assert not [p for p in plain.problems if "Onder het bericht" in p.detail], "the text itself is fine"


def test_every_screen_of_a_solo_and_a_table_game_passes_in_the_smallest_window_at_200_percent(new_app):
    app = new_app()
    screens = audit.all_screens(app, ["breder-belang"], ["en"], [1, audit.TABLE])
    labels = " ".join(s.label for s in screens)
    for kind in ("title", "setup table", "pause", "settings", "rules", "error", "deck problems", "handover",
                 "values", "event", "turn", "turn-longest", "turn-overfull", "dilemma", "room", "boost-give",
                 "boost-answer", "reflect", "summary",
                 "explanation", "export message"):
        assert kind in labels, kind
    report = audit.audit(app, screens, [(1024, 600)], [2.0], None, print)
    assert report.screens == 2 * len(screens)
    assert not report.problems, "\n".join(f"{p.screen}: {p.detail}" for p in report.problems)
