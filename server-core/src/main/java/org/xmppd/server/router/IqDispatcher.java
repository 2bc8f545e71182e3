package org.xmppd.server.router;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.codec.StanzaErrors;
import org.xmppd.server.module.ModuleRegistry;
import org.xmppd.server.module.StorageGuard;
import org.xmppd.storage.StorageException;

/**
 * Runs the registered handler of an IQ addressed to the server or to an account, with the
 * shared policy: one payload for get/set (RFC 6120 §8.2.3), {@code service-unavailable} when
 * nothing handles it, {@code internal-server-error} when the handler fails (with a text saying
 * so when a store is unreachable, RFC 6120 §8.3.3.6).
 */
final class IqDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(IqDispatcher.class);

    private final ModuleRegistry modules;
    private final StanzaRouter router;

    IqDispatcher(ModuleRegistry modules, StanzaRouter router) {
        this.modules = modules;
        this.router = router;
    }

    void dispatch(Iq iq, boolean toServer) throws StanzaErrorException {
        if (!iq.isRequest()) {
            return; // results and errors for the server or an account end here
        }
        if (iq.element().elements().size() != 1) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "An IQ request has exactly one payload");
        }
        Element payload = iq.payload().orElseThrow();
        ModuleRegistry.IqBinding binding = modules.iqHandler(iq.type(), payload.name(), payload.namespace());
        if (binding == null || !(toServer ? binding.route().forServer() : binding.route().forAccounts())) {
            throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
        }
        Element reply;
        try {
            reply = binding.handler().handle(iq);
        } catch (StanzaErrorException e) {
            reply = StanzaErrors.of(iq.element(), e);
        } catch (StorageException e) {
            // An outage (Redis gone, say), not a bug: the message names the store; no stack trace.
            LOG.warn("module {}: storage failed on {}: {}", binding.owner(), iq, e.getMessage());
            reply = StanzaErrors.of(iq.element(), StorageGuard.unavailable());
        } catch (RuntimeException e) {
            LOG.error("module {} failed on {}", binding.owner(), iq, e);
            reply = StanzaErrors.error(iq.element(), StanzaErrorCondition.INTERNAL_SERVER_ERROR, null);
        }
        if (reply != null) {
            router.route(reply);
        }
    }
}
