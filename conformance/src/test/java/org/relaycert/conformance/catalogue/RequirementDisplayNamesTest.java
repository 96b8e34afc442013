package org.relaycert.conformance.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.relaycert.conformance.RequirementId;

class RequirementDisplayNamesTest {

    private record Named(Method method, String displayName) {
    }

    private static List<Named> checks() {
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(RequirementDisplayNames.CHECKS_PACKAGE)).build());
        List<Named> found = new ArrayList<>();
        plan.accept(new TestPlan.Visitor() {
            @Override
            public void visit(TestIdentifier id) {
                if (id.isTest() && id.getSource().orElse(null) instanceof MethodSource ms) {
                    found.add(new Named(ms.getJavaMethod(), id.getDisplayName()));
                }
            }
        });
        return found;
    }

    private static String generated(Method m) {
        return new RequirementDisplayNames().generateDisplayNameForMethod(List.of(), m.getDeclaringClass(), m);
    }

    @Test
    void aCheckIsNamedByItsIdAndTheCataloguedStatement() {
        List<Named> checks = checks();
        assertThat(checks).isNotEmpty().allSatisfy(c -> {
            String id = c.method().getAnnotation(RequirementId.class).value();
            assertThat(generated(c.method())).startsWith(id + " " + Catalogue.load().find(id).orElseThrow().statement());
            if (!c.method().isAnnotationPresent(DisplayName.class)) {
                assertThat(c.displayName()).as("the run's name of %s", c.method()).isEqualTo(generated(c.method()));
            }
        });
    }

    @Test
    void everyCheckNameIsUniqueEvenWhereARequirementHasSeveralChecks() {
        List<String> names = checks().stream().map(c -> generated(c.method())).toList();
        assertThat(names).doesNotHaveDuplicates();
        assertThat(names).anySatisfy(n -> assertThat(n).startsWith("SMTP-02 ").endsWith("]"));
    }

    @Test
    void methodNamesReadAsWords() {
        assertThat(RequirementDisplayNames.words("swaksAuthOnlyAfterStartTls")).isEqualTo("swaks auth only after start tls");
        assertThat(RequirementDisplayNames.words("legacyTLSRefused")).isEqualTo("legacy tls refused");
    }
}
