package org.relaycert.conformance.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.relaycert.conformance.RequirementId;
import org.relaycert.fixtures.variants.Variant;
import org.relaycert.fixtures.variants.Variants;
import org.relaycert.reports.Requirement;

/** Keeps catalogue, checks and variants in step: the build breaks when one moves without the others. */
class CatalogueConsistencyTest {

    private record Check(String id, String displayName, Method method) {
    }

    private static List<Check> checks() {
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("org.relaycert.conformance.checks")).build());
        List<Check> found = new ArrayList<>();
        plan.accept(new TestPlan.Visitor() {
            @Override
            public void visit(TestIdentifier id) {
                if (id.isTest() && id.getSource().orElse(null) instanceof MethodSource ms) {
                    RequirementId rid = ms.getJavaMethod().getAnnotation(RequirementId.class);
                    found.add(new Check(rid == null ? null : rid.value(), id.getDisplayName(), ms.getJavaMethod()));
                }
            }
        });
        return found;
    }

    @Test
    void catalogueParsesWithUniqueWellFormedIds() {
        List<Requirement> all = Catalogue.load().all();
        assertThat(all).isNotEmpty();
        assertThat(all).allSatisfy(r -> {
            assertThat(r.statement()).as(r.id()).isNotBlank();
            assertThat(r.source()).as(r.id()).isNotBlank();
        });
    }

    @Test
    void everyCheckNamesOneCataloguedRequirementInItsDisplayName() {
        List<Check> checks = checks();
        assertThat(checks).isNotEmpty();
        assertThat(checks).allSatisfy(c -> {
            assertThat(c.id()).as("@RequirementId on %s", c.method()).isNotNull();
            assertThat(Catalogue.load().find(c.id())).as("catalogue entry for %s", c.id()).isPresent();
            assertThat(c.displayName()).as("display name of %s", c.method()).startsWith(c.id() + " ");
        });
    }

    @Test
    void everyRequirementHasACheck() {
        Set<String> checked = new TreeSet<>();
        checks().forEach(c -> checked.add(c.id()));
        List<String> unchecked = Catalogue.load().all().stream().map(Requirement::id).filter(id -> !checked.contains(id)).toList();
        assertThat(unchecked).as("requirements without a check").isEmpty();
    }

    @Test
    void everyRequirementIsBrokenByAVariantThatNamesOnlyCataloguedIds() {
        Set<String> broken = new TreeSet<>();
        for (Variant v : Variants.all()) {
            assertThat(v.breaks()).as("variant %s breaks something", v.name()).isNotEmpty();
            for (String id : v.breaks()) {
                assertThat(Catalogue.load().find(id)).as("variant %s names %s", v.name(), id).isPresent();
                broken.add(id);
            }
        }
        List<String> uncaught = Catalogue.load().all().stream().map(Requirement::id).filter(id -> !broken.contains(id)).toList();
        assertThat(uncaught).as("requirements no variant breaks (their checks are not shown to fail)").isEmpty();
    }
}
