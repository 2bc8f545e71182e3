package org.xmppd.load.scenario;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.xmppd.load.client.ClientLauncher;
import org.xmppd.load.client.ClientListener;
import org.xmppd.load.client.XmppClient;

/**
 * Provisions the user range by in-band registration (XEP-0077 §3.1), for servers where one
 * command-line call per user (prosodyctl, ejabberdctl, bin/xmppd adduser) would take minutes.
 * An account that already exists ({@code conflict}, §3.1) counts as provisioned.
 */
public final class RegisterScenario {
    private final ClientLauncher launcher;
    private final UserRange users;
    private final int concurrency;
    private final Duration maxTime;

    public RegisterScenario(ClientLauncher launcher, UserRange users, int concurrency, Duration maxTime) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.users = Objects.requireNonNull(users, "users");
        this.concurrency = concurrency;
        this.maxTime = Objects.requireNonNull(maxTime, "maxTime");
    }

    public Report run() throws InterruptedException {
        LongAdder created = new LongAdder();
        LongAdder existing = new LongAdder();
        FailureTally failures = new FailureTally();
        ClientListener listener = new ClientListener() {
            @Override
            public void ready(XmppClient client) {
                created.increment();
                client.close();
            }

            @Override
            public void failed(XmppClient client, String reason) {
                if (reason.endsWith("error: conflict")) {
                    existing.increment();
                } else {
                    failures.add(reason);
                }
            }
        };
        long start = System.nanoTime();
        int launched = new Ramp(launcher, concurrency).run(0, users.count(), i -> users.account(i, "register"),
                XmppClient.Goal.REGISTER, i -> listener, start + maxTime.toNanos());
        Report.Builder report = Report.builder("register")
                .put("created", created.sum())
                .put("existing", existing.sum())
                .put("errors", failures.total())
                .put("seconds", (System.nanoTime() - start) / 1e9, 2)
                .put("error_reasons", failures.top());
        if (launched < users.count()) {
            report.note("time bound reached after " + launched + " of " + users.count() + " users");
        }
        return report.build();
    }
}
