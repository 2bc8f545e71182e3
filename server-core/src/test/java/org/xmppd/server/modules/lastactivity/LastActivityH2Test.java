package org.xmppd.server.modules.lastactivity;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.server.TestServer;

/** {@link LastActivityTest} on the default H2 storage. */
class LastActivityH2Test extends LastActivityTest {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    @Override
    protected TestServer server() {
        return SERVER;
    }
}
