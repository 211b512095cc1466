"""Server-side SVG: the dyad time-series chart, the network view and the event map.

No JavaScript and no third-party assets: the pages work offline and print well.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any
from urllib.parse import quote


def _f(x: float) -> str:
    return f"{x:.1f}"


def series_chart(points: list[dict[str, Any]], alerts: list[dict[str, Any]], *,
                 width: int = 860, height: int = 280) -> str:
    """Bars: conflict (q3+q4, red, below) and cooperation (q1+q2, green, above) per period;
    line: Goldstein sum; triangles: alerts."""
    pad_l, pad_r, pad_t, pad_b = 48, 12, 16, 36
    w, h = width - pad_l - pad_r, height - pad_t - pad_b
    n = max(len(points), 1)
    coop = [p["q1"] + p["q2"] for p in points]
    conf = [p["q3"] + p["q4"] for p in points]
    peak = max(coop + conf + [1])
    mid = pad_t + h / 2
    bw = min(w / n, 48.0)  # a short series stays narrow bars, not one giant block
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="dyad-chart" '
           f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" aria-labelledby="dyad-chart-title">'
           '<title id="dyad-chart-title">conflict and cooperation per period</title>',
           f'<line x1="{pad_l}" y1="{_f(mid)}" x2="{pad_l + w}" y2="{_f(mid)}" class="axis"/>',
           f'<text x="4" y="{pad_t + 10}" class="lbl">coop {peak}</text>',
           f'<text x="4" y="{pad_t + h}" class="lbl">confl {peak}</text>']
    alert_starts = {a["start"] for a in alerts}
    for i, p in enumerate(points):
        x = pad_l + i * bw
        hc = coop[i] / peak * (h / 2)
        hk = conf[i] / peak * (h / 2)
        tip = escape(f'{p["label"]}: {coop[i]} cooperation, {conf[i]} conflict, '
                     f'Goldstein sum {p["goldstein_sum"]}, conflict score {p["conflict"]}')
        out.append(f'<g class="pt" data-label="{escape(p["label"])}"><title>{tip}</title>')
        if hc:
            out.append(f'<rect class="bar coop" x="{_f(x + 1)}" y="{_f(mid - hc)}" '
                       f'width="{_f(max(bw - 2, 1))}" height="{_f(hc)}"/>')
        if hk:
            out.append(f'<rect class="bar confl" x="{_f(x + 1)}" y="{_f(mid)}" '
                       f'width="{_f(max(bw - 2, 1))}" height="{_f(hk)}"/>')
        out.append("</g>")
        if p["start"] in alert_starts:
            cx = x + bw / 2
            out.append(f'<a href="#alert-{escape(p["start"])}" aria-label="alert {escape(p["label"])}">'
                       f'<path class="alert-mark" '
                       f'd="M{_f(cx)},{pad_t + h + 4} l-6,10 h12 z"><title>alert {escape(p["label"])}'
                       f'</title></path></a>')
    gs = [p["goldstein_sum"] for p in points]
    gpeak = max([abs(g) for g in gs] + [1])
    if len(points) > 1:
        path = " ".join(f'{"M" if i == 0 else "L"}{_f(pad_l + (i + .5) * bw)},{_f(mid - g / gpeak * (h / 2))}'
                        for i, g in enumerate(gs))
        out.append(f'<path class="gold" d="{path}"><title>Goldstein sum</title></path>')
    step = max(1, n // 8)
    for i in range(0, len(points), step):
        out.append(f'<text class="lbl" x="{_f(pad_l + i * bw)}" y="{height - 4}">'
                   f'{escape(points[i]["label"])}</text>')
    out.append("</svg>")
    return "".join(out)


def network_chart(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], *,
                  size: int = 620, max_nodes: int = 40) -> str:
    """Nodes on a circle (heaviest first), directed edges coloured by net Goldstein."""
    nodes = nodes[:max_nodes]
    pos = {}
    c, r = size / 2, size / 2 - 70
    for i, nd in enumerate(nodes):
        a = 2 * math.pi * i / max(len(nodes), 1) - math.pi / 2
        pos[nd["id"]] = (c + r * math.cos(a), c + r * math.sin(a))
    wmax = max([e["weight"] for e in edges] + [1])
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" id="network-chart" viewBox="0 0 {size} {size}" '
           f'width="{size}" height="{size}" aria-labelledby="network-title"><title id="network-title">actor network'
           '</title>',
           '<defs><marker id="arr" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" '
           'markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#666"/></marker></defs>']
    for e in edges:
        if e["source"] not in pos or e["target"] not in pos:
            continue
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        cls = "confl" if e["goldstein_sum"] < 0 else "coop"
        sw = 0.5 + 5 * e["weight"] / wmax
        out.append(f'<a href="/dyads/{escape(e["source"])}/{escape(e["target"])}" '
                   f'aria-label="{escape(e["source"])} to {escape(e["target"])}: {e["weight"]} incidents">'
                   f'<line class="edge {cls}" x1="{_f(x1)}" y1="{_f(y1)}" x2="{_f(x2)}" y2="{_f(y2)}" '
                   f'stroke-width="{_f(sw)}" marker-end="url(#arr)"><title>'
                   f'{escape(e["source"])} → {escape(e["target"])}: {e["weight"]} incidents, '
                   f'Goldstein {e["goldstein_sum"]}</title></line></a>')
    for nd in nodes:
        x, y = pos[nd["id"]]
        out.append(f'<g class="node"><circle cx="{_f(x)}" cy="{_f(y)}" r="6"/>'
                   f'<text x="{_f(x + 8)}" y="{_f(y + 4)}">{escape(nd["name"])}</text></g>')
    out.append("</svg>")
    return "".join(out)


MAP_LABELS = 14  # the busiest places get a text label; every place keeps its tooltip


def _shade_class(metric: str, value: float | None, peak: float) -> str:
    """A fill class: ``c1``..``c5`` (event counts, log scale) or ``g-2``..``g2`` (mean Goldstein)."""
    if value is None:
        return "c0"
    if metric == "goldstein":
        return f"g{max(-2, min(2, round(value / 4)))}"
    if value <= 0:
        return "c0"
    return f"c{1 + min(4, int(4 * math.log1p(value) / math.log1p(max(peak, 1))))}"


def world_map(places: list[dict[str, Any]], countries: dict[str, dict[str, Any]], *,
              bbox: tuple[float, float, float, float] = (-180, -60, 180, 85), width: int = 960,
              metric: str = "events", link: str = "/map?", selected: str | None = None) -> str:
    """Country outlines (Natural Earth 1:110m, see :mod:`communique.web.geo`) shaded by event
    count or mean Goldstein, and a circle per place (area: events; red: mostly conflict)
    linking to ``link`` + ``place=<name>`` (the place's events); the busiest places labelled."""
    from .geo import country_paths

    west, south, east, north = (float(x) for x in bbox)
    proj, paths = country_paths((west, south, east, north), width)
    peak = max([c["events"] for c in countries.values()] + [1])
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" id="event-map" viewBox="0 0 {width} {proj.height}" '
           f'width="{width}" height="{proj.height}" aria-labelledby="map-title">'
           f'<title id="map-title">Map of events: countries shaded by '
           f'{"mean Goldstein score" if metric == "goldstein" else "event count"}, circles at places</title>',
           f'<rect width="{width}" height="{proj.height}" class="sea"/>', '<g class="countries">']
    for iso, name, d in paths:
        c = countries.get(iso or "")
        value = (c["goldstein"] if metric == "goldstein" else c["events"]) if c else None
        tip = f'{name}: {c["events"]} events, mean Goldstein {c["goldstein"]}' if c else f"{name}: no events"
        out.append(f'<path class="country {_shade_class(metric, value, peak)}" data-iso="{escape(iso or "")}" '
                   f'd="{d}"><title>{escape(tip)}</title></path>')
    out.append("</g>")
    w, s, e, n = bbox
    shown = [p for p in places if w <= p["lon"] <= e and s <= p["lat"] <= n]
    ppeak = max([p["events"] for p in shown] + [1])
    labelled = {id(p) for p in sorted(shown, key=lambda p: -p["events"])[:MAP_LABELS]}
    for p in sorted(shown, key=lambda p: -p["events"]):  # small circles drawn last, on top
        x, y = proj.xy(p["lon"], p["lat"])
        rad = 3 + 14 * math.sqrt(p["events"] / ppeak)
        cls = "confl" if p["conflict"] * 2 >= p["events"] else "coop"
        sel = " selected" if selected and p["name"] == selected else ""
        label = f'{p["name"]}: {p["events"]} events ({p["conflict"]} conflict)'
        out.append(f'<a href="{escape(link)}place={quote(p["name"])}#place-events" aria-label="{escape(label)}">'
                   f'<circle class="loc {cls}{sel}" cx="{_f(x)}" cy="{_f(y)}" r="{_f(rad)}">'
                   f'<title>{escape(label)}</title></circle></a>')
    for p in shown:
        if id(p) in labelled:
            x, y = proj.xy(p["lon"], p["lat"])
            out.append(f'<text class="place-label" x="{_f(x + 5)}" y="{_f(y - 5)}">{escape(p["name"])}</text>')
    out.append("</svg>")
    return "".join(out)


