"""Small decks written in code, so that each rule can be shown with a handful of cards."""

from game.core.deck import (Card, Deck, DilemmaOption, NeedEffect,
                            PersonalDimension, SocialDimension, Text, frozen_map)


def t(s: str) -> Text:
    return Text.of({"nl": s, "en": s})


def role(cid, hours, personal=None, social=None, tags=(), requires=(), type_="role", copies=1):
    return Card(cid, type_, t(cid), t(cid), tuple(tags), copies, None, hours,
                frozen_map(personal), frozen_map(social), tuple(requires))


def task(cid, hours, personal=None, social=None, tags=(), requires=(), copies=1):
    return role(cid, hours, personal, social, tags, requires, "task", copies)


def event(cid, *effects):
    return Card(cid, "event", t(cid), t(cid), effects=tuple(effects))


def dilemma(cid, *options):
    return Card(cid, "dilemma", t(cid), t(cid),
                options=tuple(DilemmaOption(t(f"{cid}-{i}"), tuple(o)) for i, o in enumerate(options)))


def prompt(cid, competence, phase="reflect"):
    return Card(cid, "prompt", t(cid), t(cid), competence=competence, phase=phase)


PROMPTS = [prompt(f"p-{c}-{ph}", c, ph) for c in ("reflectie", "exploratie", "sturing", "netwerken")
           for ph in ("reflect", "discuss")]


def make_deck(cards=(), combos=(), events=None, hours=40, hand=3, market=2, actions=2,
              balance="balans", extra_roles=True):
    """A playable deck: the given cards plus filler roles, quiet events and every kind of prompt."""
    cards = list(cards)
    if extra_roles:
        cards += [role(f"filler-{i}", 8, {"plezier": 1}, {"zorg": 1}, tags=("filler",)) for i in range(8)]
    if events is None:
        events = [event(f"quiet-{i}", NeedEffect(frozen_map({"zorg": 0}))) for i in range(6)]
    cards += list(events) + PROMPTS
    return Deck(
        id="test", title=t("Test"), languages=("nl", "en"),
        personal=(PersonalDimension("plezier", t("plezier")), PersonalDimension("groei", t("groei")),
                  PersonalDimension("balans", t("balans"))),
        social=(SocialDimension("zorg", t("zorg"), 4), SocialDimension("onderwijs", t("onderwijs"), 3),
                SocialDimension("welvaart", t("welvaart"), 2)),
        cards=tuple(cards), combos=tuple(combos), hours_per_week=hours, hand_size=hand,
        market_size=market, actions_per_turn=actions, balance_dimension=balance, version="t",
    )
