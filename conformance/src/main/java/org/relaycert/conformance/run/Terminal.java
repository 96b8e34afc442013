package org.relaycert.conformance.run;

import java.io.Console;

/** Whether standard output is a terminal: progress bars there, plain lines in a log or CI. */
final class Terminal {
    private Terminal() {
    }

    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try { // JDK 22+: a console object exists even when redirected; it knows whether it is a terminal
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only on a terminal
        }
    }
}
