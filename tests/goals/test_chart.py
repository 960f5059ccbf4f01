"""The indicator chart: well-formed, labelled SVG; gaps, ticks, Swedish numbers, edge cases.

Pure tests: no database.
"""

import math
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from styr.goals.chart import (
    EMPHASIS_COLOUR,
    PALETTE,
    TARGET_COLOUR,
    Chart,
    ChartSeries,
    format_number,
    nice_ticks,
    render_chart,
    value_ticks,
)

NS = {"svg": "http://www.w3.org/2000/svg"}
NBSP = "\u00a0"
YEARS = tuple(str(year) for year in range(2013, 2021))
MONTHS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def nacka_chart(**changes) -> Chart:
    fields = {
        "title": "Andel ärenden lösta vid första kontakten",
        "periods": YEARS,
        "series": (
            ChartSeries("Stockholm", (78.2, 80.1, None, 83.4, 84.0, 85.5, 86.1, 87.0)),
            ChartSeries("Göteborg", (None, 65.0, 67.2, None, 71.0, None, 74.4, 76.0)),
            ChartSeries("Nacka", (85.0, 86.4, 88.1, 87.5, 89.9, 90.2, 90.8, 91.3), emphasis=True),
        ),
        "unit": "%",
        "targets": (None, None, 90, 90, 90, 90, 90, 90),
    }
    fields.update(changes)
    return Chart(**fields)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def legend_texts(root: ET.Element) -> list[str]:
    legend = root.find("svg:g[@class='legend']", NS)
    if legend is None:
        return []
    return [" ".join(t.itertext()) for t in legend.findall("svg:text", NS)]


def x_labels(root: ET.Element) -> list[str]:
    axis = root.find("svg:g[@class='x-axis']", NS)
    return [t.text for t in axis.findall("svg:text", NS)]


def y_labels(root: ET.Element) -> list[str]:
    axis = root.find("svg:g[@class='y-axis']", NS)
    return [] if axis is None else [t.text for t in axis.findall("svg:text", NS)]


def series_groups(root: ET.Element) -> list[ET.Element]:
    return root.findall("svg:g[@class='series']", NS)


# --- structure -------------------------------------------------------------------------


def test_chart_is_well_formed_svg_labelled_by_its_own_title_and_desc():
    root = parse(render_chart(nacka_chart(), chart_id="chart-1"))

    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("role") == "img"
    assert root.get("width") == "100%"
    assert re.fullmatch(r"0 0 640 \d+(\.\d)?", root.get("viewBox"))
    assert root.get("aria-labelledby") == "chart-1-title chart-1-desc"
    title = root.find("svg:title", NS)
    desc = root.find("svg:desc", NS)
    assert title.get("id") == "chart-1-title"
    assert title.text == "Andel ärenden lösta vid första kontakten"
    assert desc.get("id") == "chart-1-desc"


def test_two_charts_on_one_page_have_distinct_ids():
    first = parse(render_chart(nacka_chart(), chart_id="chart-1"))
    second = parse(render_chart(nacka_chart(), chart_id="chart-2"))
    ids = {e.get("id") for root in (first, second) for e in root.iter() if e.get("id")}
    assert ids == {"chart-1-title", "chart-1-desc", "chart-2-title", "chart-2-desc"}


def test_desc_summarises_in_swedish_without_every_number():
    chart = nacka_chart(description="Tabellen under diagrammet visar samma värden.")
    desc = parse(render_chart(chart)).find("svg:desc", NS).text

    assert desc == (
        "Linjediagram över 2013–2020. "
        f"Nacka: senaste värde 91,3{NBSP}% (2020). "
        "Jämförs med Stockholm och Göteborg. "
        f"Målvärde 90,0{NBSP}%. "
        "Tabellen under diagrammet visar samma värden."
    )
    assert "78,2" not in desc  # the table beside the chart has those


def test_desc_names_the_latest_target_when_it_changes():
    chart = nacka_chart(targets=(None, None, 85, 85, 88, 88, 90, None))
    desc = parse(render_chart(chart)).find("svg:desc", NS).text
    assert f"Målvärde 90,0{NBSP}% (2019)." in desc


def test_legend_has_one_entry_per_series_and_the_target_emphasised_first():
    root = parse(render_chart(nacka_chart()))
    assert legend_texts(root) == ["Nacka", "Stockholm", "Göteborg", "Målvärde"]


def test_legend_has_no_target_entry_without_targets():
    root = parse(render_chart(nacka_chart(targets=())))
    assert legend_texts(root) == ["Nacka", "Stockholm", "Göteborg"]
    assert root.find("svg:path[@class='target']", NS) is None


