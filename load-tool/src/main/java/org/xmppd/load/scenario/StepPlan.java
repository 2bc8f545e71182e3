package org.xmppd.load.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a stepped scenario offers load: each rate in turn for {@code step}, then up to
 * {@code drain} for deliveries still under way; a step passes when p99 latency is within
 * {@code p99BoundMs}, and the run stops at the first step that does not.
 *
 * @param rates aggregate rates to try, in order (stanzas sent per second)
 * @param step how long each rate is offered
 * @param drain how long to wait after a step for deliveries still under way
 * @param p99BoundMs the latency bound of a passing step
 * @param warmup how long the first rate is offered, unmeasured, before the first step (JIT of the
 *     server and of the tool, caches, connection buffers); zero for none
 */
public record StepPlan(List<Integer> rates, Duration step, Duration drain, double p99BoundMs, Duration warmup) {
    public StepPlan {
        rates = List.copyOf(rates);
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(drain, "drain");
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("a warm-up cannot be negative: " + warmup);
        }
        if (rates.isEmpty() || rates.stream().anyMatch(r -> r < 1)) {
            throw new IllegalArgumentException("rates must be one or more positive numbers: " + rates);
        }
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("a step must last: " + step);
        }
    }
}
