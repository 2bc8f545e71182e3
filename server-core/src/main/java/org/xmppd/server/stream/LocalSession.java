package org.xmppd.server.stream;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.EntityFullJid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.Presence;
import org.xmppd.codec.StreamErrorCondition;
import org.xmppd.codec.XmlWriter;
import org.xmppd.server.session.ClientSession;
import org.xmppd.server.session.SessionAttributes;
import org.xmppd.server.session.SharedStanza;
import org.xmppd.server.stream.csi.ClientState;
import org.xmppd.server.stream.sm.DeliveryJournal;
import org.xmppd.server.stream.sm.SmXml;
import org.xmppd.server.stream.sm.UnackedQueue;

/**
 * A bound resource: what the router and the modules see as a {@link ClientSession}. It outlives
 * its connection when XEP-0198 resumption is on: a dropped connection leaves it hibernated,
 * still registered and available, queueing what it is sent, until a new connection resumes it or
 * the resumption window closes (§5). Stanzas it could not hand over are then treated as sent to
 * an unavailable resource (RFC 6121 §8.5.3.2): messages go to the account's other resources or
 * offline storage, IQ requests are answered with an error.
 */
final class LocalSession implements ClientSession {
    static final String DELAY = "urn:xmpp:delay";

    /** Where the session is in its life. */
    private enum Phase {
        /** A connection carries it. */
        ACTIVE,
        /** The connection dropped; waiting for {@code <resume/>} (XEP-0198 §5). */
        HIBERNATED,
        /** Being taken out of the registry; stanzas still arriving are kept for rerouting. */
        ENDING,
        /** Gone; late stanzas are rerouted. */
        ENDED
    }

    private final EntityFullJid jid;
    private final C2sServices services;
    private final StreamManagement sm;
    private final SessionAttributes attributes = new SessionAttributes();
    private final ClientState clientState = new ClientState();
    private volatile Presence presence;
    /** Sent directed available presence (RFC 6121 §4.6.2), which its end must withdraw (§4.6.3). */
    private volatile boolean directedPresence;
    private volatile boolean managed;

    // Guarded by this: what is written to the connection and what is counted must agree.
    private Phase phase = Phase.ACTIVE;
    private C2sStream connection;
    private UnackedQueue outbound;
    private long inbound;
    private String resumeId;
    private int resumeSeconds;
    private boolean ackRequested;
    private ScheduledFuture<?> expiry;

    LocalSession(EntityFullJid jid, C2sStream connection, C2sServices services) {
        this.jid = jid;
        this.connection = connection;
        this.services = services;
        this.sm = services.streamManagement();
    }

    @Override
    public EntityFullJid jid() {
        return jid;
    }

    @Override
    public Presence presence() {
        return presence;
    }

    void presenceSent(Presence broadcast) {
        presence = broadcast;
    }

    void directedPresenceSent() {
        directedPresence = true;
    }

    @Override
    public synchronized boolean isConnected() {
        return phase == Phase.ACTIVE;
    }

    @Override
    public SessionAttributes attributes() {
        return attributes;
    }

    ClientState clientState() {
        return clientState;
    }

    @Override
    public void deliver(Element stanza) {
        if (!clientState.hold(stanza)) {
            send(stanza, null);
        }
    }

    /** A room's fan-out: the shared bytes are written; the element is kept only when it may be sent again. */
    @Override
    public void deliver(SharedStanza stanza) {
        Element element = stanza.element(jid);
        if (!clientState.hold(element)) {
            send(element, stanza.streamBytes(jid));
        }
    }

    /** Releases what XEP-0352 held back while the client was inactive. */
    void clientActive() {
        clientState.active().forEach(held -> send(held, null));
    }

