package org.relaycert.server.config;

/** A configuration problem; the message names the key and the reason, ready to show an operator. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
