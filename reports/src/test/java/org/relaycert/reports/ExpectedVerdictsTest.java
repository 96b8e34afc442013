package org.relaycert.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaycert.reports.ExpectedVerdicts.Observed;

class ExpectedVerdictsTest {
    private static final List<String> FILE = List.of(
            "# target: a test relay",
            "",
            "ACC-01\tPASS",
            "WEB-05\tFAIL\tno privacy page: GET /privacy.html answers 404",
            "PUSH-01\tNOT_OBSERVABLE\tthe push gateway cannot be watched");

    @Test
    void readsIdsVerdictsAndReasonsSkippingCommentsAndBlankLines() {
        ExpectedVerdicts e = ExpectedVerdicts.parse("t.tsv", FILE);
        assertThat(e.byId()).containsOnlyKeys("ACC-01", "WEB-05", "PUSH-01");
        assertThat(e.byId().get("WEB-05").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(e.byId().get("WEB-05").reason()).startsWith("no privacy page");
        assertThat(e.byId().get("WEB-05").line()).isEqualTo(4);
        assertThat(e.tally()).isEqualTo("PASS 1, FAIL 1, NOT_OBSERVABLE 1");
    }

    @Test
    void matchingRunHasNoDifferences() {
        ExpectedVerdicts e = ExpectedVerdicts.parse("t.tsv", FILE);
        assertThat(e.compare(Map.of("ACC-01", new Observed(Verdict.PASS, ""),
                "WEB-05", new Observed(Verdict.FAIL, "404"),
                "PUSH-01", new Observed(Verdict.NOT_OBSERVABLE, "gateway")))).isEmpty();
    }

    @Test
    void everyKindOfDifferenceIsReportedWithBothSides() {
        ExpectedVerdicts e = ExpectedVerdicts.parse("t.tsv", FILE);
        List<ExpectedVerdicts.Difference> d = e.compare(Map.of(
                "ACC-01", new Observed(Verdict.ERROR, "connect to relay.test (127.0.0.10):993: Connection refused"),
                "WEB-05", new Observed(Verdict.FAIL, "404"),
                "SMTP-01", new Observed(Verdict.PASS, "")));
        assertThat(d).extracting(ExpectedVerdicts.Difference::id).containsExactly("ACC-01", "PUSH-01", "SMTP-01");
        assertThat(d.get(0).describe()).isEqualTo("ACC-01: expected PASS (line 3), got ERROR: connect to relay.test "
                + "(127.0.0.10):993: Connection refused");
        assertThat(d.get(1).describe()).contains("got nothing: not judged in this run");
        assertThat(d.get(2).describe()).contains("expected nothing: not in the expected file");
    }

    @Test
    void aVerdictOtherThanPassWithoutReasonIsRefusedWithFileAndLine() {
        assertThatThrownBy(() -> ExpectedVerdicts.parse("t.tsv", List.of("ACC-01\tPASS", "WEB-05\tFAIL")))
                .hasMessage("t.tsv:2: WEB-05 is expected FAIL without a reason; every verdict but PASS needs one (for FAIL, the evidence)");
    }

    @Test
    void unknownVerdictsMissingColumnsAndDuplicatesAreRefused() {
        assertThatThrownBy(() -> ExpectedVerdicts.parse("t.tsv", List.of("ACC-01\tMAYBE")))
                .hasMessageContaining("t.tsv:1: unknown verdict 'MAYBE'");
        assertThatThrownBy(() -> ExpectedVerdicts.parse("t.tsv", List.of("ACC-01 PASS")))
                .hasMessageContaining("t.tsv:1: want ID<TAB>VERDICT");
        assertThatThrownBy(() -> ExpectedVerdicts.parse("t.tsv", List.of("ACC-01\tPASS", "ACC-01\tPASS")))
                .hasMessage("t.tsv:2: ACC-01 is listed twice");
    }

    @Test
    void verdictTextStartsWithWhatARunnerReads() {
        ExpectedVerdicts e = ExpectedVerdicts.parse("t.tsv", FILE);
        assertThat(e.verdictText(List.of())).isEqualTo("MATCH: all 3 requirements as t.tsv expects (PASS 1, FAIL 1, NOT_OBSERVABLE 1)\n");
        String differ = e.verdictText(e.compare(Map.of("ACC-01", new Observed(Verdict.FAIL, "x"))));
        assertThat(differ).startsWith("DIFFER: 3 of 3 requirements differ from t.tsv\n")
                .contains("  ACC-01: expected PASS (line 3), got FAIL: x\n");
    }

    @Test
    void aVerdictKnownToGoEitherWayAcceptsEachOfItsVerdictsAndNoOther() {
        ExpectedVerdicts e = ExpectedVerdicts.parse("t.tsv", List.of("REL-01\tPASS|FAIL\tflood timing on this relay"));
        assertThat(e.compare(Map.of("REL-01", new Observed(Verdict.PASS, "")))).isEmpty();
        assertThat(e.compare(Map.of("REL-01", new Observed(Verdict.FAIL, "silent")))).isEmpty();
        assertThat(e.compare(Map.of("REL-01", new Observed(Verdict.ERROR, "x")))).singleElement()
                .satisfies(d -> assertThat(d.describe()).startsWith("REL-01: expected PASS|FAIL (flood timing"));
        assertThatThrownBy(() -> ExpectedVerdicts.parse("t.tsv", List.of("REL-01\tPASS|FAIL")))
                .hasMessageContaining("without a reason");
    }
}
