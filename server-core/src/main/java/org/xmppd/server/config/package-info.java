/**
 * The server configuration: one YAML file ({@code conf/xmppd.yml}) bound to immutable per-section
 * records.
 *
 * <p>Every key has a default, applied when the key is absent or left empty, and a validator that
 * runs in the record's compact constructor. {@link org.xmppd.server.config.ConfigLoader} turns
 * every problem (bad YAML, unknown key, bad value) into a one-line
 * {@link org.xmppd.server.config.ConfigException} that names the file and the key path, so a bad
 * configuration stops the start with a message an admin can act on.
 */
package org.xmppd.server.config;
