package org.xmppd.server.stream;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.StreamErrorCondition;
import org.xmppd.codec.StreamErrorException;
import org.xmppd.codec.StreamHandler;
import org.xmppd.codec.StreamOpen;
import org.xmppd.codec.XmlWriter;
import org.xmppd.codec.XmppStreamParser;

/**
 * One client-to-server stream (RFC 6120): negotiates TLS, SASL and a resource (or resumes a
 * session, XEP-0198 §5), then hands stanzas to the router. The bound resource is a
 * {@link LocalSession}, which may outlive this connection. Input events arrive one at a time,
 * in order, from the connection's ordered worker; {@link #close} may come from any thread.
 */
public final class C2sStream implements InboundStream {
    private static final Logger LOG = LoggerFactory.getLogger(C2sStream.class);

    private final Transport transport;
    private final C2sSettings settings;
    private final C2sServices services;
    private final SaslNegotiator sasl;
    private final StanzaIntake intake;
    private final SessionNonzas nonzas;
    private volatile StreamState state = StreamState.AWAIT_HEADER;
    private volatile boolean headerSent;
    private XmppStreamParser parser;
    private int parserGeneration;
    private DomainBareJid domain;
    private String authenticatedLocalpart;
    private volatile LocalSession session;
    private ScheduledFuture<?> handshakeTimer;
    private final Keepalive keepalive;
    private final AtomicBoolean left = new AtomicBoolean();

    public C2sStream(Transport transport, C2sSettings settings, C2sServices services) {
        this.transport = transport;
        this.settings = settings;
        this.services = services;
        this.sasl = new SaslNegotiator(this, services);
        this.intake = new StanzaIntake(this, services.router());
        this.nonzas = new SessionNonzas(this);
        this.keepalive = new Keepalive(services.scheduler(), settings.pingTimeout());
        restartParser();
    }

    /** Called once the connection is up: arms the handshake timeout. */
    @Override
    public void opened() {
        long seconds = settings.handshakeTimeout().toSeconds();
        handshakeTimer = services.scheduler().schedule(() -> {
            if (state != StreamState.BOUND && state != StreamState.CLOSED) {
                fail(StreamErrorCondition.CONNECTION_TIMEOUT, "Stream negotiation took too long");
            }
        }, seconds, TimeUnit.SECONDS);
    }

    /** Feeds bytes read from the connection. */
    @Override
    public void received(ByteBuffer data) {
        if (state == StreamState.CLOSED) {
            return;
        }
        keepalive.inputSeen();
        try {
            parser.feed(data);
        } catch (StreamErrorException e) {
            fail(e.condition(), e.text());
        } catch (RuntimeException e) {
            LOG.error("stream {} failed on input", this, e);
            fail(StreamErrorCondition.INTERNAL_SERVER_ERROR, null);
        }
    }

    /** The connection is gone, for whatever reason. */
    @Override
    public void connectionClosed() {
        markClosed();
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
        leave(true);
    }

    /**
     * Lets go of the session, once, as soon as the stream ends and before the peer can see it
     * end: a stanza routed to a closing stream would be dropped, while an unbound resource gets
     * the RFC 6121 §8.5 treatment. A {@code lost} connection (no closing tag) leaves a resumable
     * session hibernated (XEP-0198 §5); otherwise the session ends.
     */
    private void leave(boolean lost) {
        LocalSession bound = session;
        if (bound != null && !left.getAndSet(true)) {
            bound.detach(this, lost);
        }
    }

    /**
     * The peer sent nothing for half the idle time: a bound client gets an XEP-0199 ping, others a
     * whitespace keepalive (RFC 6120 §4.6.1). With no input within the ping timeout the stream is
     * closed with {@code connection-timeout}.
     */
    @Override
    public void idle() {
        if (state == StreamState.CLOSED
                || !keepalive.probe(() -> fail(StreamErrorCondition.CONNECTION_TIMEOUT, "No reply to the keepalive ping"))) {
            return;
        }
        if (state == StreamState.BOUND) {
            // Through the session, so that stream management counts it like any stanza (XEP-0198 §4).
            session.deliver(Element.builder("iq", Namespaces.CLIENT)
                    .attribute("from", domain.toString()).attribute("to", session.jid().toString())
                    .attribute("id", "keepalive-" + nextId()).attribute("type", "get")
                    .child(Element.of("ping", "urn:xmpp:ping")).build());
        } else if (state != StreamState.CLOSED && headerSent) {
            // Before our header not even whitespace: the XML declaration must come first.
            transport.send(" ");
        }
    }

