/**
 * Storage SPI: one interface per store ({@link org.xmppd.storage.UserStore},
 * {@link org.xmppd.storage.RosterStore}, {@link org.xmppd.storage.PresenceStore},
 * {@link org.xmppd.storage.OfflineStore}), the {@link org.xmppd.storage.StorageBackend} plug-in
 * point found by {@link java.util.ServiceLoader}, and {@link org.xmppd.storage.Storage}, which
 * opens the backends the config picks per store.
 *
 * <p>Callers see only these interfaces and domain types (jxmpp JIDs, SCRAM credentials, roster
 * items, stanzas as serialized XML strings); no backend is named here. Store methods may block
 * and must be called off the IO threads.
 */
package org.xmppd.storage;
