package org.relaycert.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;

/** Number and duration formatting shared by the text renderers; locale independent. */
final class Formats {

    private Formats() {
    }

    /**
     * Whole numbers from 100 up, otherwise three significant figures, no trailing zeros:
     * 1234.5 -> "1235", 12.345 -> "12.3", 0.01234 -> "0.0123".
     */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (Math.abs(value) >= 100 && Math.abs(value) < 1e15 || value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString(Math.round(value));
        }
        BigDecimal rounded = new BigDecimal(value).round(new java.math.MathContext(3, RoundingMode.HALF_UP));
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** A sample value with the unit the figure's name implies ("latencyMs" -> "12.3 ms"). */
    static String withUnit(String figureName, double value) {
        return number(value) + unitSuffix(figureName);
    }

    /** " ms", " s", " bytes", " days" or "" from a figure name's ending. */
    static String unitSuffix(String figureName) {
        String lower = figureName.toLowerCase(Locale.ROOT);
        if (lower.endsWith("ms") || lower.endsWith("millis")) {
            return " ms";
        }
        if (lower.endsWith("seconds") || lower.endsWith("secs")) {
            return " s";
        }
        if (lower.endsWith("bytes")) {
            return " bytes";
        }
        if (lower.endsWith("days")) {
            return " days";
        }
        return "";
    }

    /** "1.2 s", "340 ms", "2 min 5 s". */
    static String duration(Duration duration) {
        long ms = duration.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return number(ms / 1000.0) + " s";
        }
        long seconds = duration.toSeconds();
        return (seconds / 60) + " min " + (seconds % 60) + " s";
    }
}
