package org.xmppd.sint;

/** The test run could not be set up (port taken, no distribution, server did not start). */
final class SetupException extends Exception {
    SetupException(String message) {
        super(message);
    }
}
