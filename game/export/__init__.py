"""Summary -> result JSON, A4 handout PDF, PNG summary cards, QR text; and the workshop report.

Names load their module on first use (see game.lazy): starting the game or the `bbb` command
does not pay for fpdf2 and Pillow until someone exports.
"""

from ..lazy import lazy_names

_WHERE = {
    "build_pdf": "pdf", "save_pdf": "pdf", "render_card": "png", "save_png": "png",
    "discussion_prompts": "prompts", "reflection_prompts": "prompts", "qr_modules": "qr", "qr_text": "qr",
    "RESULT_FORMAT": "results", "RESULT_VERSION": "results", "ResultError": "results",
    "build_result": "results", "load_result": "results", "save_result": "results",
    "validate_result": "results",
    "FORMATS": "formats", "ExportFormat": "formats", "ExportRequest": "formats",
}
__all__ = sorted(_WHERE)
__getattr__ = lazy_names(__name__, _WHERE)
