package org.xmppd.server.modules.sm;

import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;
import org.xmppd.server.stream.sm.SmConfig;
import org.xmppd.server.stream.sm.SmXml;

/**
 * XEP-0198: Stream Management. The protocol lives in the stream layer
 * ({@link org.xmppd.server.stream.sm}), since it counts what crosses each connection and keeps
 * sessions across connections; this entry offers the stream feature and names the options
 * ({@code module_options.sm}, {@link SmConfig}) the server builds it with.
 */
@Xep(number = 198, version = "1.6.1")
public final class SmModule implements XmppModule {
    public static final String NAME = "sm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<?> configType() {
        return SmConfig.class;
    }

    @Override
    public void start(ModuleContext context) {
        context.config(SmConfig.class); // fails the start on a bad option, like every module
        context.streamFeature(SmXml::feature);
    }
}
