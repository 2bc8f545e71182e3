/**
 * Storage SPI: one interface per store ({@link org.xmppd.storage.UserStore}, more to come), the
 * {@link org.xmppd.storage.StorageBackend} plug-in point found by {@link java.util.ServiceLoader},
 * and {@link org.xmppd.storage.Storage}, which opens the backends the config picks per store.
 *
 * <p>Callers see only these interfaces and domain types (jxmpp JIDs, SCRAM credentials); no
 * backend is named here. Store methods may block and must be called off the IO threads.
 */
package org.xmppd.storage;
