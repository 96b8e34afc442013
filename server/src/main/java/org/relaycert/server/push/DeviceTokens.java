package org.relaycert.server.push;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device tokens of each user, kept as chatmail keeps them: {@code metadata.json} in the user's
 * directory, {@code {"devicetoken": {"<token>": <epoch seconds of the last SET>}}}. Setting a token adds
 * it (other devices keep theirs) or refreshes its time; tokens older than {@link PushRules#tokenMaxAge()}
 * or more than a minute in the future are forgotten. The legacy form (a list of tokens) is read too.
 */
public final class DeviceTokens {
    private static final Logger log = LoggerFactory.getLogger(DeviceTokens.class);
    static final String FILE = "metadata.json";
    private static final String KEY = "devicetoken";
    private static final Duration FUTURE_SLACK = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, Path> userDirectory;
    private final Clock clock;
    private final PushRules rules;

    /** {@code userDirectory} maps an address to its mail directory (where the password file lives). */
    public DeviceTokens(Function<String, Path> userDirectory, Clock clock, PushRules rules) {
        this.userDirectory = userDirectory;
        this.clock = clock;
        this.rules = rules;
    }

    /** Adds or refreshes a token; beyond {@link PushRules#tokensPerUser()} the oldest ones go. */
    public synchronized void add(String address, String token) {
        Map<String, Long> tokens = read(address);
        tokens.put(token, clock.instant().getEpochSecond()); // a refresh keeps the token's place
        while (tokens.size() > rules.tokensPerUser()) {
            tokens.remove(tokens.keySet().iterator().next());
        }
        write(address, tokens);
    }

    /** Removes one token (the gateway said it is gone); returns whether it was there. */
    public synchronized boolean remove(String address, String token) {
        Map<String, Long> tokens = read(address);
        boolean had = tokens.remove(token) != null;
        if (had) {
            write(address, tokens);
        }
        return had;
    }

    public synchronized void removeAll(String address) {
        write(address, new LinkedHashMap<>());
    }

    /** The valid tokens in the order they were first set. */
    public synchronized List<String> tokens(String address) {
        return new ArrayList<>(read(address).keySet());
    }

    private Map<String, Long> read(String address) {
        Map<String, Long> tokens = new LinkedHashMap<>();
        Path file = file(address);
        if (file == null) {
            return tokens;
        }
        try {
            JsonNode node = JSON.readTree(Files.readAllBytes(file)).path(KEY);
            if (node.isArray()) {
                long now = clock.instant().getEpochSecond();
                node.forEach(t -> tokens.put(t.asText(), now));
            } else if (node.isObject()) {
                tokens.putAll(JSON.convertValue(node, new TypeReference<LinkedHashMap<String, Long>>() { }));
            }
        } catch (NoSuchFileException e) {
            return tokens;
        } catch (IOException | IllegalArgumentException e) {
            log.warn("unreadable {}, treated as empty: {}", FILE, e.toString());
            return tokens;
        }
        Instant now = clock.instant();
        long oldest = now.minus(rules.tokenMaxAge()).getEpochSecond();
        long newest = now.plus(FUTURE_SLACK).getEpochSecond();
        for (Iterator<Long> it = tokens.values().iterator(); it.hasNext(); ) {
            long t = it.next();
            if (t < oldest || t > newest) {
                it.remove();
            }
        }
        return tokens;
    }

    private void write(String address, Map<String, Long> tokens) {
        Path file = file(address);
        if (file == null || !Files.isDirectory(file.getParent())) {
            return; // no such user (any more): nothing to keep
        }
        try {
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.write(tmp, JSON.writeValueAsBytes(Map.of(KEY, tokens)));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("cannot write {}: {}", FILE, e.toString());
        }
    }

    private Path file(String address) {
        try {
            return userDirectory.apply(address).resolve(FILE);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
