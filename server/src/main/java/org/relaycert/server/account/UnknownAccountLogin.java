package org.relaycert.server.account;

/**
 * What a refused login costs when the address has no account. In chatmail a login to a free address with an
 * acceptable password creates the account, so the probe for "does this account exist" is a login that cannot
 * create one (a too-short password, a closed registration): an existing account pays the password hash, and
 * unless the refusal for a free address pays a comparable hash, the time taken tells the two apart.
 */
public enum UnknownAccountLogin {
    /** The reference: the password is checked against a dummy hash of the same parameters, then refused. */
    DUMMY_HASH,
    /** Refused at once, with no hash: a password database that returns early for unknown users. */
    IMMEDIATE
}
