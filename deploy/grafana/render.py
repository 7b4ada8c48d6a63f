#!/usr/bin/env python3
"""Renders weerbaar-dashboard.json into a PNG without Grafana: each panel's own PromQL queries are
evaluated by a real Prometheus (its HTTP API, query_range) and drawn with matplotlib in the
dashboard's grid. For the README's screenshot where Grafana cannot be installed.

    python3 deploy/grafana/render.py --prometheus http://localhost:9090 --minutes 10 --out docs/grafana-dashboard.png
"""
import argparse, json, math, time, urllib.parse, urllib.request
from pathlib import Path

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

def query_range(base, expr, start, end, step):
    url = base + "/api/v1/query_range?" + urllib.parse.urlencode({"query": expr, "start": start, "end": end, "step": step})
    with urllib.request.urlopen(url, timeout=30) as answer:
        body = json.load(answer)
    if body.get("status") != "success":
        raise SystemExit(f"Prometheus refused {expr}: {body}")
    return body["data"]["result"]

def legend(template, labels):
    text = template or "{{__name__}}"
    for key, value in labels.items():
        text = text.replace("{{" + key + "}}", value)
    return text

def series_of(panel, base, start, end, step):
    out = []
    for target in panel["targets"]:
        for result in query_range(base, target["expr"], start, end, step):
            points = [(float(t), float(v)) for t, v in result["values"] if not math.isnan(float(v))]
            if points:
                out.append((legend(target.get("legendFormat"), result["metric"]), points))
    return out

def fmt(value, unit):
    if unit == "percentunit":
        return f"{value * 100:.0f} %"
    if unit == "bytes":
        return f"{value / 2**20:.0f} MiB"
    return f"{value:,.0f}" if abs(value) >= 10 or value == int(value) else f"{value:.2f}"

def draw(ax, panel, series, start):
    unit = panel.get("fieldConfig", {}).get("defaults", {}).get("unit")
    ax.set_title(panel["title"], fontsize=9, loc="left")
    if not series:
        ax.text(0.5, 0.5, "No data", ha="center", va="center", fontsize=12, color="grey", transform=ax.transAxes)
        ax.set_xticks([]); ax.set_yticks([])
        return
    kind = panel["type"]
    if kind == "stat":
        value = series[0][1][-1][1]
        steps = panel.get("fieldConfig", {}).get("defaults", {}).get("thresholds", {}).get("steps", [])
        colour = "tab:blue"
        for step in steps:
            if step["value"] is None or value >= step["value"]:
                colour = {"green": "tab:green", "orange": "tab:orange", "red": "tab:red", "blue": "tab:blue"}.get(step["color"], "tab:blue")
        ax.set_facecolor(colour)
        ax.text(0.5, 0.45, fmt(value, unit), ha="center", va="center", fontsize=22, color="white", weight="bold", transform=ax.transAxes)
        ax.set_xticks([]); ax.set_yticks([])
        return
    if kind == "bargauge":
        rows = sorted(((name, points[-1][1]) for name, points in series), key=lambda r: r[0], reverse=True)
        ax.barh([r[0] for r in rows], [r[1] for r in rows], color="tab:green")
        ax.tick_params(labelsize=6)
        if unit == "percentunit":
            ax.set_xlim(0, 1)
            ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        return
    stacked = panel.get("fieldConfig", {}).get("defaults", {}).get("custom", {}).get("stacking", {}).get("mode") == "normal"
    if stacked and len(series) > 1:
        times = sorted({t for _, points in series for t, _ in points})
        values = [[dict(points).get(t, 0.0) for t in times] for _, points in series]
        ax.stackplot([(t - start) / 60 for t in times], values, labels=[name for name, _ in series], alpha=0.7)
    else:
        for name, points in series:
            ax.plot([(t - start) / 60 for t, _ in points], [v for _, v in points], label=name, linewidth=1.2)
    ax.set_xlabel("minutes", fontsize=7)
    ax.tick_params(labelsize=7)
    if unit == "bytes":
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v / 2**20:.0f} MiB"))
    ax.legend(fontsize=6, loc="upper left", ncol=2)

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--prometheus", default="http://localhost:9090")
    parser.add_argument("--dashboard", default=str(Path(__file__).with_name("weerbaar-dashboard.json")))
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    dashboard = json.loads(Path(args.dashboard).read_text())
    end = time.time()
    start = end - args.minutes * 60
    step = max(5, int(args.minutes * 60 / 200))
    rows = max(p["gridPos"]["y"] + p["gridPos"]["h"] for p in dashboard["panels"])
    figure = plt.figure(figsize=(18, rows * 0.42))
    figure.suptitle(f"{dashboard['title']}: the last {args.minutes:g} minutes, panels' queries evaluated by Prometheus",
                    fontsize=11, x=0.01, ha="left")
    grid = figure.add_gridspec(rows, 24, hspace=2.2, wspace=1.6)
    for panel in dashboard["panels"]:
        g = panel["gridPos"]
        ax = figure.add_subplot(grid[g["y"]:g["y"] + g["h"], g["x"]:g["x"] + g["w"]])
        draw(ax, panel, series_of(panel, args.prometheus, start, end, step), start)
    figure.savefig(args.out, dpi=80, bbox_inches="tight")
    print(f"wrote {args.out} ({len(dashboard['panels'])} panels)")

if __name__ == "__main__":
    main()
