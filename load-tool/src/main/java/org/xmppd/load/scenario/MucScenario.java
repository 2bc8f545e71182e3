package org.xmppd.load.scenario;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xmppd.codec.Element;
import org.xmppd.load.client.ClientLauncher;
import org.xmppd.load.client.ClientListener;
import org.xmppd.load.client.XmppClient;

/**
 * Multi-user chat (XEP-0045) at stepped rates: {@code rooms × occupants} clients log in and
 * enter their rooms on the target's MUC service (see {@link MucJoins}), then random occupants
 * send groupchat messages at each aggregate rate in turn. Every message fans out to the whole
 * room, so figures are per delivery: a step passes when p99 latency over all deliveries (missing
 * ones counting as infinitely late) is within the bound.
 */
public final class MucScenario {
    static final Stepper.Labels LABELS = new Stepper.Labels("muc", "deliveries_per_s", "delivery");

    /**
     * @param service the MUC service, e.g. {@code conference.localhost}
     * @param rooms rooms to fill
     * @param occupants clients per room
     * @param roomPrefix the first part of room names
     * @param concurrency logins and room entries in flight
     * @param joinTimeout how long entering all rooms may take
     * @param steps the rates (groupchat messages per second, all rooms together) and the pass criterion
     * @param maxTime bound of the whole run; no step starts that would pass it
     * @param seed of the choice of speakers
     * @param bodyPadding extra characters per body
     */
    public record Options(String service, int rooms, int occupants, String roomPrefix, int concurrency,
            Duration joinTimeout, StepPlan steps, Duration maxTime, long seed, int bodyPadding) {
        public Options {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(roomPrefix, "roomPrefix");
            Objects.requireNonNull(joinTimeout, "joinTimeout");
            Objects.requireNonNull(steps, "steps");
            Objects.requireNonNull(maxTime, "maxTime");
        }
    }

    private final ClientLauncher launcher;
    private final UserRange users;
    private final Options options;
    private final Probes probes;
    private final PrintWriter progress;

    public MucScenario(ClientLauncher launcher, UserRange users, Options options, Probes probes,
            PrintWriter progress) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.users = Objects.requireNonNull(users, "users");
        this.options = Objects.requireNonNull(options, "options");
        this.probes = Objects.requireNonNull(probes, "probes");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    public Report run() throws InterruptedException {
        long deadline = System.nanoTime() + options.maxTime().toNanos();
        Deliveries deliveries = new Deliveries(LatencyMark.forNewRun());
        MucRooms rooms = new MucRooms(options.service(), options.roomPrefix(), deliveries.mark().runId(),
                options.rooms(), options.occupants());
        MucJoins joins = new MucJoins(rooms, options.concurrency());
        MucTraffic traffic = new MucTraffic(deliveries, options.bodyPadding(), options.seed());
        Crowd crowd = Crowd.logIn(launcher, users, rooms.clients(), options.concurrency(), "muc",
                i -> new Occupant(i, joins, traffic, deliveries), deadline);
        long joinStart = System.nanoTime();
        joins.enterAll(crowd, Math.min(deadline, joinStart + options.joinTimeout().toNanos()));
        double joinSeconds = (System.nanoTime() - joinStart) / 1e9;
        List<MucTraffic.Speaker> speakers = speakers(rooms, crowd, joins);
        Report.Builder report = Report.builder("muc")
                .put("rooms", rooms.rooms())
                .put("occupants_per_room", rooms.occupants())
                .put("users_online", crowd.online().size())
                .put("login_errors", crowd.loginErrors())
                .put("occupants_joined", speakers.size())
                .put("join_errors", joins.failures())
                .put("rooms_created_201", joins.roomsCreated())
                .put("join_seconds", joinSeconds, 2)
                .put("join_error_reasons", joins.failureReasons());
        if (speakers.isEmpty()) {
            return report.put("max_rate_passing", 0)
                    .note("nobody entered a room; logins: " + crowd.loginFailureReasons()).build();
        }
        traffic.use(speakers);
        Stepper stepper = new Stepper(options.steps(), LABELS, probes, progress);
        List<RateStep.Result> results = stepper.run(traffic, deliveries, deadline, report);
        crowd.closeAll();
        stepper.putBest(report, results);
        deliveries.report(report);
        return report.build();
    }

    /** Every occupant that entered, with the number of occupants of its room that did. */
    private static List<MucTraffic.Speaker> speakers(MucRooms rooms, Crowd crowd, MucJoins joins) {
        int[] audience = new int[rooms.rooms()];
        for (int i = 0; i < rooms.clients(); i++) {
            if (joins.entered(i)) {
                audience[rooms.roomOf(i)]++;
            }
        }
        List<MucTraffic.Speaker> speakers = new ArrayList<>();
        for (int i = 0; i < rooms.clients(); i++) {
            if (joins.entered(i)) {
                int room = rooms.roomOf(i);
                speakers.add(new MucTraffic.Speaker(crowd.clientOrNull(i), rooms.roomJid(room), audience[room]));
            }
        }
        return speakers;
    }

    /** What one occupant hears: its entry, then room traffic. */
    private record Occupant(int index, MucJoins joins, MucTraffic traffic, Deliveries deliveries)
            implements ClientListener {
        @Override
        public void ready(XmppClient client) {
            // The crowd keeps it.
        }

        @Override
        public void failed(XmppClient client, String reason) {
            // The crowd counts it.
        }

        @Override
        public void presence(XmppClient client, Element presence) {
            joins.presence(index, client, presence);
        }

        @Override
        public void iqResponse(XmppClient client, Element iq) {
            joins.iqResponse(index, iq);
        }

        @Override
        public void message(XmppClient client, Element message) {
            traffic.message(message);
        }

        @Override
        public void closed(XmppClient client) {
            deliveries.closed(client);
        }
    }
}