    // --- parser events -------------------------------------------------------------------

    private void streamOpened(StreamOpen open) throws StreamErrorException {
        if (state != StreamState.AWAIT_HEADER) {
            throw new StreamErrorException(StreamErrorCondition.BAD_FORMAT, "Unexpected stream header");
        }
        DomainBareJid requested = requestedDomain(open);
        sendHeader(requested, open.attributeOrNull("from"));
        checkHeader(open, requested);
        domain = requested;
        if (authenticatedLocalpart == null) {
            enterState(StreamState.NEGOTIATING);
            transport.send(StreamFeatures.beforeAuth(tlsRequiredNow(), transport.canStartTls(),
                    sasl.offeredMechanisms(), transport.channelBindings(), services.preAuth().features()));
        } else {
            enterState(StreamState.AUTHENTICATED);
            transport.send(StreamFeatures.afterAuth(services.featuresAfterAuth().get()));
        }
    }

    private DomainBareJid requestedDomain(StreamOpen open) {
        String to = open.attributeOrNull("to");
        if (to != null) {
            try {
                DomainBareJid requested = JidCreate.domainBareFrom(to);
                if (settings.domains().contains(requested)) {
                    return requested;
                }
            } catch (XmppStringprepException e) {
                LOG.debug("bad 'to' in stream header: {}", to);
            }
        }
        return null;
    }

    private void checkHeader(StreamOpen open, DomainBareJid requested) throws StreamErrorException {
        if (!Namespaces.CLIENT.equals(open.contentNamespace())) {
            throw new StreamErrorException(StreamErrorCondition.INVALID_NAMESPACE,
                    "The stream's default namespace must be " + Namespaces.CLIENT);
        }
        if (requested == null) {
            throw new StreamErrorException(StreamErrorCondition.HOST_UNKNOWN,
                    "This server does not serve " + open.attributeOrNull("to"));
        }
        String version = open.attributeOrNull("version");
        if (version == null || !version.startsWith("1.")) {
            throw new StreamErrorException(StreamErrorCondition.UNSUPPORTED_VERSION,
                    "XMPP version 1.0 is required");
        }
        if (domain != null && !domain.equals(requested)) {
            throw new StreamErrorException(StreamErrorCondition.HOST_UNKNOWN,
                    "A restarted stream must name the same domain");
        }
    }

    private void element(Element element) throws StreamErrorException {
        switch (state) {
            case NEGOTIATING -> negotiate(element);
            case AUTHENTICATING -> sasl.continueExchange(element);
            case AUTHENTICATED -> {
                if (!nonzas.beforeBind(element)) {
                    intake.beforeBind(element);
                }
            }
            case BOUND -> {
                if (!nonzas.afterBind(element)) {
                    intake.stanza(element);
                    session.handled();
                }
            }
            case CLOSED -> { }
            default -> throw new StreamErrorException(StreamErrorCondition.BAD_FORMAT,
                    "Element before the stream header");
        }
    }

    private void negotiate(Element element) throws StreamErrorException {
        if (element.is("starttls", Namespaces.TLS)) {
            startTls();
        } else if (tlsRequiredNow() && element.is("auth", Namespaces.SASL)) {
            sasl.refuseBeforeTls();
        } else if (tlsRequiredNow()) {
            // RFC 6120 §5.3.1: with TLS mandatory, nothing else may come first.
            throw new StreamErrorException(StreamErrorCondition.POLICY_VIOLATION, "STARTTLS is required first");
        } else if (element.is("auth", Namespaces.SASL)) {
            sasl.begin(element);
        } else if (services.preAuth().handles(element)) {
            transport.send(XmlWriter.toStreamXml(
                    services.preAuth().answer(element, domain, transport.remoteAddress()), Namespaces.CLIENT));
        } else {
            throw new StreamErrorException(StreamErrorCondition.NOT_AUTHORIZED,
                    "Authenticate before sending " + element.name());
        }
    }

    private void startTls() {
        if (transport.isSecure() || !transport.canStartTls()) {
            // RFC 6120 §5.4.2.2: failure, then the stream is closed.
            markClosed();
            transport.send("<failure xmlns='" + Namespaces.TLS + "'/></stream:stream>");
            transport.close();
            return;
        }
        restartParser();
        enterState(StreamState.AWAIT_HEADER);
        transport.startTls("<proceed xmlns='" + Namespaces.TLS + "'/>");
    }

