package org.relaycert.server.mime;

/**
 * One header field as stored: {@code [start, end)} covers its raw bytes including folded continuation
 * lines and the final line break; {@code value} is the unfolded, still-encoded text after the colon.
 */
record HeaderField(String name, String value, int start, int end) {

    boolean named(String other) {
        return name.equalsIgnoreCase(other);
    }
}
