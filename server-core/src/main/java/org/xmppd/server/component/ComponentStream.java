package org.xmppd.server.component;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.Stanza;
import org.xmppd.codec.StreamErrorCondition;
import org.xmppd.codec.StreamErrorException;
import org.xmppd.codec.StreamHandler;
import org.xmppd.codec.StreamOpen;
import org.xmppd.codec.XmlWriter;
import org.xmppd.codec.XmppStreamParser;
import org.xmppd.server.stream.InboundStream;
import org.xmppd.server.stream.Keepalive;
import org.xmppd.server.stream.Transport;

/**
 * One external component's stream (XEP-0114):
 * <pre>
 * C: &lt;stream:stream xmlns='jabber:component:accept' xmlns:stream='http://etherx.jabber.org/streams' to='gw.example.org'&gt;
 * S: &lt;stream:stream xmlns='jabber:component:accept' ... from='gw.example.org' id='3BF96D32'&gt;
 * C: &lt;handshake&gt;hex SHA-1 of id + secret&lt;/handshake&gt;
 * S: &lt;handshake/&gt;
 * </pre>
 * then stanzas both ways. An unconfigured domain gets {@code host-unknown}, a wrong digest
 * {@code not-authorized}, a domain already connected {@code conflict}. A component's stanza must
 * name a sender in its domain ({@code invalid-from}) and a recipient ({@code improper-addressing});
 * it is routed as a stanza from a remote entity, in {@code jabber:client} terms, without the hooks
 * that treat what local clients send (rosters, carbons). Input events arrive one at a time, in
 * order, from the connection's ordered worker; {@link #send} and {@link #close} from any thread.
 */
public final class ComponentStream implements InboundStream {
    private static final Logger LOG = LoggerFactory.getLogger(ComponentStream.class);
    private static final String NS = Namespaces.COMPONENT_ACCEPT;

    private enum State { AWAIT_HEADER, AWAIT_HANDSHAKE, CONNECTED, CLOSED }

    private final Transport transport;
    private final ComponentServices services;
    private final XmppStreamParser parser;
    private volatile State state = State.AWAIT_HEADER;
    private volatile boolean headerSent;
    private String streamId;
    private volatile DomainBareJid domain;
    private volatile ScheduledFuture<?> handshakeTimer;
    private final Keepalive keepalive;

    public ComponentStream(Transport transport, ComponentServices services) {
        this.transport = transport;
        this.services = services;
        this.parser = new XmppStreamParser(services.limits(), new Events());
        this.keepalive = new Keepalive(services.scheduler(), services.pingTimeout());
    }

