"""What events, dilemma options and society-changing cards do: one module per effect kind.

A new kind is one new module here (a frozen dataclass subclassing `Effect`, decorated with
`@register`, imported below) plus its sentences in `assets/strings/*/core.json`; the deck
checker, the rules, the spreadsheet route and the screens find it through `KINDS`.
"""

from .apply import apply_effects, joins_week
from .base import (CONTEXTS, CardId, Deltas, Effect, EffectContext, OneOf, Phrase, Record, Ref, Signed, Spec,
                   TagId, Whole)
from .registry import KINDS, by_report_kind, effect_from_fields, kind_of, register
from .need import NeedEffect  # noqa: E402  (each import registers a kind, in this order)
from .hours import WHO_VALUES, HoursEffect  # noqa: E402
from .offer import OfferEffect  # noqa: E402
from .add import AddEffect  # noqa: E402

__all__ = [
    "CONTEXTS", "KINDS", "WHO_VALUES", "AddEffect", "CardId", "Deltas", "Effect", "EffectContext", "HoursEffect",
    "NeedEffect", "OfferEffect", "OneOf", "Phrase", "Record", "Ref", "Signed", "Spec", "TagId", "Whole",
    "apply_effects", "by_report_kind", "effect_from_fields", "joins_week", "kind_of", "register",
]
