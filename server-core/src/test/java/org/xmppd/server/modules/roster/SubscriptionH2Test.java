package org.xmppd.server.modules.roster;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.server.TestServer;

/** {@link SubscriptionTest} on the default H2 storage. */
class SubscriptionH2Test extends SubscriptionTest {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    @Override
    protected TestServer server() {
        return SERVER;
    }
}
