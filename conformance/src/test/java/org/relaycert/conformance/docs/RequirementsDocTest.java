package org.relaycert.conformance.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relaycert.conformance.catalogue.Catalogue;
import org.relaycert.conformance.catalogue.RequirementsDoc;

class RequirementsDocTest {

    @Test
    void theCommittedRequirementsDocIsTheCatalogues() throws Exception {
        DocDrift.check(RequirementsDoc.FILE, RequirementsDoc.render(Catalogue.load()));
    }

    @Test
    void everyRequirementIsListedOnceInItsArea() {
        String md = RequirementsDoc.render(Catalogue.load());
        Catalogue.load().all().forEach(r -> assertThat(md).contains("| " + r.id() + " | " + r.level() + " | "));
        assertThat(md).contains("## ENC: Encryption").contains("## REL: Reliability");
    }
}
