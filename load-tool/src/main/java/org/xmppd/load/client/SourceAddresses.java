package org.xmppd.load.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Local addresses to connect from, in turn. One source address gives about 28,000 ephemeral
 * ports (Linux default range 32768-60999), and closed connections hold theirs in TIME_WAIT for a
 * minute; spreading over 127.0.0.1, 127.0.0.2, ... (all on the loopback interface) multiplies that.
 */
public final class SourceAddresses {
    private final List<InetAddress> addresses;
    private final AtomicLong next = new AtomicLong();

    private SourceAddresses(List<InetAddress> addresses) {
        this.addresses = List.copyOf(addresses);
    }

    /** 127.0.0.1 up to 127.0.0.{count}; {@code count} 0 lets the kernel choose. */
    public static SourceAddresses loopback(int count) {
        if (count < 0 || count > 254) {
            throw new IllegalArgumentException("source address count must be 0..254: " + count);
        }
        List<InetAddress> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            try {
                list.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) i}));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("a 4-byte address is always valid", e);
            }
        }
        return new SourceAddresses(list);
    }

    public int size() {
        return addresses.size();
    }

    /** The next address with port 0 (any free port), or null when the kernel chooses. */
    public InetSocketAddress nextOrNull() {
        if (addresses.isEmpty()) {
            return null;
        }
        return new InetSocketAddress(addresses.get((int) (next.getAndIncrement() % addresses.size())), 0);
    }
}
