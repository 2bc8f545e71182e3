package org.xmppd.load.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.xmppd.codec.Element;
import org.xmppd.load.client.XmppClient;

/**
 * Enters every client into its room (XEP-0045 §7.2). The first entrant of each room goes first:
 * it creates the room, and when the service answers with status 201 (the room is locked until
 * configured, §10.1.1, as Prosody and ejabberd do) it accepts the default configuration with an
 * empty owner form (§10.1.2, instant room). Only then do the others enter, since a locked room
 * refuses them. A client has entered when its own presence comes back from the room.
 */
final class MucJoins {
    private static final String UNLOCK_ID = "muc-unlock";

    private final MucRooms rooms;
    private final Handshakes handshakes;
    private final LongAdder created = new LongAdder();

    MucJoins(MucRooms rooms, int window) {
        this.rooms = rooms;
        this.handshakes = new Handshakes(rooms.clients(), window);
    }

    /** Enters the creators, then everyone else; returns once each has an outcome or the deadline passed. */
    void enterAll(Crowd crowd, long deadlineNanos) throws InterruptedException {
        List<Integer> creators = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < rooms.clients(); i++) {
            (i == rooms.creatorOf(rooms.roomOf(i)) ? creators : others).add(i);
        }
        enter(crowd, creators, deadlineNanos);
        enter(crowd, others, deadlineNanos);
    }

    private void enter(Crowd crowd, List<Integer> clients, long deadlineNanos) throws InterruptedException {
        List<Integer> started = new ArrayList<>();
        for (int i : clients) {
            XmppClient client = crowd.clientOrNull(i);
            if (client != null) {
                handshakes.start(i, () -> client.send(MucStanzas.join(rooms.occupantJid(i))), deadlineNanos);
                started.add(i);
            }
        }
        handshakes.awaitAll(started, deadlineNanos);
    }

    /** A presence reached client {@code index}: only its own, from its room, decides its entry. */
    void presence(int index, XmppClient client, Element presence) {
        if (!rooms.occupantJid(index).equalsIgnoreCase(presence.attributeOrNull("from"))) {
            return;
        }
        if (Bounces.isError(presence)) {
            handshakes.fail(index, "entering refused: " + Bounces.conditionOf(presence));
        } else if (MucStanzas.hasStatus(presence, "201")) {
            created.increment();
            client.send(MucStanzas.instantRoom(rooms.roomJid(rooms.roomOf(index)), UNLOCK_ID));
        } else if (presence.attributeOrNull("type") == null) {
            handshakes.succeed(index);
        }
    }

    /** An IQ answer reached client {@code index}: the owner form's result unlocks the room. */
    void iqResponse(int index, Element iq) {
        if (!UNLOCK_ID.equals(iq.attributeOrNull("id"))) {
            return;
        }
        if (Bounces.isError(iq)) {
            handshakes.fail(index, "instant room refused: " + Bounces.conditionOf(iq));
        } else {
            handshakes.succeed(index);
        }
    }

    boolean entered(int index) {
        return handshakes.succeeded(index);
    }

    /** Rooms whose creation the service announced with status 201. */
    long roomsCreated() {
        return created.sum();
    }

    long failures() {
        return handshakes.failures();
    }

    String failureReasons() {
        return handshakes.failureReasons();
    }
}
