package org.xmppd.load.client;

import java.util.Objects;

/**
 * Who a connection logs in (or registers) as.
 *
 * @param username the localpart, already in its canonical form
 * @param password the password
 * @param resource the resource asked for at bind (RFC 6120 §7.6); the server may change it
 */
public record Account(String username, String password, String resource) {
    public Account {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(resource, "resource");
    }
}
