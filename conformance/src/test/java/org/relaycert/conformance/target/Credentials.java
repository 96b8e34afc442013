package org.relaycert.conformance.target;

/** A login: full address and password. */
public record Credentials(String address, String password) {
    @Override
    public String toString() {
        return address; // never the password: this ends up in reports
    }
}
