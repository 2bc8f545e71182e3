package org.xmppd.server.sasl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.server.sasl.ScramMessages.BindingFlag;
import org.xmppd.server.sasl.ScramMessages.ClientFinal;
import org.xmppd.server.sasl.ScramMessages.ClientFirst;
import org.xmppd.storage.ScramCredential;

/**
 * SCRAM-SHA-1, SCRAM-SHA-256 and their -PLUS variants, server side (RFC 5802, RFC 7677).
 *
 * <pre>
 * C: n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL                        (client-first)
 * S: r=fyko+d2lbbFgONRv9qkxdawL3rfc...,s=QSXCR+Q6sek8bf92,i=4096   (server-first, a challenge)
 * C: c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfc...,p=v0X8v3Bz...        (client-final)
 * S: v=rmF9pqV8S7suAoZWja4dJRkFsKQ=                               (server-final, with success)
 * </pre>
 */
final class ScramMechanism implements SaslMechanism {

    private static final Logger LOG = LoggerFactory.getLogger(ScramMechanism.class);
    private static final String AUTH_FAILED = "Authentication failed";

    private enum State { NEW, AWAIT_CLIENT_FIRST, AWAIT_CLIENT_FINAL, DONE }

    private final ScramAlgorithm algorithm;
    private final boolean plus;
    private final boolean plusOffered;
    private final SaslContext context;
    private final NonceSource nonces;
    private final FakeCredentials fakes;

    private State state = State.NEW;
    private ClientFirst clientFirst;
    private String serverFirst;
    private String combinedNonce;
    private ScramCredential credential;
    private boolean knownUser;
    private String localpart;

