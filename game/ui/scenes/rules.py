"""How to play, and every keyboard shortcut of the game (? or F1 on any screen, the title and the
pause menu), scrolling."""

from __future__ import annotations


from .base import Scene
from .doc import Doc

RULES = 8
# Every key the app and the scenes react to; keep in step with Window.dispatch and Scene.on_key.
SHORTCUTS = ("keys.help", "keys.tab", "keys.arrows", "keys.enter", "keys.esc", "keys.undo", "keys.f11", "keys.voice",
             "keys.scroll", "keys.backspace")


class RulesScene(Scene):
    name = "rules"
    default_id = "back"

    closes_on_escape = True

    def layout(self) -> None:
        th = self.theme
        self.doc_rect = self.doc_area(max_width=th.px(1500))
        self.scroll_rect = self.doc_rect
        self.doc = Doc(th)
        for i in range(1, RULES + 1):
            self.doc.p(self.t(f"rules.{i}")).gap()
        self.doc.h(self.t("keys.title")).p(self.t("keys.intro"), colour="muted").gap()
        for key in SHORTCUTS:
            self.doc.p("• " + self.t(key))
        self.doc.gap().p(self.t("keys.settings"), colour="muted")
        self.scroll_max = max(0, self.doc.height(self.doc_rect.width) - self.doc_rect.height)
        self.button_row([("back", self.t("common.back"), self.host.pop)], right=True)

    def spoken_text(self) -> str:
        """The whole text, rules and shortcuts: there is nothing else on this screen."""
        lines = [self.t("rules.title")] + [str(b[1]) for b in self.doc.blocks if len(b) > 1]
        return ". ".join(x.rstrip(".") for x in lines) + "."

    def draw_content(self, surface) -> None:
        self.heading(surface, self.t("rules.title"))
        self.doc.draw(surface, self.doc_rect, self.scroll)
