"""The facilitator's page behind the PIN: the report PDF (as `bbb report`), CSV and JSON of every
result, and "Sessie wissen"."""

import csv
import io
import json

import pytest

from tests.room.helpers import HubProcess, bot_result, call, room, wall


@pytest.fixture
def hub(tmp_path):
    h = HubProcess(tmp_path / "hub").start()
    for seed, players in ((71, 1), (72, 3), (73, 2)):
        assert call(h.base, "POST", "/api/results", bot_result(seed=seed, players=players), code=h.code).status == 201
    yield h
    assert h.stop() == 0


def admin(hub, path, body=None, method=None):
    return call(hub.base, method or ("POST" if body is not None else "GET"), path, body,
                headers={"X-Room-PIN": hub.pin}, timeout=120)


def test_the_csv_has_a_row_per_player_for_a_spreadsheet(hub):
    reply = admin(hub, "/api/admin/results.csv")
    assert reply.status == 200 and "attachment" in reply.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(reply.body.decode("utf-8-sig"))))
    assert len(rows) == 6
    assert {"personal_fit", "social_fit", "quadrant", "mix"} <= set(rows[0])
    assert all(0 <= float(r["personal_fit"]) <= 100 for r in rows)


def test_the_json_holds_every_result_as_posted(hub):
    reply = admin(hub, "/api/admin/results.json")
    assert reply.status == 200
    assert reply.json()["results"] == room(hub)["results"]


def test_the_report_is_the_workshop_report_of_bbb_report(hub, tmp_path):
    from pypdf import PdfReader

    reply = admin(hub, "/api/admin/report.pdf")
    assert reply.status == 200 and reply.body.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(reply.body)).pages)
    assert "Workshopverslag" in text and "3 uitslagen, 3 spellen, 6 deelnemers" in text


def test_sessie_wissen_deletes_the_rooms_data_and_the_wall_is_empty(hub):
    assert admin(hub, "/api/admin/wipe", {"confirm": False}).status == 422  # only when confirmed
    assert len(room(hub)["results"]) == 3
    assert admin(hub, "/api/admin/wipe", {"confirm": True}).status == 200
    assert room(hub)["results"] == [] and room(hub)["tables"] == []
    state = wall(hub)
    assert state["counts"] == {"results": 0, "players": 0, "tables": 0}
    assert admin(hub, "/api/admin/report.pdf").status == 409  # nothing to report
    assert admin(hub, "/api/admin/timer", {"action": "start", "seconds": 0}).status == 422
