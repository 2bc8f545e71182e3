package org.xmppd.jmh;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.xmppd.codec.Element;
import org.xmppd.codec.ParserLimits;
import org.xmppd.codec.StreamErrorException;
import org.xmppd.codec.StreamHandler;
import org.xmppd.codec.StreamOpen;
import org.xmppd.codec.XmppStreamParser;

/**
 * Parsing a chat message from bytes, as a c2s connection does: one {@link XmppStreamParser} per
 * connection, opened once with a stream header, then fed each stanza as it arrives.
 * {@code streamMessage}: the whole stanza in one read (the usual case); {@code streamMessageIn64ByteReads}:
 * the stanza split into 64-byte reads (TLS records cut by a slow network).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {
    private static final byte[] HEADER = ("<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' to='montague.example' version='1.0'>")
            .getBytes(StandardCharsets.UTF_8);

    private byte[] message;
    private XmppStreamParser parser;
    private Blackhole sink;

    @Setup
    public void openStream(Blackhole blackhole) throws StreamErrorException {
        sink = blackhole;
        message = ChatMessages.wireBytes();
        parser = new XmppStreamParser(ParserLimits.DEFAULT, new StreamHandler() {
            @Override
            public void streamOpened(StreamOpen open) {
                sink.consume(open);
            }

            @Override
            public void element(Element element) {
                sink.consume(element);
            }

            @Override
            public void streamClosed() {
                throw new IllegalStateException("the benchmark stream never closes");
            }
        });
        parser.feed(HEADER, 0, HEADER.length);
    }

    @Benchmark
    public void streamMessage() throws StreamErrorException {
        parser.feed(message, 0, message.length);
    }

    @Benchmark
    public void streamMessageIn64ByteReads() throws StreamErrorException {
        for (int offset = 0; offset < message.length; offset += 64) {
            parser.feed(message, offset, Math.min(64, message.length - offset));
        }
    }
}
