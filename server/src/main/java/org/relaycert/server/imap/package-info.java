/**
 * The relay's IMAP server (RFC 3501 / RFC 9051 subset plus IDLE, MOVE, UIDPLUS, QUOTA, ID, ENABLE,
 * UNSELECT, LITERAL+, SPECIAL-USE), shaped after what Delta Chat core uses on a chatmail relay.
 *
 * <p>Per connection: {@code tls} - {@code idle} - {@code frames} ({@link org.relaycert.server.imap.frame.ImapFrameDecoder},
 * whole command lines with literals inlined) - {@code responses} - {@code session}
 * ({@link org.relaycert.server.imap.ImapSessionHandler}, on a separate executor for disk I/O).
 * {@link org.relaycert.server.imap.parse.CommandParser} turns a line into a command value from
 * {@code command}; each command class carries its grammar and its behaviour against
 * {@link org.relaycert.server.imap.session.ImapSession}. Store events reach sessions through one
 * listener and are told to the client at once in IDLE, otherwise before the next tagged reply.
 */
package org.relaycert.server.imap;