    private void streamClosed() {
        if (markClosed()) {
            leave(false);
            transport.send("</stream:stream>");
            transport.close();
        }
    }

    // --- used by the negotiators -----------------------------------------------------------

    boolean tlsRequiredNow() {
        return settings.starttlsRequired() && !transport.isSecure();
    }

    Transport transport() {
        return transport;
    }

    C2sServices services() {
        return services;
    }

    DomainBareJid domain() {
        return domain;
    }

    /** Moves to {@code next}, unless the stream has already ended. */
    synchronized void enterState(StreamState next) {
        if (state != StreamState.CLOSED) {
            state = next;
        }
    }

    /** SASL succeeded: the next input is a new stream header (RFC 6120 §6.4.6). */
    void authenticated(String localpart) {
        authenticatedLocalpart = localpart;
        restartParser();
        enterState(StreamState.AWAIT_HEADER);
    }

    String authenticatedLocalpart() {
        return authenticatedLocalpart;
    }

    /** A resource was bound to {@code bound}, or {@code bound} was resumed on this connection. */
    void bound(LocalSession bound) {
        session = bound;
        enterState(StreamState.BOUND);
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
    }

    /** The bound session, or null before binding. */
    LocalSession session() {
        return session;
    }

    /** XEP-0198 §5: a newer connection resumed the session; this one just goes. */
    void replacedByResumption() {
        if (markClosed()) {
            transport.close();
        }
    }

    String nextId() {
        byte[] bytes = new byte[8];
        services.random().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Ends the stream with {@code condition}, sending our header first if needed (RFC 6120 §4.9.1.2). */
    void fail(StreamErrorCondition condition, String text) {
        LOG.debug("stream error {} to {}: {}", condition.elementName(), transport.remoteAddress(), text);
        // A missed keepalive is a lost connection: a resumable session may come back (XEP-0198 §5).
        fail(condition.toElement(text), condition == StreamErrorCondition.CONNECTION_TIMEOUT);
    }

    /** Ends the stream with {@code error}, a complete {@code <stream:error/>}. */
    void fail(Element error, boolean lost) {
        if (!markClosed()) {
            return;
        }
        leave(lost);
        if (!headerSent) {
            sendHeader(domain, null);
        }
        transport.send(XmlWriter.toStreamXml(error, Namespaces.CLIENT) + "</stream:stream>");
        transport.close();
    }

    /**
     * Moves to CLOSED; false when already there. Timers and other sessions (conflict) may end a
     * stream while its worker does, and only one of them may write the stream's end.
     */
    private synchronized boolean markClosed() {
        if (state == StreamState.CLOSED) {
            return false;
        }
        state = StreamState.CLOSED;
        return true;
    }

    private void sendHeader(DomainBareJid from, String to) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("from", from == null ? settings.domains().get(0).toString() : from.toString());
        attributes.put("to", to);
        attributes.put("id", nextId());
        attributes.put("version", "1.0");
        attributes.put("xml:lang", "en");
        transport.send(StreamOpen.header(Namespaces.CLIENT, attributes));
        headerSent = true;
    }

    private void restartParser() {
        int generation = ++parserGeneration;
        parser = settings.parsers().newParser(new Events(generation));
    }

    /** Ends the stream with a stream error, e.g. {@code system-shutdown}; from any thread. */
    @Override
    public void close(StreamErrorCondition condition, String text) {
        fail(condition, text);
    }

    @Override
    public String toString() {
        LocalSession bound = session;
        return bound != null ? bound.jid().toString() : String.valueOf(transport.remoteAddress());
    }

    /** Parser callbacks of one parser generation; events of a replaced parser are ignored. */
    private final class Events implements StreamHandler {
        private final int generation;

        Events(int generation) {
            this.generation = generation;
        }

        private boolean current() {
            return generation == parserGeneration && state != StreamState.CLOSED;
        }

        @Override
        public void streamOpened(StreamOpen open) throws StreamErrorException {
            if (current()) {
                C2sStream.this.streamOpened(open);
            }
        }

        @Override
        public void element(Element element) throws StreamErrorException {
            if (current()) {
                C2sStream.this.element(element);
            }
        }

        @Override
        public void streamClosed() {
            if (current()) {
                C2sStream.this.streamClosed();
            }
        }
    }
}
