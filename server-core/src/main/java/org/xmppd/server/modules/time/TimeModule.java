package org.xmppd.server.modules.time;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.xmppd.codec.Element;
import org.xmppd.server.module.IqRoute;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;

/** XEP-0202: Entity Time of the server: its UTC offset and the time in UTC (XEP-0082 formats). */
@Xep(number = 202, version = "2.0")
public final class TimeModule implements XmppModule {
    public static final String NAMESPACE = "urn:xmpp:time";

    private final Clock clock;

    public TimeModule() {
        this(Clock.systemDefaultZone());
    }

    TimeModule(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "time";
    }

    @Override
    public void start(ModuleContext context) {
        context.onIq(IqRoute.get("time", NAMESPACE).toServer(), iq -> iq.result(now()));
    }

    Element now() {
        OffsetDateTime local = OffsetDateTime.now(clock);
        String tzo = local.getOffset().equals(ZoneOffset.UTC) ? "+00:00" : local.getOffset().getId();
        String utc = DateTimeFormatter.ISO_INSTANT.format(local.toInstant().truncatedTo(ChronoUnit.MILLIS));
        return Element.builder("time", NAMESPACE)
                .textChild("tzo", NAMESPACE, tzo)
                .textChild("utc", NAMESPACE, utc)
                .build();
    }
}
