package org.xmppd.muc.options;

import java.util.List;
import org.xmppd.muc.room.RoomFeature;
import org.xmppd.muc.room.ServiceLimits;

/** Every room option, in the order their hooks run and their fields appear in the form. */
public final class StandardOptions {
    private StandardOptions() {
    }

    public static List<RoomFeature> all(ServiceLimits limits) {
        return List.of(new CoreFeatures(), new RoomName(), new RoomDescription(), new RoomLanguage(),
                new PublicRoom(), new Persistent(), new Moderated(), new AllowInvites(), new MembersOnly(),
                new PasswordProtected(), new Anonymity(), new MaxUsers(limits.maxOccupants()),
                new HistoryLength(limits.maxHistory()), new Archiving(), new ChangeSubject(),
                new AllowPrivateMessages(),
                new PresenceBroadcast(), new AllowVoiceRequests(), new Registration(), new CanChangeNick(),
                new RoomOwners(), new RoomAdmins());
    }
}
