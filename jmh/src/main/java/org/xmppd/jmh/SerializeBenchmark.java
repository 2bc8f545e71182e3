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
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.XmlWriter;

/**
 * Serializing the chat message element for a {@code jabber:client} stream, as the server does
 * before each write: to a String ({@code toStreamXml}), and on to the UTF-8 bytes the socket gets
 * ({@code toStreamBytes}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SerializeBenchmark {
    private Element message;

    @Setup
    public void build() {
        message = ChatMessages.element();
    }

    @Benchmark
    public String toStreamXml() {
        return XmlWriter.toStreamXml(message, Namespaces.CLIENT);
    }

    @Benchmark
    public byte[] toStreamBytes() {
        return XmlWriter.toStreamXml(message, Namespaces.CLIENT).getBytes(StandardCharsets.UTF_8);
    }
}
