package org.relaycert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.settings.Settings;

class CertificationTest {

    @Test
    void aRelayInServiceGetsOneCheckClassAtATime() {
        assertThat(Certification.classesSideBySide(new Settings(Map.of()))).as("local world").isTrue();
        assertThat(Certification.classesSideBySide(new Settings(Map.of("chatmail.target", "chat.example.org")))).isFalse();
        assertThat(Certification.classesSideBySide(new Settings(Map.of("chatmail.target", "chat.example.org",
                "chatmail.parallel", "true")))).as("a test relay of one's own").isTrue();
    }

    @Test
    void theReportGoesWhereTheSettingsSayUnderTheTargetsName() {
        assertThat(Certification.outputDirectory(new Settings(Map.of("chatmail.out", "/srv/reports")), "chat.example.org"))
                .isEqualTo(Path.of("/srv/reports/chat.example.org"));
    }
}
