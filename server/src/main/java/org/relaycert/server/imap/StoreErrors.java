package org.relaycert.server.imap;

import org.relaycert.server.imap.session.Completion;
import org.relaycert.server.store.StoreException;

/** Maps store failures to tagged NO responses with RFC 5530 response codes. */
final class StoreErrors {
    private StoreErrors() {
    }

    static Completion completion(StoreException e) {
        String code = switch (e.kind()) {
            case NONEXISTENT -> "NONEXISTENT";
            case ALREADY_EXISTS -> "ALREADYEXISTS";
            case INVALID_NAME -> "CANNOT";
            case OVER_QUOTA -> "OVERQUOTA";
            case IO -> "SERVERBUG";
        };
        return Completion.no(code, e.getMessage() == null ? "Failed." : e.getMessage());
    }
}
