package org.relaycert.conformance.targets;

import java.security.PrivateKey;

/** A domain the suite may DKIM-sign for: its name, the selector its key is published under, and the key. */
public record SigningDomain(String domain, String selector, PrivateKey key) {
}
