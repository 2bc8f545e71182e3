package org.xmppd.muc.room;

import java.time.Clock;
import java.util.List;

/** What every room operation needs: the options' hooks, persistence, the archive, the limits and the clock. */
record Engine(List<RoomFeature> features, RoomRepository repository, RoomArchive archive, ServiceLimits limits,
        Clock clock) {
    Engine {
        features = List.copyOf(features);
    }

    /** The role an affiliation gets on entering (XEP-0045 §5.1.2, moderated rooms §8.1). */
    static Role defaultRole(Affiliation affiliation, RoomConfig config) {
        return switch (affiliation) {
            case OWNER, ADMIN -> Role.MODERATOR;
            case MEMBER -> Role.PARTICIPANT;
            case NONE -> config.get(RoomOptions.MODERATED) ? Role.VISITOR : Role.PARTICIPANT;
            case OUTCAST -> Role.NONE;
        };
    }
}
