package org.relaycert.server.imap.frame;

/**
 * One complete client line as the frame decoder hands it on: the bytes up to (not including) the final
 * CRLF, with every literal inlined exactly as sent ({@code {n}} or {@code {n+}}, CRLF, then n octets).
 */
public record CommandFrame(byte[] bytes) {
}