    /** @param bytes {@code stanza} already serialized, or null */
    private void send(Element stanza, byte[] bytes) {
        Instant now = Instant.now();
        long journalId = UnackedQueue.Entry.NOT_JOURNALED;
        if (managed && sm.journal().keeps(stanza)) {
            // Stored before it is written: from here on a crash cannot lose it.
            journalId = sm.journal().hold(jid.asEntityBareJid(), stanza, now);
        }
        UnackedQueue.Entry entry = new UnackedQueue.Entry(stanza, journalId, now);
        boolean late;
        boolean overflow = false;
        synchronized (this) {
            late = phase == Phase.ENDED;
            if (!late) {
                if (outbound != null) {
                    outbound.add(entry);
                    overflow = managed && outbound.size() > sm.config().maxUnackedStanzas();
                }
                if (connection != null) {
                    write(stanza, bytes);
                }
            }
        }
        if (late) {
            reroute(List.of(entry));
        } else if (overflow) {
            close(StreamErrorCondition.RESOURCE_CONSTRAINT, "Too many unacknowledged stanzas");
        }
    }

    /** Writes {@code stanza}, asking for an acknowledgement when none is outstanding (XEP-0198 §4). */
    private void write(Element stanza, byte[] bytes) {
        if (bytes != null) {
            connection.transport().send(bytes);
        } else {
            connection.transport().send(XmlWriter.toStreamXml(stanza, Namespaces.CLIENT));
        }
        if (managed && !ackRequested) {
            ackRequested = true;
            writeNonza(SmXml.request());
        }
    }

    private void writeNonza(Element nonza) {
        connection.transport().send(XmlWriter.toStreamXml(nonza, Namespaces.CLIENT));
    }

    @Override
    public void close(StreamErrorCondition condition, String text) {
        C2sStream current;
        synchronized (this) {
            current = phase == Phase.ACTIVE ? connection : null;
        }
        if (current != null) {
            current.close(condition, text);
        } else {
            end(false);
        }
    }

    // --- XEP-0198, on the connection's worker -------------------------------------------

    /** §3: enables stream management; the answer is written before any counted stanza. */
    synchronized void enable(boolean resume, long clientMax) {
        if (outbound != null || phase != Phase.ACTIVE) {
            writeNonza(SmXml.failed("unexpected-request", -1));
            return;
        }
        outbound = new UnackedQueue();
        managed = true;
        if (resume && sm.config().resumable()) {
            resumeId = connection.nextId() + connection.nextId();
            int max = sm.config().resumeTimeoutSeconds();
            resumeSeconds = clientMax > 0 ? (int) Math.min(clientMax, max) : max;
            sm.resumptions().register(resumeId, jid.asEntityBareJid(), this);
        }
        writeNonza(SmXml.enabled(resumeId, resumeSeconds));
    }

    boolean isManaged() {
        return managed;
    }

    /** One more stanza from the client was handled (§4). */
    synchronized void handled() {
        if (managed) {
            inbound++;
        }
    }

    /** §4: answers the client's {@code <r/>}. */
    synchronized void answerRequest() {
        if (connection != null) {
            writeNonza(SmXml.ack(inbound % (1L << 32)));
        }
    }

    /** §4: the client's {@code <a/>}; what it covers is forgotten, durable copies included. */
    void acknowledged(long h) throws UnackedQueue.HandledCountTooHighException {
        List<UnackedQueue.Entry> done;
        synchronized (this) {
            done = outbound.acknowledge(h);
            ackRequested = false;
            if (outbound.size() > 0 && connection != null) {
                ackRequested = true;
                writeNonza(SmXml.request());
            }
        }
        sm.journal().release(done);
    }

    /** Stanzas sent and not yet acknowledged, for the {@code handled-count-too-high} error. */
    synchronized long sentCount() {
        return outbound == null ? 0 : outbound.sentCount();
    }

    /**
     * §5: {@code next} takes over, after the stanzas the client's {@code h} covers are dropped;
     * the rest are sent again after {@code <resumed/>}. False when the session already ended.
     */
    boolean resume(C2sStream next, long h) throws UnackedQueue.HandledCountTooHighException {
        List<UnackedQueue.Entry> done;
        C2sStream previous;
        synchronized (this) {
            if (phase != Phase.ACTIVE && phase != Phase.HIBERNATED) {
                return false;
            }
            done = outbound.acknowledge(h);
            previous = connection;
            connection = next;
            phase = Phase.ACTIVE;
            cancelExpiry();
            writeNonza(SmXml.resumed(resumeId, inbound % (1L << 32)));
            ackRequested = false;
            outbound.pending().forEach(e -> write(e.stanza(), null));
        }
        if (previous != null) {
            previous.replacedByResumption();
        }
        sm.journal().release(done);
        return true;
    }

