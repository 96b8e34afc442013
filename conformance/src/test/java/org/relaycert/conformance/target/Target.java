package org.relaycert.conformance.target;

import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Everything a check may know about what it tests. Checks never see server classes; optional
 * capabilities are empty where the target cannot provide them, and a check then reports
 * "not observable" instead of passing.
 */
public interface Target {

    /** "local" for the local world, else the primary domain; names the report directory. */
    String name();

    RelayUnderTest primary();

    /** A relay of another operator, for federation checks. */
    Optional<RelayUnderTest> secondRelay();

    /** Trust for the target's TLS certificates (the world CA, or the JDK's trust store). */
    SSLContext trust();

    /** Empty when certificates can be judged; else why not (e.g. the run accepts any certificate). */
    default Optional<String> certificatesUnverifiable() {
        return Optional.empty();
    }

    /** Throws {@link NotObservableException} when {@code capability} is empty. */
    static <T> T require(Optional<T> capability, String reason) {
        return capability.orElseThrow(() -> new NotObservableException(reason));
    }
}
