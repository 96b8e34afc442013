package org.relaycert.conformance.targets;

/** One relay as a check sees it: its domain, its endpoints and a way to get accounts on it. */
public interface RelayUnderTest {

    /** The mail domain (the part after {@code @}). */
    String domain();

    /** Port 25, STARTTLS. */
    Endpoint smtp();

    /** Port 587, STARTTLS. */
    Endpoint submission();

    /** Port 465, implicit TLS. */
    Endpoint smtps();

    /** Port 143, STARTTLS. */
    Endpoint imap();

    /** Port 993, implicit TLS. */
    Endpoint imaps();

    /** Port 443, HTTPS. */
    Endpoint https();

    /** Credentials for an address nobody has used; the account does not exist yet. */
    default Credentials freshCredentials() {
        return RandomCredentials.fresh(domain());
    }

    /** A working account, created for this call (first login). */
    Credentials account() throws Exception;
}
