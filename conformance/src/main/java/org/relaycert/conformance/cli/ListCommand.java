package org.relaycert.conformance.cli;

import java.util.concurrent.Callable;
import org.relaycert.conformance.catalogue.Catalogue;
import org.relaycert.reports.Requirement;
import picocli.CommandLine.Command;

/** {@code relaycert list}: every requirement ID with its level and title, catalogue order. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Print every requirement: ID, level, statement.")
final class ListCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        for (Requirement r : Catalogue.load().all()) {
            System.out.println(r.id() + "\t" + r.level() + "\t" + r.statement());
        }
        return ExitCode.COMPLIANT;
    }
}
