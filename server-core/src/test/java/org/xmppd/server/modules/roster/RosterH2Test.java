package org.xmppd.server.modules.roster;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.server.TestServer;

/** {@link RosterTest} on the default H2 storage. */
class RosterH2Test extends RosterTest {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    @Override
    protected TestServer server() {
        return SERVER;
    }
}
