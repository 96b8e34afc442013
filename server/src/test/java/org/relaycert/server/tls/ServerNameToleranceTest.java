package org.relaycert.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The JDK setting that turns off server-side SNI parsing keeps whatever else an operator disabled. */
class ServerNameToleranceTest {
    @Test
    void unsetOrBlankBecomesServerNameAlone() {
        assertThat(ServerNameTolerance.withServerName(null)).isEqualTo("server_name");
        assertThat(ServerNameTolerance.withServerName("")).isEqualTo("server_name");
        assertThat(ServerNameTolerance.withServerName(" , ")).isEqualTo("server_name");
    }

    @Test
    void othersAreKeptAndServerNameIsNotRepeated() {
        assertThat(ServerNameTolerance.withServerName("status_request, server_name"))
                .isEqualTo("status_request,server_name");
        assertThat(ServerNameTolerance.withServerName("status_request")).isEqualTo("status_request,server_name");
    }

    @Test
    void aQuotedListStaysAList() {
        assertThat(ServerNameTolerance.withServerName("\"status_request,max_fragment_length\""))
                .isEqualTo("status_request,max_fragment_length,server_name");
    }
}
