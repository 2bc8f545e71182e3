package org.xmppd.storage;

/** An opened {@link StorageBackend}: hands out its stores and releases its connections on close. */
public interface OpenBackend extends AutoCloseable {
    UserStore users();

    /** Releases pools and files; the stores must not be used afterwards. */
    @Override
    void close();
}
