"""Summary -> result JSON, A4 handout PDF, PNG summary cards, QR text; and the workshop report.

The names below load their module on first use (PEP 562): starting the game or the `bbb`
command must not pay for fpdf2 and Pillow until someone exports.
"""

from importlib import import_module

_WHERE = {
    "build_pdf": "pdf", "save_pdf": "pdf", "render_card": "png", "save_png": "png",
    "discussion_prompts": "prompts", "reflection_prompts": "prompts", "qr_modules": "qr", "qr_text": "qr",
    "RESULT_FORMAT": "results", "RESULT_VERSION": "results", "ResultError": "results",
    "build_result": "results", "load_result": "results", "save_result": "results",
    "validate_result": "results",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'game.export' has no attribute {name!r}")
    value = getattr(import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value
    return value
