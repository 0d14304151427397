"""Results of different fit models never mix: each result says its model, the report keeps them apart."""

import json

from pypdf import PdfReader

from game.core import summarize
from game.core.scoring import MODEL_VERSION
from game.export import build_result, load_result
from game.export.report import build_report, gather
from game.export.results import scoring_model
from tests.export.helpers import export_deck, finished, setup_of


def as_model_1(data: dict) -> dict:
    """The same game as a program before fit model v2 wrote it: result and summary version 1."""
    old = json.loads(json.dumps(data))
    old["version"] = 1
    del old["scoring_model"]
    old["summary"]["version"] = 1
    del old["summary"]["model_version"]
    for player in old["summary"]["players"]:
        del player["social_themes"], player["balance"]
    return old


def test_a_result_records_the_fit_model_it_was_scored_with():
    deck, state, summary = finished(["Sam"], seed=3)
    data = build_result(deck, summary, state.log, setup_of(state))
    assert data["scoring_model"] == MODEL_VERSION == 2
    assert data["summary"]["model_version"] == MODEL_VERSION
    assert scoring_model(data) == 2


def test_a_result_of_the_first_model_still_reads_and_says_model_1(tmp_path):
    deck, state, summary = finished(["Sam"], seed=3)
    path = tmp_path / "old.json"
    path.write_text(json.dumps(as_model_1(build_result(deck, summary, state.log, setup_of(state)))), encoding="utf-8")
    data = load_result(path)
    assert scoring_model(data) == 1


def test_the_report_keeps_results_of_both_models_apart(tmp_path):
    deck = export_deck()
    for seed in range(3):
        deck, state, summary = finished(["Sam", "Noor"], seed=seed)
        data = build_result(deck, summarize(deck, state), state.log, setup_of(state))
        (tmp_path / f"new-{seed}.json").write_text(json.dumps(data), encoding="utf-8")
        (tmp_path / f"old-{seed}.json").write_text(json.dumps(as_model_1(data)), encoding="utf-8")
    gathered = gather([tmp_path])
    assert sorted((g.deck_id, g.fingerprint, g.model, len(g.results)) for g in gathered.groups) == [
        (deck.id, deck.fingerprint, 1, 3), (deck.id, deck.fingerprint, 2, 3)]
    text = " ".join(p.extract_text() for p in PdfReader(_pdf(tmp_path, gathered)).pages)
    assert "rekenmodel 1" in text and "rekenmodel 2" in text


def _pdf(folder, gathered):
    path = folder / "report.pdf"
    path.write_bytes(build_report(gathered, "nl"))
    return path
