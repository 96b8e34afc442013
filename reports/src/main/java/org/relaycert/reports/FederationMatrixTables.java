package org.relaycert.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The federation matrix in each report format: one table per path, senders as rows, receivers as columns,
 * each cell the delivery latency or "not delivered". Nothing is written when no check measured a pair.
 */
final class FederationMatrixTables {
    private static final String SELF = "\u2013";

    private FederationMatrixTables() {
    }

    /** {@code federationMatrix}: {@code relays}, {@code paths}, {@code cells} (always present, maybe empty). */
    static void json(ObjectNode root, FederationMatrix matrix) {
        ObjectNode node = root.putObject("federationMatrix");
        ArrayNode relays = node.putArray("relays");
        matrix.relays().forEach(relays::add);
        ArrayNode paths = node.putArray("paths");
        matrix.paths().forEach(paths::add);
        ArrayNode cells = node.putArray("cells");
        for (FederationMatrix.Cell c : matrix.cells()) {
            ObjectNode cell = cells.addObject();
            cell.put("from", c.from());
            cell.put("to", c.to());
            cell.put("path", c.path());
            cell.put("delivered", c.delivered());
            if (c.latencyMs().isPresent()) {
                cell.put("deliveryMs", c.latencyMs().get());
            } else {
                cell.putNull("deliveryMs");
            }
            cell.put("note", c.note().orElse(null));
            cell.put("requirementId", c.requirementId());
        }
    }

    static void markdown(StringBuilder md, FederationMatrix matrix) {
        if (matrix.isEmpty()) {
            return;
        }
        md.append("\n## Federation matrix\n\nDelivery from the row's relay to the column's relay: submission accepted "
                + "to arrival in the INBOX.\n");
        for (String path : matrix.paths()) {
            md.append("\n### ").append(MarkdownReportRenderer.cell(path)).append("\n\n| from \\\\ to |");
            matrix.relays().forEach(r -> md.append(' ').append(MarkdownReportRenderer.cell(r)).append(" |"));
            md.append("\n|---|").append("---|".repeat(matrix.relays().size())).append('\n');
            for (String from : matrix.relays()) {
                md.append("| ").append(MarkdownReportRenderer.cell(from)).append(" |");
                for (String to : matrix.relays()) {
                    md.append(' ').append(MarkdownReportRenderer.cell(text(matrix, from, to, path))).append(" |");
                }
                md.append('\n');
            }
        }
    }

    static void html(StringBuilder html, FederationMatrix matrix) {
        if (matrix.isEmpty()) {
            return;
        }
        html.append("<h2 id=\"federation\">Federation matrix</h2>\n<p class=\"small\">Delivery from the row's relay "
                + "to the column's relay: submission accepted to arrival in the INBOX.</p>\n");
        for (String path : matrix.paths()) {
            html.append("<h3>").append(Html.escape(path)).append("</h3>\n<table class=\"federation\">\n<tr><th>from \\ to</th>");
            matrix.relays().forEach(r -> html.append("<th>").append(Html.escape(r)).append("</th>"));
            html.append("</tr>\n");
            for (String from : matrix.relays()) {
                html.append("<tr><th>").append(Html.escape(from)).append("</th>");
                for (String to : matrix.relays()) {
                    String css = matrix.cell(from, to, path).map(c -> c.delivered() ? "yes" : "no").orElse("small");
                    html.append("<td class=\"").append(css).append("\">")
                            .append(Html.escape(text(matrix, from, to, path))).append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</table>\n");
        }
    }

    private static String text(FederationMatrix matrix, String from, String to, String path) {
        if (from.equals(to)) {
            return SELF;
        }
        return matrix.cell(from, to, path)
                .map(c -> c.latencyMs().map(ms -> ms + " ms").orElse("not delivered" + c.note().map(n -> ": " + n).orElse("")))
                .orElse("not measured");
    }
}
