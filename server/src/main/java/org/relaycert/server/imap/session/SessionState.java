package org.relaycert.server.imap.session;

/** RFC 3501 section 3 connection states. */
public enum SessionState { NOT_AUTHENTICATED, AUTHENTICATED, SELECTED, LOGOUT }
