package org.xmppd.server.stream;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.xmppd.codec.Element;
import org.xmppd.server.router.StanzaRouter;
import org.xmppd.server.sasl.LoginThrottle;
import org.xmppd.server.sasl.SaslMechanisms;
import org.xmppd.server.session.SessionRegistry;
import org.xmppd.storage.UserStore;

/**
 * The shared parts every client stream uses.
 *
 * @param preAuth           answers the IQs allowed before authentication (in-band registration);
 *                          {@link PreAuthHandler#NONE} for none
 * @param featuresAfterAuth the modules' children of the post-authentication stream features
 * @param streamManagement  XEP-0198 support, or null when the {@code sm} module is off
 * @param clientStateIndication whether XEP-0352 {@code <active/>}/{@code <inactive/>} are understood
 */
public record C2sServices(SessionRegistry sessions, StanzaRouter router, UserStore users,
        SaslMechanisms mechanisms, LoginThrottle throttle, ScheduledExecutorService scheduler, SecureRandom random,
        PreAuthHandler preAuth, Supplier<List<Element>> featuresAfterAuth, StreamManagement streamManagement,
        boolean clientStateIndication) {
}
