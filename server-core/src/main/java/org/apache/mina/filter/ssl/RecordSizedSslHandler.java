package org.apache.mina.filter.ssl;

import java.util.concurrent.Executor;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilter.NextFilter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteRequest;

/**
 * MINA's TLS handler with a write path of xmppd's own. It lives in MINA's package because the
 * handler it extends is package-private there.
 *
 * <p>MINA 2.2 gives every write a fresh zeroed buffer of at least two full TLS records (about
 * 33 KiB) for what is mostly a stanza of a few hundred bytes; while writes queue up, those
 * buffers pile up in the heap and every young collection copies them. Here a write gets a
 * buffer of its own size plus the record overhead, for engines that accept that (BoringSSL
 * does); an engine that answers {@code BUFFER_OVERFLOW} (the JDK's wants room for a whole record)
 * gets one record's room from then on. Reads likewise get room for the data received rather
 * than a whole record: a record's plaintext is shorter than its ciphertext, and an incomplete
 * record waits in MINA's decode buffer for the rest, whatever the room.
 *
 * <p>It also closes a gap of MINA's write loop: when the engine first hands out data of its own
 * (TLS 1.3 session tickets it held back) without taking any of the write, MINA queued that
 * buffer without flipping it, so the peer got a run of zero bytes in place of a record.
 */
public final class RecordSizedSslHandler extends SSLHandlerG1 {
    private boolean compact = true;
    /** Plaintext and overhead of one record, read once the handshake is done (asking costs a lock). */
    private int record = -1;
    private int overhead;

    public RecordSizedSslHandler(SSLEngine engine, Executor executor, IoSession session) {
        super(engine, executor, session);
    }

    @Override
    protected synchronized boolean write_loop(NextFilter next, WriteRequest request) throws SSLException {
        IoBuffer source = (IoBuffer) request.getMessage();
        IoBuffer dest = encodeBuffer(source.remaining());
        SSLEngineResult result = mEngine.wrap(source.buf(), dest.buf());
        if (result.bytesProduced() == 0) {
            dest.free();
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW && compact && mHandshakeComplete) {
                compact = false;
                return write_loop(next, request);
            }
        } else {
            dest.flip();
            if (result.bytesConsumed() > 0 && !source.hasRemaining()) {
                mWriteQueue.add(new EncryptedWriteRequest(dest, request));
                return true;
            }
            mWriteQueue.add(new EncryptedWriteRequest(dest, null));
            if (result.bytesConsumed() > 0) {
                // One record of a long write: go on while few enough are waiting to be sent.
                return mWriteQueue.size() + mAckQueue.size() < MAX_UNACK_MESSAGES && write_loop(next, request);
            }
            if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
                    && result.getStatus() == SSLEngineResult.Status.OK) {
                return write_loop(next, request); // the engine's own data went first; now the write
            }
        }
        switch (result.getHandshakeStatus()) {
            case NEED_TASK -> schedule_task(next);
            case NEED_WRAP -> {
                return write_loop(next, request);
            }
            case FINISHED -> {
                finish_handshake(next);
                return write_loop(next, request);
            }
            default -> {
                // NEED_UNWRAP or NOT_HANDSHAKING: the write waits in MINA's queue
            }
        }
        return false;
    }

    private void readRecordSize() {
        if (record < 0) {
            SSLSession session = mEngine.getSession();
            overhead = session.getPacketBufferSize() - session.getApplicationBufferSize();
            record = session.getApplicationBufferSize();
        }
    }

    /** Room for what {@code length} bytes received decrypt to: MINA's allocation until the handshake is done. */
    @Override
    protected IoBuffer allocate_app_buffer(int length) {
        if (!mHandshakeComplete) {
            return super.allocate_app_buffer(length);
        }
        readRecordSize();
        // At most a whole packet: more than any record's plaintext, even an oversized one's.
        return IoBuffer.allocate(Math.min(Math.max(length, 1), record + overhead));
    }

    /** Room for {@code length} bytes of a write: MINA's allocation until the handshake is done. */
    private IoBuffer encodeBuffer(int length) {
        if (!mHandshakeComplete) {
            return allocate_encode_buffer(length);
        }
        readRecordSize();
        return IoBuffer.allocate(compact ? Math.min(length, record) + overhead : record + overhead);
    }
}
