package org.xmppd.storage;

/**
 * A backend could not be opened or failed an operation. The message names the backend and its
 * address (JDBC URL or file) so an admin can act on it without reading a stack trace.
 */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
