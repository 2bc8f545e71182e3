package org.xmppd.server.tls;

/** TLS cannot be set up (unreadable or mismatched certificate/key); the message names the file. */
public final class TlsSetupException extends Exception {

    public TlsSetupException(String message) {
        super(message);
    }

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
