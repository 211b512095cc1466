"""Dyad time series, alerts, network and exports over hand-built analyses."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from communique.analysis import build_network, detect_alerts, dyad_series, facts_of, scan_alerts
from communique.analysis.exports import GDELT_COLUMNS, PLOVER_COLUMNS, records_of, render
from communique.analysis.series import period_label, period_start
from communique.analysis.synthetic import make_analysis
from communique.config import Settings

D = dt.date(2022, 2, 21)  # a Monday


@pytest.mark.parametrize("day,period,start,label", [
    (dt.date(2022, 2, 24), "day", dt.date(2022, 2, 24), "2022-02-24"),
    (dt.date(2022, 2, 24), "week", dt.date(2022, 2, 21), "2022-W08"),
    (dt.date(2022, 2, 24), "month", dt.date(2022, 2, 1), "2022-02"),
])
def test_analysis_series_period_buckets(day, period, start, label):
    assert period_start(day, period) == start
    assert period_label(start, period) == label


def test_analysis_series_counts_quads_and_goldstein():
    a = make_analysis(D, [("RUS", "ASSAULT", "UKR"), ("RUS", "THREATEN", "UKR"), ("RUS", "AID", "UKR"),
                          ("UKR", "ACCUSE", "RUS")])
    s = dyad_series(facts_of([a]), "RUS", "UKR", period="week")
    (p,) = s.points
    assert (p.events, p.q1, p.q2, p.q3, p.q4) == (3, 0, 1, 1, 1)
    assert p.goldstein_sum == pytest.approx(-10 - 4.4 + 7)
    assert p.conflict == pytest.approx(14.4)
    both = dyad_series(facts_of([a]), "RUS", "UKR", directed=False)
    assert both.points[0].events == 4


def test_analysis_series_story_cluster_counted_not_article_counted():
    same = [make_analysis(D, [("RUS", "ASSAULT", "UKR")], salt=str(i), story="story-1") for i in range(3)]
    other = make_analysis(D, [("RUS", "ASSAULT", "UKR")], salt="x")
    facts = facts_of(same + [other])
    stories = {f.story for f in facts}
    p = dyad_series(facts, "RUS", "UKR").points[0]
    if "story-1" in stories:  # models with story ids: 3 reports of one story count once
        assert (p.events, p.articles, p.stories) == (2, 4, 2)
    else:  # without story ids every article is its own story
        assert (p.events, p.articles) == (4, 4)


def test_analysis_series_zero_fills_quiet_periods_and_skips_non_asserted():
    a = make_analysis(D, [("RUS", "ASSAULT", "UKR")])
    b = make_analysis(D + dt.timedelta(days=21), [("RUS", "ASSAULT", "UKR")])
    s = dyad_series(facts_of([a, b]), "RUS", "UKR", period="week")
    assert [p.events for p in s.points] == [1, 0, 0, 1]
    assert dyad_series(facts_of([a]), "RUS", "UKR", modalities=("negated",)).points == ()


def _weeks(counts):
    """One article (its own story) per event, ``counts[i]`` of them in week ``i``."""
    return [make_analysis(D + dt.timedelta(weeks=i), [("RUS", "THREATEN", "UKR")], salt=f"{i}-{j}")
            for i, n in enumerate(counts) for j in range(n)]


@pytest.mark.parametrize("method", ["zscore", "cusum"])
def test_analysis_alerts_fire_on_spike_with_evidence(method):
    counts = [1, 1, 2, 1, 1, 2, 1, 1, 8, 1]
    analyses = _weeks(counts)
    s = dyad_series(facts_of(analyses), "RUS", "UKR", period="week")
    alerts = detect_alerts(s, Settings(alert_method=method))
    assert [a.start for a in alerts] == [D + dt.timedelta(weeks=8)]
    al = alerts[0]
    week8 = {a.id for a in analyses if a.article.published == D + dt.timedelta(weeks=8)}
    assert len(al.event_ids) == 8 and {e.split(":")[0] for e in al.event_ids} == week8
    assert al.quote_ids == ()  # no quotes in these articles


def test_analysis_alerts_quiet_series_has_none_and_quotes_link():
    s = dyad_series(facts_of(_weeks([2] * 12)), "RUS", "UKR")
    assert detect_alerts(s, Settings()) == []
    arts = _weeks([1, 1, 1, 1, 1])
    arts.append(make_analysis(D + dt.timedelta(weeks=5), [("RUS", "ASSAULT", "UKR")],
                              quote="We will strike", speaker_iso="RUS"))
    alerts = scan_alerts(facts_of(arts), Settings(), keys="country")
    assert alerts and alerts[0].quote_ids == (f"{arts[-1].id}:q0",)


def test_analysis_network_weights_edges():
    a = make_analysis(D, [("RUS", "ASSAULT", "UKR"), ("RUS", "ASSAULT", "UKR"), ("USA", "AID", "UKR")])
    net = build_network(facts_of([a]), keys="country")
    edges = {(e.source, e.target): e for e in net.edges}
    assert edges[("RUS", "UKR")].weight == 1  # same story, type, day: one incident
    assert edges[("USA", "UKR")].cooperation == 1
    assert net.nodes[0]["id"] == "UKR"
    assert build_network(facts_of([a]), keys="country", types=("AID",)).to_dict()["edges"][0]["source"] == "USA"


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "parquet"])
@pytest.mark.parametrize("table,columns", [("plover", PLOVER_COLUMNS), ("gdelt", GDELT_COLUMNS)])
def test_analysis_exports_formats(tmp_path, fmt, table, columns):
    a = make_analysis(D, [("RUS", "ASSAULT", "UKR"), ("USA", "SANCTION", "RUS")],
                      quote="We will respond", speaker_iso="USA")
    data = render(records_of([a]), table, fmt)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        path = tmp_path / "t.parquet"
        path.write_bytes(data)
        t = pq.read_table(path)
        assert tuple(t.column_names) == columns and t.num_rows == 2
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in data.decode().splitlines()]
        assert len(rows) == 2 and tuple(rows[0]) == columns
    else:
        lines = data.decode().splitlines()
        assert lines[0].split("," if fmt == "csv" else "\t") == list(columns) and len(lines) == 3


def test_analysis_exports_gdelt_codes():
    a = make_analysis(D, [("RUS", "ASSAULT", "UKR")])
    row = json.loads(render(records_of([a]), "gdelt", "jsonl"))
    assert (row["SQLDATE"], row["Actor1Code"], row["Actor2CountryCode"], row["EventRootCode"],
            row["QuadClass"], row["ActionGeo_FullName"]) == ("20220221", "RUSGOV", "UKR", "19", 4, "Kyiv")
