package org.relaycert.reports;

/** The inline stylesheet of the HTML report: no external assets, print friendly, verdicts by colour and text. */
final class HtmlStyle {

    private HtmlStyle() {
    }

    static final String CSS = """
            :root { --pass: #1b7f3b; --fail: #c62828; --error: #8e24aa; --nobs: #6d7780; --notrun: #a0a7ad;
                    --ink: #1d2329; --muted: #5b6670; --line: #dde2e6; --bg: #f6f8f9; }
            * { box-sizing: border-box; }
            body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
                   margin: 0 auto; max-width: 1180px; padding: 24px; }
            h1 { font-size: 1.6em; margin: 0 0 4px; } h2 { margin-top: 2em; border-bottom: 1px solid var(--line); }
            header .meta { color: var(--muted); } header .meta span { margin-right: 1.5em; }
            .overall { display: inline-block; padding: 4px 12px; border-radius: 4px; color: #fff; font-weight: 600;
                       margin-top: 10px; }
            .overall.compliant { background: var(--pass); } .overall.compliant-with-warnings { background: #b26a00; }
            .overall.not-compliant { background: var(--fail); } .overall.partial { background: #8a6d00; }
            ul.headline { list-style: none; padding: 0; margin: 8px 0 0; font-weight: 600; }
            table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
            th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
            th { background: var(--bg); font-weight: 600; } td.num, th.num { text-align: right; }
            .pill { display: inline-block; min-width: 7.5em; text-align: center; padding: 1px 8px; border-radius: 10px;
                    color: #fff; font-size: .85em; font-weight: 600; white-space: nowrap; }
            .v-pass { background: var(--pass); } .v-fail { background: var(--fail); } .v-error { background: var(--error); }
            .v-not-observable { background: var(--nobs); } .v-not-run { background: var(--notrun); }
            .v-precondition-failed { background: #b26a00; }
            .bar { height: 14px; width: 140px; background: #d5dade; border-radius: 3px; display: inline-flex;
                   vertical-align: middle; margin-right: 6px; overflow: hidden; }
            .bar > .p { background: var(--pass); } .bar > .f { background: var(--fail); }
            .source, .small { color: var(--muted); font-size: .85em; }
            .reason { white-space: pre-wrap; }
            pre { background: var(--bg); border: 1px solid var(--line); padding: 8px; overflow-x: auto;
                  font-size: 12.5px; max-height: 420px; white-space: pre-wrap; word-break: break-all; }
            details summary { cursor: pointer; color: var(--muted); font-size: .9em; }
            .yes { color: var(--pass); font-weight: 600; } .no { color: var(--fail); font-weight: 600; }
            .plot { max-width: 100%; height: auto; font: 11px system-ui, sans-serif; }
            .plot .frame { fill: #fff; stroke: var(--line); } .plot .grid { stroke: #eceff1; }
            .plot .curve { stroke: #1f6feb; stroke-width: 1.5; } .plot .dot { fill: #1f6feb; }
            .plot .marker { stroke: var(--fail); stroke-dasharray: 4 3; } .plot text { fill: var(--ink); }
            .plot text.mark { paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; }
            figure { margin: 12px 0 24px; } figcaption { font-weight: 600; margin-bottom: 4px; }
            footer { margin-top: 3em; color: var(--muted); font-size: .85em; }
            """;
}
