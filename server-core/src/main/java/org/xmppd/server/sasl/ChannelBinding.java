package org.xmppd.server.sasl;

import java.security.MessageDigest;
import java.util.Objects;

/**
 * Channel-binding data the transport offers for SCRAM -PLUS (RFC 5056, RFC 5802 §6).
 *
 * @param type the binding type name, e.g. {@link #TLS_SERVER_END_POINT} (RFC 5929 §4)
 * @param data the binding data, e.g. the hash of the server certificate
 */
public record ChannelBinding(String type, byte[] data) {

    /** RFC 5929 §4: a hash of the server's certificate. */
    public static final String TLS_SERVER_END_POINT = "tls-server-end-point";

    /** RFC 9266: exported keying material; needs a TLS stack that can export it (JDK 17 cannot). */
    public static final String TLS_EXPORTER = "tls-exporter";

    public ChannelBinding {
        Objects.requireNonNull(type, "type");
        data = Objects.requireNonNull(data, "data").clone();
        if (data.length == 0) {
            throw new IllegalArgumentException("channel binding data for " + type + " is empty");
        }
    }

    /** A {@link #TLS_SERVER_END_POINT} binding for the given certificate hash. */
    public static ChannelBinding tlsServerEndPoint(byte[] certificateHash) {
        return new ChannelBinding(TLS_SERVER_END_POINT, certificateHash);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelBinding other && type.equals(other.type)
                && MessageDigest.isEqual(data, other.data);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public String toString() {
        return "ChannelBinding[" + type + "]";
    }
}
