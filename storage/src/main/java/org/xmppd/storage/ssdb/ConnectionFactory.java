package org.xmppd.storage.ssdb;

import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.nutz.ssdb4j.spi.SSDBStream;
import org.xmppd.storage.SsdbConfig;

/** Makes the pool's {@link NoDelayStream}s; one that failed is not handed out again. */
final class ConnectionFactory extends BasePooledObjectFactory<SSDBStream> {
    private final SsdbConfig config;
    private final byte[] password;

    ConnectionFactory(SsdbConfig config) {
        this.config = config;
        this.password = config.password() == null ? null : SsdbClient.bytes(config.password());
    }

    @Override
    public SSDBStream create() throws Exception {
        return new NoDelayStream(config.host(), config.port(), config.timeoutMs(), password);
    }

    @Override
    public PooledObject<SSDBStream> wrap(SSDBStream stream) {
        return new DefaultPooledObject<>(stream);
    }

    @Override
    public boolean validateObject(PooledObject<SSDBStream> pooled) {
        return ((NoDelayStream) pooled.getObject()).isOpen();
    }

    @Override
    public void destroyObject(PooledObject<SSDBStream> pooled) throws Exception {
        pooled.getObject().close();
    }
}
