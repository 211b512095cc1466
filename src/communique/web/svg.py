"""Server-side SVG: the dyad time-series chart, the network view and the event map.

No JavaScript and no third-party assets: the pages work offline and print well.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any


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
    bw = w / n
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="dyad-chart" role="img" '
           f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           f'aria-label="conflict and cooperation per period">',
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
            out.append(f'<a href="#alert-{escape(p["start"])}"><path class="alert-mark" '
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
           f'width="{size}" height="{size}" role="img" aria-label="actor network">',
           '<defs><marker id="arr" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" '
           'markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#666"/></marker></defs>']
    for e in edges:
        if e["source"] not in pos or e["target"] not in pos:
            continue
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        cls = "confl" if e["goldstein_sum"] < 0 else "coop"
        sw = 0.5 + 5 * e["weight"] / wmax
        out.append(f'<a href="/dyads/{escape(e["source"])}/{escape(e["target"])}">'
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


def world_map(points: list[dict[str, Any]], *, width: int = 900, height: int = 450) -> str:
    """An equirectangular plot of event locations with a 30-degree graticule."""
    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (lon + 180) / 360 * width, (90 - lat) / 180 * height

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" id="event-map" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-label="event locations">',
           f'<rect width="{width}" height="{height}" class="sea"/>']
    for lon in range(-180, 181, 30):
        x, _ = xy(0, lon)
        out.append(f'<line class="grid" x1="{_f(x)}" y1="0" x2="{_f(x)}" y2="{height}"/>')
    for lat in range(-90, 91, 30):
        _, y = xy(lat, 0)
        out.append(f'<line class="grid" x1="0" y1="{_f(y)}" x2="{width}" y2="{_f(y)}"/>')
    groups: dict[tuple[float, float], list[dict[str, Any]]] = {}
    for p in points:
        groups.setdefault((round(p["lat"], 2), round(p["lon"], 2)), []).append(p)
    for (lat, lon), items in sorted(groups.items()):
        x, y = xy(lat, lon)
        confl = sum(1 for i in items if i["quad_class"] >= 3)
        cls = "confl" if confl * 2 >= len(items) else "coop"
        rad = min(3 + math.sqrt(len(items)) * 1.5, 25)
        out.append(f'<a href="/events?country={escape(items[0]["country"] or "")}">'
                   f'<circle class="loc {cls}" cx="{_f(x)}" cy="{_f(y)}" r="{_f(rad)}">'
                   f'<title>{escape(items[0]["name"])}: {len(items)} events ({confl} conflict)'
                   f'</title></circle></a>')
    out.append("</svg>")
    return "".join(out)
