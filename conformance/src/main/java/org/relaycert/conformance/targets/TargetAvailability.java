package org.relaycert.conformance.targets;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips every check when the run asks for a container or compose target ({@link TargetChoice}) that is not
 * there, e.g. on a CI machine without a Docker engine: the run then ends green with skipped checks and no
 * report, instead of dozens of connection errors. Decided once per run.
 */
public final class TargetAvailability implements ExecutionCondition {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(TargetAvailability.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext c) {
        if (c.getConfigurationParameter(Targets.VARIANT_PARAMETER).isPresent()) {
            return ConditionEvaluationResult.enabled("a variant run uses its own local world");
        }
        org.relaycert.conformance.settings.Settings settings = Targets.settings(c);
        String kind = TargetChoice.kind(settings);
        Optional<String> missing = c.getRoot().getStore(NS).getOrComputeIfAbsent("unavailable",
                k -> TargetChoice.unavailable(kind, settings), Optional.class);
        return missing.map(ConditionEvaluationResult::disabled)
                .orElse(ConditionEvaluationResult.enabled("target " + kind + " is available"));
    }
}
