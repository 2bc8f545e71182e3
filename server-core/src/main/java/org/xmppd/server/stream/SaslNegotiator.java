package org.xmppd.server.stream;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.StreamErrorCondition;
import org.xmppd.codec.StreamErrorException;
import org.xmppd.codec.XmlWriter;
import org.xmppd.server.sasl.SaslContext;
import org.xmppd.server.sasl.SaslFailure;
import org.xmppd.server.sasl.SaslMechanism;
import org.xmppd.server.sasl.Step;
import org.xmppd.storage.ScramCredential;

/**
 * The SASL exchange of one stream (RFC 6120 §6.4): {@code <auth/>}, challenges and responses,
 * {@code <abort/>}, success or failure. Failed attempts from a busy address are answered late
 * (the login throttle), and a stream gets a bounded number of retries (§6.4.5).
 */
final class SaslNegotiator {
    /** RFC 6120 §6.4.5 suggests allowing between two and five retries. */
    private static final int MAX_ATTEMPTS = 3;

    private final C2sStream stream;
    private final C2sServices services;
    private SaslMechanism mechanism;
    private int failures;

    SaslNegotiator(C2sStream stream, C2sServices services) {
        this.stream = stream;
        this.services = services;
    }

    List<String> offeredMechanisms() {
        return services.mechanisms().offered(context());
    }

    private SaslContext context() {
        Transport transport = stream.transport();
        return new SaslContext(stream.domain(), this::lookup, transport.isSecure(), transport.channelBindings());
    }

    private Optional<ScramCredential> lookup(String localpart, String mechanismName) {
        try {
            EntityBareJid user = JidCreate.entityBareFrom(Localpart.from(localpart), stream.domain());
            return services.users().credential(user, mechanismName);
        } catch (XmppStringprepException e) {
            return Optional.empty();
        }
    }

    void begin(Element auth) throws StreamErrorException {
        String name = auth.attributeOrNull("mechanism");
        SaslContext context = context();
        mechanism = name == null ? null : services.mechanisms().create(name, context).orElse(null);
        if (mechanism == null) {
            fail(new Step.Failure(SaslFailure.INVALID_MECHANISM, "Mechanism not offered: " + name));
            return;
        }
        String text = auth.text().trim();
        // RFC 6120 §6.4.2: "=" is an empty initial response, no text is none at all.
        byte[] initial = text.isEmpty() ? null : text.equals("=") ? new byte[0] : decode(text);
        if (initial == null && !text.isEmpty()) {
            fail(new Step.Failure(SaslFailure.INCORRECT_ENCODING, "Initial response is not base64"));
            return;
        }
        stream.enterState(StreamState.AUTHENTICATING);
        handle(mechanism.start(initial));
    }

    void continueExchange(Element element) throws StreamErrorException {
        if (element.is("abort", Namespaces.SASL)) {
            mechanism = null;
            fail(new Step.Failure(SaslFailure.ABORTED, "Aborted by the client"));
        } else if (element.is("response", Namespaces.SASL)) {
            String text = element.text().trim();
            byte[] response = text.isEmpty() || text.equals("=") ? new byte[0] : decode(text);
            if (response == null) {
                fail(new Step.Failure(SaslFailure.INCORRECT_ENCODING, "Response is not base64"));
                return;
            }
            handle(mechanism.respond(response));
        } else {
            throw new StreamErrorException(StreamErrorCondition.NOT_AUTHORIZED,
                    "Only SASL responses are allowed during authentication");
        }
    }

    private void handle(Step step) {
        if (step instanceof Step.Challenge challenge) {
            send(saslElement("challenge", challenge.data()));
        } else if (step instanceof Step.Success success) {
            services.throttle().recordSuccess(address());
            mechanism = null;
            stream.authenticated(success.authenticatedLocalpart());
            send(saslElement("success", success.additionalDataOrNull()));
        } else {
            mechanism = null;
            fail((Step.Failure) step);
        }
    }

    /** Sends {@code <failure/>}, later when the address has failed often (the throttle). */
    private void fail(Step.Failure failure) {
        String address = address();
        long delay = services.throttle().delayMillis(address);
        if (failure.condition() != SaslFailure.ABORTED) {
            services.throttle().recordFailure(address);
        }
        boolean last = ++failures >= MAX_ATTEMPTS;
        Runnable answer = () -> {
            send(failureElement(failure));
            if (last) {
                stream.fail(StreamErrorCondition.POLICY_VIOLATION, "Too many failed authentication attempts");
            } else {
                stream.enterState(StreamState.NEGOTIATING);
            }
        };
        stream.enterState(StreamState.AUTHENTICATING);
        if (delay > 0) {
            services.scheduler().schedule(answer, delay, TimeUnit.MILLISECONDS);
        } else {
            answer.run();
        }
    }

    /**
     * RFC 6120 §6.5.4: {@code <auth/>} while TLS is mandatory and not yet negotiated. No credential
     * was tried, so the attempt is not counted; the client may still start TLS.
     */
    void refuseBeforeTls() {
        send(failureElement(new Step.Failure(SaslFailure.ENCRYPTION_REQUIRED, "Negotiate TLS first")));
    }

    private static Element failureElement(Step.Failure failure) {
        return Element.builder("failure", Namespaces.SASL)
                .child(Element.of(failure.condition().elementName(), Namespaces.SASL))
                .child(Element.builder("text", Namespaces.SASL).attribute("xml:lang", "en")
                        .text(failure.text()).build())
                .build();
    }

    private String address() {
        var remote = stream.transport().remoteAddress();
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private void send(Element element) {
        stream.transport().send(XmlWriter.toStreamXml(element, Namespaces.CLIENT));
    }

    private static Element saslElement(String name, byte[] data) {
        Element.Builder element = Element.builder(name, Namespaces.SASL);
        if (data != null) {
            element.text(data.length == 0 ? "=" : Base64.getEncoder().encodeToString(data));
        }
        return element.build();
    }

    private static byte[] decode(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