    /**
     * The connection {@code from} ended. With resumption enabled and the connection lost rather
     * than closed, the session hibernates; otherwise it ends. Nothing happens when another
     * connection already took over.
     */
    void detach(C2sStream from, boolean lost) {
        synchronized (this) {
            if (connection != from || phase != Phase.ACTIVE) {
                return;
            }
            connection = null;
            if (lost && resumeId != null) {
                phase = Phase.HIBERNATED;
                expiry = services.scheduler().schedule(() -> sm.expire(() -> end(true)),
                        resumeSeconds, TimeUnit.SECONDS);
                return;
            }
        }
        end(false);
    }

    private void cancelExpiry() {
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
    }

    /**
     * Takes the session out of the registry, hands on what the client never acknowledged, and
     * announces it unavailable (RFC 6121 §4.5.3) if it was the registered one.
     *
     * @param onlyIfHibernated for the expiry timer: a session resumed meanwhile stays
     */
    private void end(boolean onlyIfHibernated) {
        synchronized (this) {
            if (phase == Phase.ENDING || phase == Phase.ENDED || (onlyIfHibernated && phase != Phase.HIBERNATED)) {
                return;
            }
            phase = Phase.ENDING;
            connection = null;
            cancelExpiry();
            if (outbound == null) {
                outbound = new UnackedQueue(); // catches what arrives until the registry forgets us
            }
        }
        boolean registered = services.sessions().find(jid).orElse(null) == this;
        if (registered) {
            services.sessions().unbind(this);
        }
        List<UnackedQueue.Entry> unacked;
        long handled;
        synchronized (this) {
            phase = Phase.ENDED;
            unacked = outbound.drain();
            handled = inbound % (1L << 32);
        }
        if (resumeId != null) {
            sm.resumptions().ended(resumeId, jid.asEntityBareJid(), handled);
        }
        reroute(unacked);
        Presence last = presence;
        // The presence module withdraws directed presence too, even of a never-available session.
        if (registered && ((last != null && last.isAvailable()) || directedPresence)) {
            Element unavailable = Element.builder("presence", Namespaces.CLIENT)
                    .attribute("from", jid.toString()).attribute("type", "unavailable").build();
            services.router().routeFromClient(new Presence(unavailable));
        }
    }

    /**
     * Stanzas this session never handed over go where they would have gone had it been
     * unavailable (XEP-0198 §4 leaves it to the server; RFC 6121 §8.5.3.2): the router sends
     * messages to other resources or offline storage and answers IQ requests with an error.
     * Carbon copies and archive results are dropped, the originals live elsewhere.
     */
    private void reroute(List<UnackedQueue.Entry> entries) {
        for (UnackedQueue.Entry entry : entries) {
            Element stanza = entry.stanza();
            if (DeliveryJournal.isCopy(stanza)) {
                continue;
            }
            if (stanza.attributeOrNull("to") == null) {
                stanza = stanza.withAttribute("to", jid.toString());
            }
            if (stanza.is("message", Namespaces.CLIENT) && stanza.childOrNull("delay", DELAY) == null) {
                stanza = stanza.toBuilder().child(delay(entry.queued())).build();
            }
            services.router().route(stanza);
        }
        if (sm != null) {
            sm.journal().release(entries);
        }
    }

    /** XEP-0203: when this server first tried to deliver it. */
    private Element delay(Instant received) {
        return Element.builder("delay", DELAY).attribute("from", jid.getDomain().toString())
                .attribute("stamp", DateTimeFormatter.ISO_INSTANT.format(received.truncatedTo(ChronoUnit.MILLIS)))
                .build();
    }

    @Override
    public String toString() {
        return jid.toString();
    }
}
