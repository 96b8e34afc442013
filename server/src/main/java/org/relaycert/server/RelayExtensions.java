package org.relaycert.server;

import org.relaycert.server.account.CreationGate;

/**
 * The extension points of a relay: the parts a deployment (or a test variant that breaks exactly
 * one rule) may replace. {@link #reference()} is the reference relay; production code has no
 * fault flags, only these seams.
 */
public record RelayExtensions(CreationGate creationGate) {

    public static RelayExtensions reference() {
        return new RelayExtensions(CreationGate.OPEN);
    }

    public RelayExtensions withCreationGate(CreationGate gate) {
        return new RelayExtensions(gate);
    }
}
