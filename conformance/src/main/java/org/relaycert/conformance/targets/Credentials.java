package org.relaycert.conformance.targets;

/** A login: full address and password. */
public record Credentials(String address, String password) {

    /** The part before the last {@code @}. */
    public String localpart() {
        return address.substring(0, address.lastIndexOf('@'));
    }
    @Override
    public String toString() {
        return address; // never the password: this ends up in reports
    }
}
