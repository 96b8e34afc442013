package org.relaycert.conformance.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.targets.Endpoint;

/**
 * testssl.sh on a few TLS ports in parallel, fast mode, protocols and standard cipher categories only (a
 * full scan takes minutes per port; certificates are TLS-03's). Its JSON findings go into the evidence. Findings
 * about the certificate, should a testssl.sh version report them in this mode ({@code cert_*}: trust chain, validity, revocation) are set apart: TLS-03 judges
 * certificates, and the local world's CA is unknown to testssl.sh by design. testssl.sh (bash's /dev/tcp and
 * openssl s_client) cannot choose its source address, so it connects from the system's choice even when the run
 * sets {@code chatmail.bind}.
 */
public final class TestsslScan {
    private static final Duration PER_PORT = Duration.ofMinutes(3);

    private TestsslScan() {
    }

    /** {@code starttls} is testssl's {@code -t} protocol (smtp, imap), or null for implicit TLS. */
    public record Port(Endpoint endpoint, String starttls) {
    }

    public record Result(Port port, List<JsonNode> findings) {
        private static boolean severe(JsonNode f) {
            String s = f.path("severity").asText();
            return s.equals("HIGH") || s.equals("CRITICAL");
        }

        private static boolean certificate(JsonNode f) {
            return f.path("id").asText().startsWith("cert_");
        }

        public List<String> severeFindings() {
            return findings.stream().filter(f -> severe(f) && !certificate(f)).map(this::describe).toList();
        }

        public List<String> certificateFindings() {
            return findings.stream().filter(f -> severe(f) && certificate(f)).map(this::describe).toList();
        }

        /** TLS 1.0 or 1.1 offered, whatever severity this testssl.sh version gives it. */
        public List<String> legacyProtocolsOffered() {
            return findings.stream().filter(f -> List.of("SSLv2", "SSLv3", "TLS1", "TLS1_1").contains(f.path("id").asText()))
                    .filter(f -> f.path("finding").asText().startsWith("offered")).map(this::describe).toList();
        }

        private String describe(JsonNode f) {
            return port.endpoint() + " " + f.path("id").asText() + " " + f.path("severity").asText() + ": "
                    + f.path("finding").asText();
        }
    }

    /** {@code dir}: testssl.sh's JSON and logs (the caller deletes it). */
    public static List<Result> scan(List<Port> ports, Evidence ev, Path dir) throws Exception {
        PeerTool testssl = PeerTool.require("testssl", "testssl.sh");
        ExecutorService pool = Executors.newFixedThreadPool(ports.size());
        try {
            List<Future<Result>> running = new ArrayList<>();
            for (int i = 0; i < ports.size(); i++) {
                Port port = ports.get(i);
                Path json = dir.resolve("port-" + i + ".json");
                running.add(pool.submit(() -> scanOne(testssl, dir, port, json)));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> f : running) {
                Result r = f.get();
                results.add(r);
                ev.line("testssl.sh " + r.port().endpoint() + (r.port().starttls() == null ? "" : " STARTTLS " + r.port().starttls())
                        + ": " + r.findings().size() + " findings");
                for (JsonNode finding : r.findings()) {
                    if (!List.of("INFO", "OK", "DEBUG").contains(finding.path("severity").asText())) {
                        ev.line("  " + finding.path("id").asText() + " " + finding.path("severity").asText() + ": "
                                + finding.path("finding").asText());
                    }
                }
                r.certificateFindings().forEach(c -> ev.line("  (certificate, judged by TLS-03) " + c));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result scanOne(PeerTool testssl, Path dir, Port port, Path json) throws Exception {
        List<String> args = new ArrayList<>(List.of("--quiet", "--color", "0", "--warnings", "off",
                "--openssl-timeout", "5", "--fast", "-p", "-s", "--jsonfile", json.toString()));
        if (port.starttls() != null) {
            args.addAll(List.of("-t", port.starttls()));
        }
        args.add(PeerTool.dialAddress(port.endpoint()) + ":" + port.endpoint().port());
        PeerTool.Run run = testssl.run(dir, PER_PORT, args);
        if (!Files.exists(json)) {
            throw new IllegalStateException("testssl.sh wrote no JSON: " + run.describe());
        }
        List<JsonNode> findings = new ArrayList<>();
        new ObjectMapper().readTree(json.toFile()).forEach(findings::add);
        return new Result(port, findings);
    }
}
