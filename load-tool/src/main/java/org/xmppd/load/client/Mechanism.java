package org.xmppd.load.client;

/** The SASL mechanisms the load client speaks (RFC 6120 §6). */
public enum Mechanism {
    /** RFC 5802, without channel binding (gs2 header {@code n,,}). */
    SCRAM_SHA_1("SCRAM-SHA-1"),
    /** RFC 4616; servers usually offer it only over TLS. */
    PLAIN("PLAIN");

    private final String saslName;

    Mechanism(String saslName) {
        this.saslName = saslName;
    }

    /** The name in {@code <mechanism/>} and {@code <auth mechanism=''/>}. */
    public String saslName() {
        return saslName;
    }
}
