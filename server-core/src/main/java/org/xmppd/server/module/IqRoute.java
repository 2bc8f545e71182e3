package org.xmppd.server.module;

import java.util.Objects;

/**
 * Which IQ requests a handler takes: the type (get or set), the payload's qualified name, and
 * whether the request is addressed to the server (a served domain) and/or to an account (a bare
 * JID, or no {@code to}, handled on the account's behalf per RFC 6120 §10.3.3).
 */
public record IqRoute(String type, String element, String namespace, boolean forServer, boolean forAccounts) {
    public IqRoute {
        if (!type.equals("get") && !type.equals("set")) {
            throw new IllegalArgumentException("IQ route type must be get or set: " + type);
        }
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(namespace, "namespace");
    }

    public static IqRoute get(String element, String namespace) {
        return new IqRoute("get", element, namespace, false, false);
    }

    public static IqRoute set(String element, String namespace) {
        return new IqRoute("set", element, namespace, false, false);
    }

    public IqRoute toServer() {
        return new IqRoute(type, element, namespace, true, forAccounts);
    }

    public IqRoute toAccounts() {
        return new IqRoute(type, element, namespace, forServer, true);
    }
}
