package org.relaycert.conformance.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.relaycert.conformance.client.AnswerTimeout;
import org.relaycert.conformance.run.CheckRun;
import org.relaycert.reports.Verdict;
import org.relaycert.conformance.verdict.Verdicts;

/**
 * The suite against a target that hangs, answers garbage or drops connections: every check ends with FAIL
 * or ERROR and a reason, within its timeouts; none passes and the run never sticks.
 */
class HostileTargetTest {
    /** One check per protocol and front end: SMTP 587, IMAP 993 (with account creation over HTTPS), SMTP 25, raw garbage. */
    private static final List<String> CHECKS = List.of("SMTP-02", "IMAP-01", "SEC-02", "REL-03", "WEB-02");
    /**
     * How long each check waits for one answer here: a real target gets {@link AnswerTimeout#DEFAULT_SECONDS} s,
     * but this one never answers, and the verdict is the same after 2 s as after 15 (the test is that the
     * checks end with a reason, not how long a target may think).
     */
    private static final String ANSWER_SECONDS = "2";
    /** Each check waits for a few answers at most; five in a row, with room to spare. */
    private static final Duration WHOLE_RUN = Duration.ofMinutes(1);

    @ParameterizedTest
    @EnumSource(HostileServer.Behaviour.class)
    void checksEndUnjudgedOrFailedWithAReasonInTime(HostileServer.Behaviour behaviour) throws Exception {
        try (HostileServer server = new HostileServer(behaviour)) {
            Map<String, Verdicts.Judgement> verdicts = assertTimeoutPreemptively(WHOLE_RUN, () -> run(server.port()));
            assertThat(verdicts.keySet()).as("every selected check ran").containsExactlyInAnyOrderElementsOf(CHECKS);
            verdicts.forEach((id, j) -> {
                assertThat(j.verdict()).as("%s against a server that does %s: %s", id, behaviour, j.reason())
                        // a server that never answers properly fails the rule, breaks the suite's client, or keeps it
                        // from setting up (no account): never a pass, never "not observable"
                        .isIn(Verdict.FAIL, Verdict.ERROR, Verdict.PRECONDITION_FAILED);
                assertThat(j.reason()).as("%s says why", id).isNotBlank();
            });
        }
    }

    private static Map<String, Verdicts.Judgement> run(int port) {
        CheckRun run = CheckRun.allChecks().requirements(CHECKS::contains)
                // the checks' classes at once, as in the main run (this target's waits are all there is to it)
                .classesInParallel(8)
                .parameter("chatmail.target", "hostile.test")
                .parameter("chatmail.host", "127.0.0.1")
                .parameter("chatmail.insecure", "true")
                .parameter(AnswerTimeout.PROPERTY, ANSWER_SECONDS);
        for (String service : List.of("smtp", "submission", "smtps", "imap", "imaps", "https")) {
            run.parameter("chatmail.port." + service, String.valueOf(port));
        }
        Map<String, Verdicts.Judgement> verdicts = new java.util.TreeMap<>();
        run.execute().byRequirement().forEach((id, r) -> verdicts.put(id, new Verdicts.Judgement(r.verdict(), r.reason())));
        return verdicts;
    }
}