QUAD_LABELS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
               4: "material conflict"}


def quad_bars(points: list[dict[str, Any]], *, link: str | None = None, chart_id: str = "quad-chart",
              width: int = 860, height: int = 220, max_bar: float = 40.0) -> str:
    """Stacked bars of events per period by quad class (points: ``start``, ``label`` or
    ``day``, ``q1``..``q4``), bars at most ``max_bar`` wide so a short series stays a
    series; each segment links to ``link`` + ``quad_class=N&since=..&until=..`` (the events)."""
    pad_l, pad_r, pad_t, pad_b = 40, 8, 10, 28
    n = max(len(points), 1)
    bw = min((width - pad_l - pad_r) / n, max_bar)
    width = int(pad_l + pad_r + bw * n) if bw == max_bar else width
    h = height - pad_t - pad_b
    peak = max([sum(p[f"q{q}"] for q in (1, 2, 3, 4)) for p in points] + [1])
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{chart_id}" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" aria-labelledby="{chart_id}-title">'
           f'<title id="{chart_id}-title">events per period by quad class, peak {peak}</title>',
           f'<line class="axis" x1="{pad_l}" y1="{pad_t + h}" x2="{width - pad_r}" y2="{pad_t + h}"/>',
           f'<text class="lbl" x="2" y="{pad_t + 8}">{peak}</text><text class="lbl" x="2" y="{pad_t + h}">0</text>']
    ends = [p.get("end") for p in points]
    for i, p in enumerate(points):
        x, y = pad_l + i * bw, pad_t + h
        day = p.get("start") or p.get("day")
        until = ends[i] or (points[i + 1].get("start") if i + 1 < len(points) and "start" in p else day)
        label = p.get("label") or day
        out.append(f'<g class="pt" data-start="{escape(str(day))}">')
        for q in (1, 2, 3, 4):
            v = p[f"q{q}"]
            if not v:
                continue
            hh = v / peak * h
            y -= hh
            tip = escape(f"{label}: {v} {QUAD_LABELS[q]}")
            rect = (f'<rect class="bar quad{q}" x="{_f(x + 0.5)}" y="{_f(y)}" width="{_f(max(bw - 1, 1))}" '
                    f'height="{_f(hh)}"><title>{tip}</title></rect>')
            if link:
                rng = f"&amp;since={escape(str(day))}" + (f"&amp;until={escape(str(until))}" if until else "")
                rect = f'<a href="{escape(link)}quad_class={q}{rng}" aria-label="{tip}">{rect}</a>'
            out.append(rect)
        out.append("</g>")
    step = max(1, round(n / max(1, (width - pad_l) // 90)))
    for i in range(0, len(points), step):
        lab = points[i].get("label") or points[i].get("day") or ""
        out.append(f'<text class="lbl" x="{_f(pad_l + i * bw)}" y="{height - 8}">{escape(str(lab))}</text>')
    out.append("</svg>")
    return "".join(out)


def sparkline(values: list[float], *, width: int = 120, height: int = 28, label: str = "") -> str:
    """A small line of ``values`` (its last value dotted), scaled to its own peak."""
    peak = max([abs(v) for v in values] + [1])
    n = max(len(values) - 1, 1)
    pts = [(2 + i * (width - 4) / n, height - 3 - v / peak * (height - 6)) for i, v in enumerate(values)]
    path = " ".join(f'{"M" if i == 0 else "L"}{_f(x)},{_f(y)}' for i, (x, y) in enumerate(pts))
    last = (f'<circle cx="{_f(pts[-1][0])}" cy="{_f(pts[-1][1])}" r="2.5" class="spark-end"/>' if pts else "")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="spark" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" '
            f'aria-label="{escape(label or "trend")}: {", ".join(f"{v:g}" for v in values)}">'
            f'<path class="spark-line" d="{path}"/>{last}</svg>')


def home_charts(d: dict[str, Any]) -> dict[str, Any]:
    """The home page's charts: events per day by quad class (each bar linking to its
    events) and a sparkline per rising dyad."""
    days = [{**p, "label": p["day"][5:], "end": p["day"]} for p in d["quads"]]
    names = d["names"]
    return {"quads": quad_bars(days, link="/events?", max_bar=24.0),
            "sparks": [sparkline(r["spark"], label=f'weekly conflict incidents, '
                                 f'{names.get(r["source"], r["source"])} to {names.get(r["target"], r["target"])}')
                       for r in d["rising"]]}
