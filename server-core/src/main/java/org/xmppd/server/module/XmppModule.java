package org.xmppd.server.module;

/**
 * A feature of the server: registers its handlers and disco entries through the
 * {@link ModuleContext} in {@link #start}. Registrations are tracked by the context and
 * released when the module stops, so modules write no teardown code.
 * Implementations are found with {@link java.util.ServiceLoader} and enabled by name in the
 * {@code modules:} list of the configuration.
 */
public interface XmppModule {
    /** The name used in the {@code modules:} configuration list. */
    String name();

    void start(ModuleContext context);

    /**
     * The record {@link ModuleContext#config} binds this module's options to, so that
     * {@code xmppd check} can validate them without starting anything; null when it has none.
     */
    default Class<?> configType() {
        return null;
    }

    /** Releases what the module holds beyond its registrations; most modules have nothing. */
    default void stop() {
    }
}
