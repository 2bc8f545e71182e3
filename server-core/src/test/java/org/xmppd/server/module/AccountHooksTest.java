package org.xmppd.server.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/** Account hooks in the registry: run in registration order, released with their module, failures stop the run. */
class AccountHooksTest {
    private final EntityBareJid alice = JidCreate.entityBareFromOrThrowUnchecked("alice@example.org");
    private final ModuleRegistry registry = new ModuleRegistry();
    private final List<String> ran = new ArrayList<>();

    @Test
    void hooksRunInOrderUntilTheirModuleStops() {
        registry.addAccountHook("pubsub", account -> ran.add("pubsub " + account));
        registry.addAccountHook("pep", account -> ran.add("pep " + account));
        registry.runAccountHooks(alice);
        assertEquals(List.of("pubsub alice@example.org", "pep alice@example.org"), ran);
        registry.removeAll("pubsub");
        ran.clear();
        registry.runAccountHooks(alice);
        assertEquals(List.of("pep alice@example.org"), ran);
    }

    @Test
    void aFailingHookStopsTheRunAndReachesTheCaller() {
        registry.addAccountHook("broken", account -> {
            throw new IllegalStateException("storage down");
        });
        registry.addAccountHook("later", account -> ran.add("later"));
        assertEquals("storage down", assertThrows(IllegalStateException.class,
                () -> registry.runAccountHooks(alice)).getMessage());
        assertEquals(List.of(), ran, "the caller keeps the account; a retry runs every hook again");
    }
}
