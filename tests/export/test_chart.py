"""The chart of the two fits: every label readable, none covering another, a marker or a quadrant name."""

import itertools
import math

import pytest

from game.export.chart import Point, draw_chart, shape_for

QUADRANTS = {"high_high": "Responsieve loopbaan", "high_low": "Vooral zin", "low_high": "Vooral zinvol",
             "low_low": "Nog zoekende"}
SIZE, FONT, MARKER = 92.0, 3.4, 92.0 / 70


class MeasuringPen:
    """Draws nothing; measures text as DejaVu Sans roughly does."""

    def rect(self, *a, **k): pass
    def line(self, *a, **k): pass
    def polygon(self, *a, **k): pass
    def ellipse(self, *a, **k): pass
    def text(self, *a, **k): pass

    def text_width(self, s, size, bold=False):
        return len(s) * size * (0.62 if bold else 0.56)


def overlaps(a, b):
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def chart(points):
    return draw_chart(MeasuringPen(), 0, 0, SIZE, points, QUADRANTS, "zin", "zinvol", font=FONT, marker=MARKER)


def check(layout, points):
    for a, b in itertools.combinations(layout.labels, 2):
        assert not overlaps(a, b), "two labels cover each other"
    for label in layout.labels:
        for name in layout.names:
            assert not overlaps(label, name), "a label covers a quadrant name"
        assert 0 <= label[0] and label[2] <= SIZE and 0 <= label[1] and label[3] <= SIZE
        for mx, my in layout.markers:
            assert not overlaps(label, (mx - MARKER, my - MARKER, mx + MARKER, my + MARKER)), "a label covers a marker"
    for (ax, ay), (bx, by) in itertools.combinations(layout.markers, 2):
        assert math.hypot(ax - bx, ay - by) >= 2 * MARKER, "one marker hides another"
    assert len(layout.labels) == sum(1 for p in points if p.label)


@pytest.mark.parametrize("personal, social", [(95, 99), (100, 100), (62, 98), (3, 99), (99, 2), (1, 1), (60, 50)])
def test_the_label_of_one_player_is_clear_of_the_quadrant_names(personal, social):
    points = [Point(personal, social, "jij", "circle", True)]
    check(chart(points), points)


def test_six_players_on_one_spot_are_all_visible_and_labelled():
    points = [Point(70, 70, ["jij", "AB", "CD", "EF", "GH", "IJ"][i], shape_for(i), i == 0) for i in range(6)]
    layout = chart(points)
    check(layout, points)
    assert layout.markers[0] == pytest.approx((SIZE * 0.7, SIZE * 0.3)), "the highlighted player stays in place"


def test_a_crowded_table_near_a_corner_keeps_every_label_readable():
    spots = [(96, 97), (97, 95), (94, 99), (98, 98), (95, 94), (99, 96)]
    points = [Point(p, s, f"P{i}", shape_for(i), i == 2) for i, (p, s) in enumerate(spots)]
    check(chart(points), points)


def test_markers_that_do_not_touch_stay_where_they_belong():
    points = [Point(20, 30, "A"), Point(80, 70, "B")]
    layout = chart(points)
    assert layout.markers[0] == pytest.approx((SIZE * 0.2, SIZE * 0.7))
    assert layout.markers[1] == pytest.approx((SIZE * 0.8, SIZE * 0.3))
