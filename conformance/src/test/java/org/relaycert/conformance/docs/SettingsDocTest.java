package org.relaycert.conformance.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relaycert.conformance.settings.Setting;
import org.relaycert.conformance.settings.SettingsDoc;

class SettingsDocTest {

    @Test
    void theCommittedSettingsDocIsTheDeclarations() throws Exception {
        DocDrift.check(SettingsDoc.FILE, SettingsDoc.render());
    }

    @Test
    void userKeysComeBeforeAndApartFromTheSuitesOwn() {
        String md = SettingsDoc.render();
        int internal = md.indexOf("## The suite's own keys");
        Setting.all().forEach(s -> {
            int at = md.indexOf("| `" + s.key() + "` |");
            assertThat(at).as(s.key()).isPositive();
            assertThat(at > internal).as(s.key()).isEqualTo(s.scope() == Setting.Scope.INTERNAL);
        });
    }
}