def test_long_legend_names_wrap_but_keep_every_word():
    name = "Medel: Liknande kommuner, socioekonomisk struktur och befolkningstäthet, kommunal service 2019"
    chart = nacka_chart(
        series=(ChartSeries(name, (1.0,) * 8), ChartSeries("Nacka", (2.0,) * 8, True)), targets=()
    )
    root = parse(render_chart(chart))
    assert legend_texts(root) == ["Nacka", name]
    legend = root.find("svg:g[@class='legend']", NS)
    assert len(legend.findall("svg:text", NS)[1].findall("svg:tspan", NS)) == 2
    height = float(root.get("viewBox").split()[3])
    assert all(float(t.get("y")) < height for t in legend.findall("svg:text", NS))


def test_emphasised_series_is_dark_blue_thicker_and_drawn_last():
    root = parse(render_chart(nacka_chart()))
    groups = series_groups(root)
    assert [g.get("stroke") for g in groups][-1] == EMPHASIS_COLOUR
    assert groups[-1].get("stroke-width") == "3"
    assert {g.get("stroke-width") for g in groups[:-1]} == {"2"}


def test_series_differ_in_marker_and_dash_not_colour_alone():
    series = tuple(
        ChartSeries(f"Kommun {k}", tuple(float(k + i) for i in range(8))) for k in range(12)
    )
    chart = nacka_chart(series=(*series, ChartSeries("Nacka", (5.0,) * 8, emphasis=True)))
    root = parse(render_chart(chart))
    groups = series_groups(root)
    assert len(groups) == 13
    styles = {(g.get("stroke"), g.get("stroke-dasharray")) for g in groups}
    assert len(styles) == 13
    assert legend_texts(root) == ["Nacka", *(f"Kommun {k}" for k in range(12)), "Målvärde"]


def relative_luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("colour", [EMPHASIS_COLOUR, TARGET_COLOUR, *PALETTE])
def test_line_colours_have_three_to_one_contrast_against_white(colour):
    assert 1.05 / (relative_luminance(colour) + 0.05) >= 3


def test_text_is_at_least_twelve_pixels_in_the_viewbox():
    root = parse(render_chart(nacka_chart()))
    sizes = [float(e.get("font-size")) for e in root.iter() if e.get("font-size")]
    assert sizes and min(sizes) >= 12
    assert "sans-serif" in root.get("font-family")


# --- escaping --------------------------------------------------------------------------


def test_names_title_unit_and_periods_are_escaped():
    chart = Chart(
        title="Kvot <a> & <b>",
        periods=("<2019>", "2020 & 2021"),
        series=(ChartSeries('Nacka <&> "citat"', (1.0, 2.0), emphasis=True),),
        unit="<kr>",
        description="<script>alert(1)</script>",
    )
    svg = render_chart(chart, chart_id='x"><script>')

    assert "<script>" not in svg
    assert "<&>" not in svg
    assert "&lt;&amp;&gt;" in svg
    root = parse(svg)
    assert root.find("svg:title", NS).text == "Kvot <a> & <b>"
    assert legend_texts(root) == ['Nacka <&> "citat"']
    assert x_labels(root) == ["<2019>", "2020 & 2021"]
    assert root.find("svg:text[@class='unit']", NS).text == "<kr>"
    assert "<script>alert(1)</script>" in root.find("svg:desc", NS).text


# --- gaps ------------------------------------------------------------------------------


def polyline_points(group: ET.Element) -> list[list[tuple[float, float]]]:
    return [
        [tuple(map(float, pair.split(","))) for pair in line.get("points").split()]
        for line in group.findall("svg:polyline", NS)
    ]


def one_series(values, **changes) -> Chart:
    periods = tuple(str(2000 + i) for i in range(len(values)))
    return Chart(
        title="Test",
        periods=periods,
        series=(ChartSeries("Nacka", tuple(values), emphasis=True),),
        **changes,
    )


def test_missing_values_break_the_line_into_separate_segments():
    root = parse(render_chart(one_series((1.0, 2.0, None, 4.0, 5.0, 6.0))))
    segments = polyline_points(series_groups(root)[0])
    assert [len(s) for s in segments] == [2, 3]
    # The gap is a gap, not a zero: no point lies between the segments.
    assert segments[0][-1][0] < segments[1][0][0]


def marker_count(root: ET.Element, colour: str) -> int:
    paths = [p for p in root.findall("svg:path", NS) if p.get("fill") == colour]
    return sum(p.get("d").count("M") for p in paths)


