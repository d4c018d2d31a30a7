package io.kycflow.bench.screening;

import java.lang.management.ManagementFactory;

/**
 * Heap in use after garbage collection: the difference across loading is what the loaded data retains.
 * Several collections with pauses between, because one System.gc() may leave reference queues and
 * concurrent cleanup unfinished.
 */
final class HeapUse {
    private HeapUse() {
    }

    static long afterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
