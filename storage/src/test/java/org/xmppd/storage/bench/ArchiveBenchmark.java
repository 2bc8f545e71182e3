package org.xmppd.storage.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.storage.ArchiveIds;
import org.xmppd.storage.ArchiveQuery;
import org.xmppd.storage.ArchiveStore;
import org.xmppd.storage.ArchivedMessage;

/**
 * Archive write rate and page latency per backend as one archive grows (not a unit test). Run:
 * <pre>
 * mvn -q -pl storage -am -DskipTests install
 * SSDB_URL=ssdb://127.0.0.1:8888 mvn -q -pl storage exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.xmppd.storage.bench.ArchiveBenchmark -Dexec.args="h2,mysql,ssdb 10000,100000,1000000 300"
 * </pre>
 * Per backend it fills one archive in batches of {@value #BATCH} (peers change every
 * {@value #RUN} messages, {@value #PEERS} peers, about 300-byte stanzas), and at each size
 * measures {@value #SINGLE_APPENDS} single-message appends and four kinds of page of {@value #PAGE}
 * (the first, the last, one ending before a random id, the last page with one peer), each
 * repeated as often as the third argument says (default 300, after a warm-up), printing median
 * and p99 latency. Then it deletes the archive.
 */
public final class ArchiveBenchmark {
    static final int BATCH = 100;
    static final int RUN = 10;
    static final int PEERS = 20;
    static final int PAGE = 50;
    private static final int SINGLE_APPENDS = 1_000;
    private static final int WARMUP = 50;
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private final ArchiveStore store;
    private final int queries;
    private final EntityBareJid owner = JidCreate.entityBareFromOrThrowUnchecked("bench@example.org");
    private final ArchiveIds ids = new ArchiveIds();
    private final Random random = new Random(42);
    private long[] stored = new long[0];
    private int count;
    /** Messages written by the last {@link #fillTo}. */
    private int fillCount;

    private ArchiveBenchmark(ArchiveStore store, int queries) {
        this.store = store;
        this.queries = queries;
    }

    public static void main(String[] args) throws Exception {
        List<String> backends = List.of((args.length > 0 ? args[0] : "h2,mysql,ssdb").split(","));
        int[] sizes = Arrays.stream((args.length > 1 ? args[1] : "10000,100000,1000000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        print("| backend | size | fill msg/s | append(1) msg/s | first page ms | last page ms "
                + "| before-id page ms | with page ms |");
        print("|---|---|---|---|---|---|---|---|");
        for (String name : backends) {
            try (BenchBackend backend = BenchBackend.open(name)) {
                new ArchiveBenchmark(backend.archive(), queries).run(name, sizes);
            } catch (IllegalArgumentException e) {
                print("| " + name + " | skipped: " + e.getMessage() + " |");
            }
        }
    }

    private void run(String name, int[] sizes) {
        for (int size : sizes) {
            long started = System.nanoTime();
            fillTo(size - SINGLE_APPENDS);
            double fillRate = fillCount == 0 ? 0 : rate(fillCount, started);
            double singleRate = appendSingles(SINGLE_APPENDS);
            print(String.format("| %s | %,d | %,.0f | %,.0f | %s | %s | %s | %s |", name, count, fillRate, singleRate,
                    latency(i -> ArchiveQuery.firstPage(PAGE)),
                    latency(i -> page(null, null)),
                    latency(i -> page(null, stored[PAGE + random.nextInt(count - PAGE)])),
                    latency(i -> page("peer7@example.net", null))));
        }
        long started = System.nanoTime();
        store.deleteArchive(owner);
        print(String.format("| %s | deleting the archive of %,d took %.1f s |", name, count,
                (System.nanoTime() - started) / 1e9));
    }

    /** Appends batches until the archive holds {@code target} messages; remembers how many it wrote. */
    private void fillTo(int target) {
        fillCount = 0;
        while (count < target) {
            List<ArchivedMessage> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH && count + i < target; i++) {
                batch.add(message(count + i));
            }
            store.append(batch);
            remember(batch);
            fillCount += batch.size();
        }
    }

    private double appendSingles(int n) {
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            ArchivedMessage message = message(count);
            store.append(List.of(message));
            remember(List.of(message));
        }
        return rate(n, started);
    }

    /** Median latency of a page in ms, after a warm-up; checks that each page is full. */
    private String latency(IntFunction<ArchiveQuery> query) {
        int warmup = Math.min(WARMUP, queries);
        long[] nanos = new long[queries];
        for (int i = 0; i < warmup + queries; i++) {
            ArchiveQuery q = query.apply(i);
            long started = System.nanoTime();
            int size = store.query(owner, q).messages().size();
            long took = System.nanoTime() - started;
            if (size != PAGE) {
                throw new IllegalStateException("expected a full page, got " + size + " for " + q);
            }
            if (i >= warmup) {
                nanos[i - warmup] = took;
            }
        }
        Arrays.sort(nanos);
        return String.format("%.2f (p99 %.2f)", nanos[queries / 2] / 1e6, nanos[queries * 99 / 100] / 1e6);
    }

    private static ArchiveQuery page(String with, Long before) {
        return new ArchiveQuery(with, null, null, null, null, before, null, PAGE, true);
    }

    private ArchivedMessage message(int n) {
        long id = ids.next(START.plusMillis(n * 10L));
        String peer = "peer" + (n / RUN) % PEERS + "@example.net";
        String body = "message number " + n + " in a conversation about nothing much, long enough to look real";
        String stanza = "<message xmlns='jabber:client' from='bench@example.org/phone' to='" + peer
                + "' type='chat' id='m" + n + "'><body>" + body + "</body><origin-id xmlns='urn:xmpp:sid:0' id='o"
                + n + "'/><active xmlns='http://jabber.org/protocol/chatstates'/></message>";
        return new ArchivedMessage(owner, id, peer, "r" + n % 4, n % 2 == 0, "o" + n, stanza);
    }

    private void remember(List<ArchivedMessage> batch) {
        if (count + batch.size() > stored.length) {
            stored = Arrays.copyOf(stored, Math.max(1024, 2 * (count + batch.size())));
        }
        for (ArchivedMessage message : batch) {
            stored[count++] = message.id();
        }
    }

    private static double rate(int n, long startedNanos) {
        return n / ((System.nanoTime() - startedNanos) / 1e9);
    }

    private static void print(String line) {
        System.out.println(line);
    }
}
