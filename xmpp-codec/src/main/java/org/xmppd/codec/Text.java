package org.xmppd.codec;

import java.util.Objects;

/** Character data inside an element, kept unescaped. */
public record Text(String value) implements Node {
    public Text {
        Objects.requireNonNull(value, "value");
    }
}
