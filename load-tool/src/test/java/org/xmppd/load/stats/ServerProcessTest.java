package org.xmppd.load.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServerProcessTest {
    @Test
    void cpuTicksAreUtimePlusStimeEvenWithParenthesesInTheName() {
        String stat = "4242 (a (b) c) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 30 0 5000 1000 2000";
        assertEquals(1234 + 567, ServerProcess.cpuTicks(stat));
    }

    @Test
    void rssComesFromVmRss() {
        String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  123456 kB\nThreads:\t30\n";
        assertEquals(123456, ServerProcess.rssKib(status));
        assertThrows(IllegalArgumentException.class, () -> ServerProcess.rssKib("Name:\tkthreadd\n"));
    }

    @Test
    void openFilesLimitIsTheSoftLimit() {
        String limits = "Limit                     Soft Limit           Hard Limit           Units     \n"
                + "Max cpu time              unlimited            unlimited            seconds   \n"
                + "Max open files            20000                20000                files     \n";
        assertEquals(20000, ServerProcess.openFilesLimitOf(limits));
        assertEquals(-1, ServerProcess.openFilesLimitOf("Max open files            unlimited unlimited files\n"));
    }

    @Test
    void readsALiveProcess() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux /proc");
        ServerProcess self = new ServerProcess(ProcessHandle.current().pid(), Path.of("/proc"), 100);
        double before = self.cpuMillis();
        long spin = 0;
        for (long i = 0; i < 300_000_000L; i++) {
            spin += i ^ (spin >>> 3);
        }
        assertTrue(spin != 42, "keeps the loop alive");
        assertTrue(self.cpuMillis() > before, "CPU time grows while this thread spins");
        assertTrue(self.rssKib() > 1024, "a JVM has more than 1 MiB resident");
        assertTrue(self.openFilesLimit() != 0);
    }

    @Test
    void refusesAMissingProcess() {
        assertThrows(IllegalArgumentException.class, () -> new ServerProcess(Long.MAX_VALUE, Path.of("/proc"), 100));
    }
}
