package org.relaycert.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writes an Allure 2 results directory: one {@code <uuid>-result.json} per check, its evidence as
 * {@code <uuid>-attachment.txt}, and {@code environment.properties} naming the target.
 *
 * <p>Status mapping: pass -> passed, fail -> failed, not observable and precondition failed -> skipped (the rule
 * was not judged, as a failed JUnit assumption), error -> broken. A precondition failure's message starts with
 * "precondition failed: " so it stays apart from a not-observable one.
 * Labels: epic = area, severity critical (MUST) or normal (SHOULD), tag = requirement id and level.
 * The model keeps durations, not start times, so checks are laid end to end from the run's start.
 */
public final class AllureResultsWriter {

    public static final String DIRECTORY = "allure-results";
    static final String PRECONDITION_PREFIX = "precondition failed: ";

    private final ObjectMapper mapper = new ObjectMapper();
    private final Supplier<UUID> uuids;

    public AllureResultsWriter() {
        this(UUID::randomUUID);
    }

    /** With a chosen uuid source, for reproducible output. */
    public AllureResultsWriter(Supplier<UUID> uuids) {
        this.uuids = uuids;
    }

    /**
     * Writes into {@code dir} (created if missing) and returns the files written. Result, attachment and
     * environment files left there by an earlier run are deleted first, since Allure would merge them in;
     * other files are left alone.
     */
    public List<Path> write(ComplianceReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        deleteEarlierResults(dir);
        List<Path> written = new ArrayList<>();
        Instant cursor = report.started();
        for (CheckResult check : report.results()) {
            String uuid = uuids.get().toString();
            Instant stop = cursor.plus(check.duration());
            ObjectNode result = result(report, check, uuid, cursor, stop);
            if (!check.evidence().isEmpty()) {
                String attachment = uuid + "-attachment.txt";
                Path file = dir.resolve(attachment);
                Files.writeString(file, String.join("\n", check.evidence()) + "\n", StandardCharsets.UTF_8);
                written.add(file);
                ObjectNode a = result.withArray("attachments").addObject();
                a.put("name", "evidence");
                a.put("source", attachment);
                a.put("type", "text/plain");
            }
            Path file = dir.resolve(uuid + "-result.json");
            mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), result);
            written.add(file);
            cursor = stop;
        }
        Path environment = dir.resolve("environment.properties");
        Files.writeString(environment, "target=" + property(report.target()) + "\nrelaycert.version="
                + property(report.relaycertVersion()) + "\n", StandardCharsets.UTF_8);
        written.add(environment);
        return written;
    }

    private static void deleteEarlierResults(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith("-result.json") || name.endsWith("-attachment.txt")
                        || name.equals("environment.properties")) {
                    Files.delete(file);
                }
            }
        }
    }

    private ObjectNode result(ComplianceReport report, CheckResult check, String uuid, Instant start, Instant stop) {
        Requirement req = check.requirement();
        String fullName = req.id() + " " + check.displayName();
        ObjectNode node = mapper.createObjectNode();
        node.put("uuid", uuid);
        node.put("historyId", md5(report.target() + "\n" + fullName));
        node.put("testCaseId", md5(fullName));
        node.put("name", check.displayName());
        node.put("fullName", fullName);
        node.put("description", req.statement() + "\n\nSource: " + req.source());
        node.put("status", status(check.verdict()));
        ObjectNode details = node.putObject("statusDetails");
        if (check.verdict() == Verdict.PRECONDITION_FAILED) {
            details.put("message", PRECONDITION_PREFIX + (check.reason() == null ? "" : check.reason()));
        } else if (check.reason() != null) {
            details.put("message", check.reason());
        }
        node.put("stage", "finished");
        node.put("start", start.toEpochMilli());
        node.put("stop", stop.toEpochMilli());
        ArrayNode labels = node.putArray("labels");
        label(labels, "epic", req.area());
        label(labels, "suite", req.area());
        label(labels, "parentSuite", report.target());
        label(labels, "severity", req.level() == Level.MUST ? "critical" : "normal");
        label(labels, "tag", req.id());
        label(labels, "tag", req.level().name());
        ArrayNode parameters = node.putArray("parameters");
        ObjectNode target = parameters.addObject();
        target.put("name", "target");
        target.put("value", report.target());
        node.putArray("attachments");
        node.putArray("steps");
        return node;
    }

    /** The Allure status of a verdict. */
    public static String status(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "passed";
            case FAIL -> "failed";
            case NOT_OBSERVABLE, PRECONDITION_FAILED -> "skipped";
            case ERROR -> "broken";
        };
    }

    private static void label(ArrayNode labels, String name, String value) {
        ObjectNode label = labels.addObject();
        label.put("name", name);
        label.put("value", value);
    }

    /** Properties-file escaping for a value: backslashes and line breaks. */
    private static String property(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** Allure keys history by a hex digest; MD5 is its convention, not a security measure here. */
    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from the JDK", e);
        }
    }
}
