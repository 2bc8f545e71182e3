package org.xmppd.muc.xml;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.xmppd.muc.options.StandardOptions;
import org.xmppd.muc.room.RoomConfig;
import org.xmppd.muc.room.RoomService;
import org.xmppd.muc.room.ServiceLimits;
import org.xmppd.server.module.ServiceHandler;
import org.xmppd.server.router.Router;
import org.xmppd.server.router.ServerInfo;
import org.xmppd.server.session.SessionRegistry;
import org.xmppd.storage.RoomStore;

/**
 * One MUC service wired up: the engine for its rooms, the publisher rendering their events and
 * the handler taking the service's stanzas.
 */
public final class MucEndpoint {
    private final RoomService rooms;
    private final MucService handler;

    /** What the endpoint needs from the server. */
    public record Server(SessionRegistry sessions, Router router, ServerInfo info, ScheduledExecutorService scheduler) {
    }

    private MucEndpoint(RoomService rooms, MucService handler) {
        this.rooms = rooms;
        this.handler = handler;
    }

    /**
     * @param archiver the rooms' message archives (shared by the services of all hosts)
     * @param defaults the configuration new rooms start with
     */
    public static MucEndpoint create(DomainBareJid domain, String name, Server server, RoomStore store,
            RoomArchiver archiver, ServiceLimits limits, RoomConfig defaults, Clock clock) {
        AtomicReference<RoomService> engine = new AtomicReference<>();
        Set<EntityFullJid> dying = ConcurrentHashMap.newKeySet();
        // A session found gone while the room is locked is removed afterwards, once per session.
        Delivery delivery = new Delivery(server.sessions(), server.router(), server.info(), jid -> {
            if (dying.add(jid)) {
                server.scheduler().execute(() -> {
                    dying.remove(jid);
                    engine.get().removeSession(jid);
                });
            }
        });
        RoomService rooms = new RoomService(domain, store, archiver, StandardOptions.all(limits), limits, defaults,
                clock, new Publisher(delivery, archiver));
        engine.set(rooms);
        MucService handler = new MucService(rooms, delivery, name, server.scheduler(),
                new ArchiveHandler(rooms, archiver.reader(), delivery));
        return new MucEndpoint(rooms, handler);
    }

    public RoomService rooms() {
        return rooms;
    }

    public ServiceHandler handler() {
        return handler;
    }
}