def test_a_lone_value_between_gaps_is_still_drawn_as_a_marker():
    root = parse(render_chart(one_series((None, 3.0, None, 4.0, 5.0))))
    assert [len(s) for s in polyline_points(series_groups(root)[0])] == [2]
    assert marker_count(root, EMPHASIS_COLOUR) == 3


def test_only_lone_values_draw_markers_and_no_line():
    root = parse(render_chart(one_series((1.0, None, 3.0, None, 5.0))))
    assert series_groups(root) == []
    assert marker_count(root, EMPHASIS_COLOUR) == 3


def test_non_finite_values_are_gaps():
    root = parse(render_chart(one_series((1.0, math.nan, 3.0, 4.0))))
    assert [len(s) for s in polyline_points(series_groups(root)[0])] == [2]
    assert marker_count(root, EMPHASIS_COLOUR) == 3


def test_target_is_a_dashed_step_line_broken_where_no_target():
    root = parse(render_chart(one_series((1.0, 2.0, 3.0, 4.0), targets=(2, 3, None, 4))))
    target = root.find("svg:path[@class='target']", NS)
    assert target.get("stroke-dasharray")
    assert target.get("fill") == "none"
    assert target.get("d").count("M") == 2  # 2000-2001 as one step, 2003 on its own
    assert target.get("d").count("V") == 1


# --- ticks -----------------------------------------------------------------------------


def is_nice_step(step: float) -> bool:
    exponent = math.floor(math.log10(step))
    mantissa = step / 10**exponent
    return any(math.isclose(mantissa, m, rel_tol=1e-6) for m in (1, 2, 2.5, 5, 10))


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0, 100, (0, 20, 40, 60, 80, 100)),
        (0, 95, (0, 20, 40, 60, 80, 100)),
        (250, 430, (250, 300, 350, 400, 450)),
        (0, 1, (0, 0.2, 0.4, 0.6, 0.8, 1)),
        (0, 7, (0, 2, 4, 6, 8)),
        (-3.2, 6, (-4, -2, 0, 2, 4, 6)),
        (-4, 0, (-4, -3, -2, -1, 0)),
        (10500, 17400, (10000, 12000, 14000, 16000, 18000)),
        (83.5, 96.1, (82.5, 85, 87.5, 90, 92.5, 95, 97.5)),
        (0.012, 0.018, (0.012, 0.014, 0.016, 0.018)),
    ],
)
def test_nice_ticks_on_typical_ranges(low, high, expected):
    assert nice_ticks(low, high) == pytest.approx(expected)


def test_nice_ticks_widen_equal_bounds():
    assert nice_ticks(5, 5)[0] < 5 < nice_ticks(5, 5)[-1]
    assert nice_ticks(0, 0)[0] < 0 < nice_ticks(0, 0)[-1]


@given(
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_subnormal=False),
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_subnormal=False),
)
def test_nice_ticks_increase_by_a_nice_step_and_cover_both_bounds(a, b):
    low, high = min(a, b), max(a, b)
    ticks = nice_ticks(low, high)
    assert 2 <= len(ticks) <= 12
    assert ticks[0] <= low and ticks[-1] >= high
    steps = [later - earlier for earlier, later in zip(ticks, ticks[1:], strict=False)]
    assert all(step > 0 for step in steps)
    assert all(math.isclose(step, steps[0], rel_tol=1e-6) for step in steps)
    assert is_nice_step(steps[0])


@given(st.lists(st.floats(min_value=-1e6, max_value=1e6, allow_subnormal=False), min_size=1))
def test_value_ticks_cover_every_value(values):
    ticks = value_ticks(values)
    assert ticks[0] <= min(values) and ticks[-1] >= max(values)


def test_percentages_far_from_zero_start_at_zero_when_spread_is_wide():
    assert value_ticks([40.0, 95.0])[0] == 0


def test_values_far_from_zero_get_a_non_zero_baseline():
    ticks = value_ticks([250.0, 430.0])
    assert 0 < ticks[0] < 250
    assert ticks[-1] >= 430


def test_all_negative_values_end_at_zero_when_spread_is_wide():
    assert value_ticks([-80.0, -10.0])[-1] == 0
    assert value_ticks([-430.0, -250.0])[-1] < 0


def test_values_all_equal_get_a_range_from_zero():
    assert value_ticks([91.3, 91.3]) == (0, 20, 40, 60, 80, 100)
    assert value_ticks([0.0, 0.0]) == (0, 0.2, 0.4, 0.6, 0.8, 1)
    assert value_ticks([-4.0])[-1] == 0


