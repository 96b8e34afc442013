package org.relaycert.server.account;

/** Fresh random credentials as {@code /new} hands them out; nothing is stored until the first login. */
public record NewAccount(String email, String password) {
}
