package org.xmppd.server.modules.blocking;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** The JID matching of XEP-0191 (as XEP-0016 §2.1). */
class BlockListTest {
    private static BlockList of(String... jids) {
        return new BlockList(new TreeSet<>(Set.of(jids)));
    }

    private static Jid jid(String jid) {
        return JidCreate.fromOrThrowUnchecked(jid);
    }

    @Test
    void fullJidBlocksOnlyThatResource() {
        BlockList list = of("romeo@example.net/orchard");
        assertTrue(list.blocks(jid("romeo@example.net/orchard")));
        assertFalse(list.blocks(jid("romeo@example.net/garden")));
        assertFalse(list.blocks(jid("romeo@example.net")));
    }

    @Test
    void bareJidBlocksEveryResource() {
        BlockList list = of("romeo@example.net");
        assertTrue(list.blocks(jid("romeo@example.net")));
        assertTrue(list.blocks(jid("romeo@example.net/any")));
        assertFalse(list.blocks(jid("juliet@example.net/any")));
        assertFalse(list.blocks(jid("example.net")));
    }

    @Test
    void domainResourceBlocksOnlyThatResourceOfTheDomain() {
        BlockList list = of("example.net/bot");
        assertTrue(list.blocks(jid("example.net/bot")));
        assertFalse(list.blocks(jid("example.net")));
        assertFalse(list.blocks(jid("romeo@example.net/bot")));
    }

    @Test
    void domainBlocksItsAddressesAndSubdomains() {
        BlockList list = of("example.net");
        assertTrue(list.blocks(jid("example.net")));
        assertTrue(list.blocks(jid("romeo@example.net/x")));
        assertTrue(list.blocks(jid("example.net/bot")));
        assertTrue(list.blocks(jid("room@muc.example.net/nick")));
        assertFalse(list.blocks(jid("notexample.net")));
        assertFalse(list.blocks(jid("romeo@example.org")));
    }

    @Test
    void emptyListBlocksNothing() {
        assertFalse(BlockList.EMPTY.blocks(jid("romeo@example.net")));
        assertTrue(BlockList.itemMatches("example.net", jid("romeo@example.net")));
        assertFalse(BlockList.itemMatches("juliet@example.net", jid("romeo@example.net")));
    }
}
