package org.xmppd.server.stream.sm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xmppd.codec.Element;

class UnackedQueueTest {
    private static UnackedQueue.Entry entry(int n) {
        return new UnackedQueue.Entry(Element.builder("message", "jabber:client").attribute("id", "m" + n).build(),
                UnackedQueue.Entry.NOT_JOURNALED, Instant.EPOCH);
    }

    private static List<String> ids(List<UnackedQueue.Entry> entries) {
        return entries.stream().map(e -> e.stanza().attributeOrNull("id")).toList();
    }

    @Test
    void anAckDropsWhatItCoversOldestFirst() throws Exception {
        UnackedQueue queue = new UnackedQueue();
        for (int i = 1; i <= 4; i++) {
            queue.add(entry(i));
        }
        assertEquals(List.of("m1", "m2"), ids(queue.acknowledge(2)));
        assertEquals(List.of(), ids(queue.acknowledge(2)), "a repeated h covers nothing new");
        assertEquals(List.of("m3", "m4"), ids(queue.pending()));
        assertEquals(4, queue.sentCount());
        assertEquals(List.of("m3", "m4"), ids(queue.drain()));
        assertEquals(0, queue.size());
    }

    @Test
    void countsWrapAtTwoToTheThirtyTwo() throws Exception {
        UnackedQueue queue = new UnackedQueue();
        queue.startAt((1L << 32) - 2);
        for (int i = 1; i <= 4; i++) {
            queue.add(entry(i));
        }
        assertEquals(2, queue.sentCount(), "XEP-0198 §4: h wraps to 0 after 2^32 - 1");
        assertEquals(List.of("m1", "m2", "m3"), ids(queue.acknowledge(1)));
        assertEquals(1, queue.ackedCount());
        assertEquals(List.of("m4"), ids(queue.acknowledge(2)));
    }

    @Test
    void anAckAboveWhatWasSentIsRefused() throws Exception {
        UnackedQueue queue = new UnackedQueue();
        queue.add(entry(1));
        queue.acknowledge(1);
        assertThrows(UnackedQueue.HandledCountTooHighException.class, () -> queue.acknowledge(2));
        assertThrows(UnackedQueue.HandledCountTooHighException.class, () -> queue.acknowledge(0),
                "going back means wrapping all the way round: far too high");
        assertThrows(UnackedQueue.HandledCountTooHighException.class, () -> queue.acknowledge(1L << 32));
    }
}
