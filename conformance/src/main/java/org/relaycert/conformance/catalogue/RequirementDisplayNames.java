package org.relaycert.conformance.catalogue;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.platform.commons.support.ReflectionSupport;
import org.relaycert.conformance.RequirementId;
import org.relaycert.reports.Requirement;

/**
 * Names every check after its requirement, from the catalogue (the one home of a requirement's statement):
 * {@code "<ID> <statement>"}. A requirement judged by several check methods (its own check and a peer tool's, say)
 * gets the method's name in words after it, {@code "SMTP-02 <statement> [swaks auth only after start tls]"}, so
 * every check's name stays unique. Registered on {@link org.relaycert.conformance.ConformanceCheck}.
 */
public final class RequirementDisplayNames extends DisplayNameGenerator.Standard {
    /** Where the check classes live; a requirement's check methods are counted over all of them. */
    public static final String CHECKS_PACKAGE = "org.relaycert.conformance.checks";
    private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
    private static volatile Map<String, Integer> methodsPerRequirement;

    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method method) {
        RequirementId id = method.getAnnotation(RequirementId.class);
        if (id == null) {
            return super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, method);
        }
        return name(id.value(), method, methodsPerRequirement().getOrDefault(id.value(), 1) > 1);
    }

    @Override
    public String generateDisplayNameForMethod(Class<?> testClass, Method method) {
        return generateDisplayNameForMethod(List.of(), testClass, method);
    }

    /** The display name of a check of requirement {@code id}; {@code several}: the requirement has more checks. */
    public static String name(String id, Method method, boolean several) {
        Requirement r = Catalogue.load().find(id).orElseThrow(() -> new IllegalStateException(
                "@RequirementId(\"" + id + "\") on " + method.getDeclaringClass().getSimpleName() + "." + method.getName()
                        + " names no requirement of " + Catalogue.RESOURCE));
        return id + " " + r.statement() + (several ? " [" + words(method.getName()) + "]" : "");
    }

    /** {@code swaksAuthOnlyAfterStartTls} as {@code swaks auth only after start tls}. */
    static String words(String methodName) {
        return String.join(" ", WORD_BOUNDARY.split(methodName)).toLowerCase(java.util.Locale.ROOT);
    }

    /** How many check methods judge each requirement, over every check class. */
    static Map<String, Integer> methodsPerRequirement() {
        Map<String, Integer> m = methodsPerRequirement;
        if (m == null) {
            Map<String, Integer> count = new TreeMap<>();
            for (Class<?> c : ReflectionSupport.findAllClassesInPackage(CHECKS_PACKAGE, t -> true, n -> true)) {
                for (Method method : c.getDeclaredMethods()) {
                    RequirementId id = method.getAnnotation(RequirementId.class);
                    if (id != null) {
                        count.merge(id.value(), 1, Integer::sum);
                    }
                }
            }
            m = Map.copyOf(count);
            methodsPerRequirement = m;
        }
        return m;
    }
}
