package org.xmppd.server.module;

import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.codec.Message;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;

/** A test service at {@code echo.<first host>}: messages come back, anything else is refused. */
public final class EchoServiceModule implements XmppModule {
    @Override
    public String name() {
        return "test-echo";
    }

    @Override
    public void start(ModuleContext context) {
        DomainBareJid domain = JidCreate.domainBareFromOrThrowUnchecked("echo." + context.server().domains().get(0));
        context.service(domain, "Echo", stanza -> {
            if (!(stanza instanceof Message message) || message.isError()) {
                throw new StanzaErrorException(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED, "Only messages echo");
            }
            context.router().route(message.element().toBuilder()
                    .attribute("from", message.element().attributeOrNull("to"))
                    .attribute("to", message.element().attributeOrNull("from"))
                    .build());
        });
    }
}