    @Override
    public void opened() {
        handshakeTimer = services.scheduler().schedule(() -> {
            if (state != State.CONNECTED) {
                close(StreamErrorCondition.CONNECTION_TIMEOUT, "The handshake took too long");
            }
        }, services.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void received(ByteBuffer data) {
        if (state == State.CLOSED) {
            return;
        }
        keepalive.inputSeen();
        try {
            parser.feed(data);
        } catch (StreamErrorException e) {
            close(e.condition(), e.text());
        } catch (RuntimeException e) {
            LOG.error("component stream {} failed on input", this, e);
            close(StreamErrorCondition.INTERNAL_SERVER_ERROR, null);
        }
    }

    /**
     * Half the idle time without input: a connected component gets an XEP-0199 ping (it must
     * answer IQs, RFC 6120 §8.2.3), others whitespace; with no input within the ping timeout the
     * stream ends with {@code connection-timeout}, freeing the domain for a reconnecting component.
     */
    @Override
    public void idle() {
        if (state == State.CLOSED
                || !keepalive.probe(() -> close(StreamErrorCondition.CONNECTION_TIMEOUT, "No reply to the keepalive ping"))) {
            return;
        }
        if (state == State.CONNECTED) {
            send(Element.builder("iq", Namespaces.CLIENT).attribute("type", "get")
                    .attribute("id", "keepalive-" + randomHex(8)).attribute("from", services.server().toString())
                    .attribute("to", domain.toString()).child(Element.of("ping", "urn:xmpp:ping")).build());
        } else if (headerSent) {
            transport.send(" ");
        }
    }

    @Override
    public void connectionClosed() {
        markClosed();
        end();
    }

    /** Ends the stream with {@code condition}, our header first if not yet sent (RFC 6120 §4.9.1.2). */
    @Override
    public void close(StreamErrorCondition condition, String text) {
        if (!markClosed()) {
            return;
        }
        LOG.debug("stream error {} to component {}: {}", condition.elementName(), this, text);
        end();
        if (!headerSent) {
            sendHeader(null);
        }
        transport.send(XmlWriter.toStreamXml(condition.toElement(text), NS) + "</stream:stream>");
        transport.close();
    }

    /**
     * Writes a stanza (in {@code jabber:client} terms) to the component; false when the stream
     * is not, or no longer, connected.
     */
    boolean send(Element stanza) {
        if (state != State.CONNECTED) {
            return false;
        }
        transport.send(XmlWriter.toStreamXml(StanzaNamespaces.move(stanza, Namespaces.CLIENT, NS), NS));
        return true;
    }

    // --- parser events ---------------------------------------------------------------------

    private void streamOpened(StreamOpen open) throws StreamErrorException {
        if (state != State.AWAIT_HEADER) {
            throw new StreamErrorException(StreamErrorCondition.BAD_FORMAT, "Unexpected stream header");
        }
        DomainBareJid requested = parseDomainOrNull(open.attributeOrNull("to"));
        sendHeader(requested);
        if (!NS.equals(open.contentNamespace())) {
            throw new StreamErrorException(StreamErrorCondition.INVALID_NAMESPACE,
                    "A component stream's default namespace is " + NS);
        }
        if (requested == null || services.routing().secretOf(requested) == null) {
            throw new StreamErrorException(StreamErrorCondition.HOST_UNKNOWN,
                    "No component is configured for " + open.attributeOrNull("to"));
        }
        domain = requested;
        enterState(State.AWAIT_HANDSHAKE);
    }

    private void element(Element element) throws StreamErrorException {
        switch (state) {
            case AWAIT_HANDSHAKE -> handshake(element);
            case CONNECTED -> stanza(element);
            default -> { }
        }
    }

    private void handshake(Element element) throws StreamErrorException {
        if (!element.is("handshake", NS)
                || !Handshake.verify(streamId, services.routing().secretOf(domain), element.text())) {
            throw new StreamErrorException(StreamErrorCondition.NOT_AUTHORIZED, "Handshake failed");
        }
        if (!services.routing().attach(domain, this)) {
            throw new StreamErrorException(StreamErrorCondition.CONFLICT,
                    "A component is already connected for " + domain);
        }
        handshakeTimer.cancel(false);
        // Written before the state lets stanzas for the domain through, so it comes first; one
        // routed in between bounces as if the component were not connected yet.
        transport.send("<handshake/>");
        enterState(State.CONNECTED);
    }

    private void stanza(Element element) throws StreamErrorException {
        if (!Stanza.isStanzaName(element.name())) {
            throw new StreamErrorException(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE,
                    "Unsupported element " + element.name() + " in " + element.namespace());
        }
        if (!element.namespace().equals(NS)) {
            throw new StreamErrorException(StreamErrorCondition.INVALID_NAMESPACE,
                    "Stanzas on a component stream are in " + NS);
        }
        checkAddresses(element);
        services.router().route(StanzaNamespaces.move(element, NS, Namespaces.CLIENT));
    }

    /** The component speaks for its own domain only, and says to whom (as Prosody requires). */
    private void checkAddresses(Element element) throws StreamErrorException {
        String from = element.attributeOrNull("from");
        if (from == null || element.attributeOrNull("to") == null) {
            throw new StreamErrorException(StreamErrorCondition.IMPROPER_ADDRESSING,
                    "A component's stanza needs 'from' and 'to'");
        }
        Jid sender;
        try {
            sender = JidCreate.from(from);
        } catch (XmppStringprepException e) {
            throw new StreamErrorException(StreamErrorCondition.INVALID_FROM, "Malformed 'from'");
        }
        if (!sender.asDomainBareJid().equals(domain)) {
            throw new StreamErrorException(StreamErrorCondition.INVALID_FROM,
                    "'from' must be " + domain + " or a JID under it");
        }
    }

    private void streamClosed() {
        if (markClosed()) {
            end();
            transport.send("</stream:stream>");
            transport.close();
        }
    }

    // --- state -----------------------------------------------------------------------------

    /** Takes the domain's route away (if this stream held it) and stops the handshake timer. */
    private void end() {
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
        if (domain != null) {
            services.routing().detach(domain, this);
        }
    }

    private synchronized void enterState(State next) {
        if (state != State.CLOSED) {
            state = next;
        }
    }

    /** Moves to CLOSED; false when already there, so only one party writes the stream's end. */
    private synchronized boolean markClosed() {
        if (state == State.CLOSED) {
            return false;
        }
        state = State.CLOSED;
        return true;
    }

    private void sendHeader(DomainBareJid from) {
        streamId = randomHex(16);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("from", (from == null ? services.server() : from).toString());
        attributes.put("id", streamId);
        transport.send(StreamOpen.header(NS, attributes));
        headerSent = true;
    }

    private static DomainBareJid parseDomainOrNull(String to) {
        if (to == null) {
            return null;
        }
        try {
            return JidCreate.domainBareFrom(to);
        } catch (XmppStringprepException e) {
            return null;
        }
    }

    private String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        services.random().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Override
    public String toString() {
        return (domain == null ? "?" : domain.toString()) + "@" + transport.remoteAddress();
    }

    /** Parser callbacks; nothing is handled once the stream is closed. */
    private final class Events implements StreamHandler {
        @Override
        public void streamOpened(StreamOpen open) throws StreamErrorException {
            if (state != State.CLOSED) {
                ComponentStream.this.streamOpened(open);
            }
        }

        @Override
        public void element(Element element) throws StreamErrorException {
            if (state != State.CLOSED) {
                ComponentStream.this.element(element);
            }
        }

        @Override
        public void streamClosed() {
            if (state != State.CLOSED) {
                ComponentStream.this.streamClosed();
            }
        }
    }
}
