package org.xmppd.server.module;

import org.jxmpp.jid.EntityBareJid;

/**
 * What a module does when an account is deleted (XEP-0077 §3.2 cancel, {@code xmppd deluser}):
 * delete what it keeps for the account and forget what it caches about it. Runs before the
 * account's credentials go, so a failure (an exception) leaves an account that can try again;
 * hooks must therefore be safe to run twice.
 */
@FunctionalInterface
public interface AccountHook {
    void accountRemoved(EntityBareJid account);
}
