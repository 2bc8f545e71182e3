package org.xmppd.load.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The measured server, seen through Linux {@code /proc/<pid>}: CPU time used
 * ({@code utime + stime} of {@code stat}, all threads) and resident memory ({@code VmRSS} of
 * {@code status}). Only the one process is counted; every server measured here (a JVM, a Lua
 * interpreter, one Erlang VM) runs as a single process.
 */
public final class ServerProcess {
    private final long pid;
    private final Path dir;
    private final int clockTicksPerSecond;

    /**
     * @param clockTicksPerSecond the unit of {@code utime}/{@code stime}: USER_HZ, 100 on Linux
     *     for every common architecture ({@code getconf CLK_TCK})
     */
    public ServerProcess(long pid, Path procRoot, int clockTicksPerSecond) {
        this.pid = pid;
        this.dir = procRoot.resolve(Long.toString(pid));
        this.clockTicksPerSecond = clockTicksPerSecond;
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no process " + pid + " (" + dir + " is missing)");
        }
    }

    public long pid() {
        return pid;
    }

    /** CPU time used so far, user plus system, in milliseconds. */
    public double cpuMillis() {
        return cpuTicks(read("stat")) * 1000.0 / clockTicksPerSecond;
    }

    /** Resident set size now, in KiB. */
    public long rssKib() {
        return rssKib(read("status"));
    }

    /** The highest number of open files the process may have (soft limit), or -1 if unlimited. */
    public long openFilesLimit() {
        return openFilesLimitOf(read("limits"));
    }

    /**
     * Fields 14 and 15 of {@code stat} (proc(5)). The command name (field 2) may hold spaces and
     * parentheses, so fields are counted from the last ')'.
     */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // After ')': field 3 (state) is index 0, so utime (14) is index 11 and stime (15) index 12.
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static long rssKib(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalArgumentException("no VmRSS line (a kernel thread or a zombie?)");
    }

    /** The soft "Max open files" of a {@code /proc/<pid>/limits} text, -1 when unlimited. */
    public static long openFilesLimitOf(String limits) {
        for (String line : limits.split("\n")) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? -1 : Long.parseLong(soft);
            }
        }
        throw new IllegalArgumentException("no 'Max open files' line");
    }

    private String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(file) + " (has the server exited?)", e);
        }
    }
}
