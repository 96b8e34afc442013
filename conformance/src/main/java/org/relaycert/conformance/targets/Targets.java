package org.relaycert.conformance.targets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.relaycert.conformance.settings.Setting;
import org.relaycert.conformance.settings.Settings;
import org.relaycert.fixtures.variants.Variant;
import org.relaycert.fixtures.variants.Variants;
import org.relaycert.fixtures.world.LocalWorld;
import org.relaycert.fixtures.world.RelaySpec;

/**
 * One target per test run, made on first use and closed when the run ends: an {@link ExternalTarget} when
 * {@code -Dchatmail.target} is set, a container or the compose world when {@code -Drelaycert.target} says so
 * ({@link TargetChoice}), else a local world of {@value #DEFAULT_RELAYS} reference relays. A run
 * started with the configuration parameter {@value #VARIANT_PARAMETER} gets a world whose primary relay is
 * that variant (its domains are named after it, so it can live beside the main world).
 */
public final class Targets {
    public static final String VARIANT_PARAMETER = Setting.VARIANT.key();
    public static final String RELAYS_PARAMETER = Setting.RELAYS.key();
    /** The variant name for a world of reference relays beside the main one (the sensitivity run's control). */
    public static final String REFERENCE_VARIANT = "reference";
    public static final int DEFAULT_RELAYS = 3;
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Targets.class);

    private Targets() {
    }

    public static Target forRun(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NS);
        Settings settings = settings(context);
        return store.computeIfAbsent("target", k -> open(settings), RunTarget.class).target();
    }

    /**
     * The run's settings, parsed once per run: every declared key from the run's configuration parameters (JUnit
     * falls back to the JVM's system properties, where Maven's failsafe puts them).
     */
    public static Settings settings(ExtensionContext context) {
        return context.getRoot().getStore(NS).computeIfAbsent("settings",
                k -> Settings.from(key -> context.getConfigurationParameter(key).filter(v -> !v.isBlank())),
                Settings.class);
    }

    /** Whether this JVM's main run targets a foreign host rather than the local world. */
    public static boolean external() {
        return Settings.fromSystemProperties().external();
    }

    private static RunTarget open(Settings settings) {
        Optional<String> variantName = settings.get(Setting.VARIANT);
        int n = settings.value(Setting.RELAYS);
        String kind = TargetChoice.kind(settings);
        if (!kind.equals(TargetChoice.LOCAL) && variantName.isEmpty()) {
            return new RunTarget(TargetChoice.open(kind, settings), null);
        }
        if (settings.isSet(Setting.TARGET) && variantName.isEmpty()) {
            return new RunTarget(new ExternalTarget(settings), null);
        }
        try {
            String prefix = variantName.orElse("relay");
            List<String> domains = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                domains.add(prefix + "-" + (char) ('a' + i) + ".test");
            }
            List<RelaySpec> overrides = new ArrayList<>();
            if (variantName.isPresent() && !variantName.get().equals(REFERENCE_VARIANT)) {
                Variant v = Variants.byName(variantName.get()).orElseThrow(() ->
                        new IllegalArgumentException("unknown relay variant " + variantName.get()));
                overrides.add(v.apply().apply(RelaySpec.reference(domains.get(0), "")));
            }
            LocalWorld world = startWorld(prefix, domains, overrides);
            return new RunTarget(new LocalTarget(world, settings), world);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the local world: " + e.getMessage(), e);
        }
    }

    /**
     * Starts a world, again on the next loopback block if an address was taken meanwhile: the block is
     * probed free before the relays bind, and another JVM (a parallel build on the machine) may bind between.
     */
    private static LocalWorld startWorld(String prefix, List<String> domains, List<RelaySpec> overrides)
            throws Exception {
        for (int attempt = 1; ; attempt++) {
            Path base = Files.createTempDirectory("relaycert-world-" + prefix + "-");
            try {
                return LocalWorld.start(base, domains, overrides);
            } catch (Exception e) {
                LocalWorld.deleteTree(base);
                if (attempt == 3 || !addressTaken(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean addressTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException
                    || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }

    /** Closed by JUnit when the run's root context ends. */
    private record RunTarget(Target target, LocalWorld world) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (target instanceof AutoCloseable c) {
                c.close();
            }
            if (world != null) {
                world.close();
                LocalWorld.deleteTree(world.base());
            }
        }
    }
}
