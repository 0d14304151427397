"""Summary -> result JSON, A4 handout PDF, PNG summary cards, QR text; and the workshop report."""

from .pdf import build_pdf, save_pdf
from .png import render_card, save_png
from .prompts import discussion_prompts, reflection_prompts
from .qr import qr_modules, qr_text
from .results import (RESULT_FORMAT, RESULT_VERSION, ResultError, build_result, load_result,
                      save_result, validate_result)

__all__ = [
    "build_pdf", "save_pdf", "render_card", "save_png", "discussion_prompts", "reflection_prompts",
    "qr_modules", "qr_text", "RESULT_FORMAT", "RESULT_VERSION", "ResultError", "build_result",
    "load_result", "save_result", "validate_result",
]