# --- Swedish numbers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (1234.5, 1, f"1{NBSP}234,5"),
        (12500, 0, f"12{NBSP}500"),
        (1234567.891, 2, f"1{NBSP}234{NBSP}567,89"),
        (-3.2, 1, "\u22123,2"),
        (12, 0, "12"),
        (12.4, 0, "12"),
        (2.25, 1, "2,3"),
        (-2.25, 1, "\u22122,3"),
        (0.5, 0, "1"),
        (91.3, 1, "91,3"),
        (90, 1, "90,0"),
        (999.96, 1, f"1{NBSP}000,0"),
        (-0.04, 1, "0,0"),
        (0, 2, "0,00"),
        (-1500, 0, f"\u22121{NBSP}500"),
    ],
)
def test_format_number_writes_swedish_numbers(value, decimals, text):
    assert format_number(value, decimals) == text


def test_format_number_refuses_what_is_not_a_number():
    with pytest.raises(ValueError):
        format_number(math.nan, 1)


def test_tick_labels_use_decimal_comma_minus_sign_and_grouping():
    root = parse(render_chart(one_series((-3.2, 6.0))))
    assert y_labels(root) == ["\u22124", "\u22122", "0", "2", "4", "6"]
    root = parse(render_chart(one_series((10500.0, 17400.0))))
    assert y_labels(root)[-1] == f"18{NBSP}000"
    root = parse(render_chart(one_series((0.1, 0.9))))
    assert y_labels(root) == ["0,0", "0,2", "0,4", "0,6", "0,8", "1,0"]


# --- determinism and compactness -------------------------------------------------------


def test_same_input_gives_byte_identical_output():
    assert render_chart(nacka_chart(), chart_id="c") == render_chart(nacka_chart(), chart_id="c")


def test_coordinates_are_rounded_to_one_decimal():
    chart = one_series(tuple(1 / 3 + i / 7 for i in range(13)), targets=(1 / 3,) * 13)
    svg = render_chart(chart)
    attributes = re.findall(r' (?:d|points|x|y|viewBox)="([^"]*)"', svg)
    numbers = [n for value in attributes for n in re.findall(r"-?\d+(?:\.\d+)?", value)]
    assert numbers
    assert all(re.fullmatch(r"-?\d+(\.\d)?", n) for n in numbers)


# --- edge cases ------------------------------------------------------------------------


def test_single_period_draws_a_marker_centred_on_its_label():
    chart = Chart(
        title="En period",
        periods=("2020",),
        series=(ChartSeries("Nacka", (250.0,), True), ChartSeries("Solna", (430.0,))),
        unit="kr",
        targets=(300.0,),
    )
    root = parse(render_chart(chart))
    assert x_labels(root) == ["2020"]
    assert series_groups(root) == []
    assert marker_count(root, EMPHASIS_COLOUR) == 1
    assert legend_texts(root) == ["Nacka", "Solna", "Målvärde"]
    assert root.find("svg:desc", NS).text.startswith(
        "Diagram över 2020. Nacka: senaste värde 250,0"
    )


def test_all_values_missing_draws_axes_and_says_so():
    chart = one_series((None, None, None), unit="%")
    root = parse(render_chart(chart))
    texts = [t.text for t in root.findall("svg:text", NS)]
    assert "Inga värden" in texts
    assert x_labels(root) == ["2000", "2001", "2002"]
    assert series_groups(root) == []
    assert "Inga värden." in root.find("svg:desc", NS).text


def test_no_series_at_all_still_renders():
    root = parse(render_chart(Chart(title="Tom", periods=("2020",), series=())))
    assert "Inga värden" in [t.text for t in root.findall("svg:text", NS)]


def test_negative_values_are_inside_the_plot_with_a_zero_line():
    root = parse(render_chart(one_series((-3.2, -1.0, 2.5, 4.0))))
    labels = y_labels(root)
    assert labels[0].startswith("\u2212") and "0" in labels
    points = polyline_points(series_groups(root)[0])[0]
    lowest_grid = max(
        float(p.get("d").split()[1].split("H")[0]) for p in root.find("svg:g[@class='grid']", NS)
    )
    assert all(y <= lowest_grid for _, y in points)


def test_values_all_equal_do_not_divide_by_zero():
    root = parse(render_chart(one_series((7.0, 7.0, 7.0))))
    ys = {y for _, y in polyline_points(series_groups(root)[0])[0]}
    assert len(ys) == 1
    assert y_labels(root)[0] == "0"


