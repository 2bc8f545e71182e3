package org.xmppd.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.server.tls.TlsConfig;

/** {@code tls.provider: conscrypt}: logins over STARTTLS and direct TLS, then a chat. */
class ConscryptTlsTest {
    @RegisterExtension
    static final TestServer SERVER = new TestServer(config -> config.withTls(
            new TlsConfig(null, null, null, "conscrypt")));

    @Test
    void starttlsAndDirectTlsLogInAndChat() throws Exception {
        NativeTlsChat.logInAndChat(SERVER);
    }
}
