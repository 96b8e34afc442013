package org.relaycert.server.expiry;

import java.util.Objects;

/**
 * How the expiry sweep judges, beside the retention values of chatmail.ini. {@link #chatmail()} is
 * chatmail's expire.py; other values describe other real-world servers (and the suite's variants).
 *
 * @param age what a message's age counts from
 */
public record ExpiryRules(MessageAge age) {

    public ExpiryRules {
        Objects.requireNonNull(age, "age");
    }

    public static ExpiryRules chatmail() {
        return new ExpiryRules(MessageAge.INTERNALDATE);
    }

    public ExpiryRules withAge(MessageAge newAge) {
        return new ExpiryRules(newAge);
    }
}