def test_mismatched_lengths_are_refused_with_the_series_name():
    with pytest.raises(ValueError, match="Nacka"):
        Chart(title="Fel", periods=("2019", "2020"), series=(ChartSeries("Nacka", (1.0,)),))
    with pytest.raises(ValueError, match="targets"):
        Chart(title="Fel", periods=("2019",), series=(), targets=(1.0, 2.0))


# --- period labels ---------------------------------------------------------------------


def label_boxes(root: ET.Element) -> list[tuple[float, float]]:
    axis = root.find("svg:g[@class='x-axis']", NS)
    return [
        (float(t.get("x")) - len(t.text) * 3.8, float(t.get("x")) + len(t.text) * 3.8)
        for t in axis.findall("svg:text", NS)
    ]


def test_a_few_years_are_all_labelled():
    root = parse(render_chart(nacka_chart()))
    assert x_labels(root) == list(YEARS)


def test_many_years_are_thinned_to_round_years():
    years = tuple(str(y) for y in range(1990, 2021))
    root = parse(render_chart(Chart("År", years, (ChartSeries("Nacka", (1.0,) * len(years)),))))
    labels = x_labels(root)
    assert 3 <= len(labels) < len(years)
    stride = int(labels[1]) - int(labels[0])
    assert stride in (2, 5, 10)
    assert all(int(label) % stride == 0 for label in labels)


def test_months_are_labelled_every_third_or_january_without_overlap():
    for years in (1, 3, 8):
        periods = tuple(f"{m} {y}" for y in range(2015, 2015 + years) for m in MONTHS)
        chart = Chart("Månad", periods, (ChartSeries("Nacka", (1.0,) * len(periods), True),))
        root = parse(render_chart(chart))
        labels = x_labels(root)
        months = {label.split()[0] for label in labels}
        assert months <= {"jan", "apr", "jul", "okt"}, labels
        assert "jan" in months
        boxes = label_boxes(root)
        assert all(a[1] < b[0] for a, b in zip(boxes, boxes[1:], strict=False)), labels
        assert all(left >= 0 and right <= 640 for left, right in boxes)


def test_quarters_are_thinned_to_the_first_quarter():
    periods = tuple(f"K{q} {y}" for y in range(2010, 2020) for q in range(1, 5))
    root = parse(render_chart(Chart("Kvartal", periods, (ChartSeries("Nacka", (1.0,) * 40),))))
    assert all(label.startswith("K1 ") for label in x_labels(root))


def test_unknown_labels_are_thinned_every_kth():
    periods = tuple(f"Mätning nummer {i}" for i in range(30))
    root = parse(render_chart(Chart("Okänt", periods, (ChartSeries("Nacka", (1.0,) * 30),))))
    boxes = label_boxes(root)
    assert 2 <= len(boxes) < 30
    assert all(a[1] < b[0] for a, b in zip(boxes, boxes[1:], strict=False))


# --- any input -------------------------------------------------------------------------

names = st.text(max_size=80)
values = st.one_of(st.none(), st.floats(min_value=-1e7, max_value=1e7, allow_subnormal=False))


def xml_safe(text: str) -> str:
    return "".join(
        c
        for c in text
        if c in "\t\n\r" or (c >= " " and not "\ud800" <= c <= "\udfff" and c not in "\ufffe\uffff")
    )


@given(
    title=names,
    series_names=st.lists(names, min_size=0, max_size=12),
    periods=st.integers(min_value=1, max_value=60),
    data=st.data(),
)
def test_any_names_and_values_give_well_formed_svg_with_every_name_in_the_legend(
    title, series_names, periods, data
):
    series = tuple(
        ChartSeries(name, tuple(data.draw(values) for _ in range(periods)), emphasis=(i == 0))
        for i, name in enumerate(series_names)
    )
    chart = Chart(title, tuple(f"P{i}" for i in range(periods)), series, unit=data.draw(names))
    root = parse(render_chart(chart, chart_id="c"))

    assert (root.find("svg:title", NS).text or "") == xml_safe(title).replace("\r\n", "\n").replace(
        "\r", "\n"
    )
    squeezed = ["".join(xml_safe(name).split()) for name in series_names]
    assert ["".join("".join(t).split()) for t in legend_texts(root)] == squeezed


def test_desc_of_a_chart_without_values_says_so_once():
    chart = Chart(
        "Tom",
        ("2019", "2020"),
        (ChartSeries("Nacka", (None, None), True), ChartSeries("Solna", (None, None))),
    )
    desc = parse(render_chart(chart)).find("svg:desc", NS).text
    assert desc == "Linjediagram över 2019–2020. Inga värden. Jämförs med Solna."
