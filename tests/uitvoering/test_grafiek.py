"""The indicator chart's geometry: nothing to draw, a nice axis, the lines where they belong."""

from decimal import Decimal

from uitvoering.grafiek import indicatorgrafiek, rond_op


def test_nothing_to_draw():
    assert (
        indicatorgrafiek(
            waarden=[], nulmeting=None, nulmeting_jaar=None, streefwaarde=None, streefjaar=None
        )
        is None
    )


def test_the_axis_ends_on_a_round_number():
    assert [rond_op(v) for v in (265.0, 0.7, 1800.0, 48.0)] == [300, 1, 2000, 50]


def test_values_nulmeting_and_target():
    g = indicatorgrafiek(
        waarden=[(2025, Decimal(220)), (2026, Decimal(231))],
        nulmeting=Decimal(220),
        nulmeting_jaar=2025,
        streefwaarde=Decimal(180),
        streefjaar=2030,
    )
    assert g is not None
    assert [label for _, label in g.x_labels] == [str(j) for j in range(2025, 2031)]
    assert g.pad.startswith("M56.0,") and " L" in g.pad
    assert g.nulmeting is not None and g.streefwaarde is not None
    assert g.streefwaarde.y > g.nulmeting.y  # lower value, lower on the chart
    assert "Streefwaarde 180 (2030)." in g.samenvatting
