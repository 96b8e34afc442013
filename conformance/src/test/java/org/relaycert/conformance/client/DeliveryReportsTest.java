package org.relaycert.conformance.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The early end of a cross-relay wait: only a failure report for the very recipient is conclusive. */
class DeliveryReportsTest {
    private static String report(String action, String recipient) {
        return "Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; relay-a.test\r\n\r\n"
                + "Final-Recipient: rfc822; " + recipient + "\r\nAction: " + action + "\r\nStatus: 5.7.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.7.1 no\r\n\r\n--b--\r\n";
    }

    @Test
    void failureReportForTheRecipientIsConclusive() {
        assertThat(DeliveryReports.failureFor(report("failed", "bob@relay-b.test"), "bob@relay-b.test")).isTrue();
        assertThat(DeliveryReports.failureFor(report("failed", "Bob@Relay-B.test"), "bob@relay-b.test")).isTrue();
    }

    @Test
    void delayReportsOtherRecipientsAndPlainMailAreNot() {
        assertThat(DeliveryReports.failureFor(report("delayed", "bob@relay-b.test"), "bob@relay-b.test")).isFalse();
        assertThat(DeliveryReports.failureFor(report("failed", "bobby@relay-b.test"), "bob@relay-b.test")).isFalse();
        assertThat(DeliveryReports.failureFor("Subject: Action: failed\r\n\r\nFinal-Recipient: rfc822; bob@relay-b.test\r\n",
                "bob@relay-b.test")).isFalse();
    }
}
