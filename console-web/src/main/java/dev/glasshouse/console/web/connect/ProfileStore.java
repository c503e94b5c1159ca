package dev.glasshouse.console.web.connect;

import dev.glasshouse.engine.console.ConnectionProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The connection profiles every user of this console can choose from: those configured in
 * {@code glasshouse.web.connections} ({@code name=connectString;...}), those operators add, and the
 * demo ensemble once started. Kept in memory for the life of the process. Thread-safe.
 */
public final class ProfileStore {
    public static final String DEMO = "demo";

    private final List<ConnectionProfile> profiles = new ArrayList<>();

    public static ProfileStore parse(String configured) {
        ProfileStore store = new ProfileStore();
        for (String entry : configured.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("glasshouse.web.connections entry '" + entry.strip()
                        + "' needs the form name=host:port[,host:port...][/chroot]");
            }
            store.put(ConnectionProfile.of(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip()));
        }
        return store;
    }

    /** Adds a profile, replacing one with the same name. */
    public synchronized void put(ConnectionProfile profile) {
        profiles.removeIf(existing -> existing.name().equals(profile.name()));
        profiles.add(profile);
    }

    public synchronized List<ConnectionProfile> all() {
        return List.copyOf(profiles);
    }

    public synchronized Optional<ConnectionProfile> find(String name) {
        return profiles.stream().filter(profile -> profile.name().equals(name)).findFirst();
    }

    /** What a user sees first: the demo ensemble when it runs, else the first profile. */
    public synchronized Optional<ConnectionProfile> preferred() {
        return find(DEMO).or(() -> profiles.stream().findFirst());
    }
}
