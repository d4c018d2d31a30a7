package io.kycflow.ingest.registry;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

import java.util.Map;

/**
 * Bounds the memory of every RocksDB store in this JVM: one block cache and one write-buffer manager
 * shared by all stores, sized by {@code KYCFLOW_ROCKSDB_MEMORY_MB}, so the all-in-one fits on a laptop
 * beside the screening index however many partitions it owns (the pattern of Kafka Streams' memory
 * management guide).
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    public static final String TOTAL_BYTES_CONFIG = "kycflow.rocksdb.memory.bytes";

    private static Cache cache;
    private static WriteBufferManager writeBufferManager;

    private static synchronized void initialise(long totalBytes) {
        if (cache == null) {
            // A quarter of the budget for memtables, counted against the same cache.
            cache = new LRUCache(totalBytes, -1, false, 0.1);
            writeBufferManager = new WriteBufferManager(totalBytes / 4, cache);
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object configured = configs.get(TOTAL_BYTES_CONFIG);
        long total = configured == null ? 64L << 20 : Long.parseLong(configured.toString());
        initialise(total);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBufferManager);
        options.setMaxWriteBufferNumber(2);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and manager are shared by every store of the JVM: never closed per store.
    }
}
