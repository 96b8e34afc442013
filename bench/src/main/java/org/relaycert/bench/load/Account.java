package org.relaycert.bench.load;

/** A bench account; the first login creates it (chatmail's just-in-time accounts). */
record Account(String address, String password) {
    /** {@code bench0001@bench.localhost}: nine characters a-z0-9, as chatmail's username rules want. */
    static Account numbered(String prefix, int i) {
        return numbered(prefix, i, RelayProcess.DOMAIN);
    }

    static Account numbered(String prefix, int i, String domain) {
        String local = prefix + String.format("%0" + (9 - prefix.length()) + "d", i);
        return new Account(local + "@" + domain, "bench-password-" + local);
    }
}
