package org.relaycert.conformance.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.ConformanceExtension;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.RequirementId;
import org.relaycert.conformance.targets.NotObservableException;
import org.relaycert.conformance.targets.Targets;
import org.relaycert.reports.Verdict;

/**
 * How outcomes become verdicts and which fail the build: a failed MUST fails the run, a failed SHOULD is
 * reported as a failure but fails the run only with {@code chatmail.strict=true}, not observable never passes.
 */
class LevelHandlingTest {

    /** Checks that fail on purpose; disabled except when this test runs them itself. */
    @Disabled("run only by LevelHandlingTest, which lifts @Disabled for its nested run")
    @ConformanceCheck
    static class FailingChecks {
        @Test
        @RequirementId("ACC-01")
        @DisplayName("ACC-01 a MUST that fails")
        void must(Evidence ev) {
            ev.line("S: 535 5.7.8 refused");
            assertThat(1).as("the MUST").isEqualTo(2);
        }

        @Test
        @RequirementId("ACC-08")
        @DisplayName("ACC-08 a SHOULD that fails")
        void should(Evidence ev) {
            assertThat(1).as("the SHOULD").isEqualTo(2);
        }

        @Test
        @RequirementId("IMAP-01")
        @DisplayName("IMAP-01 a check that cannot observe")
        void notObservable() {
            throw new NotObservableException("no way to see it");
        }

        @Test
        @RequirementId("IMAP-02")
        @DisplayName("IMAP-02 a check whose own code breaks")
        void broken() {
            throw new IllegalStateException("suite bug");
        }
    }

    private static Map<String, TestExecutionResult> run(boolean strict) {
        Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(FailingChecks.class))
                .configurationParameter("junit.jupiter.conditions.deactivate", "org.junit.*DisabledCondition")
                .configurationParameter(Targets.NESTED_PARAMETER, "true")
                .configurationParameter(ConformanceExtension.STRICT, String.valueOf(strict))
                .build(), new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (id.isTest()) {
                            results.put(id.getDisplayName().substring(0, id.getDisplayName().indexOf(' ')), result);
                        }
                    }
                });
        return results;
    }

    @Test
    void mustFailsTheRunShouldOnlyWhenStrict() {
        Map<String, TestExecutionResult> lenient = run(false);
        assertThat(lenient.get("ACC-01").getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(lenient.get("ACC-08").getStatus()).as("SHOULD, not strict").isEqualTo(TestExecutionResult.Status.ABORTED);
        Map<String, TestExecutionResult> strict = run(true);
        assertThat(strict.get("ACC-08").getStatus()).as("SHOULD, strict").isEqualTo(TestExecutionResult.Status.FAILED);
    }

    @Test
    void outcomesMapToVerdicts() {
        Map<String, TestExecutionResult> r = run(false);
        assertThat(Verdicts.judge(r.get("ACC-01")).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(Verdicts.judge(r.get("ACC-01")).reason()).contains("the MUST");
        assertThat(Verdicts.judge(r.get("ACC-08")).verdict()).as("a SHOULD failure is still a FAIL").isEqualTo(Verdict.FAIL);
        assertThat(Verdicts.judge(r.get("IMAP-01")).verdict()).isEqualTo(Verdict.NOT_OBSERVABLE);
        assertThat(Verdicts.judge(r.get("IMAP-01")).reason()).isEqualTo("no way to see it");
        assertThat(Verdicts.judge(r.get("IMAP-02")).verdict()).as("a suite bug is an ERROR, not a FAIL").isEqualTo(Verdict.ERROR);
        assertThat(Verdicts.judge(TestExecutionResult.successful()).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void anErrorNamesItsTypeAndTheConnectionThatFailed() {
        java.net.ConnectException refused = new java.net.ConnectException("Connection refused");
        java.io.IOException named = org.relaycert.conformance.client.ClientSockets.named(
                "connect to chat-a.test (127.0.0.10):465 from 127.0.0.2", refused);
        Verdicts.Judgement j = Verdicts.judge(TestExecutionResult.failed(named));
        assertThat(j.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(j.reason()).isEqualTo("ConnectException: connect to chat-a.test (127.0.0.10):465 from 127.0.0.2: Connection refused");
        Verdicts.Judgement wrapped = Verdicts.judge(TestExecutionResult.failed(new IllegalStateException("no account", named)));
        assertThat(wrapped.reason()).isEqualTo("IllegalStateException: no account (cause: ConnectException: "
                + "connect to chat-a.test (127.0.0.10):465 from 127.0.0.2: Connection refused)");
    }
}
