package dev.glasshouse.samples.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every demo by the name the launcher knows it under, in the order the README presents them. */
public final class Catalog {
    private final Map<String, Demo> demos = new LinkedHashMap<>();

    public Catalog() {
        demos.put("lock", new LockDemo());
        demos.put("rwlock", new ReadWriteLockDemo());
        demos.put("election", new ElectionDemo());
        demos.put("group", new GroupDemo());
        demos.put("naming", new NamingDemo());
        demos.put("config", new ConfigDemo());
        demos.put("barrier", new BarrierDemo());
        demos.put("double-barrier", new DoubleBarrierDemo());
        demos.put("queue", new QueueDemo());
        demos.put("master-worker", new MasterWorkerDemo());
    }

    public Optional<Demo> find(String name) {
        return Optional.ofNullable(demos.get(name));
    }

    public Iterable<String> names() {
        return demos.keySet();
    }
}
