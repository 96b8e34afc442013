package org.relaycert.server.delivery;

/** Where a message entered the relay; policies differ by origin. */
public enum Origin {
    /** Authenticated users on 587, 465 (and 443 with ALPN smtp). */
    SUBMISSION,
    /** Other relays on port 25. */
    MX,
    /** Other relays over HTTPS {@code POST /mxdeliv}. */
    MXDELIV
}
