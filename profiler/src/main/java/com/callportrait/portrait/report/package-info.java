/**
 * The managers' report: {@link ReportStats} collects per-agent outcomes and topic counts by week
 * during a build, {@link HtmlReport} writes one self-contained HTML file with inline SVG charts
 * ({@link Svg}) — no script, no CDN.
 */
package com.callportrait.portrait.report;
