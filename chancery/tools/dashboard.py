"""HQ's translation dashboard: one static HTML page with an SVG chart, no script, no CDN."""

from __future__ import annotations

from datetime import datetime
from html import escape

from chancery.content.freshness import LanguageStatus
from chancery.content.i18n.status import CatalogStatus
from chancery.core.clock import wall_now

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
            f"<title>{escape(status.mission)} {escape(status.lang)}: {count} {state}</title></rect>"
        )
        x += width
    label = f"{escape(status.mission)} · {escape(status.lang)}"
    return (f'<text x="0" y="{y + 14}" font-size="13">{label}</text>' + "".join(parts) +
            f'<text x="{190 + BAR_WIDTH + 8}" y="{y + 14}" font-size="12">'
            f"{status.translated}/{status.total}</text>")


REVIEW_LABELS = {
    "reviewed": "Đã duyệt (reviewed by a native speaker)",
    "draft": "Bản nháp, chưa duyệt (draft, not reviewed by a native speaker)",
    "source": "Ngôn ngữ nguồn (source language)",
    "unmarked": "Chưa duyệt, thiếu trường X-Chancery-Review (not reviewed: no review field)",
    "invalid": "Chưa duyệt, trường X-Chancery-Review sai (not reviewed: invalid review field)",
}


def _catalog_rows(catalogs: list[CatalogStatus]) -> str:
    """One row per UI catalog: strings translated, and whether a native speaker reviewed it."""
    rows = []
    for c in catalogs:
        reviewed = "reviewed" if c.review.reviewed else "not-reviewed"
        done = f"{c.translated}/{c.total}" if c.exists else "không có tệp (no catalog)"
        note = f" – {c.review.note}" if c.review.note and c.review.state == "reviewed" else ""
        rows.append(
            f'<tr class="chancery-catalog--{reviewed}"><td>{escape(c.lang)}</td>'
            f"<td>{escape(done)}</td><td>{escape(REVIEW_LABELS[c.review.state] + note)}</td>"
            f"<td><code>{escape(c.path)}</code></td></tr>")
    return "".join(rows)


def _catalog_section(catalogs: list[CatalogStatus]) -> str:
    if not catalogs:
        return ""
    pending = sum(1 for c in catalogs if not c.review.reviewed)
    return f"""<h2 id="ui-catalogs">Giao diện (UI catalogs)</h2>
<p>{pending}/{len(catalogs)} chưa được người bản ngữ duyệt (not reviewed by a native speaker)</p>
<table>
<thead><tr><th>Ngôn ngữ</th><th>Đã dịch</th><th>Duyệt (review)</th><th>Tệp (file)</th></tr></thead>
<tbody>{_catalog_rows(catalogs)}</tbody>
</table>
"""


def dashboard_html(statuses: list[LanguageStatus], now: datetime | None = None,
                   catalogs: list[CatalogStatus] | None = None) -> str:
    """The whole page, self-contained; ``catalogs``: the UI catalogs of the declared languages."""
    now = now or wall_now()
    height = 28 * len(statuses) + 10
    bars = "".join(_bar(status, 10 + 28 * i) for i, status in enumerate(statuses))
    legend = "".join(
        f'<li><span style="background:{COLOURS[k]}"></span>{escape(v)}</li>'
        for k, v in LABELS.items())
    rows = "".join(
        f"<tr><td>{escape(s.mission)}</td><td>{escape(s.lang)}</td><td>{s.total}</td>"
        f"<td>{s.translated}</td><td>{s.outdated}</td><td>{s.missing}</td></tr>"
        for s in statuses)
    todo = "".join(
        f"<li><code>{escape(s.mission)}/{escape(s.lang)}</code> {escape(p.state)}: "
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
{_catalog_section(catalogs or [])}</body>
</html>
"""
