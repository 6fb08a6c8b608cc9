package dev.zanith.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test main: runs the CLI while sampling the heap every 5 ms, then prints to standard error
 * {@code peak-heap-used-bytes=N} (the highest heap use sampled) and {@code peak-heap-pools-bytes=N} (the sum of the
 * heap pools' own peaks, an upper bound), and exits with the CLI's code.
 */
public final class MeasuredCli {

    private MeasuredCli() {
    }

    public static void main(String[] args) throws InterruptedException {
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = ZanithCli.execute(Console.system(out, err), args);
        out.flush();
        sampler.interrupt();
        sampler.join();
        long pools = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                pools += pool.getPeakUsage().getUsed();
            }
        }
        err.println("peak-heap-used-bytes=" + peak.get());
        err.println("peak-heap-pools-bytes=" + pools);
        err.println("max-heap-bytes=" + Runtime.getRuntime().maxMemory());
        err.flush();
        System.exit(code);
    }
}
