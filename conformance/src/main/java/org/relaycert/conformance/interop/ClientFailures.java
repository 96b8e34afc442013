package org.relaycert.conformance.interop;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.relaycert.fixtures.deltachat.DeltaChatEvents;
import org.relaycert.fixtures.deltachat.DeltaChatRpcException;

/**
 * What the real client reports when the relay let it down (a message never arrived, a send failed with the
 * relay's SMTP error, a download never completed, the login was refused) is the relay's failure, not the suite's: those become
 * assertion failures with the client's own words. Anything else stays an error.
 */
public final class ClientFailures implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext c, Throwable t) throws Throwable {
        if (t instanceof DeltaChatEvents.EventTimeoutException || t instanceof ConditionTimeoutException
                || (t instanceof IllegalStateException && String.valueOf(t.getMessage()).contains("failed"))
                || (t instanceof DeltaChatRpcException rpc && rpc.method().equals("add_or_update_transport"))) {
            AssertionError failure = new AssertionError("the Delta Chat client reports: " + t.getMessage());
            failure.initCause(t);
            throw failure;
        }
        throw t;
    }
}
