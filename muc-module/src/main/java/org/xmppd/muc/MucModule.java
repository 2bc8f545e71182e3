package org.xmppd.muc;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.codec.Presence;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.room.RoomConfig;
import org.xmppd.muc.room.RoomOptions;
import org.xmppd.muc.room.RoomService;
import org.xmppd.muc.room.ServiceLimits;
import org.xmppd.muc.xml.MucEndpoint;
import org.xmppd.muc.xml.RoomArchiver;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.StanzaPhase;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;
import org.xmppd.server.modules.mam.ArchiveWriter;
import org.xmppd.storage.ArchiveIds;
import org.xmppd.storage.ArchiveStore;

/**
 * XEP-0045: Multi-User Chat. One service per served domain at {@code <subdomain>.<domain>},
 * listed in the domain's disco#items; persistent rooms are loaded from the room store at start.
 * When a user's resource goes offline (its unavailable broadcast, RFC 6121 §4.5.2, which the
 * server also sends for a dropped connection), it leaves every room it was in. Rooms keep their
 * XEP-0313 archives in the archive store through one writer thread of this module, and name
 * messages with one {@link ArchiveIds} shared by the services of all hosts.
 */
@Xep(number = 45, version = "1.35.1")
public final class MucModule implements XmppModule {
    private final List<RoomService> services = new CopyOnWriteArrayList<>();
    private ArchiveWriter writer;

    @Override
    public String name() {
        return "muc";
    }

    @Override
    public Class<?> configType() {
        return MucConfig.class;
    }

    @Override
    public void start(ModuleContext context) {
        MucConfig config = context.config(MucConfig.class);
        ServiceLimits limits = new ServiceLimits(config.roomCreation(), config.maxRooms(), config.maxRoomsPerUser(),
                config.maxOccupants(), config.maxHistory());
        RoomConfig defaults = RoomConfig.empty().with(RoomOptions.MAX_USERS, config.maxOccupants())
                .with(RoomOptions.HISTORY_LENGTH, config.historyLength())
                .with(RoomOptions.PERSISTENT, config.persistent())
                .with(RoomOptions.ARCHIVING, config.archiveByDefault());
        ArchiveStore archives = context.storage().archive();
        writer = new ArchiveWriter(archives, "muc-archive-writer");
        RoomArchiver archiver = new RoomArchiver(archives, writer, new ArchiveIds());
        MucEndpoint.Server server = new MucEndpoint.Server(context.sessions(), context.router(), context.server(),
                context.scheduler());
        for (DomainBareJid domain : context.server().domains()) {
            DomainBareJid service = JidCreate.domainBareFromOrThrowUnchecked(config.subdomain() + "." + domain);
            MucEndpoint endpoint = MucEndpoint.create(service, config.name(), server, context.storage().rooms(),
                    archiver, limits, defaults, Clock.systemUTC());
            endpoint.rooms().load();
            context.service(service, config.name(), endpoint.handler());
            services.add(endpoint.rooms());
        }
        context.onPresence(StanzaPhase.SENT, 0, this::wentOffline);
    }

    private boolean wentOffline(Presence presence) throws StanzaErrorException {
        Jid from = presence.from();
        if ("unavailable".equals(presence.type()) && presence.to() == null && from != null
                && from.isEntityFullJid()) {
            services.forEach(s -> s.exitEverywhere(from.asEntityFullJidIfPossible(), presence.element()));
        }
        return false;
    }

    @Override
    public void stop() {
        services.forEach(RoomService::shutdown);
        services.clear();
        if (writer != null) {
            writer.close(); // after the shutdown, which may still archive and delete
        }
    }
}
