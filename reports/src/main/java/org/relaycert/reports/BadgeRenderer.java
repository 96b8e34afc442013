package org.relaycert.reports;

import java.util.Locale;

/**
 * Renders {@code badge.svg}, a flat shields-style badge such as "chatmail | partial 61/70 MUST".
 *
 * <p>The message is the overall verdict's words, then MUST requirements passed of the catalogue's MUST total (not
 * judged ones count in the total, never as passed). Colour: bright green compliant, yellow-green compliant with
 * warnings (a SHOULD failed), yellow partial (a MUST not judged, none failed), red not compliant; grey when no MUST
 * was judged at all, and grey "no verdict" when the report has no MUST requirement.
 */
public final class BadgeRenderer {

    public static final String FILE_NAME = "badge.svg";
    static final String BRIGHT_GREEN = "#44cc11";
    static final String YELLOW_GREEN = "#a4a61d";
    static final String YELLOW = "#dfb317";
    static final String RED = "#e05d44";
    static final String GREY = "#9f9f9f";
    private static final String LABEL_COLOUR = "#555555";
    private static final int PADDING = 6;

    /** What the badge says and its colour. */
    public record Badge(String label, String message, String colour) {
    }

    /** Decides the badge's words and colour from the report's headline. */
    public Badge badgeFor(ComplianceReport report) {
        Headline headline = report.headline();
        Tally must = headline.must();
        if (must.total() == 0) {
            return new Badge("chatmail", "no verdict", GREY);
        }
        String colour = must.judged() == 0 ? GREY : switch (headline.overall()) {
            case COMPLIANT -> BRIGHT_GREEN;
            case COMPLIANT_WITH_WARNINGS -> YELLOW_GREEN;
            case PARTIAL -> YELLOW;
            case NOT_COMPLIANT -> RED;
        };
        return new Badge("chatmail", headline.overall().label() + " " + must.pass() + "/" + must.total() + " MUST", colour);
    }

    public String render(ComplianceReport report) {
        return render(badgeFor(report));
    }

    /** The SVG of any badge; label and message are escaped. */
    public String render(Badge badge) {
        int labelWidth = (int) Math.ceil(textWidth(badge.label())) + 2 * PADDING;
        int messageWidth = (int) Math.ceil(textWidth(badge.message())) + 2 * PADDING;
        int width = labelWidth + messageWidth;
        String label = Html.escape(badge.label());
        String message = Html.escape(badge.message());
        String colour = Html.escape(badge.colour());
        StringBuilder svg = new StringBuilder(1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"20\" role=\"img\" aria-label=\"").append(label).append(": ").append(message)
                .append("\">\n<title>").append(label).append(": ").append(message).append("</title>\n")
                .append("<linearGradient id=\"shine\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\"")
                .append(" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>\n")
                .append("<clipPath id=\"round\"><rect width=\"").append(width)
                .append("\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>\n<g clip-path=\"url(#round)\">")
                .append("<rect width=\"").append(labelWidth).append("\" height=\"20\" fill=\"").append(LABEL_COLOUR)
                .append("\"/><rect x=\"").append(labelWidth).append("\" width=\"").append(messageWidth)
                .append("\" height=\"20\" fill=\"").append(colour).append("\"/><rect width=\"").append(width)
                .append("\" height=\"20\" fill=\"url(#shine)\"/></g>\n")
                .append("<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\"")
                .append(" font-size=\"11\">\n");
        text(svg, labelWidth / 2.0, label, labelWidth - 2 * PADDING);
        text(svg, labelWidth + messageWidth / 2.0, message, messageWidth - 2 * PADDING);
        svg.append("</g>\n</svg>\n");
        return svg.toString();
    }

    /** A faint shadow one pixel down, then the text; textLength pins the width our estimate assumed. */
    private static void text(StringBuilder svg, double centre, String escaped, int length) {
        String x = String.format(Locale.ROOT, "%.1f", centre);
        svg.append("<text x=\"").append(x).append("\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\" textLength=\"")
                .append(length).append("\">").append(escaped).append("</text>")
                .append("<text x=\"").append(x).append("\" y=\"14\" textLength=\"").append(length).append("\">")
                .append(escaped).append("</text>\n");
    }

    /** Approximate advance of Verdana 11px; close enough since textLength corrects the rest. */
    static double textWidth(String text) {
        double width = 0;
        for (char c : text.toCharArray()) {
            if ("il.,:;|!'".indexOf(c) >= 0) {
                width += 3.6;
            } else if ("fjrtI()[] ".indexOf(c) >= 0) {
                width += 4.6;
            } else if ("mwMW%@".indexOf(c) >= 0) {
                width += 11.0;
            } else if (Character.isUpperCase(c)) {
                width += 7.8;
            } else {
                width += 7.0;
            }
        }
        return width;
    }
}