    /**
     * @param plus        whether this is the -PLUS variant (channel binding required)
     * @param plusOffered whether any -PLUS mechanism was offered on this stream (downgrade detection)
     */
    ScramMechanism(ScramAlgorithm algorithm, boolean plus, boolean plusOffered, SaslContext context,
                   NonceSource nonces, FakeCredentials fakes) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.plus = plus;
        this.plusOffered = plusOffered;
        this.context = Objects.requireNonNull(context, "context");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.fakes = Objects.requireNonNull(fakes, "fakes");
    }

    @Override
    public String name() {
        return algorithm.mechanism() + (plus ? "-PLUS" : "");
    }

    @Override
    public Step start(byte[] initialResponseOrNull) {
        if (state != State.NEW) {
            return fail(new AuthenticationFailure(SaslFailure.MALFORMED_REQUEST, "Exchange already started"));
        }
        if (initialResponseOrNull == null) {
            state = State.AWAIT_CLIENT_FIRST;
            return new Step.Challenge(new byte[0]);
        }
        return onClientFirst(initialResponseOrNull);
    }

    @Override
    public Step respond(byte[] response) {
        return switch (state) {
            case AWAIT_CLIENT_FIRST -> onClientFirst(response);
            case AWAIT_CLIENT_FINAL -> onClientFinal(response);
            case NEW, DONE -> fail(new AuthenticationFailure(SaslFailure.MALFORMED_REQUEST, "Unexpected response"));
        };
    }

    private Step onClientFirst(byte[] message) {
        try {
            clientFirst = ScramMessages.parseClientFirst(ScramMessages.utf8(message));
            checkBindingFlag(clientFirst.header());
            localpart = Identities.localpart(clientFirst.username());
            Identities.checkAuthzid(clientFirst.header().authzidOrNull(), localpart, context.domain());
            credential = lookup(localpart);
            combinedNonce = clientFirst.nonce() + nonces.next();
            serverFirst = "r=" + combinedNonce + ",s=" + Base64.getEncoder().encodeToString(credential.salt())
                    + ",i=" + credential.iterations();
            state = State.AWAIT_CLIENT_FINAL;
            return new Step.Challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
        } catch (AuthenticationFailure failure) {
            return fail(failure);
        }
    }

    /** RFC 5802 §6: the flag must match the mechanism, and "y" while we offer -PLUS is a downgrade. */
    private void checkBindingFlag(ScramMessages.Gs2Header header) throws AuthenticationFailure {
        BindingFlag flag = header.flag();
        if (plus && flag != BindingFlag.P) {
            throw new AuthenticationFailure(SaslFailure.MALFORMED_REQUEST, name() + " requires channel binding");
        }
        if (!plus && flag == BindingFlag.P) {
            throw new AuthenticationFailure(SaslFailure.MALFORMED_REQUEST, "Channel binding requires a -PLUS mechanism");
        }
        if (flag == BindingFlag.Y && plusOffered) {
            throw new AuthenticationFailure(SaslFailure.NOT_AUTHORIZED, "Channel binding downgrade detected");
        }
        if (flag == BindingFlag.P && context.bindingOrNull(header.bindingTypeOrNull()) == null) {
            throw new AuthenticationFailure(SaslFailure.NOT_AUTHORIZED,
                    "Unsupported channel binding type: " + header.bindingTypeOrNull());
        }
    }

    /** An unknown user gets a fake credential so that the exchange looks the same (RFC 5802 §9). */
    private ScramCredential lookup(String user) throws AuthenticationFailure {
        ScramCredential found;
        try {
            found = context.credentials().find(user, algorithm.mechanism())
                    .filter(c -> c.mechanism().equals(algorithm.mechanism()))
                    .orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("Credential lookup for {} failed", user, e);
            throw new AuthenticationFailure(SaslFailure.TEMPORARY_AUTH_FAILURE, "Credential store unavailable");
        }
        knownUser = found != null;
        return knownUser ? found : fakes.forUser(algorithm, user);
    }

    private Step onClientFinal(byte[] message) {
        try {
            ClientFinal clientFinal = ScramMessages.parseClientFinal(ScramMessages.utf8(message));
            byte[] binding = ScramMessages.base64(clientFinal.channelBinding());
            byte[] proof = ScramMessages.base64(clientFinal.proof());
            if (!MessageDigest.isEqual(binding, expectedBindingInput())) {
                throw new AuthenticationFailure(SaslFailure.NOT_AUTHORIZED, "Channel binding mismatch");
            }
            if (!clientFinal.nonce().equals(combinedNonce)) {
                throw new AuthenticationFailure(SaslFailure.NOT_AUTHORIZED, "Nonce mismatch");
            }
            String authMessage = clientFirst.bare() + "," + serverFirst + "," + clientFinal.withoutProof();
            if (!proofMatches(authMessage, proof)) {
                throw new AuthenticationFailure(SaslFailure.NOT_AUTHORIZED, AUTH_FAILED);
            }
            byte[] serverSignature = algorithm.hmac(credential.serverKey(), authMessage);
            state = State.DONE;
            String serverFinal = "v=" + Base64.getEncoder().encodeToString(serverSignature);
            return new Step.Success(serverFinal.getBytes(StandardCharsets.UTF_8), localpart);
        } catch (AuthenticationFailure failure) {
            return fail(failure);
        }
    }

    /** RFC 5802 §7 {@code cbind-input}: the GS2 header, followed by the binding data when flag is p. */
    private byte[] expectedBindingInput() {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(clientFirst.header().raw().getBytes(StandardCharsets.UTF_8));
        if (clientFirst.header().flag() == BindingFlag.P) {
            input.writeBytes(context.bindingOrNull(clientFirst.header().bindingTypeOrNull()).data());
        }
        return input.toByteArray();
    }

    /** RFC 5802 §3: ClientKey = ClientProof XOR ClientSignature; H(ClientKey) must equal StoredKey. */
    private boolean proofMatches(String authMessage, byte[] proof) {
        byte[] clientSignature = algorithm.hmac(credential.storedKey(), authMessage);
        if (proof.length != clientSignature.length) {
            return false;
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        boolean matches = MessageDigest.isEqual(algorithm.hash(clientKey), credential.storedKey());
        return matches & knownUser;
    }

    private Step fail(AuthenticationFailure failure) {
        state = State.DONE;
        return failure.toStep();
    }
}
