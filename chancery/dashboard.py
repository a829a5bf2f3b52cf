"""HQ's translation dashboard: one static HTML page with an SVG chart, no script, no CDN."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from chancery.translations import LanguageStatus

COLOURS = {"translated": "#2e7d32", "outdated": "#f9a825", "missing": "#c62828"}
LABELS = {
    "translated": "Đã dịch (translated)",
    "outdated": "Cần cập nhật (outdated)",
    "missing": "Chưa dịch (missing)",
}
BAR_WIDTH = 420


def _bar(status: LanguageStatus, y: int) -> str:
    x, parts = 190, []
    for state in ("translated", "outdated", "missing"):
        count = getattr(status, state)
        if not count:
            continue
        width = BAR_WIDTH * count / max(status.total, 1)
        parts.append(
            f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="18" fill="{COLOURS[state]}">'
            f"<title>{escape(status.mission)} {status.lang}: {count} {state}</title></rect>"
        )
        x += width
    label = f"{escape(status.mission)} · {status.lang}"
    return (f'<text x="0" y="{y + 14}" font-size="13">{label}</text>' + "".join(parts) +
            f'<text x="{190 + BAR_WIDTH + 8}" y="{y + 14}" font-size="12">'
            f"{status.translated}/{status.total}</text>")


def dashboard_html(statuses: list[LanguageStatus], now: datetime | None = None) -> str:
    """The whole page, self-contained."""
    now = now or datetime.now(UTC)
    height = 28 * len(statuses) + 10
    bars = "".join(_bar(status, 10 + 28 * i) for i, status in enumerate(statuses))
    legend = "".join(
        f'<li><span style="background:{COLOURS[k]}"></span>{escape(v)}</li>'
        for k, v in LABELS.items())
    rows = "".join(
        f"<tr><td>{escape(s.mission)}</td><td>{s.lang}</td><td>{s.total}</td>"
        f"<td>{s.translated}</td><td>{s.outdated}</td><td>{s.missing}</td></tr>"
        for s in statuses)
    todo = "".join(
        f"<li><code>{escape(s.mission)}/{s.lang}</code> {escape(p.state)}: "
        f"<code>{escape(p.path)}</code></li>"
        for s in statuses for p in s.pages if p.state != "translated")
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>Tình trạng bản dịch – Translation status</title>
<style>
body{{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;color:#1a1a1a}}
h1{{color:#a8191a}} table{{border-collapse:collapse;margin-top:1rem}}
td,th{{border:1px solid #ccc;padding:.3rem .6rem;text-align:end}} td:first-child,th:first-child,
td:nth-child(2){{text-align:start}} .legend{{list-style:none;padding:0;display:flex;gap:1.5rem}}
.legend span{{display:inline-block;width:1em;height:1em;margin-inline-end:.4em;
vertical-align:middle}}
</style>
</head>
<body>
<h1>Tình trạng bản dịch <small>(translation status)</small></h1>
<p>Cập nhật lúc (generated) {now.strftime("%Y-%m-%d %H:%M UTC")} ·
{len({s.mission for s in statuses})} cơ quan đại diện (missions)</p>
<ul class="legend">{legend}</ul>
<svg role="img" aria-label="Translation status per mission and language"
 width="{190 + BAR_WIDTH + 60}"
 height="{height}" xmlns="http://www.w3.org/2000/svg">{bars}</svg>
<table>
<thead><tr><th>Mission</th><th>Ngôn ngữ</th><th>Tổng</th><th>Đã dịch</th><th>Cần cập nhật</th>
<th>Chưa dịch</th></tr></thead>
<tbody>{rows}</tbody>
</table>
<h2>Việc cần làm (to do)</h2>
<ul>{todo or "<li>Không có (nothing)</li>"}</ul>
</body>
</html>
"""
