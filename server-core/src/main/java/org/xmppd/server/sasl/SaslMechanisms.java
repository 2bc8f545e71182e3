package org.xmppd.server.sasl;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The mechanisms a server enables, and which of them a given stream may use (RFC 6120 §6.3.3).
 * Immutable and shared; {@link #create} makes one {@link SaslMechanism} per negotiation.
 */
public final class SaslMechanisms {

    public static final String SCRAM_SHA_256_PLUS = "SCRAM-SHA-256-PLUS";
    public static final String SCRAM_SHA_1_PLUS = "SCRAM-SHA-1-PLUS";
    public static final String SCRAM_SHA_256 = "SCRAM-SHA-256";
    public static final String SCRAM_SHA_1 = "SCRAM-SHA-1";
    public static final String PLAIN = PlainMechanism.NAME;

    /** Every supported mechanism, strongest first; this is also the order in which they are offered. */
    public static final List<String> SUPPORTED =
            List.of(SCRAM_SHA_256_PLUS, SCRAM_SHA_1_PLUS, SCRAM_SHA_256, SCRAM_SHA_1, PLAIN);

    /** The channel-binding types the -PLUS mechanisms accept. */
    private static final Set<String> BINDING_TYPES =
            Set.of(ChannelBinding.TLS_SERVER_END_POINT, ChannelBinding.TLS_EXPORTER);

    private final Set<String> enabled;
    private final NonceSource nonces;
    private final FakeCredentials fakes;

    /**
     * @param enabled        mechanism names from config, each one of {@link #SUPPORTED}
     * @param iterations     the iteration count used for new credentials, and shown for unknown users
     * @param nonces         server nonce source (tests inject fixed nonces)
     * @param fakeSaltSecret at least 16 secret bytes; derives the salts shown for unknown users
     * @throws IllegalArgumentException naming an unsupported mechanism
     */
    public SaslMechanisms(Collection<String> enabled, int iterations, NonceSource nonces, byte[] fakeSaltSecret) {
        for (String name : enabled) {
            if (!SUPPORTED.contains(name)) {
                throw new IllegalArgumentException("unsupported SASL mechanism '" + name + "' (supported: "
                        + String.join(", ", SUPPORTED) + ")");
            }
        }
        this.enabled = Set.copyOf(enabled);
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.fakes = new FakeCredentials(fakeSaltSecret, iterations);
    }

    /** The production setup: random nonces and a random per-process fake-salt secret. */
    public static SaslMechanisms withSecureRandom(Collection<String> enabled, int iterations, SecureRandom random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return new SaslMechanisms(enabled, iterations, NonceSource.secure(random), secret);
    }

    /**
     * The mechanisms to list in {@code <mechanisms/>} for this stream: -PLUS only when the transport
     * gives channel-binding data, PLAIN only over TLS; in {@link #SUPPORTED} order.
     */
    public List<String> offered(SaslContext context) {
        boolean canBind = context.channelBindings().stream().anyMatch(b -> BINDING_TYPES.contains(b.type()));
        Set<String> offered = new LinkedHashSet<>();
        for (String name : SUPPORTED) {
            boolean allowed = switch (name) {
                case SCRAM_SHA_256_PLUS, SCRAM_SHA_1_PLUS -> canBind;
                case PLAIN -> context.secure();
                default -> true;
            };
            if (allowed && enabled.contains(name)) {
                offered.add(name);
            }
        }
        return List.copyOf(offered);
    }

    /**
     * A fresh negotiation of {@code name}, or empty when that mechanism is not offered on this stream
     * (the caller answers {@code <invalid-mechanism/>}, RFC 6120 §6.5.7).
     */
    public Optional<SaslMechanism> create(String name, SaslContext context) {
        List<String> offered = offered(context);
        if (!offered.contains(name)) {
            return Optional.empty();
        }
        boolean plusOffered = offered.contains(SCRAM_SHA_256_PLUS) || offered.contains(SCRAM_SHA_1_PLUS);
        SaslMechanism mechanism = switch (name) {
            case SCRAM_SHA_256_PLUS -> scram(ScramAlgorithm.SHA_256, true, plusOffered, context);
            case SCRAM_SHA_1_PLUS -> scram(ScramAlgorithm.SHA_1, true, plusOffered, context);
            case SCRAM_SHA_256 -> scram(ScramAlgorithm.SHA_256, false, plusOffered, context);
            case SCRAM_SHA_1 -> scram(ScramAlgorithm.SHA_1, false, plusOffered, context);
            default -> new PlainMechanism(context, fakes);
        };
        return Optional.of(mechanism);
    }

    private SaslMechanism scram(ScramAlgorithm algorithm, boolean plus, boolean plusOffered, SaslContext context) {
        return new ScramMechanism(algorithm, plus, plusOffered, context, nonces, fakes);
    }
}
