package org.xmppd.load.client;

/** Whether the client negotiates TLS on the c2s stream. */
public enum Security {
    /** RFC 6120 §5: STARTTLS before SASL; the server's certificate is trusted blindly (benchmarks only). */
    STARTTLS,
    /** No TLS: the server must allow login without it. */
    NONE
}
